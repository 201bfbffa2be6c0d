from wagtail.fields import StreamField


class LeanStreamField(StreamField):
    """A StreamField whose migrations do not freeze the block definitions.

    The column is JSON either way, so block changes need no database change; leaving them
    out of migrations keeps migrations small and stops every block tweak from creating one.
    """

    def __init__(self, *args, **kwargs):
        if args:
            block_types, args = args[0] or [], args[1:]
        else:
            block_types = kwargs.pop("block_types", [])
        super().__init__(block_types, *args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if args:
            args = args[1:]
        kwargs.pop("block_types", None)
        kwargs.pop("verbose_name", None)
        kwargs.pop("block_lookup", None)
        return name, path, args, kwargs
