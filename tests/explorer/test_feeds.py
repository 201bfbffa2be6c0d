"""The Atom feeds of a country page's updates and of the needs (explorer.feeds): valid
against RFC 4287's schema in English, French and Arabic, listing only what a visitor may
read (published versions of public pages, newest first), with absolute links from
PUBLIC_BASE_URL, linked from the pages they follow, in a constant number of queries, and
refreshed by a publish like the pages they follow."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry, PageViewRestriction

from core.page_cache import bump
from country_pages.directory import need_theme_choices
from country_pages.index_models import PublishedNeed
from registry.models import StateParty
from tests.conftest import make_country
from tests.country_pages.test_public import needs_body
from tests.factories import published_country_page
from tests.feeds.atom import XML_LANG, entries, text, valid_feed

pytestmark = pytest.mark.django_db

PUBLIC = "https://mine-ban.example.org"
LANGUAGES = ["en", "fr", "ar"]
SUDAN_FEED = "/{lang}/states-parties/sudan/feed/"
NEEDS_FEED = "/{lang}/feeds/needs/"
# The feed's title in Arabic: the State's name, then the site's.
ARABIC_TITLE = "السودان · اتفاقية حظر الألغام المضادة للأفراد"


@pytest.fixture(autouse=True)
def public_base_url(settings):
    """Behind a proxy: every link of a feed is built from the public address, never from
    the request's host."""
    settings.PUBLIC_BASE_URL = PUBLIC


def publish_dates(page, *days: str) -> None:
    """Give the page's publications known dates, oldest first."""
    logs = PageLogEntry.objects.filter(page=page, action="wagtail.publish").order_by("pk")
    assert logs.count() == len(days)
    for log, day in zip(logs, days, strict=True):
        PageLogEntry.objects.filter(pk=log.pk).update(
            timestamp=dt.datetime.fromisoformat(f"{day}T10:00:00+00:00")
        )


def republish(page, **changes):
    page = page.specific.__class__.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def head_feed_links(html: str) -> list[str]:
    head = html.split("</head>")[0]
    return re.findall(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', head
    )


def visible_feed_links(html: str) -> list[str]:
    body = html.split("</head>")[1]
    return re.findall(
        r'<p class="feed-follow">.*?<a href="([^"]+)" type="application/atom\+xml"[^>]*>[^<]+</a>',
        body,
    )


@pytest.fixture
def sudan_page(states_index):
    """Sudan's page in English and French (published once each), Arabic falling back on
    English."""
    return make_country(states_index, "SDN", languages=("fr",), body=needs_body(n_needs=3))


# --- A country page's updates -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_country_feed_is_valid_atom_in_the_visitors_language(client, sudan_page, lang):
    root = valid_feed(client.get(SUDAN_FEED.format(lang=lang)))
    assert root.get(XML_LANG) == lang
    assert (
        text(root, "atom:link[@rel='self']/@href") == f"{PUBLIC}/{lang}/states-parties/sudan/feed/"
    )
    assert (
        text(root, "atom:link[@rel='alternate']/@href") == f"{PUBLIC}/{lang}/states-parties/sudan/"
    )
    assert len(entries(root)) == 1
    if lang == "ar":
        assert text(root, "atom:title") == ARABIC_TITLE


def test_country_feed_lists_each_published_version_newest_first(client, sudan_page, fp_sudan):
    republish(sudan_page, title="Sudan (second)")
    republish(sudan_page, title="Sudan (third)")
    publish_dates(sudan_page, "2025-01-15", "2025-02-20", "2025-03-25")
    # A draft, and a version submitted for review: neither is published.
    sudan_page.save_revision(user=fp_sudan)
    sudan_page.get_workflow().start(sudan_page, fp_sudan)

    found = entries(valid_feed(client.get(SUDAN_FEED.format(lang="en"))))
    assert [e["title"] for e in found] == [
        "Sudan: page updated on 25 March 2025",
        "Sudan: page updated on 20 February 2025",
        "Sudan: page updated on 15 January 2025",
    ]
    assert [e["updated"] for e in found] == [
        "2025-03-25T10:00:00+00:00",
        "2025-02-20T10:00:00+00:00",
        "2025-01-15T10:00:00+00:00",
    ]
    assert {e["link"] for e in found} == {f"{PUBLIC}/en/states-parties/sudan/"}
    assert {e["summary"] for e in found} == {"Page updated"}
    assert len({e["id"] for e in found}) == 3
    assert all(e["id"].startswith("tag:mine-ban.example.org,2025:") for e in found)
    # The French page's feed lists the French page's own publications: its one.
    assert len(entries(valid_feed(client.get(SUDAN_FEED.format(lang="fr"))))) == 1
    # Arabic has no translation: its feed follows the English page shown in its place.
    arabic = valid_feed(client.get(SUDAN_FEED.format(lang="ar")))
    assert [e["updated"] for e in entries(arabic)] == [e["updated"] for e in found]
    assert {e["link"] for e in entries(arabic)} == {f"{PUBLIC}/ar/states-parties/sudan/"}


