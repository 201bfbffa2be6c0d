"""The accepted reports as tables across States and years (reporting/tables.py): known
reports give known rows; only the latest accepted version of each report, restricted ones
only when asked; and a constant number of queries whatever the number of reports."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from registry.models import StateParty
from reporting import tables
from reporting.history import amend
from reporting.models import Article7Report
from tests.reporting.helpers import accept, day
from tests.reporting.table_data import accepted_report, full_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def mines(pmn2, pomz):
    return (pmn2, pomz)


def table_rows(name: str, *, include_restricted=False, **filters) -> list[dict]:
    table = tables.ANALYSIS_BY_NAME[name]
    selected = tables.reports(include_restricted=include_restricted, **filters)
    return [dict(zip(table.header, row, strict=True)) for row in tables.rows(table, selected)]


REPORT = {
    "state_iso3": "SDN",
    "state_name": "Sudan",
    "report_period": "2023",
    "report_year": 2023,
    "version": 1,
    "submitted_on": dt.date(2024, 4, 15),
    "visibility": "public",
}


def test_a_known_report_gives_known_rows(sudan, mines):
    report = accepted_report(sudan, 2023, mines)
    assert table_rows("measures") == [
        REPORT
        | {
            "kind": "legislation",
            "title": "Mine Ban Act",
            "adopted_on": day("2023-03-01"),
            "url": "",
        }
    ]
    area = report.mined_areas.get()
    assert table_rows("mined_areas") == [
        REPORT
        | {
            "area_id": area.pk,
            "area_name": "North ridge",
            "region": "Blue Nile",
            "status": "confirmed",
            "size_m2": 1_250_000,
            "emplaced_from": 1990,
            "emplaced_to": 1995,
            "latitude": Decimal("11.500000"),
            "longitude": Decimal("34.250000"),
        }
    ]
    assert table_rows("mined_area_mines") == [
        REPORT
        | {
            "area_id": area.pk,
            "area_name": "North ridge",
            "mine_type": "PMN-2",
            "mine_type_origin": "USSR",
            "estimated_quantity": 1_200,
        },
        REPORT
        | {
            "area_id": area.pk,
            "area_name": "North ridge",
            "mine_type": "POMZ-2M",
            "mine_type_origin": "USSR",
            "estimated_quantity": None,
        },
    ]
    assert table_rows("land_releases") == [
        REPORT
        | {
            "region": "Blue Nile",
            "cancelled_m2": 10_000,
            "reduced_m2": 2_000,
            "cleared_m2": 30_000,
            "released_m2": 42_000,
            "mines_destroyed": 14,
        }
    ]
    assert table_rows("casualties") == [
        REPORT
        | {
            "outcome": "killed",
            "sex": "male",
            "age_group": "child",
            "civilian_or_military": "civilian",
            "number": 3,
        }
    ]
    assert table_rows("victim_services") == [
        REPORT
        | {
            "service": "rehabilitation",
            "description": "",
            "girls": 1,
            "boys": 2,
            "women": 3,
            "men": 4,
            "people_reached": 10,
        }
    ]
    assert table_rows("cooperation")[0]["amount"] == Decimal("250000.00")
    (line,) = table_rows("reports")
    assert line["url"].endswith("/en/article-7-reports/sdn/2023/")
    assert line["accepted_on"] == report.last_published_at.date()
    assert line["language"] == "en" and line["filed_by_isu"] is False
    cover = table_rows("form_status")
    assert [row["form"] for row in cover] == list("ABCDEFGHIJ")
    assert {row["status"] for row in cover} == {"changed"}
    # Every form's table has the report's row (the area two mines).
    for table in tables.TABLES:
        expected = {"mined_area_mines": 2, "form_status": 10}.get(table.name, 1)
        assert len(table_rows(table.name)) == expected, table.name


def test_only_the_latest_accepted_version_never_a_draft(sudan, mines, fp_sudan):
    first = accepted_report(sudan, 2022, mines, title="First version")
    corrected = amend(first)
    corrected.measures.first().title = "Corrected version"
    corrected.measures = [corrected.measures.first()]
    accept(corrected)
    draft = full_report(sudan, 2023, mines, title="Draft title")
    draft.save()
    draft.save_revision(user=fp_sudan)
    in_review = full_report(sudan, 2024, mines, title="In review title")
    in_review.save()
    in_review.save_revision(user=fp_sudan)
    in_review.get_workflow().start(in_review, fp_sudan)

    rows = table_rows("measures", include_restricted=True)
    assert [(row["title"], row["version"]) for row in rows] == [("Corrected version", 2)]
    assert [row["version"] for row in table_rows("reports", include_restricted=True)] == [2]


def test_restricted_reports_only_when_asked(sudan, zimbabwe_state, mines):
    accepted_report(sudan, 2023, mines, title="Public act")
    accepted_report(zimbabwe_state, 2023, mines, title="Restricted act", visibility="parties")
    assert [row["title"] for row in table_rows("measures")] == ["Public act"]
    restricted = table_rows("measures", include_restricted=True)
    assert [(row["title"], row["visibility"]) for row in restricted] == [
        ("Public act", "public"),
        ("Restricted act", "parties"),
    ]


def test_a_form_unchanged_since_an_earlier_year_has_no_rows_of_its_own(sudan, mines):
    accepted_report(sudan, 2022, mines)
    report = full_report(sudan, 2023, mines, cover={"B": ("unchanged", 2022)})
    report.stockpiles = []
    accept(report)
    assert [row["report_year"] for row in table_rows("stockpiles")] == [2022]
    line = next(
        r for r in table_rows("form_status") if r["report_year"] == 2023 and r["form"] == "B"
    )
    assert (line["status"], line["unchanged_since_year"]) == ("unchanged", 2022)


def test_filters_by_region_state_and_years(sudan, zimbabwe_state, mines):
    for year in (2021, 2022, 2023):
        accepted_report(sudan, year, mines)
    accepted_report(zimbabwe_state, 2022, mines)
    europe = StateParty.objects.get(iso3="NOR")
    accepted_report(europe, 2022, mines)

    def periods(**filters):
        return [(r["state_iso3"], r["report_year"]) for r in table_rows("reports", **filters)]

    assert periods(region="africa") == [("SDN", 2021), ("SDN", 2022), ("SDN", 2023), ("ZWE", 2022)]
    assert periods(state=zimbabwe_state) == [("ZWE", 2022)]
    assert periods(year_from=2022, year_to=2022) == [("NOR", 2022), ("SDN", 2022), ("ZWE", 2022)]
    assert periods(year_from=2023) == [("SDN", 2023)]


def test_completeness_says_what_each_report_gives(sudan, zimbabwe_state, mines):
    accepted_report(sudan, 2022, mines)
    report = full_report(
        sudan, 2023, mines, cover={"B": ("unchanged", 2022), "E": ("not_applicable", "None.")}
    )
    report.stockpiles, report.facilities, report.destroyed = [], [], []
    casualty, service = report.casualties.first(), report.victim_services.first()
    casualty.sex = "unknown"
    service.girls = service.boys = service.women = service.men = 0
    report.casualties, report.victim_services = [casualty], [service]
    accept(report)
    bare = full_report(zimbabwe_state, 2023, mines)
    bare.casualties, bare.victim_services, bare.warning_measures = [], [], []
    accept(bare)

    rows = {(r["state_iso3"], r["report_year"]): r for r in table_rows("completeness")}
    full, partial, empty = rows[("SDN", 2022)], rows[("SDN", 2023)], rows[("ZWE", 2023)]
    forms = [f"form_{letter}" for letter in "abcdefghij"]
    assert {full[name] for name in forms} == {"answered"}
    assert [partial[name] for name in forms] == [
        "answered",
        "unchanged",
        "answered",
        "answered",
        "not_applicable",
        "answered",
        "empty",  # changed, but no row
        "answered",
        "answered",
        "answered",
    ]
    flags = (
        "casualties_rows",
        "casualties_by_sex",
        "casualties_by_age",
        "victim_assistance_people_by_sex_age",
        "warning_people_by_sex_age",
    )
    assert [full[name] for name in flags] == [1, True, True, True, True]
    assert [partial[name] for name in flags] == [1, False, True, False, True]
    assert [empty[name] for name in flags] == [0, False, False, False, False]
    assert empty["form_i"] == "empty"
    assert empty["form_j"] == "answered"  # its cooperation row


def test_queries_are_constant_in_the_number_of_reports(sudan, zimbabwe_state, mines):
    def count_queries() -> tuple[int, int]:
        selected = tables.reports(include_restricted=True)
        with CaptureQueriesContext(connection) as queries:
            read = sum(len(list(tables.rows(t, selected))) for t in tables.ANALYSIS_TABLES)
        return len(queries), read

    accepted_report(sudan, 2022, mines)
    accepted_report(zimbabwe_state, 2022, mines, visibility="parties")
    two, rows_two = count_queries()
    for state in (sudan, zimbabwe_state):
        for year in (2023, 2024):
            accepted_report(state, year, mines)
    six, rows_six = count_queries()
    assert Article7Report.objects.accepted().count() == 6
    assert rows_six == 3 * rows_two
    assert two == six == len(tables.ANALYSIS_TABLES)  # one query per table


# The columns each table adds to the report's: the downloads' users rely on these names.
# A column may be added here; a name changed or removed breaks their scripts.
EXPECTED_COLUMNS = {
    "completeness": [
        *(f"form_{letter}" for letter in "abcdefghij"),
        "casualties_rows",
        "casualties_by_sex",
        "casualties_by_age",
        "victim_assistance_people_by_sex_age",
        "warning_people_by_sex_age",
    ],
    "reports": [
        "language",
        "accepted_on",
        "filed_by_isu",
        "contact_organisation",
        "other_matters",
        "url",
    ],
    "form_status": ["form", "status", "unchanged_since_year", "statement"],
    "measures": ["kind", "title", "adopted_on", "url"],
    "stockpiles": [
        "mine_type",
        "mine_type_origin",
        "quantity",
        "lot_numbers",
        "holder",
        "previously_unknown",
        "found_on",
    ],
    "mined_areas": [
        "area_id",
        "area_name",
        "region",
        "status",
        "size_m2",
        "emplaced_from",
        "emplaced_to",
        "latitude",
        "longitude",
    ],
    "mined_area_mines": [
        "area_id",
        "area_name",
        "mine_type",
        "mine_type_origin",
        "estimated_quantity",
    ],
    "land_releases": [
        "region",
        "cancelled_m2",
        "reduced_m2",
        "cleared_m2",
        "released_m2",
        "mines_destroyed",
    ],
    "retained": [
        "institution",
        "mine_type",
        "mine_type_origin",
        "quantity_start",
        "added_from_stockpile",
        "used",
        "transferred_out",
        "transferred_to",
        "quantity_end",
        "purpose",
        "actual_use",
        "change_note",
    ],
    "facilities": ["facility", "action", "status", "date"],
    "programmes": [
        "article",
        "status",
        "completed_on",
        "methods",
        "sites",
        "safety_standards",
        "environmental_standards",
    ],
    "destroyed": ["year", "source", "mine_type", "mine_type_origin", "quantity", "lot_numbers"],
    "characteristics": [
        "mine_type",
        "mine_type_origin",
        "dimensions",
        "fusing",
        "explosive_type",
        "explosive_content_g",
        "metallic_content",
    ],
    "warning_measures": [
        "area",
        "measure",
        "description",
        "date",
        "girls",
        "boys",
        "women",
        "men",
        "people_reached",
    ],
    "casualties": ["outcome", "sex", "age_group", "civilian_or_military", "number"],
    "victim_services": [
        "service",
        "description",
        "girls",
        "boys",
        "women",
        "men",
        "people_reached",
    ],
    "cooperation": ["direction", "partner", "theme", "year", "amount", "currency", "description"],
}


def test_column_names_are_stable_snake_case_and_documented():
    report = [
        "state_iso3",
        "state_name",
        "report_period",
        "report_year",
        "version",
        "submitted_on",
        "visibility",
    ]
    assert {t.name: t.header for t in tables.ANALYSIS_TABLES} == {
        name: report + columns for name, columns in EXPECTED_COLUMNS.items()
    }
    for table in tables.ANALYSIS_TABLES:
        assert table.name.isidentifier() and table.name.islower()
        assert str(table.description).strip()
        for column in table.columns:
            assert column.name.isidentifier() and column.name.islower(), column.name
            assert str(column.description).strip(), f"{table.name}.{column.name}"
            assert column.kind in tables.KIND_LABELS
            assert bool(column.codes) == (column.kind == "code") or column.name in {
                "state_iso3",
                "report_period",
            }


def test_an_initial_report_comes_first_with_no_year(sudan, mines):
    accepted_report(sudan, 2023, mines)
    initial = full_report(sudan, 2023, mines, title="First law")
    initial.kind, initial.year = "initial", None
    accept(initial)
    rows = table_rows("measures")
    assert [(r["report_period"], r["report_year"], r["title"]) for r in rows] == [
        ("initial", None, "First law"),
        ("2023", 2023, "Mine Ban Act"),
    ]
    completeness = table_rows("completeness")
    assert completeness[0]["report_period"] == "initial"
    assert {completeness[0][f"form_{letter}"] for letter in "abcdefghij"} == {"answered"}
