"""The public Article 7 reports as open data: the page listing the tables and their columns,
each table as CSV and JSON, never a restricted report or a draft, formula injection
neutralised, and the ETag that lets a client ask again without a download."""

import csv
import io
import json

import pytest

from reporting import tables
from tests.conftest import login
from tests.reporting.helpers import accept
from tests.reporting.table_data import accepted_report, full_report

pytestmark = pytest.mark.django_db

INDEX = "/en/article-7-reports/data/"


def url(name: str, fmt: str = "csv") -> str:
    return f"/en/article-7-reports/data/{name}.{fmt}"


def body(response) -> str:
    return b"".join(response.streaming_content).decode()


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body(response))))


@pytest.fixture
def mines(pmn2, pomz):
    return (pmn2, pomz)


@pytest.fixture
def published(sudan, zimbabwe_state, mines, fp_sudan):
    """A public report, a restricted one, a newer draft and one in review."""
    accepted_report(sudan, 2023, mines, title="Public act")
    accepted_report(zimbabwe_state, 2023, mines, title="Restricted act", visibility="parties")
    draft = full_report(sudan, 2024, mines, title="Draft act")
    draft.save()
    draft.save_revision(user=fp_sudan)
    in_review = full_report(zimbabwe_state, 2024, mines, title="In review act")
    in_review.save()
    in_review.save_revision(user=fp_sudan)
    in_review.get_workflow().start(in_review, fp_sudan)


def test_the_page_lists_every_table_with_its_downloads_and_columns(client):
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    for table in tables.TABLES:
        assert f'href="{url(table.name)}"' in html
        assert f'href="{url(table.name, "json")}"' in html
        for column in table.columns:
            assert f"<code>{column.name}</code>" in html
    assert "completeness" not in html  # the ISU's table
    assert "<code>killed</code> (Killed)" in html  # a code with its meaning
    assert 'href="/en/article-7-reports/data/"' in client.get("/en/open-data/").content.decode()


