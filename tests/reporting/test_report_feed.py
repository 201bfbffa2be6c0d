"""The Atom feed of new public Article 7 reports (reporting.feeds): valid against RFC 4287's
schema in English, French and Arabic; accepted public reports only, the latest version of
each period, the most recently accepted first, linking to their public pages; linked from
the reporting status page; constant queries; refreshed when a report is accepted."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.page_cache import bump
from reporting.history import amend
from reporting.models import Article7Report
from tests.conftest import login
from tests.feeds.atom import XML_LANG, entries, text, valid_feed
from tests.reporting.helpers import accept, build_report

pytestmark = pytest.mark.django_db

PUBLIC = "https://mine-ban.example.org"
FEED = "/{lang}/feeds/article-7-reports/"
LANGUAGES = ["en", "fr", "ar"]


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = PUBLIC


def accepted_on(report, day: str):
    """Give an accepted report a known date of acceptance."""
    when = dt.datetime.fromisoformat(f"{day}T09:00:00+00:00")
    Article7Report.objects.filter(pk=report.pk).update(
        first_published_at=when, last_published_at=when
    )
    return report


def restricted(report):
    report.visibility = "parties"
    return report


@pytest.fixture
def reports(sudan, zimbabwe_state):
    """Sudan 2023 (corrected: version 2 accepted last), Zimbabwe 2023, Sudan 2024 for
    States Parties only, Sudan 2025 a draft, Zimbabwe's initial report in review."""
    sudan_2023 = accepted_on(accept(build_report(sudan, 2023)), "2024-04-28")
    accepted_on(accept(build_report(zimbabwe_state, 2023)), "2024-05-10")
    accepted_on(accept(restricted(build_report(sudan, 2024))), "2025-04-30")
    build_report(sudan, 2025).save()
    in_review = build_report(zimbabwe_state)
    in_review.save()
    in_review.save_revision()
    return accepted_on(accept(amend(sudan_2023)), "2025-06-01")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_feed_is_valid_atom_in_the_visitors_language(client, reports, lang):
    root = valid_feed(client.get(FEED.format(lang=lang)))
    assert root.get(XML_LANG) == lang
    assert text(root, "atom:link[@rel='self']/@href") == f"{PUBLIC}/{lang}/feeds/article-7-reports/"
    assert text(root, "atom:link[@rel='alternate']/@href") == (
        f"{PUBLIC}/{lang}/article-7-reports/status/"
    )
    assert len(entries(root)) == 2
    if lang == "ar":
        assert text(root, "atom:title") == (
            "التقارير المقدَّمة بموجب المادة 7 · اتفاقية حظر الألغام المضادة للأفراد"
        )


def test_feed_lists_public_accepted_reports_latest_version_newest_first(client, reports):
    found = entries(valid_feed(client.get(FEED.format(lang="en"))))
    assert [(e["title"], e["link"], e["updated"]) for e in found] == [
        (
            "Sudan: Article 7 report for 2023",
            f"{PUBLIC}/en/article-7-reports/sdn/2023/",
            "2025-06-01T09:00:00+00:00",
        ),
        (
            "Zimbabwe: Article 7 report for 2023",
            f"{PUBLIC}/en/article-7-reports/zwe/2023/",
            "2024-05-10T09:00:00+00:00",
        ),
    ]
    assert found[0]["summary"] == (
        "Accepted on 1 June 2025. Version 2, correcting an earlier version."
    )
    assert found[1]["summary"] == "Accepted on 10 May 2024."
    assert found[0]["id"] == f"tag:mine-ban.example.org,2025:article-7-report/en/{reports.pk}"
    # Never the restricted 2024 report, the 2025 draft, the report in review or version 1.
    feed = client.get(FEED.format(lang="en")).content.decode()
    assert "2024/" not in feed and "2025/" not in feed and "initial" not in feed


def test_the_feed_is_the_same_for_users_who_may_read_restricted_reports(client, reports, isu_user):
    login(client, isu_user)
    found = entries(valid_feed(client.get(FEED.format(lang="en"))))
    assert [e["link"] for e in found] == [
        f"{PUBLIC}/en/article-7-reports/sdn/2023/",
        f"{PUBLIC}/en/article-7-reports/zwe/2023/",
    ]


FEED_QUERIES = 4  # the site, locale and index lookups of every public view, then the reports


def feed_queries(client, url: str) -> int:
    client.get(url)  # the site's own lookups made once, as on a running site
    bump("all")
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    valid_feed(response)
    return len(context.captured_queries)


def test_feed_queries_do_not_grow_with_its_entries(client, sudan, django_assert_max_num_queries):
    url = FEED.format(lang="en")
    accept(build_report(sudan, 2010))
    one = feed_queries(client, url)
    for year in range(2011, 2020):
        accept(build_report(sudan, year))
    bump("all")
    assert len(entries(valid_feed(client.get(url)))) == 10
    bump("all")
    with django_assert_max_num_queries(FEED_QUERIES):
        client.get(url)
    assert feed_queries(client, url) == one


def test_accepting_a_report_refreshes_the_cached_feed(
    client, reports, zimbabwe_state, django_capture_on_commit_callbacks
):
    url = FEED.format(lang="fr")
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    report = build_report(zimbabwe_state, 2024)
    report.save()
    with django_capture_on_commit_callbacks(execute=True):
        report.save_revision().publish()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    found = entries(valid_feed(response))
    assert found[0]["link"] == f"{PUBLIC}/fr/article-7-reports/zwe/2024/"
    # Withdrawn: gone again.
    report.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        report.unpublish()
    links = [e["link"] for e in entries(valid_feed(client.get(url)))]
    assert f"{PUBLIC}/fr/article-7-reports/zwe/2024/" not in links


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_reporting_status_page_links_to_the_feed(client, db, lang):
    html = client.get(f"/{lang}/article-7-reports/status/").content.decode()
    head, body = html.split("</head>")
    feed = f"/{lang}/feeds/article-7-reports/"
    assert re.findall(
        r'<link rel="alternate" type="application/atom\+xml"[^>]* href="([^"]+)">', head
    ) == [feed]
    assert f'<a href="{feed}" type="application/atom+xml"' in body
