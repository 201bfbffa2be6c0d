"""Accepted Article 7 reports on the public site: the report's page and its PDF, who may
read which report, the country page's list, the sitemap and the page cache."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Workflow

from focal_points.roles import REVIEW_WORKFLOW_NAME
from reporting.history import amend, effective
from reporting.models import (
    Article7Report,
    FormAMeasure,
    FormBStockpile,
    FormCAreaMine,
    FormCLandRelease,
    FormCMinedArea,
    FormDRetained,
    FormEFacility,
    FormFProgramme,
    FormGDestroyed,
    FormHCharacteristics,
    FormIWarning,
    FormJCasualties,
    FormJCooperation,
    FormJVictimService,
    form_tables,
)
from reporting.reading import TABLES, report_sections
from tests.conftest import login, make_country, make_user
from tests.reporting.helpers import accept, build_report, day

pytestmark = pytest.mark.django_db

URL_2023 = "/en/article-7-reports/sdn/2023/"
URL_2024 = "/en/article-7-reports/sdn/2024/"


@pytest.fixture
def sudan_page(states_index):
    return make_country(states_index, "SDN", languages=("fr", "ar"))


@pytest.fixture
def report_2023(sudan, pmn2):
    return accept(
        build_report(
            sudan,
            2023,
            submitted_on=day("2024-04-28"),
            measures=[
                FormAMeasure(
                    kind="legislation",
                    title="Anti-Personnel Mines Prohibition Act",
                    adopted_on=day("2003-06-01"),
                    url="https://laws.example.org/mines-act",
                )
            ],
            stockpiles=[FormBStockpile(mine_type=pmn2, quantity=7_500, holder="Army depot")],
        )
    )


@pytest.fixture
def report_2024(sudan, pmn2, pomz, report_2023):
    """Form A unchanged since 2023, Form E not applicable, Form C answered."""
    area = FormCMinedArea(
        name="North ridge", region="Blue Nile", status="confirmed", size_m2=1_250_000
    )
    area.mines = [FormCAreaMine(mine_type=pomz, estimated_quantity=1_200)]
    return accept(
        build_report(
            sudan,
            2024,
            submitted_on=day("2025-04-30"),
            cover={
                "A": ("unchanged", 2023),
                "E": ("not_applicable", "Sudan never produced anti-personnel mines."),
            },
            mined_areas=[area],
            land_releases=[
                FormCLandRelease(region="Blue Nile", cleared_m2=350_000, mines_destroyed=41),
                FormCLandRelease(region="Kassala", reduced_m2=20_000, cleared_m2=1_000),
            ],
        )
    )


def restricted(report):
    report.visibility = "parties"
    return report


def html(response) -> str:
    return response.content.decode()


def section(page: str, letter: str) -> str:
    """The HTML of one form's section."""
    start = page.index(f'id="form-{letter.lower()}"')
    end = page.find("</section>", start)
    return page[start:end]


# --- The report's page -------------------------------------------------------------------


def test_public_report_page(client, sudan_page, report_2024):
    response = client.get(URL_2024)
    assert response.status_code == 200
    page = html(response)
    # The header: State, period, submission, language, version, organisation, PDF.
    assert "<h1>Sudan: Article 7 report for 2024</h1>" in page
    header = page.split('<dl class="facts report-facts">')[1].split("</dl>")[0]
    for fact in ("Report for 2024", "30 April 2025", "English", "National Mine Action Authority"):
        assert fact in header
    assert '<time datetime="2024-01-01">1 January 2024</time>' in header
    # Personal contact details stay in the admin.
    assert "focal.point@example.org" not in page and "+249 11 000 0000" not in page
    assert 'href="/en/article-7-reports/sdn/2024/report.pdf"' in page
    # Breadcrumb: home, the index, the State's page in the visitor's language, the report.
    breadcrumb = page.split('class="breadcrumb"')[1].split("</p>")[0]
    assert 'href="/en/states-parties/"' in breadcrumb
    assert 'href="/en/states-parties/sudan/">Sudan</a>' in breadcrumb
    assert 'aria-current="page">Report for 2024<' in breadcrumb
    # A form's rows, numbers grouped, in a table with its caption and headers.
    form_c = section(page, "C")
    assert "<caption" in form_c and '<th scope="col"' in form_c
    assert '<th scope="row" lang="en" dir="ltr">North ridge</th>' in form_c
    assert "1,250,000" in form_c and "POMZ-2M (USSR): 1,200" in form_c
    # Land release: each region, and the totals of the period.
    totals = form_c.split("<tfoot>")[1]
    cells = re.findall(r'<td class="num">([^<]*)</td>', totals)
    assert cells == ["0", "20,000", "351,000", "371,000", "41"]
    # Not applicable, with the State's statement.
    form_e = section(page, "E")
    assert "Not applicable:" in form_e
    assert "Sudan never produced anti-personnel mines." in form_e
    assert "<table" not in form_e