def test_country_feed_keeps_at_most_twenty_entries(client, sudan_page):
    for i in range(21):
        republish(sudan_page, title=f"Sudan {i}")
    assert len(entries(valid_feed(client.get(SUDAN_FEED.format(lang="en"))))) == 20


def test_no_feed_for_pages_a_visitor_cannot_read(client, states_index, sudan_page):
    # Never published, behind a password, unpublished, or no such page: 404.
    zimbabwe = StateParty.objects.get(iso3="ZWE")
    published_country_page(states_index, state=zimbabwe, slug="zimbabwe", publish=False)
    norway = make_country(states_index, "NOR", languages=())
    PageViewRestriction.objects.create(
        page=norway, restriction_type=PageViewRestriction.PASSWORD, password="feed-pass"
    )
    sudan_page.unpublish()
    for slug in ("zimbabwe", "norway", "sudan", "atlantis"):
        assert client.get(f"/en/states-parties/{slug}/feed/").status_code == 404


# --- Needs, new or changed ----------------------------------------------------------------


@pytest.fixture
def two_states(states_index, sudan_page):
    """Sudan (three needs: clearance, risk education, victim assistance) published before
    Zimbabwe (two needs: clearance, risk education); both in Africa."""
    zimbabwe = make_country(states_index, "ZWE", languages=(), body=needs_body(n_needs=2))
    return sudan_page, zimbabwe


def need_link(page, theme: str, lang: str = "en") -> str:
    need = PublishedNeed.objects.get(source__page=page, theme=theme)
    return f"{PUBLIC}/{lang}/states-parties/{page.slug}/#need-{need.block_id}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_needs_feed_is_valid_atom_in_the_visitors_language(client, two_states, lang):
    root = valid_feed(client.get(NEEDS_FEED.format(lang=lang)))
    assert root.get(XML_LANG) == lang
    assert len(entries(root)) == 5
    assert text(root, "atom:link[@rel='alternate']/@href") == (
        f"{PUBLIC}/{lang}/needs-and-assistance/#needs"
    )
    if lang == "ar":
        assert text(root, "atom:title") == "الاحتياجات · اتفاقية حظر الألغام المضادة للأفراد"
    if lang == "fr":  # the French translation's needs; Zimbabwe's English ones
        assert "[fr] Need number 0" in {e["summary"] for e in entries(root)}


def test_needs_feed_lists_the_explorers_needs_latest_published_first(client, two_states):
    sudan, zimbabwe = two_states
    themes = dict(need_theme_choices())
    found = entries(valid_feed(client.get(NEEDS_FEED.format(lang="en") + "?theme=clearance")))
    assert [(e["title"], e["link"]) for e in found] == [
        (f"Zimbabwe — {themes['clearance']}", need_link(zimbabwe, "clearance")),
        (f"Sudan — {themes['clearance']}", need_link(sudan, "clearance")),
    ]
    assert found[0]["summary"] == "Need number 0"
    # Sudan published again: its needs are the newest.
    republish(sudan)
    bump("all")  # what the publish does after its commit, which a test does not reach
    found = entries(valid_feed(client.get(NEEDS_FEED.format(lang="en") + "?theme=clearance")))
    assert [e["link"] for e in found] == [
        need_link(sudan, "clearance"),
        need_link(zimbabwe, "clearance"),
    ]
    # The explorer's other filters: region, cross-cutting issue; together.
    assert len(entries(valid_feed(client.get("/en/feeds/needs/?region=africa")))) == 5
    assert entries(valid_feed(client.get("/en/feeds/needs/?region=europe"))) == []
    tagged = entries(valid_feed(client.get("/en/feeds/needs/?tag=gender-and-diversity")))
    assert len(tagged) == 2
    query = "?theme=risk_education&region=africa"
    assert len(entries(valid_feed(client.get(f"/en/feeds/needs/{query}")))) == 2


def test_needs_feed_ignores_filters_it_does_not_understand_as_the_explorer_does(client, two_states):
    response = client.get("/en/feeds/needs/?theme=atlantis&region=%27;drop")
    root = valid_feed(response)
    assert len(entries(root)) == 5
    # Served, never stored: made-up parameters cannot fill the cache.
    assert response["X-Page-Cache"] == "bypass"
    assert text(root, "atom:link[@rel='self']/@href") == f"{PUBLIC}/en/feeds/needs/"


def test_needs_feed_shows_no_draft_and_no_restricted_page(client, two_states, states_index):
    sudan, _zimbabwe = two_states
    draft = sudan.specific.__class__.objects.get(pk=sudan.pk)
    draft.body = needs_body(n_needs=6)  # a sixth need, "Other need 5", in a draft only
    draft.save_revision()
    norway = make_country(states_index, "NOR", languages=(), body=needs_body(n_needs=1))
    PageViewRestriction.objects.create(
        page=norway, restriction_type=PageViewRestriction.PASSWORD, password="feed-pass"
    )
    found = entries(valid_feed(client.get(NEEDS_FEED.format(lang="en"))))
    assert len(found) == 5
    assert not [e for e in found if "Other need" in e["title"] or "Norway" in e["title"]]


