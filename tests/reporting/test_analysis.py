"""The ISU's analysis of accepted reports in the admin: the tables filtered and paginated,
completeness per report, the CSV and XLSX exports (restricted reports included, formula
injection neutralised, streamed as they are written), and nobody else let in."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from reporting import exports, tables
from tests.conftest import login
from tests.reporting.helpers import accept
from tests.reporting.table_data import accepted_report, full_report

pytestmark = pytest.mark.django_db

PAGE = "/admin/reporting/analysis/"
CSV = "/admin/reporting/analysis/export.csv"
XLSX = "/admin/reporting/analysis/export.xlsx"


@pytest.fixture
def mines(pmn2, pomz):
    return (pmn2, pomz)


@pytest.fixture
def reports(sudan, zimbabwe_state, mines, fp_sudan):
    """Sudan's public report for 2023 (a formula in Form A, a negative-looking text in
    Form D), Zimbabwe's restricted one, and a draft."""
    report = full_report(sudan, 2023, mines, title="=1+1")
    retained = report.retained.first()
    retained.purpose = "-5 used in training"
    retained.actual_use = "#N/A"
    retained.change_note = "Control\x07character"
    report.retained = [retained]
    accept(report)
    accepted_report(zimbabwe_state, 2023, mines, title="Restricted act", visibility="parties")
    draft = full_report(sudan, 2024, mines, title="Draft act")
    draft.save()
    draft.save_revision(user=fp_sudan)


@pytest.fixture
def isu_client(client, isu_user):
    login(client, isu_user)
    return client