def test_unchanged_form_shows_the_earlier_reports_rows_as_such(client, report_2024):
    page = html(client.get(URL_2024))
    form_a = section(page, "A")
    assert (
        'Unchanged since <a href="/en/article-7-reports/sdn/2023/">the report for 2023</a>; '
        "the data below is from that report." in form_a
    )
    assert "Anti-Personnel Mines Prohibition Act" in form_a
    assert '<time datetime="2003-06-01">1 June 2003</time>' in form_a
    # 2023's own page shows the same rows as its own answer.
    earlier = section(html(client.get(URL_2023)), "A")
    assert "Anti-Personnel Mines Prohibition Act" in earlier and "Unchanged" not in earlier


def test_reading_follows_history_effective(report_2024):
    """The rows read are those history.effective gives, for every form."""
    sections = report_sections(Article7Report.objects.get(pk=report_2024.pk))
    for read in sections:
        data = effective(report_2024, read.letter)
        assert (read.source.pk if read.source else None) == (
            data.source.pk if data.source else None
        )
        for table in read.tables:
            assert len(table.rows) == len(data.rows(table.name))
    assert sections[0].since_report.year == 2023 and sections[0].source.year == 2023


def test_every_table_of_every_form_is_read():
    """A table added to a form without saying how it reads would vanish from the page."""
    tables = {name for letter in "ABCDEFGHIJ" for name in form_tables(letter)}
    assert tables == set(TABLES)


def test_unchanged_since_a_report_not_accepted(client, sudan, report_2023):
    """The year named has no accepted report: said so, nothing made up."""
    accept(build_report(sudan, 2024, cover={"B": ("unchanged", 2022)}))
    form_b = section(html(client.get(URL_2024)), "B")
    assert "the report for 2022, which is not among the accepted reports" in form_b
    assert "<table" not in form_b


