"""Offers of assistance: what a State (or an organisation, kept by the ISU) is in a position
to provide, theme by theme (the same themes as needs), to regions or countries of focus.

Themes, regions, countries, kinds, amounts and years are figures: the same in every
language (country_pages.figures); the title, description and contact are translated. The
derived index records each offer (index_models.PublishedOffer) so that needs and offers are
matched without reading pages (country_pages.matching)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from registry.models import Region

from .fields import (
    CurrencyBlock,
    HttpURLBlock,
    MoneyBlock,
    check_money,
    check_target_year,
    raise_if,
)
from .needs import NeedsStreamBlock
from .section import AnnexSectionBlock

OFFER_KINDS = [
    ("funding", _("Funding")),
    ("technical_expertise", _("Technical expertise")),
    ("equipment", _("Equipment")),
    ("training", _("Training")),
    ("regional_cooperation", _("South–South or regional cooperation")),
]


@cache
def _need_blocks():
    return NeedsStreamBlock().child_blocks


def offer_theme_choices():
    """The themes of need, in the order needs show them: an offer covers the same themes."""
    return [(name, block.label) for name, block in _need_blocks().items()]


class OfferBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Offer"))
    themes = blocks.MultipleChoiceBlock(
        choices=offer_theme_choices,
        widget=forms.CheckboxSelectMultiple,
        label=_("Themes"),
        help_text=_("The themes of need this offer can help with."),
    )
    regions = blocks.MultipleChoiceBlock(
        choices=Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Regions of focus"),
    )
    countries = blocks.ListBlock(
        SnippetChooserBlock("registry.StateParty", label=_("State")),
        required=False,
        label=_("Countries of focus"),
    )
    kinds = blocks.MultipleChoiceBlock(
        choices=OFFER_KINDS,
        widget=forms.CheckboxSelectMultiple,
        label=_("Kinds of assistance"),
    )
    amount = MoneyBlock(
        label=_("Indicative amount"),
        help_text=_("Optional. Whole amount in the currency chosen below."),
    )
    currency = CurrencyBlock(required=False)
    start_year = blocks.IntegerBlock(required=False, label=_("From (year)"))
    end_year = blocks.IntegerBlock(required=False, label=_("Until (year)"))
    description = blocks.TextBlock(max_length=1500, required=False, label=_("Description"))
    contact = blocks.CharBlock(
        max_length=300,
        required=False,
        label=_("Contact"),
        help_text=_("The service or office to approach (no personal e-mail addresses)."),
    )
    contact_url = HttpURLBlock(required=False, label=_("Contact web page"))

    class Meta:
        icon = "pick"
        label = _("Offer")

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        if not value.get("regions") and not [c for c in value.get("countries") or [] if c]:
            errors["regions"] = ValidationError(
                _("Give at least one region or one country of focus.")
            )
        check_money(value, "amount", _("Give the currency of the amount."), errors)
        check_target_year(value.get("start_year"), "start_year", errors)
        check_target_year(value.get("end_year"), "end_year", errors)
        start, end = value.get("start_year"), value.get("end_year")
        if not errors and start is not None and end is not None and end < start:
            errors["end_year"] = ValidationError(_("The offer ends before it starts."))
        raise_if(errors)
        return value

    def index_record(self, value) -> dict:
        """This offer as the derived index records it (index_models.PublishedOffer)."""
        return {
            "title": value.get("title") or "",
            "description": value.get("description") or "",
            "themes": list(value.get("themes") or []),
            "regions": list(value.get("regions") or []),
            "countries": [state.pk for state in value.get("countries") or [] if state],
            "kinds": list(value.get("kinds") or []),
            "amount": value.get("amount"),
            "currency": value.get("currency") or "",
            "start_year": value.get("start_year"),
            "end_year": value.get("end_year"),
            "contact": value.get("contact") or "",
            "contact_url": value.get("contact_url") or "",
        }


def index_offers(offers, illustrative: bool = False) -> Iterator[dict]:
    """Each offer of a list (a ListBlock value), in order, as index records."""
    for position, offer in enumerate(offers.bound_blocks):
        yield {
            "block_id": offer.id or "",
            "position": position,
            **offer.block.index_record(offer.value),
            "illustrative": illustrative,
        }


class OffersBlock(AnnexSectionBlock):
    introduction = blocks.TextBlock(required=False, max_length=1000, label=_("Introduction"))
    offers = blocks.ListBlock(OfferBlock(), min_num=1, label=_("Offers"))

    class Meta:
        icon = "pick"
        label = _("Offers of assistance")
        description = _(
            "What the State is in a position to provide to others: themes, regions or "
            "countries of focus, kinds of assistance, indicative amounts and a contact."
        )
        template = "blocks/offers.html"
        preview_value = {
            "offers": [
                {
                    "title": "Land release in West Africa",
                    "themes": ["clearance"],
                    "regions": ["africa"],
                    "countries": [],
                    "kinds": ["funding", "technical_expertise"],
                    "amount": Decimal("5000000"),
                    "currency": "EUR",
                    "start_year": 2025,
                    "end_year": 2027,
                    "description": "Multi-year support to national clearance operators.",
                }
            ]
        }

    def index_offers(self, value) -> Iterator[dict]:
        return index_offers(value["offers"], self.is_illustrative(value))


class OrganisationOfferBlock(OfferBlock):
    """An organisation's offer: marked as an example on its own (a page marks the whole
    section)."""

    illustrative = blocks.BooleanBlock(
        required=False,
        label=_("Illustrative example"),
        help_text=_("Tick when this offer is an example. Visitors see a notice."),
    )

    class Meta:
        icon = "pick"
        label = _("Offer")

    def index_record(self, value) -> dict:
        return {**super().index_record(value), "illustrative": bool(value.get("illustrative"))}


class OrganisationOffersBlock(blocks.StreamBlock):
    """An organisation's offer profile (Organisation.offers), kept by the ISU."""

    offer = OrganisationOfferBlock()
