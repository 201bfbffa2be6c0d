"""4. Needs and challenges, theme by theme."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .fields import (
    MAX_AREA_M2,
    MAX_MINES,
    MAX_MONEY,
    MAX_PEOPLE,
    CurrencyBlock,
    MoneyBlock,
    QuantityBlock,
    ThemeTagsBlock,
    check_range,
    raise_if,
)
from .section import AnnexSectionBlock


class NeedBlock(blocks.StructBlock):
    """What every theme of need has. Subclasses add the quantity that applies to them."""

    description = blocks.RichTextBlock(
        features=["bold", "italic", "ol", "ul", "link"], label=_("Need or challenge")
    )
    funding_gap = MoneyBlock(label=_("Funding gap"))
    currency = CurrencyBlock(required=False)
    tags = ThemeTagsBlock()

    # Names of quantity fields; each subclass lists its own.
    quantities: tuple[tuple[str, int | Decimal], ...] = (("funding_gap", MAX_MONEY),)

    class Meta:
        template = "blocks/need.html"

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        for name, maximum in self.quantities:
            check_range(value.get(name), maximum, name, errors)
        if value.get("funding_gap") is not None and not value.get("currency"):
            errors["currency"] = ValidationError(_("Give the currency of the funding gap."))
        raise_if(errors)
        return value

    def index_record(self, value) -> dict:
        """This need as the derived index records it: its quantities (None where its
        theme has none), currency and tags (AnnexSectionBlock.index_needs)."""
        return {
            "title": value.get("title") or "",
            "summary": value.get("description"),
            "area_remaining_m2": value.get("area_remaining_m2"),
            "people_to_reach": value.get("people_to_reach"),
            "mines_to_destroy": value.get("mines_to_destroy"),
            "funding_gap": value.get("funding_gap"),
            "currency": value.get("currency") or "",
            "tags": list(value.get("tags") or []),
        }


class ClearanceNeedBlock(NeedBlock):
    area_remaining_m2 = QuantityBlock(
        required=False,
        min_value=0,
        label=_("Area remaining to be addressed (m²)"),
        help_text=_("In square metres, as a whole number."),
    )
    quantities = (("funding_gap", MAX_MONEY), ("area_remaining_m2", MAX_AREA_M2))

    class Meta:
        icon = "crosshairs"
        label = _("Clearance")


class RiskEducationNeedBlock(NeedBlock):
    people_to_reach = QuantityBlock(
        required=False,
        min_value=0,
        label=_("People to reach"),
        help_text=_("Number of people."),
    )
    quantities = (("funding_gap", MAX_MONEY), ("people_to_reach", MAX_PEOPLE))

    class Meta:
        icon = "group"
        label = _("Mine risk education")


class VictimAssistanceNeedBlock(NeedBlock):
    people_to_reach = QuantityBlock(
        required=False,
        min_value=0,
        label=_("Survivors and family members to reach"),
        help_text=_("Number of people."),
    )
    quantities = (("funding_gap", MAX_MONEY), ("people_to_reach", MAX_PEOPLE))

    class Meta:
        icon = "user"
        label = _("Victim assistance")


class StockpileNeedBlock(NeedBlock):
    mines_to_destroy = QuantityBlock(
        required=False,
        min_value=0,
        label=_("Stockpiled mines to destroy"),
        help_text=_("Number of mines."),
    )
    quantities = (("funding_gap", MAX_MONEY), ("mines_to_destroy", MAX_MINES))

    class Meta:
        icon = "bin"
        label = _("Stockpile destruction")


class LegislationNeedBlock(NeedBlock):
    class Meta:
        icon = "doc-full"
        label = _("National legislation")


class OtherNeedBlock(NeedBlock):
    title = blocks.CharBlock(max_length=120, label=_("Theme"))

    class Meta:
        icon = "help"
        label = _("Other need")


# Theme keys, in the order they are shown; the explorer filters on these keys.
NEED_THEMES = {
    "clearance": ClearanceNeedBlock,
    "risk_education": RiskEducationNeedBlock,
    "victim_assistance": VictimAssistanceNeedBlock,
    "stockpile_destruction": StockpileNeedBlock,
    "national_legislation": LegislationNeedBlock,
    "other": OtherNeedBlock,
}


class NeedsStreamBlock(blocks.StreamBlock):
    clearance = ClearanceNeedBlock()
    risk_education = RiskEducationNeedBlock()
    victim_assistance = VictimAssistanceNeedBlock()
    stockpile_destruction = StockpileNeedBlock()
    national_legislation = LegislationNeedBlock()
    other = OtherNeedBlock()

    class Meta:
        # One sub-block per theme; "other" may repeat for distinct themes.
        block_counts = {name: {"max_num": 1} for name in NEED_THEMES if name != "other"}
        min_num = 1


class NeedsAndChallengesBlock(AnnexSectionBlock):
    introduction = blocks.TextBlock(required=False, max_length=1000, label=_("Introduction"))
    needs = NeedsStreamBlock(label=_("Needs by theme"))

    class Meta:
        icon = "warning"
        label = _("Needs and challenges")
        description = _(
            "What the State needs, theme by theme — clearance, mine risk education, victim "
            "assistance, stockpile destruction, national legislation — with quantities."
        )
        template = "blocks/needs_and_challenges.html"
        preview_value = {
            "needs": [
                (
                    "clearance",
                    {
                        "description": "<p>Confirmed hazardous areas remain in three states.</p>",
                        "area_remaining_m2": 12_500_000,
                        "funding_gap": Decimal("8000000"),
                        "currency": "USD",
                    },
                ),
            ]
        }

    def index_needs(self, value) -> Iterator[dict]:
        """Each need, in order, with its theme (the key the explorer filters on) and the
        section's illustrative flag."""
        illustrative = self.is_illustrative(value)
        for position, need in enumerate(value["needs"]):
            yield {
                "block_id": need.id or "",
                "position": position,
                "theme": need.block_type,
                **need.block.index_record(need.value),
                "illustrative": illustrative,
            }
