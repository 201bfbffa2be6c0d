"""The public Article 7 reporting status page: who has reported on time, late or not at
all, its filters and CSV, its query count and its cache."""

import csv
import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from registry.models import Article7Report as RecordedReport
from registry.models import MembershipEvent, StateParty
from reporting.exports import csv_value as formula_safe
from reporting.status import ReportStatus, status_row
from tests.conftest import login
from tests.reporting.helpers import accept, build_report, day

pytestmark = pytest.mark.django_db

URL = "/en/article-7-reports/status/"
CSV_URL = "/en/article-7-reports/status.csv"
TODAY = day("2025-06-01")


@pytest.fixture(autouse=True)
def complete_records(settings):
    """Most tests: the ISU's records are complete, so a missing report is overdue."""
    settings.ARTICLE7_RECORDS_COMPLETE_SINCE = dt.date(1999, 1, 1)


# --- Statuses, on data built to give known answers --------------------------------------------


def state(deposited: str, withdrawn: str | None = None) -> StateParty:
    party = StateParty(iso3="TST", name_en="Testland", region="africa", deposited=day(deposited))
    party.membership_events = (
        [MembershipEvent(kind=MembershipEvent.Kind.WITHDRAWAL_EFFECTIVE, date=day(withdrawn))]
        if withdrawn
        else []
    )
    return party


def received(on: str | None, *, online=False):
    from reporting.status import Receipt

    return Receipt(received_on=day(on) if on else None, online=online, registry=not online)


def by_period(row) -> dict:
    return {cell.period: cell.status for cell in [row.initial, *row.owed]}


def test_on_time_late_overdue_and_not_yet_due():
    # In force on 1 November 2019: initial report due 29 April 2020, first annual for 2020.
    party = state("2019-05-01")
    receipts = {
        ("initial", None): received("2020-04-01", online=True),
        ("annual", 2020): received("2021-05-10"),  # due 30 April 2021
        ("annual", 2021): received("2022-04-30"),  # on the day it was due
    }
    row = status_row(party, receipts, [2025, 2024, 2023], TODAY)
    assert by_period(row) == {
        "initial": ReportStatus.ON_TIME,
        "2020": ReportStatus.LATE,
        "2021": ReportStatus.ON_TIME,
        "2022": ReportStatus.OVERDUE,
        "2023": ReportStatus.OVERDUE,
        "2024": ReportStatus.OVERDUE,  # due 30 April 2025
        "2025": ReportStatus.NOT_YET_DUE,
    }
    assert [cell.period for cell in row.years] == ["2025", "2024", "2023"]
    assert row.silent_years == 3 and row.silent and row.highlighted
    assert not row.initial_overdue
    assert row.last_received.year == 2021
    # A report sent before it falls due is on time, and ends the gap.
    receipts[("annual", 2025)] = received("2025-05-20")
    early = status_row(party, receipts, [], TODAY)
    assert early.owed[-1].status == ReportStatus.ON_TIME and not early.highlighted


def test_a_report_not_yet_due_does_not_count_as_a_gap():
    party = state("2019-05-01")
    receipts = {
        ("initial", None): received("2020-01-01"),
        ("annual", 2022): received("2023-04-01"),
        ("annual", 2023): received(None),
    }
    row = status_row(party, receipts, [2024], day("2025-03-01"))
    assert by_period(row)["2024"] == ReportStatus.NOT_YET_DUE
    assert by_period(row)["2023"] == ReportStatus.RECEIVED  # date not recorded
    assert row.silent_years == 0 and not row.highlighted


def test_two_years_without_a_report_is_highlighted_one_is_not():
    party = state("2019-05-01")
    receipts = {("initial", None): received("2020-01-01"), ("annual", 2022): received("2023-04-01")}
    one_gap = status_row(party, receipts, [], day("2024-06-01"))  # 2023 overdue only
    assert one_gap.silent_years == 1 and not one_gap.highlighted
    two_gaps = status_row(party, receipts, [], TODAY)
    assert two_gaps.silent_years == 2 and two_gaps.highlighted


