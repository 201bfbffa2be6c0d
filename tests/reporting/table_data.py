"""Reports with one row in every table of every form (two mines in their mined area), for
the tests of the tables, the open data and the ISU's analysis."""

from decimal import Decimal

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
)
from tests.reporting.helpers import accept, build_report, day


def full_report(state, year, mines, *, title="Mine Ban Act", visibility="public", cover=None):
    """An unsaved annual report of `state` for `year` with one row in each table; `mines`
    two mine types; `title` the Form A measure's title (a marker the tests look for)."""
    first, second = mines
    area = FormCMinedArea(
        name="North ridge",
        region="Blue Nile",
        status="confirmed",
        size_m2=1_250_000,
        emplaced_from=1990,
        emplaced_to=1995,
        latitude=Decimal("11.500000"),
        longitude=Decimal("34.250000"),
    )
    area.mines = [
        FormCAreaMine(mine_type=first, estimated_quantity=1_200),
        FormCAreaMine(mine_type=second, estimated_quantity=None),
    ]
    report = build_report(
        state,
        year,
        cover=cover,
        measures=[FormAMeasure(kind="legislation", title=title, adopted_on=day(f"{year}-03-01"))],
        stockpiles=[FormBStockpile(mine_type=first, quantity=500, holder="Army")],
        mined_areas=[area],
        land_releases=[
            FormCLandRelease(
                region="Blue Nile",
                cancelled_m2=10_000,
                reduced_m2=2_000,
                cleared_m2=30_000,
                mines_destroyed=14,
            )
        ],
        retained=[
            FormDRetained(
                institution="Engineers school",
                mine_type=first,
                quantity_start=100,
                quantity_end=90,
                used=10,
                purpose="Training of deminers",
            )
        ],
        facilities=[
            FormEFacility(
                facility="Plant 4",
                action="decommissioning",
                status="completed",
                date=day(f"{year}-06-30"),
            )
        ],
        programmes=[
            FormFProgramme(article="article_5", status="in_progress", methods="Manual clearance")
        ],
        destroyed=[FormGDestroyed(year=year, source="article_5", mine_type=first, quantity=14)],
        characteristics=[
            FormHCharacteristics(mine_type=second, explosive_content_g=Decimal("75.0"))
        ],
        warning_measures=[
            FormIWarning(
                area="Blue Nile",
                measure="risk_education",
                date=day(f"{year}-05-01"),
                girls=10,
                boys=12,
                women=20,
                men=18,
            )
        ],
        casualties=[
            FormJCasualties(
                outcome="killed", sex="male", age_group="child", status="civilian", number=3
            )
        ],
        victim_services=[
            FormJVictimService(service="rehabilitation", girls=1, boys=2, women=3, men=4)
        ],
        cooperation=[
            FormJCooperation(
                direction="received",
                partner="Norway",
                amount=Decimal("250000.00"),
                currency="NOK",
                year=year,
                theme="survey_clearance",
            )
        ],
    )
    report.visibility = visibility
    report.submitted_on = day(f"{year + 1}-04-15")
    return report


def accepted_report(state, year, mines, **kwargs):
    return accept(full_report(state, year, mines, **kwargs))
