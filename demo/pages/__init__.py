"""The full demonstration pages: every annex section filled, with documents and a map,
written in their source language and translated through wagtail-localize from the PO files
in demo/translations/<language>/<page key>.po."""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.conf import settings

from core.translation import plain_strings, strings_from_po, translate, translation_of
from country_pages.models import CountryPage, Organisation, StatesPartiesIndexPage
from demo.content import (
    DEMO_DIR,
    Doc,
    Img,
    RawBuilder,
    Snippet,
    get_or_create_document,
    get_or_create_image,
)
from demo.helpers import country_slug, locales, publish
from demo.implementation import apply_implementation_facts
from demo.organisations import ORGANISATIONS
from focal_points.roles import ensure_state_group
from registry.models import StateParty

from . import senegal, serbia, sri_lanka, sudan, zimbabwe

FULL_PAGES = [
    page for page in (sudan.PAGE, zimbabwe.PAGE, serbia.PAGE, sri_lanka.PAGE, senegal.PAGE) if page
]
LOCALE_DIR = DEMO_DIR / "translations"  # not "locale": that would be the app's gettext catalogues


def po_path(page_key: str, language: str) -> Path:
    return LOCALE_DIR / language / f"{page_key}.po"


def ensure_organisations(report) -> dict[str, Organisation]:
    """The partner organisations, in every language."""
    all_locales = locales()
    source_locale = all_locales[settings.LANGUAGE_CODE]
    organisations = {}
    for key, spec in ORGANISATIONS.items():
        name, acronym = spec["name"]["en"], spec["acronym"]["en"]
        organisation = Organisation.objects.filter(locale=source_locale, name=name).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                locale=source_locale,
                name=name,
                acronym=acronym,
                kind=spec["kind"],
                website=spec["website"],
            )
        for language, locale in all_locales.items():
            if locale == source_locale or translation_of(organisation, locale):
                continue
            strings = {("name", name): spec["name"][language]}
            if acronym:
                strings[("acronym", acronym)] = spec["acronym"][language] or acronym
            translate(organisation, locale, plain_strings(strings))
        organisations[key] = organisation
    return organisations


def page_resolver(spec: dict, organisations: dict[str, Organisation]):
    # The State's own collection, as if its focal point had uploaded the files.
    collection = ensure_state_group(StateParty.objects.get(iso3=spec["iso3"])).collection
    source_locale = locales()[spec["language"]]

    def resolve(reference):
        if isinstance(reference, Doc):
            return get_or_create_document(
                reference.key, spec["documents"][reference.key], collection
            ).pk
        if isinstance(reference, Img):
            return get_or_create_image(
                reference.key, spec["images"][reference.key], spec["iso3"], collection
            ).pk
        if isinstance(reference, Snippet):
            if reference.model == "country_pages.Organisation":
                # The organisation as named in the page's own language.
                organisation = organisations[reference.lookup[0]]
                return organisation.get_translation(source_locale).pk
            field, value = reference.lookup
            return apps.get_model(reference.model).objects.get(**{field: value}).pk
        raise TypeError(reference)

    return resolve


def ensure_full_pages(states_index: StatesPartiesIndexPage, report) -> None:
    all_locales = locales()
    organisations = ensure_organisations(report)
    for spec in FULL_PAGES:
        state = StateParty.objects.get(iso3=spec["iso3"])
        apply_implementation_facts(state)
        if CountryPage.objects.filter(state=state).exists():
            continue
        source_locale = all_locales[spec["language"]]
        parent = translation_of(states_index, source_locale)
        builder = RawBuilder(spec["key"], page_resolver(spec, organisations))
        page = CountryPage(
            title=state.name_in(spec["language"]),
            slug=country_slug(state),
            state=state,
            search_description=spec["search_description"],
            body=builder.stream(CountryPage.body.field.stream_block, spec["body"]),
        )
        parent.add_child(instance=page)
        publish(page)
        report.add(page)
        for language in spec["translations"]:
            report.add(
                translate(
                    page, all_locales[language], strings_from_po(po_path(spec["key"], language))
                )
            )