def test_pdf_of_a_public_report(client, report_2024):
    response = client.get(URL_2024 + "report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="article-7-report-sdn-2024-v1.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_unknown_addresses_are_404(client, report_2024):
    for url in (
        "/en/article-7-reports/sdn/2022/",  # no report
        "/en/article-7-reports/xyz/2024/",  # no State
        "/en/article-7-reports/SDN/2024/",  # addresses are lower case
        "/en/article-7-reports/sdn/initial/",
        "/en/article-7-reports/sdn/24/",
    ):
        assert client.get(url).status_code == 404, url


# --- Who reads what ------------------------------------------------------------------------


@pytest.fixture
def restricted_2024(sudan, pmn2):
    return accept(
        restricted(
            build_report(
                sudan,
                2024,
                stockpiles=[FormBStockpile(mine_type=pmn2, quantity=321, holder="Secret depot")],
            )
        )
    )


def test_restricted_report_is_404_to_anonymous_and_to_users_with_no_role(client, restricted_2024):
    for url in (URL_2024, URL_2024 + "report.pdf"):
        assert client.get(url).status_code == 404
    login(client, make_user())
    for url in (URL_2024, URL_2024 + "report.pdf"):
        assert client.get(url).status_code == 404


def test_restricted_report_is_read_by_other_states_focal_points_and_the_isu(
    client, restricted_2024, fp_zimbabwe, isu_user
):
    for user in (fp_zimbabwe, isu_user):
        client.logout()
        login(client, user)
        response = client.get(URL_2024)
        assert response.status_code == 200
        assert "Secret depot" in html(response)
        assert "for States Parties and the ISU only" in html(response)
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control
        assert "X-Page-Cache" not in response
        pdf = client.get(URL_2024 + "report.pdf")
        assert pdf.status_code == 200 and "no-store" in pdf["Cache-Control"]
    # What they read was kept nowhere an anonymous visitor is served from.
    client.logout()
    client.cookies.clear()
    assert client.get(URL_2024).status_code == 404
    assert client.get(URL_2024 + "report.pdf").status_code == 404


def test_restricted_report_needs_the_second_factor(client, restricted_2024, fp_zimbabwe):
    """Signed in with a password only (the admin would ask for the code): not yet."""
    client.force_login(fp_zimbabwe)
    assert client.get(URL_2024).status_code == 404


def test_drafts_and_reports_in_review_are_never_public(
    client, sudan, report_2023, fp_sudan, isu_user
):
    draft = build_report(sudan, 2024)
    draft.save()
    draft.save_revision()
    in_review = amend(report_2023)
    in_review.measures = [FormAMeasure(kind="legislation", title="Amended act, in review")]
    in_review.save()
    in_review.save_revision(user=fp_sudan)
    Workflow.objects.get(name=REVIEW_WORKFLOW_NAME).start(in_review, fp_sudan)
    assert Article7Report.objects.get(pk=in_review.pk).workflow_in_progress
    for user in (None, fp_sudan, isu_user):
        client.logout()
        if user:
            login(client, user)
        assert client.get(URL_2024).status_code == 404
        assert client.get(URL_2024 + "report.pdf").status_code == 404
        # The period's accepted version stays what is shown, not the one in review.
        page = html(client.get(URL_2023))
        assert "Anti-Personnel Mines Prohibition Act" in page
        assert "Amended act, in review" not in page
        assert "Version 2" not in page


def test_the_latest_accepted_version_is_shown(
    client, report_2023, django_capture_on_commit_callbacks
):
    client.get(URL_2023)  # kept in the page cache until a version is accepted
    version_2 = amend(report_2023)
    version_2.measures = [FormAMeasure(kind="regulation", title="Decree 12 of 2024")]
    with django_capture_on_commit_callbacks(execute=True):
        accept(version_2)
    page = html(client.get(URL_2023))
    assert "Decree 12 of 2024" in page and "Anti-Personnel Mines Prohibition Act" not in page
    accepted_on = report_2023.last_published_at.strftime("%-d %B %Y")
    assert f"Version 2 of this report; it amends version 1, accepted on {accepted_on}." in page
    # A later version for States Parties only hides the period from the public, rather
    # than showing the version it replaced.
    with django_capture_on_commit_callbacks(execute=True):
        accept(restricted(amend(version_2)))
    assert client.get(URL_2023).status_code == 404


# --- Country page, sitemap, page cache -------------------------------------------------------


def test_country_page_lists_the_reports_anyone_may_read(
    client, sudan, sudan_page, report_2023, fp_zimbabwe
):
    accept(restricted(build_report(sudan, 2024)))
    build_report(sudan, 2025).save()  # a draft
    page = html(client.get("/en/states-parties/sudan/"))
    listing = page.split('class="report-list"')[1].split("</ul>")[0]
    assert 'href="/en/article-7-reports/sdn/2023/"' in listing
    assert 'href="/en/article-7-reports/sdn/2023/report.pdf"' in listing
    assert "28 April 2024" in listing
    assert "2024" not in listing.replace("28 April 2024", "") and "2025" not in listing
    # A focal point of any State also sees the report for States Parties only.
    login(client, fp_zimbabwe)
    listing = html(client.get("/en/states-parties/sudan/")).split('class="report-list"')[1]
    assert 'href="/en/article-7-reports/sdn/2024/"' in listing


def test_accepting_a_report_refreshes_the_cached_country_page(
    client, sudan, sudan_page, django_capture_on_commit_callbacks
):
    url = "/en/states-parties/sudan/"
    assert 'class="report-list"' not in html(client.get(url))
    assert client.get(url)["X-Page-Cache"] == "hit"
    report = build_report(sudan, 2023)
    report.save()
    with django_capture_on_commit_callbacks(execute=True):
        report.save_revision().publish()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert 'href="/en/article-7-reports/sdn/2023/"' in html(response)
    report.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        report.unpublish()
    assert 'class="report-list"' not in html(client.get(url))


def test_a_public_report_page_is_cached_until_a_new_version_is_accepted(
    client, report_2023, django_capture_on_commit_callbacks
):
    assert client.get(URL_2023)["X-Page-Cache"] == "miss"
    assert client.get(URL_2023)["X-Page-Cache"] == "hit"
    version_2 = amend(report_2023)
    version_2.measures = [FormAMeasure(kind="regulation", title="Decree 12 of 2024")]
    with django_capture_on_commit_callbacks(execute=True):
        accept(version_2)
    response = client.get(URL_2023)
    assert response["X-Page-Cache"] == "miss" and "Decree 12 of 2024" in html(response)


def test_sitemap_lists_public_accepted_reports_in_every_language(client, sudan, report_2023):
    accept(restricted(build_report(sudan, 2024)))
    build_report(sudan, 2025).save()
    sitemap = html(client.get("/sitemap.xml"))
    for language in ("en", "fr", "es", "ar", "ru", "zh-hans"):
        assert f"/{language}/article-7-reports/sdn/2023/</loc>" in sitemap
    assert 'hreflang="zh-Hans" href="http://testserver/zh-hans/article-7-reports/sdn/2023/"' in (
        sitemap.replace("http://127.0.0.1:8000", "http://testserver")
    )
    assert "/sdn/2024/" not in sitemap and "/sdn/2025/" not in sitemap


# --- Languages -----------------------------------------------------------------------------


def test_arabic_page_and_answers_in_the_reports_language(client, sudan, sudan_page, report_2023):
    area = FormCMinedArea(
        name="منطقة الحدود الشمالية", region="النيل الأزرق", status="suspected", size_m2=98_000
    )
    report = build_report(sudan, 2024, cover={"A": ("unchanged", 2023)}, mined_areas=[area])
    report.language = "ar"
    report.other_matters = "لا شيء آخر للإبلاغ عنه."
    accept(report)
    # The Arabic site: the page is right to left, labels in Arabic, Western digits grouped.
    page = html(client.get("/ar/article-7-reports/sdn/2024/"))
    assert re.search(r'<html lang="ar" dir="rtl">', page)
    assert 'href="/ar/states-parties/sudan/"' in page
    assert "98,000" in page
    # The English site: labels in English, the answers marked as Arabic, right to left.
    page = html(client.get(URL_2024))
    assert '<html lang="en" dir="ltr">' in page
    assert '<th scope="row" lang="ar" dir="rtl">منطقة الحدود الشمالية</th>' in page
    assert '<td lang="ar" dir="rtl">النيل الأزرق</td>' in page
    assert '<div class="report-form__text" lang="ar" dir="rtl"><p>لا شيء آخر' in page
    assert "Arabic" in page.split('<dl class="facts report-facts">')[1].split("</dl>")[0]
    # A form carried forward from a report written in English keeps its language.
    assert '<th scope="row" lang="en" dir="ltr">Anti-Personnel Mines' in section(page, "A")


def test_numbers_follow_the_visitors_language(client, report_2024):
    page = html(client.get("/fr/article-7-reports/sdn/2024/"))
    with translation.override("fr"):
        from django.utils.formats import get_format

        separator = get_format("THOUSAND_SEPARATOR")
    assert f"1{separator}250{separator}000" in section(page, "C")


# --- Queries -------------------------------------------------------------------------------


def full_report(state, year, mine_type, rows: int, cover=None):
    """A report with `rows` rows in every table of every form."""

    def many(make):
        return [make(i) for i in range(rows)]

    def area(i):
        made = FormCMinedArea(name=f"Area {i}", region="North", status="confirmed", size_m2=1000)
        made.mines = [FormCAreaMine(mine_type=mine_type, estimated_quantity=i) for _ in range(2)]
        return made

    return build_report(
        state,
        year,
        cover=cover,
        measures=many(lambda i: FormAMeasure(kind="legislation", title=f"Act {i}")),
        stockpiles=many(lambda i: FormBStockpile(mine_type=mine_type, quantity=i)),
        mined_areas=many(area),
        land_releases=many(lambda i: FormCLandRelease(region=f"Region {i}", cleared_m2=i)),
        retained=many(
            lambda i: FormDRetained(
                institution=f"School {i}",
                mine_type=mine_type,
                quantity_start=i,
                quantity_end=i,
                purpose="Training",
            )
        ),
        facilities=many(
            lambda i: FormEFacility(facility=f"Plant {i}", action="conversion", status="planned")
        ),
        programmes=many(
            lambda i: FormFProgramme(
                article="article_5", status="in_progress", methods="Manual clearance"
            )
        ),
        destroyed=many(
            lambda i: FormGDestroyed(year=year, source="article_5", mine_type=mine_type, quantity=i)
        ),
        characteristics=many(
            lambda i: FormHCharacteristics(mine_type=mine_type, fusing="Pressure")
        ),
        warning_measures=many(
            lambda i: FormIWarning(
                area=f"Village {i}", measure="marking", date=day(f"{year}-05-01")
            )
        ),
        casualties=many(
            lambda i: FormJCasualties(
                outcome="injured", sex="male", age_group="adult", status="civilian", number=i
            )
        ),
        victim_services=many(lambda i: FormJVictimService(service="rehabilitation", men=i)),
        cooperation=many(
            lambda i: FormJCooperation(
                direction="received",
                partner=f"Donor {i}",
                year=year,
                theme="other",
                amount=1000,
                currency="USD",
            )
        ),
    )


def queries_to_read(url, client) -> int:
    """Queries to render the page (a session cookie: not served from the page cache)."""
    client.cookies["sessionid"] = "not-signed-in"
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_the_rows(
    client, sudan, zimbabwe_state, sudan_page, pmn2, django_assert_max_num_queries
):
    """A report of 1 row a table and one of 8 (each with a form carried forward from an
    earlier report as large) read in the same number of queries."""
    for state, rows in ((sudan, 1), (zimbabwe_state, 8)):
        accept(full_report(state, 2023, pmn2, rows))
        accept(full_report(state, 2024, pmn2, rows, cover={"A": ("unchanged", 2023)}))
    client.get(URL_2024)  # warm the site's per-process lookups
    small = queries_to_read(URL_2024, client)
    large = queries_to_read("/en/article-7-reports/zwe/2024/", client)
    assert small == large
    with django_assert_max_num_queries(small):
        page = html(client.get("/en/article-7-reports/zwe/2024/"))
    assert "School 7" in page and "Act 7" in page and page.count("PMN-2 (USSR): 7") == 2


def test_restricted_and_draft_reports_are_not_in_search_or_the_api(
    client, sudan, sudan_page, restricted_2024
):
    """Reports are not pages: the site search and the pages API, which anonymous visitors
    use, find nothing of a restricted report or of a draft."""
    draft = build_report(
        sudan, 2025, measures=[FormAMeasure(kind="legislation", title="Draft-only act")]
    )
    draft.save()
    draft.save_revision()
    for secret in ("Secret depot", "Draft-only act"):
        # The search page repeats the query; no result leads to a report.
        assert "/article-7-reports/" not in html(client.get("/en/search/", {"q": secret}))
        found = client.get("/api/v2/pages/", {"search": secret}).json()
        assert found["meta"]["total_count"] == 0 and secret not in str(found)
    assert "Secret depot" not in html(client.get(sudan_page.url))
