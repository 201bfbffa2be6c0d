"""Offers of assistance for the demonstration: five donor States on their own pages (an
"Offers of assistance" section, in English) and two organisations' offer profiles.

Everything here is illustrative: plausible themes and regions for these providers, but
the amounts, years and wording are examples, not the States' or organisations' actual
pledges. Every section and offer is flagged "illustrative", so visitors see the notice."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings

from country_pages.models import CountryPage, Organisation, StatesPartiesIndexPage
from registry.models import StateParty

from .helpers import country_slug, locales, publish

CONTACT_NOTE = "Illustrative contact: the ministry's mine action desk"


def _offer(title, themes, kinds, regions=(), countries=(), amount=None, currency="", years=()):
    start, end = (list(years) + [None, None])[:2]
    return {
        "title": title,
        "themes": list(themes),
        "regions": list(regions),
        "countries": list(countries),
        "kinds": list(kinds),
        "amount": amount,
        "currency": currency if amount is not None else "",
        "start_year": start,
        "end_year": end,
        "description": (
            "Illustrative example of an offer: the themes and regions are plausible for "
            "this provider, the figures are not its actual pledges."
        ),
        "contact": CONTACT_NOTE,
        "contact_url": "",
    }


# iso3 → offers. Countries of focus are ISO codes, resolved to the registry's States.
DONOR_OFFERS = {
    "NOR": [
        _offer(
            "Land release and victim assistance in Africa and Asia",
            ["clearance", "victim_assistance"],
            ["funding"],
            regions=["africa", "asia"],
            amount=Decimal("150000000"),
            currency="NOK",
            years=(2025, 2027),
        ),
    ],
    "DEU": [
        _offer(
            "Humanitarian demining and risk education",
            ["clearance", "risk_education"],
            ["funding", "equipment"],
            regions=["africa", "europe"],
            amount=Decimal("20000000"),
            currency="EUR",
            years=(2025, 2026),
        ),
    ],
    "JPN": [
        _offer(
            "Clearance equipment and South–South cooperation",
            ["clearance"],
            ["equipment", "regional_cooperation"],
            regions=["asia"],
            countries=["SDN"],
            amount=Decimal("1500000000"),
            currency="JPY",
            years=(2025, 2027),
        ),
    ],
    "CHE": [
        _offer(
            "Technical expertise for national mine action strategies",
            ["clearance", "national_legislation", "stockpile_destruction"],
            ["technical_expertise", "training"],
            regions=["africa", "europe", "asia"],
        ),
    ],
    "CAN": [
        _offer(
            "Victim assistance and gender-sensitive risk education",
            ["victim_assistance", "risk_education"],
            ["funding", "training"],
            regions=["africa", "americas"],
            countries=["LKA"],
            amount=Decimal("10000000"),
            currency="CAD",
            years=(2025, 2028),
        ),
    ],
}

# Organisation key (demo.organisations.ORGANISATIONS) → offers.
ORGANISATION_OFFERS = {
    "HALO": [
        _offer(
            "Survey and clearance teams",
            ["clearance"],
            ["technical_expertise", "training"],
            regions=["africa", "asia"],
        ),
    ],
    "GICHD": [
        _offer(
            "Information management and standards advice",
            ["clearance", "risk_education", "national_legislation"],
            ["technical_expertise", "training"],
            regions=["africa", "asia", "europe", "americas", "oceania"],
        ),
    ],
}


def _resolve(offer: dict) -> dict:
    states = StateParty.objects.in_bulk(offer["countries"], field_name="iso3")
    return {**offer, "countries": [states[iso3] for iso3 in offer["countries"] if iso3 in states]}


def ensure_donor_offers(states_index: StatesPartiesIndexPage, report) -> None:
    """Each donor's English page, with an "Offers of assistance" section added (and
    published) when it has none; the page is created when missing."""
    source_locale = locales()[settings.LANGUAGE_CODE]
    for iso3, offers in DONOR_OFFERS.items():
        state = StateParty.objects.filter(iso3=iso3).first()
        if state is None:
            continue
        page = CountryPage.objects.filter(state=state, locale=source_locale).first()
        if page is None:
            page = CountryPage(title=state.name_en, slug=country_slug(state), state=state)
            states_index.add_child(instance=page)
        page = CountryPage.objects.get(pk=page.pk)
        if any(section.block_type == "offers" for section in page.body):
            continue
        section = {
            "illustrative": True,
            "introduction": "",
            "offers": [_resolve(offer) for offer in offers],
        }
        page.body = [*((s.block_type, s.value) for s in page.body), ("offers", section)]
        publish(page)
        report.add(page)


def ensure_organisation_offers(organisations: dict[str, Organisation]) -> None:
    """The offer profiles of two organisations (their default-language version: the other
    languages show it until the ISU translates it)."""
    for key, offers in ORGANISATION_OFFERS.items():
        organisation = organisations.get(key)
        if organisation is None or len(organisation.offers):
            continue
        organisation.offers = [
            ("offer", {**_resolve(offer), "illustrative": True}) for offer in offers
        ]
        organisation.save()
