"""Needs meet offers, read from the derived index only (index_models): never by reading
pages. Every function here makes a constant number of queries, whatever the number of
needs, offers and pages.

An offer could meet a need when it covers the need's theme and either the region of the
State in need or that State itself (PublishedOffer.covers); a State's offer never matches
its own needs. "Already active" in a country are the States its partnerships section names
(PublishedAssistance)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse

from registry.models import Region, StateParty

from .index_models import PublishedAssistance, PublishedNeed, PublishedOffer, PublishedPage


@dataclass
class Provider:
    """A State or an organisation, as a need's card names it."""

    name: str
    url: str
    illustrative: bool = False
    key: tuple = ()


@dataclass
class NeedMatch:
    offers: list[Provider] = field(default_factory=list)
    partners: list[Provider] = field(default_factory=list)
    # The partnerships under Action #21 under way in the country: (title, URL).
    partnerships: list[tuple[str, str]] = field(default_factory=list)


def _url(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:  # a URLconf without the explorer (some tests' own)
        return ""


def explorer_url_for_offer(block_id: str) -> str:
    base = _url("explorer")
    return f"{base}?{urlencode({'offer': block_id})}#needs" if base else ""


def visible_offers(locale_id: int) -> list[PublishedOffer]:
    """Every offer a visitor in this language sees, with its provider. One query."""
    return list(
        PublishedOffer.objects.visible_in(locale_id)
        .select_related("source__state", "source__locale", "organisation__locale")
        .order_by("pk")
    )


def provider_state_id(offer: PublishedOffer) -> int | None:
    return offer.source.state_id if offer.source_id else None


def provider_of(offer: PublishedOffer, index_url: str) -> Provider:
    """Who makes the offer, linked to the offer: on the State's page, or in the list of
    offers of the needs ↔ offers view for an organisation."""
    if offer.source_id:
        return Provider(
            name=offer.source.state.name,
            url=f"{offer.source.url_under(index_url)}#offer-{offer.block_id}",
            illustrative=offer.illustrative,
            key=("state", offer.source.state_id),
        )
    base = _url("needs_offers")
    return Provider(
        name=str(offer.organisation),
        url=f"{base}#offer-{offer.block_id}" if base else "",
        illustrative=offer.illustrative,
        key=("organisation", offer.organisation.translation_key),
    )


def offers_for(theme: str, region: str, state_id: int, offers, index_url: str) -> list[Provider]:
    """The providers whose offers could meet a need of this theme in this State, each
    once, States before organisations."""
    found: dict[tuple, Provider] = {}
    for offer in offers:
        if provider_state_id(offer) == state_id or not offer.covers(theme, region, state_id):
            continue
        provider = provider_of(offer, index_url)
        found.setdefault(provider.key, provider)
    return sorted(found.values(), key=lambda p: (p.key[0] != "state", p.name.casefold()))


def partners_by_state(rows, index_url: str) -> dict[int, list[Provider]]:
    """{State: the States its published page names as providing assistance}, from
    PublishedAssistance rows (their donor and source read)."""
    partners: dict[int, dict[int, Provider]] = defaultdict(dict)
    for row in sorted(rows, key=lambda row: row.position):
        partners[row.source.state_id].setdefault(
            row.donor_id,
            Provider(
                name=row.donor.name,
                url=f"{row.source.url_under(index_url)}#partnerships",
                illustrative=row.illustrative,
                key=("state", row.donor_id),
            ),
        )
    return {state_id: list(found.values()) for state_id, found in partners.items()}


def visible_assistance(locale_id: int):
    """Every State named as providing assistance on a page a visitor in this language
    sees (a queryset: one query)."""
    return PublishedAssistance.objects.filter(
        source__in=PublishedPage.objects.visible_in(locale_id)
    ).select_related("donor", "source__state", "source__locale")


def attach_to_needs(needs, locale_id: int, index_url: str, assistance=None) -> None:
    """Sets `need.match` (a NeedMatch) on each published need (their source and State
    read). Two queries whatever the number of needs and offers; one when the visible
    assistance (visible_assistance) was already read."""
    needs = list(needs)
    offers = visible_offers(locale_id)
    if assistance is None:
        assistance = visible_assistance(locale_id).filter(
            source__state_id__in={n.source.state_id for n in needs}
        )
    partners = partners_by_state(assistance, index_url)
    for need in needs:
        state = need.source.state
        page_url = need.source.url_under(index_url)
        need.match = NeedMatch(
            offers=offers_for(need.theme, state.region, state.pk, offers, index_url),
            partners=partners.get(state.pk, []),
            partnerships=[
                (item["title"], f"{page_url}#partnership-{item['block_id']}")
                for item in need.source.partnerships
            ],
        )


def visible_needs(locale_id: int) -> list[PublishedNeed]:
    """Every published need a visitor in this language sees, with its State. One query."""
    return list(
        PublishedNeed.objects.filter(
            source__in=PublishedPage.objects.visible_in(locale_id)
        ).select_related("source__state")
    )


def needs_met_by(offer, needs, provider_state: int | None = None) -> list:
    """The needs (PublishedNeed rows) an offer could meet. `offer` is anything with
    `covers` (a PublishedOffer)."""
    return [
        need
        for need in needs
        if need.source.state_id != provider_state
        and offer.covers(need.theme, need.source.state.region, need.source.state_id)
    ]


def for_page(page, locale_id: int, index_url: str) -> dict:
    """What a country page shows of the matching: for each of its needs (by block id),
    the offers that could meet it and the States already active in the country (its own
    partnerships section); for each of its offers, the number of published needs it
    could meet and the explorer's address listing them. One query for needs, one for
    offers."""
    region = page.state.region
    need_blocks, offer_blocks, partners, partnerships = [], [], [], []
    for section in page.body:
        if section.block_type == "needs_and_challenges":
            need_blocks += list(section.value["needs"])
        elif section.block_type == "offers":
            offer_blocks += list(section.value["offers"].bound_blocks)
        elif section.block_type == "partnerships":
            illustrative = section.block.is_illustrative(section.value)
            partners += [
                Provider(
                    name=item["state"].name,
                    url="#partnerships",
                    illustrative=illustrative,
                    key=("state", item["state"].pk),
                )
                for item in section.value["assisting_states"]
                if item["state"] is not None
            ]
            partnerships += [
                (record["title"], f"#partnership-{record['block_id']}")
                for record in section.block.action21_partnerships(section.value, page.state_id)
            ]
    result: dict = {"needs": {}, "offers": {}}
    if need_blocks:
        offers = visible_offers(locale_id)
        for need in need_blocks:
            result["needs"][need.id] = NeedMatch(
                offers=offers_for(need.block_type, region, page.state_id, offers, index_url),
                partners=partners,
                partnerships=partnerships,
            )
    if offer_blocks:
        needs = visible_needs(locale_id)
        for offer in offer_blocks:
            candidate = PublishedOffer(
                themes=list(offer.value.get("themes") or []),
                regions=list(offer.value.get("regions") or []),
                countries=[s.pk for s in offer.value.get("countries") or [] if s],
            )
            result["offers"][offer.id] = {
                "count": len(needs_met_by(candidate, needs, page.state_id)),
                "url": explorer_url_for_offer(offer.id or ""),
            }
    return result


def offer_filter(locale_id: int, block_id: str):
    """The published offer of this block id a visitor in this language sees, if any: the
    explorer lists the needs it could meet. One query."""
    return (
        PublishedOffer.objects.visible_in(locale_id)
        .filter(block_id=block_id)
        .select_related("source")
        .order_by("pk")
        .first()
    )


def needs_met_filter(offer: PublishedOffer):
    """The condition on PublishedNeed rows that an offer could meet (for a queryset)."""
    from django.db.models import Q

    condition = Q(theme__in=offer.themes) & (
        Q(source__state__region__in=offer.regions) | Q(source__state_id__in=offer.countries)
    )
    if offer.source_id:
        condition &= ~Q(source__state_id=offer.source.state_id)
    return condition


def focus_states(offers) -> dict[int, StateParty]:
    """{id: State} of the countries of focus these offers name (their regions, their names
    as a list of offers shows them). One query, none when they name no country."""
    ids = {state_id for offer in offers for state_id in offer.countries}
    return StateParty.objects.in_bulk(ids) if ids else {}


def covers_region(offer: PublishedOffer, region: str, states: dict) -> bool:
    """Whether an offer counts in a region: it names the region or a country of it
    (`states`: focus_states of the offers). The needs ↔ offers table counts offers so, and
    its list of offers and the offers' feed filter by region so."""
    return region in offer.regions or any(
        getattr(states.get(state_id), "region", None) == region for state_id in offer.countries
    )


def offers_covering(offers, states: dict, theme: str = "", region: str = "") -> list:
    """The offers that name this theme and count in this region (either may be empty: any)."""
    return [
        offer
        for offer in offers
        if (not theme or theme in offer.themes)
        and (not region or covers_region(offer, region, states))
    ]


@dataclass
class Cell:
    theme: str
    region: str
    needs: int = 0
    offers: int = 0
    unmatched: int = 0
    needs_url: str = ""

    @property
    def gap(self) -> bool:
        """Needs and no offer at all."""
        return self.needs > 0 and self.offers == 0


def gap_table(locale_id: int, themes) -> dict:
    """Needs and offers by theme (rows) and region (columns), the cells with needs and no
    offer marked as gaps. Three queries, whatever the number of needs and offers."""
    needs = visible_needs(locale_id)
    offers = visible_offers(locale_id)
    states = focus_states(offers)
    explorer = _url("explorer")
    rows = []
    for theme, label in themes:
        cells = []
        for region, _region_label in Region.choices:
            cell = Cell(theme=theme, region=region)
            cell.needs_url = (
                f"{explorer}?{urlencode({'theme': theme, 'region': region})}#needs"
                if explorer
                else ""
            )
            in_cell = [n for n in needs if n.theme == theme and n.source.state.region == region]
            cell.needs = len(in_cell)
            covering = offers_covering(offers, states, theme, region)
            cell.offers = len(covering)
            cell.unmatched = sum(
                1
                for need in in_cell
                if not any(
                    provider_state_id(offer) != need.source.state_id
                    and offer.covers(theme, region, need.source.state_id)
                    for offer in covering
                )
            )
            cells.append(cell)
        rows.append({"theme": theme, "label": label, "cells": cells})
    gaps = [cell for row in rows for cell in row["cells"] if cell.gap]
    return {"rows": rows, "gaps": gaps, "offers": offers, "needs": needs, "states": states}
