"""The demonstration content loads completely, with its translations, and only once."""

import pytest
from django.conf import settings

from core.translation import missing_strings, strings_from_po
from country_pages.models import CountryPage
from demo.loader import DemoReport
from demo.pages import FULL_PAGES, ensure_full_pages, po_path
from registry.models import StateParty

pytestmark = pytest.mark.django_db


def test_full_pages_load_with_every_translation(client, states_index):
    report = DemoReport()
    ensure_full_pages(states_index, report)
    assert len(FULL_PAGES) == 5
    for spec in FULL_PAGES:
        pages = CountryPage.objects.filter(state__iso3=spec["iso3"]).live()
        languages = set(pages.values_list("locale__language_code", flat=True))
        assert languages == {spec["language"], *spec["translations"]}
        source = pages.get(locale__language_code=spec["language"])
        # Every annex section is filled (offers of assistance are not one: the donors'
        # pages have them, demo/offers.py).
        assert [child.block_type for child in source.body] == [
            name for name in source.body.stream_block.child_blocks if name != "offers"
        ]
        for language in languages:
            response = client.get(f"/{language}/states-parties/{source.slug}/")
            assert response.status_code == 200, (spec["key"], language)

    # A second run creates nothing.
    again = DemoReport()
    ensure_full_pages(states_index, again)
    assert again.created == []


def test_senegal_is_written_in_french():
    senegal = next(spec for spec in FULL_PAGES if spec["iso3"] == "SEN")
    assert senegal["language"] == "fr"
    assert "en" in senegal["translations"]


@pytest.mark.parametrize(
    ("key", "language"),
    [(spec["key"], language) for spec in FULL_PAGES for language in spec["translations"]],
)
def test_translation_files_cover_every_string(states_index, key, language):
    spec = next(spec for spec in FULL_PAGES if spec["key"] == key)
    ensure_full_pages_without_translations(states_index, spec)
    page = CountryPage.objects.get(state__iso3=spec["iso3"], locale__language_code=spec["language"])
    assert missing_strings(page, strings_from_po(po_path(key, language))) == []


def ensure_full_pages_without_translations(states_index, spec):
    from demo import pages

    original = pages.FULL_PAGES
    pages.FULL_PAGES = [{**spec, "translations": []}]
    try:
        ensure_full_pages(states_index, DemoReport())
    finally:
        pages.FULL_PAGES = original


def test_demo_registry_facts_are_applied_once():
    sudan = StateParty.objects.get(iso3="SDN")
    from demo.implementation import apply_implementation_facts

    # The seed files give Sudan's facts already: the demo leaves them alone...
    assert apply_implementation_facts(sudan) is False
    # ...and fills them in only in a registry that has none.
    sudan.clearance_deadlines.all().delete()
    sudan.clearance_status = "unknown"
    sudan.save()
    assert apply_implementation_facts(sudan) is True
    assert sudan.current_clearance_deadline.deadline.isoformat() == "2027-04-01"
    assert apply_implementation_facts(sudan) is False
    assert sudan.clearance_deadlines.count() == 4


def test_languages_of_demo_translations_exist():
    codes = {code for code, _ in settings.LANGUAGES}
    for spec in FULL_PAGES:
        assert {spec["language"], *spec["translations"]} <= codes
