"""The public side: home figures, the filtered index, the needs and assistance explorer,
search, open data and SEO."""

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from country_pages.index_models import PublishedAssistance, PublishedNeed, PublishedPage
from country_pages.indexer import rebuild
from country_pages.models import CountryPage
from registry.models import PARTY_STATUSES, Article5Deadline, ClearanceStatus, StateParty
from tests.conftest import make_country

pytestmark = pytest.mark.django_db


def needs_body(n_needs=1, n_partners=1, donors=("JPN",), launch=True):
    themes = [
        "clearance",
        "risk_education",
        "victim_assistance",
        "stockpile_destruction",
        "national_legislation",
    ]
    needs = []
    for i in range(n_needs):
        theme = themes[i] if i < len(themes) else "other"
        value = {
            "description": f"<p>Need number {i}</p>",
            "funding_gap": 1000 + i,
            "currency": "USD",
            "tags": ["gender-and-diversity"] if i == 0 else [],
        }
        if theme == "other":
            value["title"] = f"Other need {i}"
        if theme == "clearance":
            value["area_remaining_m2"] = 2_500_000
        needs.append((theme, value))
    donor_states = list(StateParty.objects.filter(iso3__in=donors))
    while len(donor_states) < n_partners:
        donor_states += list(
            StateParty.objects.exclude(iso3__in=[s.iso3 for s in donor_states])[
                : n_partners - len(donor_states)
            ]
        )
    body = [
        ("needs_and_challenges", {"introduction": "", "needs": needs}),
        (
            "partnerships",
            {
                "assisting_states": [
                    {"state": s, "support": f"Support from {s.iso3}", "themes": []}
                    for s in donor_states[:n_partners]
                ],
                "organisations": [],
                "projects": [],
                "stories": [],
            },
        ),
    ]
    if launch:
        body.append(
            (
                "individualised_approach",
                {
                    "events": [
                        {
                            "date": dt.date(2018, 6, 7),
                            "date_precision": "day",
                            "end_date": None,
                            "place": "Geneva",
                            "kind": "launch",
                            "summary": "Launch",
                            "documents": [],
                        }
                    ],
                    "highlights": [],
                },
            )
        )
    return body


@pytest.fixture
def sudan_with_needs(states_index):
    state = StateParty.objects.get(iso3="SDN")
    state.clearance_status = ClearanceStatus.OBLIGATION
    state.save()
    Article5Deadline.objects.create(
        state=state, kind="original", deadline=timezone.localdate() + dt.timedelta(days=400)
    )
    return make_country(states_index, "SDN", languages=("fr",), body=needs_body(n_needs=3))


def test_home_key_figures_come_from_the_registry(client, sudan_with_needs):
    html = client.get("/en/").content.decode()
    parties = sum(1 for s in StateParty.objects.with_related() if s.status in PARTY_STATUSES)
    assert parties == 160
    # Every State has a page in the demo; here only Sudan has one, so the figures count it.
    assert re.search(r"<dd>1</dd>", html)
    assert "Next mine clearance deadlines" in html
    assert "/en/states-parties/sudan/" in html
    assert 'class="map-country map-country--state_party"' in html


def test_index_filters_work_without_javascript(client, states_index, sudan_with_needs):
    make_country(states_index, "FRA", languages=(), body=[])
    html = client.get("/en/states-parties/").content.decode()
    assert "Sudan" in html and "France" in html
    html = client.get("/en/states-parties/?article5=obligation").content.decode()
    assert "Sudan" in html and ">France<" not in html
    html = client.get("/en/states-parties/?region=europe").content.decode()
    assert ">Sudan<" not in html and "France" in html
    html = client.get("/en/states-parties/?approach=on").content.decode()
    assert "Sudan" in html and ">France<" not in html
    html = client.get("/en/states-parties/?theme=risk_education").content.decode()
    assert "Sudan" in html and ">France<" not in html
    html = client.get("/en/states-parties/?theme=stockpile_destruction").content.decode()
    assert "No State matches these filters." in html


def test_index_sorting(client, states_index, sudan_with_needs):
    make_country(states_index, "AFG", languages=(), body=[])
    names = lambda html: re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)  # noqa: E731
    assert names(client.get("/en/states-parties/").content.decode()) == ["Afghanistan", "Sudan"]
    assert names(client.get("/en/states-parties/?sort=deadline").content.decode()) == [
        "Sudan",
        "Afghanistan",
    ]
    by_eif = names(client.get("/en/states-parties/?sort=entry_into_force").content.decode())
    assert by_eif == ["Afghanistan", "Sudan"]  # 2003 before 2004


