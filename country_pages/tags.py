"""The ISU's thematic tags: a model of its own, which the pages' blocks and the derived
index both use without importing the page models."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel

from registry.models import NAME_FIELDS, name_field


class ThematicTag(TagBase):
    """The ISU's vocabulary of cross-cutting themes (gender and diversity, SDGs, capacity
    building, …), used to tag needs and support. A django-taggit tag whose slug is the same
    in every language, with a label per language."""

    name_fr = models.CharField(_("name (French)"), max_length=100, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=100, blank=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=100, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=100, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=100, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        *(FieldPanel(field) for field in NAME_FIELDS if field != "name_en"),
    ]

    class Meta:
        verbose_name = _("thematic tag")
        verbose_name_plural = _("thematic tags")

    @property
    def label(self) -> str:
        field = name_field()
        return (getattr(self, field) if field != "name_en" else "") or self.name


def tag_choices() -> list[tuple[str, str]]:
    """(slug, label in the active language) of every thematic tag, by name."""
    return [(tag.slug, tag.label) for tag in ThematicTag.objects.order_by("name")]
