"""Builds the site a fresh `make run` serves: the home page and the States Parties index
in the six languages, a country page for every State Party in the registry, and full
pages for the States in demo/pages/ with their translations, and those States' accepted
Article 7 reports (demo/reports.py).

Idempotent: what exists is left as it is, so a second run changes nothing (and never
overwrites what editors have changed since).
"""

from __future__ import annotations

from contextlib import contextmanager

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.public_url import apply_to_site, site_address
from core.translation import plain_strings, translate, translation_of
from country_pages.models import CountryPage, StatesPartiesIndexPage
from home.models import HomePage
from registry.models import PARTY_STATUSES, MembershipStatus, StateParty

from . import site_text
from .events import ensure_new_events
from .helpers import DemoReport, country_slug, locales, publish
from .offers import ensure_donor_offers, ensure_organisation_offers
from .pages import ensure_full_pages, ensure_organisations
from .partnerships import ensure_zimbabwe_partnership
from .reports import ensure_demo_reports

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
# States with a page: every State that is or was a party.
STATUSES_WITH_PAGE = PARTY_STATUSES | {MembershipStatus.WITHDRAWN}


def rich_paragraph(text: str) -> str:
    return f"<p>{text}</p>"


def ensure_translations(page: Page, strings_for: dict[str, dict], report: DemoReport) -> None:
    """Translate the page into each language of strings_for that it is not yet in."""
    all_locales = locales()
    for language, strings in strings_for.items():
        locale = all_locales[language]
        if translation_of(page, locale) is None:
            report.add(translate(page, locale, plain_strings(strings)))


def simple_page_strings(texts: dict) -> dict[str, dict]:
    source_title = texts["title"][SOURCE_LANGUAGE]
    source_intro = texts["intro"][SOURCE_LANGUAGE]
    return {
        language: {
            ("title", source_title): title,
            ("intro", source_intro): texts["intro"][language],
        }
        for language, title in texts["title"].items()
        if language != SOURCE_LANGUAGE
    }


def ensure_home(report: DemoReport) -> HomePage:
    source_locale = locales()[SOURCE_LANGUAGE]
    home = HomePage.objects.filter(locale=source_locale, depth=2).first()
    if home is None:
        # Wagtail's placeholder "Welcome" page makes way for our home page.
        Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page)).delete()
        root = Page.get_first_root_node()
        home = HomePage(
            title=site_text.HOME["title"][SOURCE_LANGUAGE],
            slug=site_text.HOME["slug"],
            intro=rich_paragraph(site_text.HOME["intro"][SOURCE_LANGUAGE]),
            locale=source_locale,
        )
        root.add_child(instance=home)
        publish(home)
        report.add(home)
        hostname, port = site_address()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"root_page": home, "hostname": hostname, "port": port},
        )
    # The Site follows PUBLIC_BASE_URL, also when it changes between runs (a no-op otherwise).
    apply_to_site()
    ensure_translations(home, simple_page_strings(site_text.HOME), report)
    return home


def ensure_states_index(home: HomePage, report: DemoReport) -> StatesPartiesIndexPage:
    index = StatesPartiesIndexPage.objects.child_of(home).first()
    if index is None:
        index = StatesPartiesIndexPage(
            title=site_text.STATES_INDEX["title"][SOURCE_LANGUAGE],
            slug=site_text.STATES_INDEX["slug"],
            intro=rich_paragraph(site_text.STATES_INDEX["intro"][SOURCE_LANGUAGE]),
        )
        home.add_child(instance=index)
        publish(index)
        report.add(index)
    ensure_translations(index, simple_page_strings(site_text.STATES_INDEX), report)
    return index


def ensure_country_pages(index: StatesPartiesIndexPage, report: DemoReport) -> None:
    """A page for every State with a page-worthy status, titled with its name in each
    language. A State whose page exists in any language is left alone."""
    with_page = set(CountryPage.objects.values_list("state_id", flat=True))
    for state in StateParty.objects.with_related():
        if state.pk in with_page or state.status not in STATUSES_WITH_PAGE:
            continue
        page = CountryPage(title=state.name_en, slug=country_slug(state), state=state)
        index.add_child(instance=page)
        publish(page)
        report.add(page)
        ensure_translations(
            page,
            {
                language: {("title", state.name_en): state.name_in(language)}
                for language in locales()
                if language != SOURCE_LANGUAGE
            },
            report,
        )


@contextmanager
def deferred_indexing():
    """Skip the per-save search and reference index updates while a thousand pages are
    created, then index everything once: the same end state in a fraction of the time."""
    indexed_models = list(index.get_indexed_models())
    for model in indexed_models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in indexed_models:
            if getattr(model, "search_auto_update", True):
                post_save.connect(post_save_signal_handler, sender=model)


def load_demo_content() -> DemoReport:
    report = DemoReport()
    with deferred_indexing(), transaction.atomic():
        home = ensure_home(report)
        states_index = ensure_states_index(home, report)
        ensure_full_pages(states_index, report)
        # The events added to the full pages since a site was loaded (upcoming meetings).
        ensure_new_events(report)
        ensure_country_pages(states_index, report)
        # Donors' offers of assistance on their pages, and two organisations' profiles.
        ensure_donor_offers(states_index, report)
        ensure_organisation_offers(ensure_organisations(report))
        # Zimbabwe's partnership under Action #21 with Norway and Japan.
        ensure_zimbabwe_partnership(report)
        # After the registry's facts and the pages, which the reports agree with.
        ensure_demo_reports(report)
        # The calendar's events, also of pages kept from an earlier load (made before the
        # events' index existed).
        call_command("rebuild_event_index", verbosity=0)
    if report.created:
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
    return report