# --- Query counts ---------------------------------------------------------------------------


def feed_queries(client, url: str) -> int:
    """Queries to write the feed, not to serve it from the page cache (as after a publish);
    the site's own lookups (its root paths, read once) already made, as on a running site."""
    client.get(url)
    bump("all")
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    valid_feed(response)
    return len(context.captured_queries)


COUNTRY_FEED_QUERIES = (
    9  # the site, locale and index lookups every public view makes, then the page and its log
)
NEEDS_FEED_QUERIES = 7  # the same lookups, the filter form's tags, then the needs


def test_country_feed_queries_do_not_grow_with_its_entries(
    client, sudan_page, django_assert_max_num_queries
):
    url = SUDAN_FEED.format(lang="en")
    one = feed_queries(client, url)
    for i in range(9):
        republish(sudan_page, title=f"Sudan {i}")
    bump("all")
    assert len(entries(valid_feed(client.get(url)))) == 10
    bump("all")
    with django_assert_max_num_queries(COUNTRY_FEED_QUERIES):
        client.get(url)
    assert feed_queries(client, url) == one


def test_needs_feed_queries_do_not_grow_with_its_entries(
    client, states_index, django_assert_max_num_queries
):
    url = NEEDS_FEED.format(lang="en")
    make_country(states_index, "SDN", languages=(), body=needs_body(n_needs=1))
    one = feed_queries(client, url)
    for iso3 in ("ZWE", "AFG"):
        make_country(states_index, iso3, languages=(), body=needs_body(n_needs=5, n_partners=0))
    make_country(states_index, "AGO", languages=(), body=needs_body(n_needs=4, n_partners=0))
    bump("all")
    assert len(entries(valid_feed(client.get(url)))) == 15
    bump("all")
    with django_assert_max_num_queries(NEEDS_FEED_QUERIES):
        client.get(url)
    assert feed_queries(client, url) == one


# --- The page cache ----------------------------------------------------------------------------


def test_a_publish_refreshes_the_cached_feeds(
    client, two_states, django_capture_on_commit_callbacks
):
    sudan, _zimbabwe = two_states
    urls = [SUDAN_FEED.format(lang="en"), NEEDS_FEED.format(lang="en")]
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"
    before = [entries(valid_feed(client.get(url))) for url in urls]
    with django_capture_on_commit_callbacks(execute=True):
        republish(sudan, title="Sudan (republished)")
    after = []
    for url in urls:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        after.append(entries(valid_feed(response)))
    assert len(after[0]) == len(before[0]) + 1  # a new version in Sudan's feed
    # Sudan's needs now come first.
    assert after[1][0]["link"].startswith(f"{PUBLIC}/en/states-parties/sudan/")
    assert before[1][0]["link"].startswith(f"{PUBLIC}/en/states-parties/zimbabwe/")


def test_the_country_feed_is_in_its_countrys_cache_group(
    client, two_states, django_capture_on_commit_callbacks
):
    """Zimbabwe published: Sudan's feed stays cached, the needs' feed is refreshed."""
    _sudan, zimbabwe = two_states
    sudan_feed, needs_feed = SUDAN_FEED.format(lang="fr"), NEEDS_FEED.format(lang="fr")
    for url in (sudan_feed, needs_feed):
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        republish(zimbabwe)
    assert client.get(sudan_feed)["X-Page-Cache"] == "hit"
    assert client.get(needs_feed)["X-Page-Cache"] == "miss"


# --- Links from the pages they follow -----------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_country_page_links_to_its_feed_in_its_language(client, sudan_page, lang):
    # English first: the head links kept in the fragment cache must not leak to the others.
    client.get("/en/states-parties/sudan/")
    html = client.get(f"/{lang}/states-parties/sudan/").content.decode()
    feed = f"/{lang}/states-parties/sudan/feed/"
    assert head_feed_links(html) == [feed]
    assert visible_feed_links(html) == [feed]
    assert client.get(feed).status_code == 200


def test_the_explorer_links_to_the_feed_of_its_filters(client, two_states):
    html = client.get("/en/needs-and-assistance/").content.decode()
    assert head_feed_links(html) == visible_feed_links(html) == ["/en/feeds/needs/"]
    html = client.get("/fr/needs-and-assistance/?region=africa&theme=clearance").content.decode()
    feed = "/fr/feeds/needs/?region=africa&amp;theme=clearance"
    assert head_feed_links(html) == visible_feed_links(html) == [feed]
    # A filter the explorer ignores is not passed on.
    html = client.get("/en/needs-and-assistance/?theme=atlantis").content.decode()
    assert head_feed_links(html) == ["/en/feeds/needs/"]
