"""7. Partnerships: assisting States, partner organisations, projects, stories."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from .action21 import Action21PartnershipBlock, partnership_records
from .fields import (
    CurrencyBlock,
    MoneyBlock,
    ThemeTagsBlock,
    check_money,
    check_target_year,
    raise_if,
)
from .section import AnnexSectionBlock


class AssistingStateBlock(blocks.StructBlock):
    state = SnippetChooserBlock("registry.StateParty", label=_("State"))
    support = blocks.TextBlock(max_length=600, required=False, label=_("Support provided"))
    themes = ThemeTagsBlock(label=_("Themes supported"))

    class Meta:
        icon = "globe"
        label = _("Assisting State")


class PartnerOrganisationBlock(blocks.StructBlock):
    organisation = SnippetChooserBlock("country_pages.Organisation", label=_("Organisation"))
    role = blocks.TextBlock(max_length=600, required=False, label=_("Role"))

    class Meta:
        icon = "group"
        label = _("Organisation")


class ProjectBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    partners = blocks.CharBlock(max_length=300, required=False, label=_("Partners"))
    start_year = blocks.IntegerBlock(label=_("Start year"))
    end_year = blocks.IntegerBlock(required=False, label=_("End year"))
    funding = MoneyBlock(label=_("Funding"))
    currency = CurrencyBlock(required=False)
    description = blocks.TextBlock(max_length=1500, required=False, label=_("Description"))

    class Meta:
        icon = "tasks"
        label = _("Project")

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        check_target_year(value["start_year"], "start_year", errors)
        check_target_year(value["end_year"], "end_year", errors)
        if not errors and value["end_year"] is not None and value["end_year"] < value["start_year"]:
            errors["end_year"] = ValidationError(_("The project ends before it starts."))
        check_money(value, "funding", _("Give the currency of the funding."), errors)
        raise_if(errors)
        return value


class StoryBlock(blocks.StructBlock):
    KIND_CHOICES = [("success_story", _("Success story")), ("good_practice", _("Good practice"))]
    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, label=_("Kind"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "ul", "link"], label=_("Story"))

    class Meta:
        icon = "openquote"
        label = _("Success story or good practice")


class PartnershipsBlock(AnnexSectionBlock):
    assisting_states = blocks.ListBlock(
        AssistingStateBlock(), required=False, label=_("States providing assistance")
    )
    organisations = blocks.ListBlock(
        PartnerOrganisationBlock(),
        required=False,
        label=_("Organisations: international and national NGOs, United Nations"),
    )
    projects = blocks.ListBlock(ProjectBlock(), required=False, label=_("Ongoing projects"))
    action21 = blocks.ListBlock(
        Action21PartnershipBlock(),
        required=False,
        # Not one blank partnership: what sections saved before this list existed read as.
        default=[],
        label=_("Partnerships under Action #21"),
        help_text=_(
            "A partnership with partner States: responsibilities, time-bound targets, "
            "commitments per year and progress. Each partner State confirms it once "
            "published."
        ),
    )
    stories = blocks.ListBlock(
        StoryBlock(), required=False, label=_("Success stories and good practices")
    )

    class Meta:
        icon = "group"
        label = _("Partnerships")
        description = _(
            "States providing assistance, partner organisations, ongoing projects, "
            "partnerships under Action #21, success stories and good practices."
        )
        template = "blocks/partnerships.html"
        preview_value = {
            "projects": [
                {
                    "title": "Land release in the eastern provinces",
                    "partners": "National authority, an international NGO",
                    "start_year": 2018,
                    "end_year": 2021,
                    "funding": Decimal("2500000"),
                    "currency": "USD",
                }
            ]
        }

    def clean(self, value):
        value = super().clean(value)
        states = [item["state"].pk for item in value["assisting_states"] if item["state"]]
        if len(states) != len(set(states)):
            raise StructBlockValidationError(
                block_errors={
                    "assisting_states": ValidationError(_("Each State can be listed only once."))
                }
            )
        return value

    def assistance(self, value) -> Iterator[dict]:
        """Each State named as providing assistance, with its position in the list; a
        State deleted from the registry since (the chooser gives None) is left out."""
        illustrative = self.is_illustrative(value)
        for position, item in enumerate(value["assisting_states"]):
            if item["state"] is None:
                continue
            yield {
                "donor": item["state"],
                "support": item["support"] or "",
                "themes": list(item["themes"] or []),
                "position": position,
                "illustrative": illustrative,
            }

    def action21_partnerships(self, value, affected_state_id: int | None) -> Iterator[dict]:
        return partnership_records(value["action21"], affected_state_id)
