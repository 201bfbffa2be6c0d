"""5. Maps and 9. Additional resources: images, documents and links."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..choosers import PermittedDocumentChooserBlock, PermittedImageChooserBlock
from .fields import HttpURLBlock, check_not_future, raise_if
from .section import AnnexSectionBlock


class MapBlock(blocks.StructBlock):
    image = PermittedImageChooserBlock(label=_("Map image"))
    caption = blocks.CharBlock(max_length=250, label=_("Caption"))
    text_alternative = blocks.TextBlock(
        max_length=1500,
        label=_("Text alternative"),
        help_text=_("What the map shows, for people who cannot see it."),
    )
    source = blocks.CharBlock(max_length=250, label=_("Source"))
    date = blocks.DateBlock(label=_("Date of the data"))
    data_tool_url = HttpURLBlock(
        required=False,
        label=_("Public national data tool"),
        help_text=_("Optional link to a public dashboard built on national mine action data."),
    )

    class Meta:
        icon = "image"
        label = _("Map")

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        check_not_future(value["date"], "date", errors)
        raise_if(errors)
        return value


class MapsBlock(AnnexSectionBlock):
    maps = blocks.ListBlock(MapBlock(), min_num=1, label=_("Maps"))

    class Meta:
        icon = "image"
        label = _("Maps")
        description = _(
            "Maps of the national context, with links to public tools built on national "
            "mine action data (IMSMA dashboards)."
        )
        template = "blocks/maps.html"
        preview_value = {"maps": []}


# --- 9. Additional resources ---------------------------------------------------------------


class ResourceLinkBlock(blocks.StructBlock):
    KIND_CHOICES = [
        ("article7", _("Article 7 transparency report")),
        ("national_website", _("National mine action website")),
        ("national_strategy", _("National mine action strategy")),
        ("landmine_monitor", _("Landmine Monitor profile")),
        ("clearance_profile", _("Clearance profile")),
        ("other", _("Other")),
    ]
    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, label=_("Kind"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    url = HttpURLBlock(required=False, label=_("Web address"))
    document = PermittedDocumentChooserBlock(required=False, label=_("Or a document"))

    class Meta:
        icon = "link"
        label = _("Resource")

    def clean(self, value):
        value = super().clean(value)
        if bool(value["url"]) == bool(value["document"]):
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError(_("Give either a web address or a document, not both."))
                ]
            )
        return value


class AdditionalResourcesBlock(AnnexSectionBlock):
    links = blocks.ListBlock(ResourceLinkBlock(), min_num=1, label=_("Links"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Additional resources")
        description = _(
            "Article 7 reports, the national mine action website and strategy, the Landmine "
            "Monitor and clearance profiles, and other useful links."
        )
        template = "blocks/additional_resources.html"
        preview_value = {
            "links": [
                {
                    "kind": "landmine_monitor",
                    "title": "Landmine Monitor country profile",
                    "url": "https://www.the-monitor.org/",
                }
            ]
        }
