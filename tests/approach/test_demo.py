"""The demonstration pages' individualised-approach events are in the calendar, after the
publish pipeline and after `rebuild_event_index` alike; their upcoming meetings (2027)
fill its "Upcoming" part in every language, marked as examples, and reach pages kept from a
load made before they were added, once."""

import datetime as dt

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Revision

from approach.models import PublishedEvent
from core.page_cache import bump
from demo import events
from demo.content import block_id
from demo.events import ensure_new_events
from demo.loader import DemoReport
from demo.pages import FULL_PAGES, ensure_full_pages

pytestmark = pytest.mark.django_db


def test_the_demo_states_events_are_in_the_calendar(client, states_index):
    ensure_full_pages(states_index, DemoReport())
    indexed = set(PublishedEvent.objects.values_list("pk", "block_id"))
    states = set(PublishedEvent.objects.values_list("state__iso3", flat=True))
    assert states == {"SDN", "ZWE", "LKA", "SEN", "SRB"}
    call_command("rebuild_event_index", verbosity=0)
    assert {b for _pk, b in PublishedEvent.objects.values_list("pk", "block_id")} == {
        b for _pk, b in indexed
    }
    bump("all")
    html = client.get("/en/individualised-approach/calendar/").content.decode()
    for name in ("Sudan", "Zimbabwe", "Sri Lanka", "Senegal", "Serbia"):
        assert f">{name}</a>" in html


# --- Upcoming events (the demo's "today" is 1 December 2026) ------------------------------

DEMO_TODAY = dt.date(2026, 12, 1)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The upcoming meeting of each demo State, as each language version of its page says it.
UPCOMING = {
    "SDN": {
        "en": "Sudan would meet",
        "fr": "Le Soudan rencontrerait",
        "es": "El Sudán se reuniría",
        "ar": "وسيجتمع السودان",
    },
    "ZWE": {
        "en": "Zimbabwe would hold",
        "fr": "Le Zimbabwe tiendrait",
        "es": "Zimbabwe celebraría",
    },
    "SRB": {"en": "Serbia would meet", "fr": "La Serbie rencontrerait", "es": "Serbia se reuniría"},
    "LKA": {
        "en": "Sri Lanka would hold",
        "fr": "Sri Lanka tiendrait",
        "es": "Sri Lanka celebraría",
    },
    "SEN": {"fr": "Le CNAMS ferait", "en": "The CNAMS would review", "es": "El CNAMS examinaría"},
}


@pytest.fixture
def demo_today(monkeypatch):
    monkeypatch.setattr("approach.views.timezone.localdate", lambda: DEMO_TODAY)


def upcoming_section(html: str) -> str:
    return html.split('<section id="upcoming"', 1)[1].split("</section>", 1)[0]


def test_the_calendar_shows_the_demos_upcoming_events_in_every_language(
    client, states_index, demo_today
):
    ensure_full_pages(states_index, DemoReport())
    # A fresh load has every event already: nothing to add to its pages.
    report = DemoReport()
    ensure_new_events(report)
    assert report.created == []
    upcoming = PublishedEvent.objects.filter(ends_on__gte=DEMO_TODAY)
    assert set(upcoming.values_list("state__iso3", flat=True)) == set(UPCOMING)
    assert {event.date.year for event in upcoming} == {2027}
    # Examples, marked as such in every language they are shown in.
    assert not upcoming.filter(illustrative=False).exists()
    for language in LANGUAGES:
        html = client.get(f"/{language}/individualised-approach/calendar/").content.decode()
        found = upcoming_section(html)
        assert found.count('class="event"') == len(UPCOMING), language
        assert found.count("illustrative-mark") == len(UPCOMING), language
        for spec in FULL_PAGES:
            # The State's page in this language, else its original shown in its place.
            shown = language if language in spec["translations"] else spec["language"]
            assert UPCOMING[spec["iso3"]][shown] in found, (language, spec["iso3"])


def without_new_events(spec: dict) -> dict:
    """The spec as it was before the upcoming events: its approach section without its
    last event and unflagged (but Senegal's, flagged from the start)."""
    body = []
    for block_type, value in spec["body"]:
        if block_type == "individualised_approach":
            value = {**value, "events": value["events"][:-1]}
            if spec["iso3"] != "SEN":
                value.pop("illustrative", None)
        body.append((block_type, value))
    return {**spec, "body": body}


def test_pages_kept_from_an_earlier_load_get_the_upcoming_events_once(states_index, monkeypatch):
    from demo import pages

    monkeypatch.setattr(pages, "FULL_PAGES", [without_new_events(s) for s in FULL_PAGES])
    ensure_full_pages(states_index, DemoReport())
    assert not PublishedEvent.objects.filter(date__year=2027).exists()
    monkeypatch.setattr(pages, "FULL_PAGES", FULL_PAGES)
    monkeypatch.setattr(events, "FULL_PAGES", FULL_PAGES)

    report = DemoReport()
    ensure_new_events(report)
    assert report.created  # the five source pages and their translations
    added = PublishedEvent.objects.filter(date__year=2027)
    # Every language version of each page has its event, with the block id a fresh load
    # gives it, flagged as an example on its own: the real events of the section are not.
    for spec in FULL_PAGES:
        position = [t for t, _v in spec["body"]].index("individualised_approach")
        count = len(dict(spec["body"])["individualised_approach"]["events"]) - 1
        expected = block_id(spec["key"], f"/individualised_approach{position}/events/{count}")
        rows = added.filter(state__iso3=spec["iso3"])
        languages = {spec["language"], *spec["translations"]}
        assert set(rows.values_list("locale__language_code", flat=True)) == languages
        assert set(rows.values_list("block_id", flat=True)) == {expected}
        assert set(rows.values_list("illustrative", flat=True)) == {True}
        section_flagged = dict(spec["body"])["individualised_approach"].get("illustrative")
        if not section_flagged:
            real = PublishedEvent.objects.filter(state__iso3=spec["iso3"], date__year__lt=2027)
            assert real.exists()
            assert set(real.values_list("illustrative", flat=True)) == {False}
    # The translations took their words from the PO files.
    assert added.get(state__iso3="SDN", locale__language_code="ar").place == "جنيف"
    assert added.get(state__iso3="SEN", locale__language_code="en").summary.startswith(
        "Illustrative example: this follow-up meeting"
    )
    # A second run changes nothing.
    revisions = Revision.objects.count()
    again = DemoReport()
    ensure_new_events(again)
    assert again.created == []
    assert Revision.objects.count() == revisions
