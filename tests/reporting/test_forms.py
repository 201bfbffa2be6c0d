"""Each form's rows refuse what cannot be true, naming the field: negative quantities,
implausible areas, dates outside the period, mine types not in the catalogue."""

from decimal import Decimal

import pytest

from reporting.models import (
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
    MineType,
)
from tests.reporting.helpers import build_report, day, field_errors, no_errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(sudan):
    return build_report(sudan, 2023)


def test_form_a_measure(report):
    measure = FormAMeasure(
        report=report,
        kind="legislation",
        title="Anti-Personnel Mines Act",
        adopted_on=day("2003-06-01"),
    )
    no_errors(measure)  # adopted before the period: still in force
    measure.adopted_on = day("2024-01-15")
    measure.url = "javascript:alert(1)"
    assert set(field_errors(measure)) == {"adopted_on", "url"}


def test_form_b_stockpile(report, pmn2):
    row = FormBStockpile(report=report, mine_type=pmn2, quantity=-5)
    assert "quantity" in field_errors(row)
    row.quantity = 1200
    no_errors(row)
    row.previously_unknown = True
    assert field_errors(row) == {"found_on": ["Give the date the stockpile was found."]}
    row.found_on = day("2024-02-01")
    assert "found_on" in field_errors(row)  # after the period


def test_form_b_previously_unknown_means_found_after_the_deadline(report, pmn2):
    report.state.stockpile_deadline = day("2008-04-01")
    row = FormBStockpile(
        report=report,
        mine_type=pmn2,
        quantity=40,
        previously_unknown=True,
        found_on=day("2007-05-01"),
    )
    assert "Article 4 deadline" in field_errors(row)["found_on"][0]
    row.found_on = day("2023-05-01")
    no_errors(row)


def test_form_c_mined_area(report, pmn2):
    area = FormCMinedArea(
        report=report, name="SHA-017", region="Blue Nile", status="suspected", size_m2=2 * 10**11
    )
    assert field_errors(area)["size_m2"] == [
        "200000000000 m² is more than 100,000 km²: check the unit (square metres)."
    ]
    area.size_m2 = 0
    assert "size_m2" in field_errors(area)
    area.size_m2 = 45_000
    area.emplaced_from, area.emplaced_to = 1990, 2025
    area.latitude = Decimal("11.5")
    assert set(field_errors(area)) == {"emplaced_to", "longitude"}
    area.emplaced_to, area.longitude = 1995, Decimal("34.3")
    no_errors(area)
    assert "estimated_quantity" in field_errors(
        FormCAreaMine(area=area, mine_type=pmn2, estimated_quantity=-1)
    )


def test_form_c_land_release(report):
    release = FormCLandRelease(report=report, region="Kassala", cleared_m2=-10)
    assert "cleared_m2" in field_errors(release)
    release.cleared_m2 = 10**12
    assert "cleared_m2" in field_errors(release)
    release.cleared_m2, release.reduced_m2, release.cancelled_m2 = 5_000, 20_000, 100_000
    no_errors(release)
    assert release.released_m2 == 125_000


def test_form_d_retained(report, pmn2):
    row = FormDRetained(
        report=report,
        institution="Engineers' school",
        mine_type=pmn2,
        quantity_start=100,
        quantity_end=-1,
        purpose="Training of deminers",
    )
    assert "quantity_end" in field_errors(row)
    row.quantity_end, row.transferred_out = 80, 20
    assert "transferred_to" in field_errors(row)
    row.transferred_to = "Destroyed by the army"
    no_errors(row)


def test_form_e_facility(report):
    facility = FormEFacility(
        report=report, facility="Plant 3", action="decommissioning", status="completed"
    )
    assert "date" in field_errors(facility)
    facility.date = day("2024-06-01")
    assert "date" in field_errors(facility)  # completed after the period
    facility.date = day("2001-06-01")
    no_errors(facility)
    facility.status, facility.date = "planned", day("2027-01-01")
    no_errors(facility)


def test_form_f_programme(report):
    programme = FormFProgramme(
        report=report, article="article_4", status="completed", methods="Open burning"
    )
    assert "completed_on" in field_errors(programme)
    programme.completed_on = day("2024-01-02")
    assert "completed_on" in field_errors(programme)
    programme.completed_on = day("2023-11-02")
    no_errors(programme)
    programme.status = "in_progress"
    assert "completed_on" in field_errors(programme)


def test_form_g_destroyed(report, pmn2):
    row = FormGDestroyed(report=report, year=2022, source="article_4", mine_type=pmn2, quantity=5)
    assert field_errors(row)["year"] == ["Give a year the report covers (2023 to 2023)."]
    row.year, row.quantity = 2023, -5
    assert "quantity" in field_errors(row)
    row.quantity = 5
    no_errors(row)


def test_form_h_characteristics(report, pmn2):
    row = FormHCharacteristics(report=report, mine_type=pmn2, explosive_content_g=Decimal(100_000))
    assert "explosive_content_g" in field_errors(row)
    row.explosive_content_g = Decimal(-1)
    assert "explosive_content_g" in field_errors(row)
    row.explosive_content_g = Decimal("100.0")
    no_errors(row)


def test_form_i_warning(report):
    row = FormIWarning(
        report=report, area="Blue Nile", measure="marking", date=day("2022-12-31"), girls=-3
    )
    assert set(field_errors(row)) == {"date", "girls"}
    row.date, row.girls, row.women = day("2023-03-08"), 30, 45
    no_errors(row)
    assert row.people_reached == 75


def test_form_j_victim_assistance(report):
    casualties = FormJCasualties(
        report=report,
        outcome="killed",
        sex="female",
        age_group="child",
        status="civilian",
        number=-1,
    )
    assert "number" in field_errors(casualties)
    service = FormJVictimService(report=report, service="rehabilitation", men=-4)
    assert "men" in field_errors(service)


def test_form_j_cooperation(report):
    row = FormJCooperation(
        report=report,
        direction="received",
        partner="A donor",
        amount=Decimal("-1"),
        currency="XYZ",
        year=2021,
        theme="survey_clearance",
    )
    assert set(field_errors(row)) == {"amount", "currency", "year"}
    row.amount, row.currency, row.year = Decimal("250000.00"), "usd", 2023
    no_errors(row)
    assert row.currency == "USD"
    row.currency = ""
    assert "currency" in field_errors(row)


def test_a_report_names_approved_mine_types_or_its_own_proposals(report, sudan, zimbabwe_state):
    theirs = MineType.objects.create(designation="Type-X", proposed_by=zimbabwe_state)
    ours = MineType.objects.create(designation="Type-Y", proposed_by=sudan)
    row = FormGDestroyed(report=report, year=2023, source="article_5", mine_type=theirs, quantity=1)
    assert field_errors(row) == {"mine_type": ["This mine type awaits the ISU's approval."]}
    row.mine_type = ours
    no_errors(row)
    assert list(MineType.objects.usable_by(sudan)) == [ours]


def test_mine_type_designations_are_unique_in_any_case(pmn2):
    assert "already in the catalogue" in str(
        field_errors(MineType(designation="pmn-2", status="approved"))
    )
