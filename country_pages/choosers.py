"""Image and document chooser blocks that check the editor may use the chosen file.

Wagtail's chooser blocks accept any id posted in the page form, and the preview then
prints the file's URL: a focal point could read any State's unpublished files. These
blocks refuse a file unless the editor has "choose" rights on its collection (a focal
point: their State's collection and "Shared"; the ISU: every collection), or the page
already uses it (a file the ISU chose stays when a focal point edits the page).

Blocks have no request: the page form (CountryPageForm, which Wagtail builds with
`for_user` in the edit, create and preview views) tells them who is editing, for the
duration of its validation, through a context variable.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .figures import enforce_on_form


@dataclass(frozen=True)
class Editing:
    user: object
    # (model label, object id) of what the page already uses, in its draft or live content.
    in_use: frozenset[tuple[str, str]]
    # Form field names whose posted object was refused.
    refused: list[str] = field(default_factory=list)


_editing: ContextVar[Editing | None] = ContextVar("country_pages_editing", default=None)


@contextmanager
def editing_as(user, in_use=()) -> Iterator[Editing]:
    editing = Editing(user, frozenset(in_use))
    token = _editing.set(editing)
    try:
        yield editing
    finally:
        _editing.reset(token)


def reference_key(model, object_id) -> tuple[str, str]:
    return model._meta.label_lower, str(object_id)


def may_use(obj) -> bool:
    """Whether the user editing (if any) may put `obj` in the page. Outside an editor's
    form (code, the demo loader, data migrations) there is nobody to check."""
    editing = _editing.get()
    if editing is None:
        return True
    if reference_key(type(obj), obj.pk) in editing.in_use:
        return True
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_permission_for_instance(editing.user, "choose", obj)


NOT_ALLOWED = _("You cannot use this file. Choose one from your collection or “Shared”.")


class PermittedChooserMixin:
    def value_from_datadict(self, data, files, prefix):
        value = super().value_from_datadict(data, files, prefix)
        editing = _editing.get()
        if value is not None and editing is not None and not may_use(value):
            editing.refused.append(prefix)
        return value

    def clean(self, value):
        value = super().clean(value)
        if value is not None and not may_use(value):
            raise ValidationError(NOT_ALLOWED, code="not_permitted")
        return value


class PermittedImageChooserBlock(PermittedChooserMixin, ImageChooserBlock):
    # Same definition as Wagtail's block in migrations: only validation differs.
    canonical_module_path = "wagtail.images.blocks.ImageChooserBlock"


class PermittedDocumentChooserBlock(PermittedChooserMixin, DocumentChooserBlock):
    canonical_module_path = "wagtail.documents.blocks.DocumentChooserBlock"


def references_in(page) -> set[tuple[str, str]]:
    """What `page` (an editor's form instance: the latest draft) and its stored row (the
    live content) already use."""
    found: set[tuple[str, str]] = set()
    if page.pk is None:
        return found
    stored = type(page).objects.filter(pk=page.pk).first()
    for version in (page, stored):
        body = getattr(version, "body", None)
        if body is None:
            continue
        for model, object_id, _path, _content_path in body.stream_block.extract_references(body):
            found.add(reference_key(model, object_id))
    return found


class CountryPageForm(WagtailAdminPageForm):
    """The country page's admin form: its blocks are validated knowing who edits."""

    def full_clean(self):
        if self.for_user is None:
            return super().full_clean()
        with editing_as(self.for_user, references_in(self.instance)) as editing:
            super().full_clean()
        if editing.refused:
            # The form is shown again with the error: without the refused id, or the
            # chooser would show the file's title and thumbnail.
            self.data = self.data.copy()
            for name in editing.refused:
                self.data[name] = ""

    def clean(self):
        cleaned_data = super().clean()
        # A translation's figures are the source's (country_pages/figures.py): an edit
        # keeps its words only. How many figures were reset is told to the editor.
        if not self.errors:
            self.instance.figures_reset = enforce_on_form(self)
        return cleaned_data
