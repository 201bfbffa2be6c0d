"""The public calendar of individualised-approach events: upcoming events first (soonest
first), then past ones (most recent first) with their reports and presentations; filtered
by State and region; each linked to its country page's section; only live, public pages'
events; in a constant number of queries; refreshed by a publish."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from approach.indexer import rebuild
from approach.models import PublishedEvent
from core.page_cache import bump
from tests.approach.helpers import (
    approach_body,
    country_with_events,
    days,
    event,
    make_document,
    republish,
)

pytestmark = pytest.mark.django_db

URL = "/{lang}/individualised-approach/calendar/"


def section(html: str, name: str) -> str:
    return html.split(f'<section id="{name}"', 1)[1].split("</section>", 1)[0]


def places(html: str, name: str) -> list[str]:
    """The places of a section's events, in the page's order."""
    return re.findall(
        r'<p class="event__when">.*? · <span[^>]*>([^<]+)</span></p>', section(html, name)
    )


@pytest.fixture
def calendar_pages(states_index):
    """Sudan (English, French) and Zimbabwe in Africa, Afghanistan in Asia."""
    report = make_document("Khartoum report")
    sudan = country_with_events(
        states_index,
        "SDN",
        event(days(-900), "Geneva", kind="launch"),
        event(days(-30), "Khartoum", docs=[report]),
        event(days(60), "Port Sudan", kind="follow_up"),
        languages=("fr",),
    )
    zimbabwe = country_with_events(
        states_index,
        "ZWE",
        event(days(10), "Harare"),
        event(days(-400), "Bulawayo", kind="follow_up"),
    )
    afghanistan = country_with_events(states_index, "AFG", event(days(30), "Kabul"))
    return sudan, zimbabwe, afghanistan


def test_upcoming_soonest_first_then_past_most_recent_first(client, calendar_pages):
    html = client.get(URL.format(lang="en")).content.decode()
    assert places(html, "upcoming") == ["Harare", "Kabul", "Port Sudan"]
    assert places(html, "past") == ["Khartoum", "Bulawayo", "Geneva"]
    past = section(html, "past")
    # A past meeting's report, and the link to the section of the country page.
    assert re.search(r'<a href="/documents/\d+/report[^"]*\.pdf">Report of Khartoum</a>', past)
    assert '<a href="/en/states-parties/sudan/#individualised-approach">Sudan</a>' in past
    assert "Launch of the individualised approach" in past


def test_an_event_that_has_begun_is_upcoming_until_its_last_day(client, states_index):
    country_with_events(
        states_index,
        "SDN",
        event(days(-2), "Still on", end=days(1)),
        event(days(-3), "Over", end=days(-1)),
        event(days(-40).replace(day=1), "This month", precision="month"),
    )
    html = client.get(URL.format(lang="en")).content.decode()
    upcoming = places(html, "upcoming")
    assert "Still on" in upcoming and "Over" not in upcoming
    if days(-40).month == days(0).month:  # the month is not over
        assert "This month" in upcoming


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?state=zwe", ["Harare", "Bulawayo"]),
        ("?region=asia", ["Kabul"]),
        ("?region=africa", ["Harare", "Port Sudan", "Khartoum", "Bulawayo", "Geneva"]),
        ("?region=africa&state=sdn", ["Port Sudan", "Khartoum", "Geneva"]),
        ("?region=europe", []),
    ],
)
def test_filters_by_state_and_region(client, calendar_pages, query, expected):
    response = client.get(URL.format(lang="en") + query)
    html = response.content.decode()
    assert places(html, "upcoming") + places(html, "past") == expected
    assert response["X-Page-Cache"] == "miss"  # valid filters: cached


def test_a_filter_it_does_not_understand_is_ignored_and_not_cached(client, calendar_pages):
    response = client.get(URL.format(lang="en") + "?state=atlantis&x=1")
    html = response.content.decode()
    assert len(places(html, "upcoming") + places(html, "past")) == 6
    assert response["X-Page-Cache"] == "bypass"
    # The State filter offers the States with events only.
    assert '<option value="afg">Afghanistan</option>' in html
    assert '<option value="nor">' not in html


def test_each_language_shows_its_version_or_the_one_shown_in_its_place(client, calendar_pages):
    french = client.get(URL.format(lang="fr") + "?state=sdn").content.decode()
    assert places(french, "upcoming") == ["[fr] Port Sudan"]
    assert '<a href="/fr/states-parties/sudan/#individualised-approach">Soudan</a>' in french
    # Arabic: the English page, marked as English.
    arabic = client.get(URL.format(lang="ar") + "?state=sdn").content.decode()
    assert places(arabic, "upcoming") == ["Port Sudan"]
    assert '<span lang="en" dir="ltr">Port Sudan</span>' in arabic
    assert 'dir="rtl"' in arabic


def test_drafts_unpublished_and_restricted_pages_never_show(client, calendar_pages, states_index):
    sudan, zimbabwe, afghanistan = calendar_pages
    draft = sudan.specific.__class__.objects.get(pk=sudan.pk)
    draft.body = approach_body(event(days(5), "Draft place"))
    draft.save_revision()
    zimbabwe.unpublish()
    PageViewRestriction.objects.create(
        page=afghanistan, restriction_type=PageViewRestriction.PASSWORD, password="secret-pass"
    )
    norway = country_with_events(states_index, "NOR", event(days(7), "Oslo"))
    norway.save_revision()  # a later draft does not hide the live version
    html = client.get(URL.format(lang="en")).content.decode()
    shown = places(html, "upcoming") + places(html, "past")
    assert shown == ["Oslo", "Port Sudan", "Khartoum", "Geneva"]
    # As after `rebuild_event_index`.
    rebuild()
    bump("all")
    html = client.get(URL.format(lang="en")).content.decode()
    assert places(html, "upcoming") + places(html, "past") == shown


def test_deleting_a_page_deletes_its_events(client, calendar_pages):
    _sudan, zimbabwe, _afghanistan = calendar_pages
    assert PublishedEvent.objects.filter(page=zimbabwe).count() == 2
    # Unpublished first: deleting a live page leaves the country pages' own index a row
    # pointing to the deleted page (reported; not this app's index).
    zimbabwe.unpublish()
    zimbabwe.delete()
    assert not PublishedEvent.objects.filter(state__iso3="ZWE").exists()


def calendar_queries(client, url: str) -> int:
    client.get(url)
    bump("all")
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_queries_do_not_grow_with_the_events(client, states_index):
    url = URL.format(lang="en")
    sudan = country_with_events(states_index, "SDN", event(days(3), "One"))
    one = calendar_queries(client, url)
    document = make_document()
    many = [event(days(i * 7 - 70), f"Place {i}", docs=[document]) for i in range(20)]
    republish(sudan, body=approach_body(*many))
    assert PublishedEvent.objects.count() == 20
    twenty = calendar_queries(client, url)
    assert twenty == one
    assert one <= 7  # the site, locale and index lookups, the filter form, the events


def test_a_publish_refreshes_the_cached_calendar(
    client, calendar_pages, django_capture_on_commit_callbacks
):
    _sudan, zimbabwe, _afghanistan = calendar_pages
    url = URL.format(lang="en")
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        republish(zimbabwe, body=approach_body(event(days(2), "Mutare")))
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    html = response.content.decode()
    assert places(html, "upcoming") == ["Mutare", "Kabul", "Port Sudan"]
    assert "Harare" not in html and "Bulawayo" not in html


def test_the_calendar_links_to_its_feeds(client, calendar_pages):
    html = client.get(URL.format(lang="fr") + "?region=africa").content.decode()
    head = html.split("</head>")[0]
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Upcoming events of the '
        'individualised approach" href="/fr/feeds/events/?region=africa">'
    ) in head or 'href="/fr/feeds/events/?region=africa"' in head
    assert 'type="text/calendar"' in head
    assert 'href="/fr/individualised-approach/calendar.ics?region=africa"' in head
    body = html.split("</head>")[1]
    assert re.search(
        r'<p class="feed-follow">.*?<a href="/fr/feeds/events/\?region=africa" '
        r'type="application/atom\+xml"',
        body,
    )
    assert '<a href="/fr/individualised-approach/calendar.ics?region=africa"' in body