def test_an_overdue_initial_report_is_highlighted():
    # In force on 1 December 2024: initial report due 30 May 2025.
    row = status_row(state("2024-06-15"), {}, [2024], TODAY)
    assert row.initial.status == ReportStatus.OVERDUE and row.initial_overdue and row.highlighted
    assert row.years[0].status == ReportStatus.NOT_OWED  # its first annual report is for 2025
    assert status_row(state("2024-06-15"), {}, [], day("2025-05-30")).initial.status == (
        ReportStatus.NOT_YET_DUE
    )


def test_a_withdrawn_state_owes_nothing_after_its_withdrawal_and_is_not_highlighted():
    party = state("2010-01-15", withdrawn="2024-08-01")
    row = status_row(party, {}, [2024, 2023], TODAY)
    assert [cell.status for cell in row.years] == [ReportStatus.NOT_OWED, ReportStatus.OVERDUE]
    assert max(cell.year for cell in row.owed) == 2023
    assert row.withdrawn and row.silent_years >= 2 and not row.highlighted


def test_a_missing_report_is_no_record_not_overdue_where_the_records_are_incomplete(settings):
    party = state("2019-05-01")
    receipts = {("initial", None): received("2020-01-01"), ("annual", 2020): received(None)}
    settings.ARTICLE7_RECORDS_COMPLETE_SINCE = None
    row = status_row(party, receipts, [], TODAY)
    assert by_period(row) == {
        "initial": ReportStatus.ON_TIME,
        "2020": ReportStatus.RECEIVED,
        "2021": ReportStatus.NO_RECORD,
        "2022": ReportStatus.NO_RECORD,
        "2023": ReportStatus.NO_RECORD,
        "2024": ReportStatus.NO_RECORD,
        "2025": ReportStatus.NOT_YET_DUE,
    }
    assert row.silent_years == 0 and not row.highlighted  # nothing is claimed
    # Complete from 1 January 2024: the reports due since (2023's, 2024's) are overdue.
    settings.ARTICLE7_RECORDS_COMPLETE_SINCE = day("2024-01-01")
    row = status_row(party, receipts, [], TODAY)
    assert [by_period(row)[year] for year in ("2022", "2023", "2024")] == [
        ReportStatus.NO_RECORD,
        ReportStatus.OVERDUE,
        ReportStatus.OVERDUE,
    ]
    assert row.silent


def test_the_page_says_no_record_and_claims_nothing_while_records_are_incomplete(
    client, sudan, settings
):
    settings.ARTICLE7_RECORDS_COMPLETE_SINCE = None
    page = client.get(URL).content.decode()
    assert "No record" in page and "status-cell--overdue" not in page
    assert "No report is shown as overdue" in page
    rows = list(csv.DictReader(io.StringIO(client.get(CSV_URL).content.decode())))
    assert {row["status"] for row in rows if row["iso3"] == "SDN"} <= {"no_record", "not_yet_due"}


# --- The page ------------------------------------------------------------------------------


def year(back: int) -> int:
    return timezone.localdate().year - back


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def html(response) -> str:
    return response.content.decode()


@pytest.fixture
def sudan_reports(sudan):
    """Two years ago accepted online on its due date; three years ago recorded by the ISU
    late; last year accepted online early but for States Parties and the ISU only."""
    online = build_report(sudan, year(2), submitted_on=dt.date(year(1), 4, 30))
    accept(online)
    RecordedReport.objects.create(
        state=sudan,
        year=year(3),
        submitted_on=dt.date(year(2), 6, 1),
        url="https://example.org/sudan-report.pdf",
    )
    restricted = build_report(sudan, year(1), submitted_on=dt.date(year(0), 1, 15))
    restricted.visibility = "parties"
    accept(restricted)
    # The registry also knows the online report, with a later date: the earliest counts.
    RecordedReport.objects.create(state=sudan, year=year(2), submitted_on=dt.date(year(1), 5, 9))


