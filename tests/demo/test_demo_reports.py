"""The demonstration Article 7 reports: three accepted reports for each of the five States
with full pages, valid and free of warnings, marked illustrative, in agreement with the
pages and the registry, and loaded only once."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry, Revision

from country_pages.models import CountryPage
from demo.helpers import DemoReport
from demo.implementation import apply_implementation_facts
from demo.loader import deferred_indexing
from demo.pages import ensure_full_pages
from demo.report_data import DEMO_YEARS, FORM_J_NOTE, ORGANISATION_MARK, STATE_REPORTS
from demo.report_data.mine_types import CATALOGUE
from demo.reports import ensure_demo_reports
from focal_points.roles import ISU_GROUP_NAME
from registry.models import StateParty
from reporting import validation
from reporting.history import effective
from reporting.models import Article7Report, MineType

pytestmark = pytest.mark.django_db

ISO3 = {spec.iso3 for spec in STATE_REPORTS}
SPECS = {spec.iso3: spec for spec in STATE_REPORTS}
# The page's casualty groups, as Form J breaks casualties down (sex, age group).
PAGE_GROUPS = {
    "women": ("female", "adult"),
    "men": ("male", "adult"),
    "girls": ("female", "child"),
    "boys": ("male", "child"),
    "unknown": ("unknown", "unknown"),
}


@pytest.fixture
def isu(db):
    user = get_user_model().objects.create_user(username="isu.reviewer@example.org")
    user.groups.add(Group.objects.get(name=ISU_GROUP_NAME))
    return user


def load() -> DemoReport:
    """As load_demo_content runs it: search and reference indexing deferred."""
    created = DemoReport()
    with deferred_indexing():
        ensure_demo_reports(created)
    return created


@pytest.fixture
def reports(isu) -> list[Article7Report]:
    for state in StateParty.objects.filter(iso3__in=ISO3):
        apply_implementation_facts(state)
    load()
    return list(Article7Report.objects.filter(state__iso3__in=ISO3).select_related("state"))


def test_each_state_has_its_last_three_years_accepted_by_the_isu(reports, isu):
    assert len(reports) == 15
    assert {(report.state.iso3, report.year) for report in reports} == {
        (iso3, year) for iso3 in ISO3 for year in DEMO_YEARS
    }
    for report in reports:
        assert report.live and report.kind == "annual" and report.version == 1
        assert (report.submitted_on.year, report.submitted_on.month) == (report.year + 1, 4)
        revision = Revision.objects.for_instance(report).get()
        assert report.live_revision == revision and revision.user == isu
        entry = ModelLogEntry.objects.for_instance(report).get()
        assert (entry.action, entry.user) == ("wagtail.publish", isu)
        # Accepted after it was submitted, not on the day the demo was loaded.
        assert entry.timestamp.date() > report.submitted_on
        assert entry.timestamp.date().year == report.year + 1


def test_one_report_is_restricted_and_one_has_nothing_new(reports):
    restricted = [report for report in reports if report.visibility != "public"]
    assert [(r.state.iso3, r.year, r.visibility) for r in restricted] == [("LKA", 2025, "parties")]

    def nothing_new(report):
        return all(
            (line.status, line.since_year) == ("unchanged", report.year - 1)
            for line in report.cover.all()
        )

    assert [(r.state.iso3, r.year) for r in reports if nothing_new(r)] == [("SDN", 2025)]
    sudan_2025 = next(r for r in reports if nothing_new(r))
    assert sudan_2025.cover.count() == 10
    # Its forms read as the 2024 report's.
    assert effective(sudan_2025, "C").source.year == 2024


def test_no_report_has_errors_or_warnings(reports):
    for report in reports:
        assert validation.errors(report) == {}, report
        assert validation.warnings(report) == [], report


def test_every_form_is_on_the_cover_page_and_the_forms_are_used(reports):
    for report in reports:
        lines = {line.letter: line for line in report.cover.all()}
        assert sorted(lines) == list("ABCDEFGHIJ")
        for line in lines.values():
            if line.status == "not_applicable":
                assert line.statement
    for report in (r for r in reports if r.year == 2023):
        # The first year answers every form, so each table a State uses has rows.
        assert report.mined_areas.exists() and report.land_releases.exists()
        assert all(area.mines.exists() for area in report.mined_areas.filter(status="confirmed"))
        assert report.destroyed.exists() and report.characteristics.exists()
        assert report.warning_measures.exists() and report.victim_services.exists()
        assert report.cooperation.exists() and report.programmes.exists()
        # Form G destroys what Form C's land release found.
        assert sum(row.quantity for row in report.destroyed.all()) == sum(
            row.mines_destroyed for row in report.land_releases.all()
        )


def test_reports_are_marked_as_illustrative(reports):
    for report in reports:
        assert report.contact_organisation.endswith(ORGANISATION_MARK[report.language])
        form_j = effective(report, "J")
        if form_j.source == report:
            assert report.other_matters.startswith(FORM_J_NOTE[report.language][:30])
    assert {r.language for r in reports if r.state.iso3 == "SEN"} == {"fr"}


def test_illustrative_figures_propose_nothing_to_the_registry(reports):
    from reporting.models import RegistryProposal

    proposals = RegistryProposal.objects.filter(report__in=reports)
    assert proposals.exists()  # accepting proposed them, as for any report
    assert not proposals.filter(status=RegistryProposal.Status.PENDING).exists()


def test_the_mine_types_are_an_approved_catalogue_of_real_designations(reports):
    catalogue = {
        mine_type.designation: mine_type
        for mine_type in MineType.objects.filter(designation__in=CATALOGUE)
    }
    assert set(catalogue) == set(CATALOGUE)
    for mine_type in catalogue.values():
        assert mine_type.status == "approved" and mine_type.origin
    assert str(catalogue["PMN-2"]) == "PMN-2 (USSR)"
    named = set()
    for report in reports:
        for table in ("retained", "destroyed", "characteristics"):
            named |= {row.mine_type.designation for row in getattr(report, table).all()}
        for area in report.mined_areas.all():
            named |= {mine.mine_type.designation for mine in area.mines.all()}
    assert named <= set(CATALOGUE)
    assert {"PMN", "Type 72", "VS-50", "PROM-1", "R2M2", "PRB M35"} <= named


def test_figures_agree_with_the_registry(reports):
    for report in reports:
        state = report.state
        assert effective(report, "B").rows("stockpiles") == []
        retained = effective(report, "D")
        if state.mines_retained is None:
            assert retained.status == "not_applicable"
        elif retained.status == "not_applicable":
            # The registry's figure (Sudan: 5,000 in 2008) is older than the report, which
            # says none are retained now.
            assert state.mines_retained_year < (report.year or 0), report
        else:
            total = sum(row.quantity_end for row in retained.rows("retained"))
            assert total == state.mines_retained, report
        stockpile_programmes = [
            row for row in effective(report, "F").rows("programmes") if row.article == "article_4"
        ]
        if state.stockpile_completed_on:
            assert [row.completed_on for row in stockpile_programmes] == [
                state.stockpile_completed_on
            ]
        else:
            assert stockpile_programmes == []


def test_remaining_area_and_casualties_agree_with_the_country_pages(reports, states_index):
    ensure_full_pages(states_index, DemoReport())
    by_state_year = {(report.state.iso3, report.year): report for report in reports}
    for iso3, spec in SPECS.items():
        page = CountryPage.objects.get(state__iso3=iso3, locale__language_code=spec.language)
        sections = {section.block_type: section.value for section in page.body}
        clearance = next(
            need.value
            for need in sections["needs_and_challenges"]["needs"]
            if need.block_type == "clearance"
        )
        report = by_state_year[(iso3, spec.page_year)]
        areas = effective(report, "C").rows("mined_areas")
        assert sum(area.size_m2 for area in areas) == clearance["area_remaining_m2"], iso3
        for year_figures in sections["national_context"]["casualties"]:
            report = by_state_year.get((iso3, year_figures["year"]))
            if report is None:
                continue
            rows = effective(report, "J").rows("casualties")
            for outcome in ("killed", "injured"):
                number = sum(row.number for row in rows if row.outcome == outcome)
                assert number == year_figures[outcome], (iso3, report.year, outcome)
            for group, (sex, age) in PAGE_GROUPS.items():
                number = sum(row.number for row in rows if (row.sex, row.age_group) == (sex, age))
                assert number == (year_figures[group] or 0), (iso3, report.year, group)
    # Senegal's status note: 75 hazardous areas in 36 localities at the end of 2025.
    senegal = effective(by_state_year[("SEN", 2025)], "C").rows("mined_areas")
    assert len(senegal) == 75
    assert len({area.name.rsplit("-", 1)[0] for area in senegal}) == 36


def snapshot() -> dict:
    """Every row of the reporting tables, with the reports' revisions and history."""
    tables = {
        model._meta.label: list(model.objects.order_by("pk").values())
        for model in apps.get_app_config("reporting").get_models()
    }
    report_type = Article7Report.get_base_content_type()
    tables["revisions"] = list(
        Revision.objects.filter(base_content_type=report_type).order_by("pk").values()
    )
    tables["history"] = list(
        ModelLogEntry.objects.filter(content_type=report_type).order_by("pk").values()
    )
    return tables


def test_a_second_load_creates_and_changes_nothing(reports):
    before = snapshot()
    assert len(before["reporting.Article7Report"]) == 15
    assert load().created == []
    assert snapshot() == before