def test_invalid_filters_are_ignored_with_a_message(client, sudan_with_needs):
    response = client.get("/en/states-parties/?region=atlantis&sort=%27;drop")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters were not understood and were ignored." in html
    assert "Sudan" in html


def test_explorer_lists_needs_with_links_to_their_section(client, sudan_with_needs):
    html = client.get("/en/needs-and-assistance/").content.decode()
    need = PublishedNeed.objects.filter(source__page=sudan_with_needs).first()
    assert f"/en/states-parties/sudan/#need-{need.block_id}" in html
    assert "3 needs shown." in html
    html = client.get("/en/needs-and-assistance/?theme=clearance").content.decode()
    assert "1 need shown." in html and "2,500,000 m²" in html
    html = client.get("/en/needs-and-assistance/?tag=gender-and-diversity").content.decode()
    assert "1 need shown." in html
    html = client.get("/en/needs-and-assistance/?region=europe").content.decode()
    assert "0 needs shown." in html


def test_explorer_in_another_language_uses_that_translation(client, sudan_with_needs):
    html = client.get("/fr/needs-and-assistance/").content.decode()
    assert "[fr] Need number 0" in html
    assert "/fr/states-parties/sudan/#need-" in html
    # Arabic has no translation: the English needs are shown, marked as English.
    html = client.get("/ar/needs-and-assistance/").content.decode()
    assert 'lang="en">Need number 0' in html


def test_assistance_is_listed_by_donor_and_on_the_donors_page(
    client, states_index, sudan_with_needs
):
    japan = make_country(states_index, "JPN", languages=(), body=[])
    html = client.get("/en/needs-and-assistance/").content.decode()
    assert "Japan" in html and "Support from JPN" in html
    html = client.get(japan.url).content.decode()
    assert "Assistance provided by Japan" in html
    assert "/en/states-parties/sudan/#partnerships" in html


def test_index_follows_publication(sudan_with_needs):
    french = CountryPage.objects.get(state__iso3="SDN", locale__language_code="fr")
    assert PublishedNeed.objects.filter(source__page=french).count() == 3
    french.unpublish()
    assert not PublishedPage.objects.filter(page=french).exists()
    revision = french.save_revision()
    revision.publish()
    assert PublishedNeed.objects.filter(source__page=french).count() == 3
    assert PublishedAssistance.objects.filter(source__page=french).count() == 1


def test_rebuild_command(sudan_with_needs):
    PublishedPage.objects.all().delete()
    assert rebuild() == CountryPage.objects.live().count()
    assert PublishedNeed.objects.count() == 6  # three needs, in English and French


def test_search_returns_the_visitors_language_only(client, sudan_with_needs):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    html = client.get("/fr/search/", {"q": "Need"}).content.decode()
    assert "/fr/states-parties/sudan/" in html and "/en/states-parties/sudan/" not in html
    html = client.get("/en/search/", {"q": "Need"}).content.decode()
    assert "/en/states-parties/sudan/" in html and "/fr/states-parties/sudan/" not in html


def test_api_lists_published_country_pages_only(client, sudan_with_needs):
    sudan_with_needs.title = "Draft title nobody may see"
    sudan_with_needs.save_revision()
    data = client.get("/api/v2/pages/?iso3=SDN&fields=iso3,body").json()
    assert data["meta"]["total_count"] == 2
    assert {item["meta"]["locale"] for item in data["items"]} == {"en", "fr"}
    assert all(item["iso3"] == "SDN" for item in data["items"])
    assert "Draft title nobody may see" not in json.dumps(data)
    french = CountryPage.objects.get(state__iso3="SDN", locale__language_code="fr")
    french.unpublish()
    assert client.get("/api/v2/pages/?iso3=SDN").json()["meta"]["total_count"] == 1
    assert client.post("/api/v2/pages/").status_code == 405