@pytest.mark.usefixtures("published")
def test_csv_has_public_reports_only(client):
    response = client.get(url("measures"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="article-7-measures.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert [(r["state_iso3"], r["title"], r["visibility"]) for r in rows] == [
        ("SDN", "Public act", "public")
    ]
    assert rows[0]["report_year"] == "2023" and rows[0]["adopted_on"] == "2023-03-01"
    for table in tables.TABLES:
        text = body(client.get(url(table.name)))
        assert "ZWE" not in text and "Draft act" not in text and "In review act" not in text
        assert "parties" not in text


@pytest.mark.usefixtures("published")
def test_restricted_reports_stay_out_for_the_isu_too(client, isu_user):
    login(client, isu_user)
    for fmt in ("csv", "json"):
        text = body(client.get(url("measures", fmt)))
        assert "Public act" in text and "Restricted act" not in text


@pytest.mark.usefixtures("published")
def test_json_gives_the_columns_then_typed_rows(client):
    response = client.get(url("cooperation", "json"))
    assert response["Content-Type"] == "application/json"
    data = json.loads(body(response))
    assert data["table"] == "cooperation"
    assert [c["name"] for c in data["columns"]] == tables.BY_NAME["cooperation"].header
    theme = next(c for c in data["columns"] if c["name"] == "theme")
    assert theme["type"] == "code" and "survey_clearance" in theme["codes"]
    (row,) = data["rows"]
    assert row["state_iso3"] == "SDN" and row["report_year"] == 2023
    assert row["amount"] == 250000.0 and row["currency"] == "NOK"
    assert row["submitted_on"] == "2024-04-15"
    people = json.loads(body(client.get(url("victim_services", "json"))))["rows"][0]
    assert people["people_reached"] == 10
    initial_rows = json.loads(body(client.get(url("reports", "json"))))["rows"]
    assert [r["report_period"] for r in initial_rows] == ["2023"]


def test_formula_injection_is_neutralised_in_csv(client, sudan, mines):
    report = full_report(sudan, 2023, mines, title='=HYPERLINK("http://evil.example","x")')
    retained = report.retained.first()
    retained.purpose = "-2+3"
    retained.institution = "@SUM(A1)"
    report.retained = [retained]
    accept(report)
    (measure,) = csv_rows(client.get(url("measures")))
    assert measure["title"] == '\'=HYPERLINK("http://evil.example","x")'
    (row,) = csv_rows(client.get(url("retained")))
    assert row["purpose"] == "'-2+3" and row["institution"] == "'@SUM(A1)"
    assert row["quantity_start"] == "100"  # numbers stay numbers
    # JSON is not opened by spreadsheets: its text is as written.
    data = json.loads(body(client.get(url("measures", "json"))))
    assert data["rows"][0]["title"].startswith("=HYPERLINK")


def test_an_unknown_table_is_not_found(client):
    assert client.get(url("completeness")).status_code == 404
    assert client.get(url("nothing", "json")).status_code == 404
    assert client.get("/en/article-7-reports/data/measures.xlsx").status_code == 404


def test_a_client_asking_again_gets_304_until_a_report_is_accepted(
    client, sudan, mines, django_capture_on_commit_callbacks
):
    accepted_report(sudan, 2022, mines)
    first = client.get(url("stockpiles"))
    etag = first["ETag"]
    assert "must-revalidate" in first["Cache-Control"] and "public" in first["Cache-Control"]
    again = client.get(url("stockpiles"), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert client.get(url("stockpiles", "json"))["ETag"] != etag  # one per file
    with django_capture_on_commit_callbacks(execute=True):
        accepted_report(sudan, 2023, mines)
    fresh = client.get(url("stockpiles"), HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200
    assert [r["report_year"] for r in csv_rows(fresh)] == ["2022", "2023"]


# --- The API -------------------------------------------------------------------------------------

API = "/api/v2/article7-reports/"


@pytest.mark.usefixtures("published")
def test_the_api_lists_public_reports_only(client, isu_user):
    data = client.get(API).json()
    assert data["meta"]["total_count"] == 1
    (item,) = data["items"]
    assert (item["iso3"], item["period"], item["version"]) == ("SDN", "2023", 1)
    assert item["meta"]["html_url"].endswith("/en/article-7-reports/sdn/2023/")
    assert "forms" not in item
    login(client, isu_user)  # the API is public: the same for everyone
    assert client.get(API).json()["meta"]["total_count"] == 1


@pytest.mark.usefixtures("published")
def test_the_api_gives_a_reports_forms_by_the_tables_column_names(client):
    report_id = client.get(API).json()["items"][0]["id"]
    detail = client.get(f"{API}{report_id}/").json()
    assert detail["submitted_on"] == "2024-04-15" and detail["kind"] == "annual"
    forms = detail["forms"]
    assert set(forms) == {t.name for t in tables.TABLES} - {"reports"}
    (measure,) = forms["measures"]
    assert measure == {
        "kind": "legislation",
        "title": "Public act",
        "adopted_on": "2023-03-01",
        "url": "",
    }
    assert [m["estimated_quantity"] for m in forms["mined_area_mines"]] == [1200, None]
    assert len(forms["form_status"]) == 10


def test_the_api_hides_restricted_reports_and_drafts(client, zimbabwe_state, mines, fp_sudan):
    from reporting.models import Article7Report

    restricted = accepted_report(zimbabwe_state, 2023, mines, visibility="parties")
    draft = full_report(zimbabwe_state, 2024, mines)
    draft.save()
    draft.save_revision(user=fp_sudan)
    assert Article7Report.objects.count() == 2
    for report in (restricted, draft):
        assert client.get(f"{API}{report.pk}/").status_code == 404
    assert client.get(API).json()["items"] == []


def test_the_api_filters_and_refuses_what_it_cannot_read(client, sudan, zimbabwe_state, mines):
    accepted_report(sudan, 2022, mines)
    accepted_report(sudan, 2023, mines)
    accepted_report(zimbabwe_state, 2023, mines)

    def periods(**query):
        return [(i["iso3"], i["period"]) for i in client.get(API, query).json()["items"]]

    assert periods(iso3="zwe") == [("ZWE", "2023")]
    assert periods(year="2023") == [("SDN", "2023"), ("ZWE", "2023")]
    assert periods(order="-year", iso3="SDN") == [("SDN", "2023"), ("SDN", "2022")]
    for query in ({"year": "x"}, {"year": "99999999999"}, {"iso3": "\x00"}, {"nothing": "1"}):
        assert client.get(API, query).status_code == 400, query
    assert client.get(f"{API}99999999999999999999/").status_code == 404
    assert client.get(f"{API}find/", {"id": "x"}).status_code == 400


def test_the_api_reads_in_constant_queries(client, sudan, zimbabwe_state, mines):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(API).status_code == 200
        return len(queries)

    accepted_report(sudan, 2022, mines)
    accepted_report(zimbabwe_state, 2022, mines)
    count()  # what a process reads once (the Site) read
    two = count()
    for state in (sudan, zimbabwe_state):
        for year in (2023, 2024):
            accepted_report(state, year, mines)
    assert count() == two
    report_id = client.get(API).json()["items"][0]["id"]
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{API}{report_id}/")
    assert len(queries) <= len(tables.TABLES) + 2


def test_head_answers_with_the_headers_only(client, sudan, mines):
    accepted_report(sudan, 2023, mines)
    response = client.head(url("measures"))
    assert response.status_code == 200 and response.has_header("ETag")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