def download(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.usefixtures("reports")
def test_the_isu_sees_every_accepted_report_with_its_completeness(isu_client):
    response = isu_client.get(PAGE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<code>casualties_by_sex</code>" in html  # completeness is the first table
    assert "Sudan" in html and "Zimbabwe" in html
    assert "Filled in" in html  # a form's status in words
    measures = isu_client.get(PAGE, {"table": "measures"}).content.decode()
    assert "Restricted act" in measures and "=1+1" in measures
    assert "Draft act" not in measures
    only_sudan = isu_client.get(PAGE, {"table": "measures", "state": "SDN"}).content.decode()
    assert "Restricted act" not in only_sudan
    none = isu_client.get(PAGE, {"table": "measures", "region": "europe"}).content.decode()
    assert "No row matches these filters." in none
    later = isu_client.get(PAGE, {"table": "measures", "year_from": "2024"}).content.decode()
    assert "No row matches these filters." in later


def test_the_table_is_paginated(isu_client, sudan, mines):
    accepted_report(sudan, 2023, mines)
    response = isu_client.get(PAGE, {"table": "form_status"})
    assert response.context["page"].paginator.count == 10
    for year in range(2014, 2023):
        accepted_report(sudan, year, mines)
    first = isu_client.get(PAGE, {"table": "form_status"})
    assert first.context["page"].paginator.num_pages == 2
    assert len(first.context["rows"]) == 50
    second = isu_client.get(PAGE, {"table": "form_status", "p": "2"})
    assert len(second.context["rows"]) == 50
    assert "table=form_status&amp;p=2" in first.content.decode()


def test_the_page_reads_in_constant_queries(isu_client, sudan, zimbabwe_state, mines):
    def queries(table: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert isu_client.get(PAGE, {"table": table}).status_code == 200
        return len(captured)

    accepted_report(sudan, 2022, mines)
    accepted_report(zimbabwe_state, 2022, mines)
    two = {table.name: queries(table.name) for table in tables.ANALYSIS_TABLES}
    for state in (sudan, zimbabwe_state):
        for year in (2023, 2024):
            accepted_report(state, year, mines)
    six = {table.name: queries(table.name) for table in tables.ANALYSIS_TABLES}
    assert two == six


@pytest.mark.usefixtures("reports")
def test_csv_export_has_restricted_reports_and_neutralises_formulas(isu_client):
    response = isu_client.get(CSV, {"table": "measures"})
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    rows = list(csv.DictReader(io.StringIO(download(response).decode())))
    assert [(r["state_iso3"], r["title"], r["visibility"]) for r in rows] == [
        ("SDN", "'=1+1", "public"),
        ("ZWE", "Restricted act", "parties"),
    ]
    retained = list(
        csv.DictReader(io.StringIO(download(isu_client.get(CSV, {"table": "retained"})).decode()))
    )
    assert retained[0]["purpose"] == "'-5 used in training"
    completeness = isu_client.get(CSV, {"table": "completeness", "state": "ZWE"})
    (line,) = csv.DictReader(io.StringIO(download(completeness).decode()))
    assert line["form_a"] == "answered" and line["casualties_by_sex"] == "true"


@pytest.mark.usefixtures("reports")
def test_xlsx_export_has_a_sheet_per_table_written_as_text(isu_client):
    response = isu_client.get(XLSX)
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].startswith('attachment; filename="article-7-reports-')
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    workbook = load_workbook(io.BytesIO(download(response)))
    assert workbook.sheetnames == ["columns", *(t.name for t in tables.ANALYSIS_TABLES)]

    measures = list(workbook["measures"].iter_rows())
    assert [cell.value for cell in measures[0]] == tables.BY_NAME["measures"].header
    assert all(cell.font.b for cell in measures[0])  # the columns' names in bold
    assert workbook["measures"].freeze_panes == "A2"
    sudan_row = dict(zip(tables.BY_NAME["measures"].header, measures[1], strict=True))
    assert sudan_row["title"].value == "'=1+1" and sudan_row["title"].data_type == "s"
    assert sudan_row["report_year"].value == 2023 and sudan_row["report_year"].data_type == "n"
    assert sudan_row["submitted_on"].value == dt.datetime(2024, 4, 15)
    assert sudan_row["submitted_on"].is_date
    assert [row[1].value for row in measures[1:]] == ["Sudan", "Zimbabwe"]

    # Decimal numbers and booleans stay numbers and booleans.
    header = tables.BY_NAME["cooperation"].header
    given = dict(zip(header, next(workbook["cooperation"].iter_rows(min_row=2)), strict=True))
    assert given["amount"].value == 250000 and given["amount"].data_type == "n"
    header = tables.BY_NAME["mined_areas"].header
    area = dict(zip(header, next(workbook["mined_areas"].iter_rows(min_row=2)), strict=True))
    assert area["latitude"].value == 11.5
    header = tables.COMPLETENESS.header
    complete = dict(zip(header, next(workbook["completeness"].iter_rows(min_row=2)), strict=True))
    assert complete["casualties_by_sex"].value is True
    assert complete["casualties_by_sex"].data_type == "b"

    header = tables.BY_NAME["retained"].header
    retained = dict(zip(header, next(workbook["retained"].iter_rows(min_row=2)), strict=True))
    assert retained["purpose"].value == "'-5 used in training"
    assert retained["actual_use"].value == "#N/A" and retained["actual_use"].data_type == "s"
    assert retained["change_note"].value == "Controlcharacter"  # XLSX cannot hold it
    assert retained["quantity_start"].value == 100

    formulas = [
        cell.coordinate
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []
    about = [tuple(c.value for c in row) for row in workbook["columns"].iter_rows(min_row=2)]
    assert ("casualties", "sex", "code", "sex") in about


@pytest.mark.usefixtures("reports")
def test_xlsx_export_is_streamed_as_it_is_written(isu_client):
    response = isu_client.get(XLSX)
    assert isinstance(response, StreamingHttpResponse)
    chunks = list(response.streaming_content)
    # The workbook's small parts first, then each sheet: no waiting for the whole file.
    assert len(chunks) > len(tables.ANALYSIS_TABLES)
    assert chunks[0].startswith(b"PK\x03\x04")
    assert load_workbook(io.BytesIO(b"".join(chunks))).sheetnames[0] == "columns"


def test_xlsx_rows_are_read_as_the_bytes_leave():
    """Constant memory: the first bytes come before a row is read, the rows are read a
    chunk at a time as the bytes are taken, and no chunk holds the whole sheet."""
    table = tables.BY_NAME["measures"]
    total, read = 20_000, 0

    def rows():
        nonlocal read
        for n in range(total):
            read += 1
            yield [f"State {n}", f"=HYPERLINK({n})", n, *([n * 7] * (len(table.header) - 3))]

    chunks = exports.xlsx_chunks([(table, rows())])
    data = [next(chunks)]
    assert read == 0 and data[0].startswith(b"PK\x03\x04")
    seen_while_reading = set()
    for chunk in chunks:
        data.append(chunk)
        seen_while_reading.add(read)
    assert read == total
    assert len([n for n in seen_while_reading if 0 < n < total]) >= 10
    assert max(len(chunk) for chunk in data) < sum(len(chunk) for chunk in data) / 5

    workbook = load_workbook(io.BytesIO(b"".join(data)), read_only=True)
    assert workbook.sheetnames == ["columns", "measures"]
    written = list(workbook["measures"].values)
    assert len(written) == total + 1
    last = total - 1
    assert written[-1][:4] == (f"State {last}", f"'=HYPERLINK({last})", last, 7 * last)


def test_xlsx_cells_keep_their_kind_and_text_its_characters():
    table = tables.BY_NAME["measures"]
    values = [
        'a & b <c> "d" \r\n e\x07\ufffe',
        "@SUM(1)",
        "\t=1",
        -5,
        dt.date(2024, 4, 15),
        dt.datetime(2024, 1, 2, 3, 4, 5),
        True,
        Decimal("1E+3"),
        None,
        "x" * 40_000,
    ]
    row = values + [None] * (len(table.header) - len(values))
    workbook = load_workbook(io.BytesIO(b"".join(exports.xlsx_chunks([(table, [row])]))))
    cells = list(workbook["measures"].iter_rows(min_row=2))[0]
    assert [cell.value for cell in cells[: len(values) - 1]] == [
        'a & b <c> "d" \r\n e',
        "'@SUM(1)",
        "'\t=1",
        -5,
        dt.datetime(2024, 4, 15),
        dt.datetime(2024, 1, 2, 3, 4, 5),
        True,
        1000,
        None,
    ]
    assert [cell.data_type for cell in cells[:8]] == ["s", "s", "s", "n", "d", "d", "b", "n"]
    assert cells[len(values) - 1].value == "x" * 32_767


def test_sheet_names_are_ones_excel_takes():
    asked = ["columns", "Columns", "a/b:c*d?[e]", "x" * 40, "x" * 40, "History"]
    names = exports.sheet_names(asked)
    assert names == ["columns", "Columns (2)", "abcde", "x" * 31, "x" * 27 + " (2)", "History (2)"]


@pytest.mark.usefixtures("reports")
def test_xlsx_export_follows_the_filters(isu_client):
    workbook = load_workbook(
        io.BytesIO(download(isu_client.get(XLSX, {"region": "africa", "state": "ZWE"})))
    )
    titles = [row[8].value for row in workbook["measures"].iter_rows(min_row=2)]
    assert titles == ["Restricted act"]


@pytest.mark.usefixtures("reports")
@pytest.mark.parametrize("who", ["focal point", "no group", "anonymous"])
def test_nobody_but_the_isu_gets_in(client, fp_sudan, who):
    from tests.conftest import make_user

    if who == "focal point":
        login(client, fp_sudan)
    elif who == "no group":
        login(client, make_user(email="nobody@example.org"))
    for address in (PAGE, CSV, XLSX):
        response = client.get(address, {"table": "measures"})
        if who == "focal point":
            # In the admin, not the ISU: Wagtail answers PermissionDenied with a
            # redirect to the dashboard and a message.
            assert response.status_code == 302 and response["Location"] == "/admin/", address
        else:
            assert response.status_code == 302, address  # no admin access: sign in first
            assert response["Location"].startswith("/admin/login/")
        assert not response.streaming and b"Restricted act" not in response.content