def sudan_csv(client, query="") -> dict[str, dict]:
    return {
        row["period"]: row for row in csv_rows(client.get(CSV_URL + query)) if row["iso3"] == "SDN"
    }


def test_statuses_dates_and_links_for_an_anonymous_visitor(client, sudan_reports):
    response = client.get(URL)
    assert response.status_code == 200
    page = html(response)
    assert f'href="/en/article-7-reports/sdn/{year(2)}/"' in page
    assert 'href="https://example.org/sudan-report.pdf"' in page
    # The restricted report is received (a public fact of the registry), not linked.
    assert f"/sdn/{year(1)}/" not in page
    rows = sudan_csv(client)
    assert rows[str(year(2))] == {
        "iso3": "SDN",
        "state": "Sudan",
        "region": "africa",
        "period": str(year(2)),
        "due_on": f"{year(1)}-04-30",
        "status": "on_time",
        "received_on": f"{year(1)}-04-30",
        "source": "both",
        "url": f"http://testserver/en/article-7-reports/sdn/{year(2)}/",
    }
    assert rows[str(year(3))]["status"] == "late"
    assert rows[str(year(3))]["source"] == "registry"
    assert rows[str(year(1))]["status"] == "on_time"
    assert rows[str(year(1))]["url"] == ""
    assert rows[str(year(4))]["status"] == "overdue"
    assert rows["initial"]["status"] == "overdue"  # neither source records it
    assert "Sudan" in page.split('id="highlights-title"')[1].split("</section>")[0]


def test_the_isu_sees_the_restricted_reports_link(client, sudan_reports, isu_user):
    login(client, isu_user)
    assert f'href="/en/article-7-reports/sdn/{year(1)}/"' in html(client.get(URL))
    assert sudan_csv(client)[str(year(1))]["url"].endswith(f"/sdn/{year(1)}/")


def test_each_status_has_text_and_a_mark(client, sudan_reports):
    page = html(client.get(URL))
    mark = '<span class="status-mark" aria-hidden="true">✗</span>'
    assert f'class="status-cell status-cell--overdue">{mark} Overdue' in page
    assert '<span class="status-mark" aria-hidden="true">✓</span> <a href=' in page


def test_csv_cells_cannot_run_as_formulas(client, sudan):
    StateParty.objects.filter(pk=sudan.pk).update(name_en='=HYPERLINK("http://evil")')
    rows = sudan_csv(client)
    assert rows["initial"]["state"] == '\'=HYPERLINK("http://evil")'
    assert [formula_safe(v) for v in ("+1", "-1", "@SUM(A1)", "Sudan", None)] == [
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "Sudan",
        "",
    ]
    assert client.get(CSV_URL)["Content-Type"] == "text/csv; charset=utf-8"


def test_filters_by_region_and_year_range(client, sudan_reports):
    page = html(client.get(URL + "?region=europe"))
    assert "Sudan" not in page and "France" in page
    page = html(client.get(URL + "?year_from=2010&year_to=2012"))
    header = page.split("<thead>")[1].split("</thead>")[0]
    assert [y for y in ("2013", "2012", "2011", "2010", "2009") if f">{y}<" in header] == [
        "2012",
        "2011",
        "2010",
    ]
    assert header.index("2012") < header.index("2010")  # newest first
    assert set(sudan_csv(client, "?year_from=2012&year_to=2010")) == {
        "initial",
        "2012",
        "2011",
        "2010",
    }
    default = html(client.get(URL)).split("<thead>")[1].split("</thead>")[0]
    assert f">{year(1)}<" in default and f">{year(10)}<" in default
    assert f">{year(11)}<" not in default and f">{year(0)}<" not in default
    response = client.get(URL + "?year_from=not-a-year")
    assert response.status_code == 200 and "were not understood" in html(response)