def test_registry_downloads(client):
    response = client.get("/open-data/states-parties.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 165
    oman = next(row for row in rows if row["iso3"] == "OMN")
    assert oman["entry_into_force"] == "2015-02-01"
    assert oman["name_fr"] == "Oman"
    data = client.get("/open-data/states-parties.json").json()
    finland = next(s for s in data["states"] if s["iso3"] == "FIN")
    assert finland["membership_status"] == "withdrawn"
    assert finland["withdrawal_effective"] == "2026-01-10"


def test_open_data_page_documents_it(client):
    html = client.get("/es/open-data/").content.decode()
    assert "/open-data/states-parties.csv" in html and "/api/v2/pages/" in html


def test_sitemap_lists_every_language_with_alternates(client, sudan_with_needs):
    xml = client.get("/sitemap.xml").content.decode()
    base = settings.PUBLIC_BASE_URL
    assert f"<loc>{base}/fr/states-parties/sudan/</loc>" in xml
    assert f"<loc>{base}/ar/</loc>" in xml
    block = xml.split(f"<loc>{base}/fr/states-parties/sudan/</loc>")[1].split("</url>")[0]
    assert f'hreflang="en" href="{base}/en/states-parties/sudan/"' in block
    assert 'hreflang="x-default"' in block
    assert 'hreflang="ar"' not in block  # no Arabic translation of this page


def test_robots_txt(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert f"Sitemap: {settings.PUBLIC_BASE_URL}/sitemap.xml" in text.splitlines()


def test_canonical_and_open_graph(client, sudan_with_needs):
    html = client.get("/fr/states-parties/sudan/").content.decode()
    url = f"{settings.PUBLIC_BASE_URL}/fr/states-parties/sudan/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:locale" content="fr_FR">' in html
    assert '<meta property="og:title" content="Soudan">' in html
    assert f'<meta property="og:url" content="{url}">' in html


def test_translation_note_says_when_the_source_changed(
    client, sudan_with_needs, django_capture_on_commit_callbacks
):
    html = client.get("/fr/states-parties/sudan/").content.decode()
    assert 'class="note-translation"' in html and "read it" not in html
    with django_capture_on_commit_callbacks(execute=True):
        sudan_with_needs.save_revision().publish()
    html = client.get("/fr/states-parties/sudan/").content.decode()
    assert "/en/states-parties/sudan/" in html.split('class="note-translation"')[1].split("</p>")[0]


def test_country_summary_shows_time_left(client, sudan_with_needs):
    html = client.get("/en/states-parties/sudan/").content.decode()
    summary = html.split('<dl class="summary">')[1].split("</dl>")[0]
    assert "Entry into force" in summary and "1 April 2004" in summary
    assert "in 1\xa0year" in summary or "in 1 year" in summary


# --- Query counts ------------------------------------------------------------------------


def count_queries(client, url, cold=True) -> int:
    """Queries to render the page (not to serve it from the page cache). Cold: nothing
    rendered before is reused (a publication or registry change just happened)."""
    from core.page_cache import bump

    if cold:
        bump("all")
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_country_page_query_count_is_constant(client, states_index):
    """The same number of queries with 1 or 30 needs and partnerships."""
    small = make_country(
        states_index, "SDN", languages=(), body=needs_body(n_needs=1, n_partners=1)
    )
    large = make_country(
        states_index, "ZWE", languages=(), body=needs_body(n_needs=30, n_partners=30)
    )
    client.get(small.url)  # warm Wagtail's site-root cache
    counts = {count_queries(client, small.url), count_queries(client, large.url)}
    assert counts == {COUNTRY_PAGE_QUERIES}
    # A session cookie bypasses the page cache, as for editors: the rendered article of
    # this version is reused, and the sections are not read at all.
    client.cookies["sessionid"] = "not-signed-in"
    for page in (small, large):
        client.get(page.url)  # rendered once, kept
    warm = {
        count_queries(client, small.url, cold=False),
        count_queries(client, large.url, cold=False),
    }
    assert warm == {COUNTRY_PAGE_QUERIES_REUSED}


def test_listing_query_counts_are_constant(client, states_index):
    """The index, the explorer and the home page: the same number of queries with 1 or
    30 States (each with needs and partnerships)."""
    states = list(StateParty.objects.order_by("iso3")[:30])
    make_country(states_index, states[0].iso3, languages=(), body=needs_body(n_needs=2))
    client.get("/en/")
    few = [count_queries(client, url) for url in LISTING_URLS]
    for state in states[1:]:
        make_country(states_index, state.iso3, languages=(), body=needs_body(n_needs=2))
    many = [count_queries(client, url) for url in LISTING_URLS]
    assert few == many == LISTING_QUERIES


# Stated query budgets (see the closing note).
# The list of the State's Article 7 reports is one query, outside the cached article; the
# reporting summary (its accepted online reports) and the charts (its public reports) are one
# query each, inside it.
# The offers that could meet the page's needs are one query more, inside the article; the
# partnerships under Action #21 other pages name the State a partner in, one more (and two
# when there are some: their confirmations and States, whatever their number).
COUNTRY_PAGE_QUERIES = 23
COUNTRY_PAGE_QUERIES_REUSED = 5
LISTING_URLS = ["/en/states-parties/", "/en/needs-and-assistance/", "/en/"]
# The menu reads the index in every language at once; the explorer reads the offers that
# could meet the needs (one query).
LISTING_QUERIES = [13, 12, 13]