def test_the_number_of_queries_does_not_grow_with_states_and_years(
    client, django_assert_max_num_queries
):
    """20 States with twelve years of reports each read in no more queries than 2."""
    keep = list(StateParty.objects.filter(deposited__isnull=False).order_by("iso3")[:20])
    StateParty.objects.exclude(pk__in=[s.pk for s in keep]).delete()
    RecordedReport.objects.bulk_create(
        RecordedReport(state=s, year=y, submitted_on=dt.date(y + 1, 4, 1))
        for s in keep
        for y in range(year(12), year(1))
    )
    for party in keep:
        accept(build_report(party, year(1), submitted_on=dt.date(year(0), 1, 2)))
    deposited = {s.pk: s.deposited for s in keep}
    # Without an instrument deposited a State is not listed: only two are.
    StateParty.objects.filter(pk__in=[s.pk for s in keep[2:]]).update(deposited=None)
    with CaptureQueriesContext(connection) as few:
        response = client.get(URL)
    assert html(response).count('class="status-cell status-cell--on_time"') == 2 * 10
    for pk, on in deposited.items():
        StateParty.objects.filter(pk=pk).update(deposited=on)
    cache.clear()
    with django_assert_max_num_queries(len(few)):
        response = client.get(URL)
    assert html(response).count('class="status-cell status-cell--on_time"') == 20 * 10


def test_arabic_page_reads_right_to_left(client, sudan_reports):
    response = client.get("/ar/article-7-reports/status/")
    assert response.status_code == 200
    assert 'dir="rtl"' in html(response)
    assert 'href="/ar/article-7-reports/sdn/' in html(response)


def test_the_cached_page_is_refreshed_when_a_report_is_accepted_or_recorded(
    client, sudan, django_capture_on_commit_callbacks
):
    assert client.get(URL)["X-Page-Cache"] == "miss"
    assert client.get(URL)["X-Page-Cache"] == "hit"
    report = build_report(sudan, year(2), submitted_on=dt.date(year(1), 4, 1))
    report.save()
    with django_capture_on_commit_callbacks(execute=True):
        report.save_revision().publish()
    response = client.get(URL)
    assert response["X-Page-Cache"] == "miss"
    assert f'href="/en/article-7-reports/sdn/{year(2)}/"' in html(response)
    with django_capture_on_commit_callbacks(execute=True):
        RecordedReport.objects.create(state=sudan, year=year(3), url="https://example.org/r.pdf")
    response = client.get(URL)
    assert response["X-Page-Cache"] == "miss" and "https://example.org/r.pdf" in html(response)


def test_linked_from_the_open_data_page(client):
    assert f'href="{URL}"' in html(client.get("/en/open-data/"))


def test_the_country_page_sums_up_the_states_reporting_as_the_status_page(
    client, states_index, sudan_reports, settings
):
    from tests.conftest import make_country

    make_country(states_index, "SDN")

    def summary() -> str:
        page = html(client.get("/en/states-parties/sudan/"))
        return page.split('class="reporting-summary"')[1].split("</ul>")[0]

    # In force for Sudan on 1 April 2004: a report for each year from 2004, each due by 30
    # April of the next year.
    today = timezone.localdate()
    due = len(range(2004, today.year - (0 if today > dt.date(today.year, 4, 30) else 1)))
    text = summary()
    assert f"Annual reports received: 3 of {due} due so far" in text
    assert f"the latest covers {year(1)}" in text
    assert "Overdue:" in text and "initial report" in text
    assert 'href="/en/article-7-reports/status/"' in text
    # Where the records are not known to be complete, nothing is called overdue.
    settings.ARTICLE7_RECORDS_COMPLETE_SINCE = None
    cache.clear()
    text = summary()
    assert "Overdue" not in text and "with no record in the registry" in text
