"""Loads the demonstration Article 7 reports (demo/report_data/) and the mine types they
name, built with the reporting models and accepted the way the ISU accepts a report: a
revision saved and published.

Idempotent: a State's report for a year is created only if no version of it exists, so a
second run creates and changes nothing (and never touches a report an editor changed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from django.contrib.auth import get_user_model
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import ModelLogEntry, Revision

from focal_points.roles import ISU_GROUP_NAME
from registry.models import StateParty
from reporting import validation
from reporting.due_dates import first_annual_year
from reporting.models import (
    Article7Report,
    CoverStatus,
    FormAMeasure,
    FormCAreaMine,
    FormCLandRelease,
    FormCMinedArea,
    FormDRetained,
    FormFProgramme,
    FormGDestroyed,
    FormHCharacteristics,
    FormIWarning,
    FormJCasualties,
    FormJCooperation,
    FormJVictimService,
    FormLetter,
    FormStatus,
    MineType,
    RegistryProposal,
    ReportKind,
)

from .helpers import DemoReport
from .report_data import DEMO_YEARS, FORM_J_NOTE, ORGANISATION_MARK, STATE_REPORTS
from .report_data.mine_types import CATALOGUE, CHARACTERISTICS
from .report_data.spec import Area, StateReports, Year, destroyed_by_type, land_release

# Accepted this long after submission (the ISU's review), for a plausible history.
REVIEW_DAYS = 21


def ensure_mine_types() -> dict[str, MineType]:
    """The demonstration catalogue, approved; a designation already there is kept as is."""
    mine_types = {}
    for designation, spec in CATALOGUE.items():
        mine_type = MineType.objects.filter(designation__iexact=designation).first()
        if mine_type is None:
            mine_type = MineType.objects.create(
                designation=designation,
                origin=spec["origin"],
                kind=MineType.Kind.ANTI_PERSONNEL,
                status=MineType.Status.APPROVED,
            )
        mine_types[designation] = mine_type
    return mine_types


def isu_user():
    """Who accepts the reports: an ISU member, else a superuser, else nobody yet (on a
    fresh `make data` the demo accounts are created after the content)."""
    users = get_user_model().objects.filter(is_active=True).order_by("pk")
    return (
        users.filter(groups__name=ISU_GROUP_NAME).first() or users.filter(is_superuser=True).first()
    )


def ensure_demo_reports(demo_report: DemoReport) -> list[Article7Report]:
    mine_types = ensure_mine_types()
    user = isu_user()
    created = []
    for spec in STATE_REPORTS:
        state = StateParty.objects.get(iso3=spec.iso3)
        eif = state.entry_into_force
        for year in DEMO_YEARS:
            if eif is None or year < first_annual_year(eif):
                continue
            exists = Article7Report.objects.filter(
                state=state, kind=ReportKind.ANNUAL, year=year, version=1
            ).exists()
            if exists:
                continue
            report = build_report(spec, state, year, mine_types)
            accept(report, user, spec.years[year].submitted_on)
            demo_report.created.append(f"{spec.language}: {report}")
            created.append(report)
    return created


# --- Building a report -------------------------------------------------------------------


def cover_lines(plan: Year, year: int) -> list[FormStatus]:
    lines = []
    for letter in FormLetter.values:
        if plan.nothing_new:
            status, detail = CoverStatus.UNCHANGED, year - 1
        else:
            status, detail = plan.cover.get(letter, (CoverStatus.CHANGED, None))
        line = FormStatus(letter=letter, status=status)
        if status == CoverStatus.UNCHANGED:
            line.since_year = detail
        elif status == CoverStatus.NOT_APPLICABLE:
            line.statement = detail
        lines.append(line)
    return lines


def mined_area(area: Area, year: int, mine_types: dict[str, MineType]) -> FormCMinedArea:
    row = FormCMinedArea(
        name=area.name,
        region=area.region,
        status=area.status,
        size_m2=area.size(year),
        emplaced_from=area.emplaced[0] if area.emplaced else None,
        emplaced_to=area.emplaced[1] if area.emplaced else None,
    )
    row.mines = [
        FormCAreaMine(
            mine_type=mine_types[designation],
            estimated_quantity=area.estimate(designation, year),
        )
        for designation in area.mines
    ]
    return row


def with_mine_type(rows: list[dict], mine_types: dict[str, MineType]) -> list[dict]:
    return [row | {"mine_type": mine_types[row["mine_type"]]} for row in rows]


def form_rows(spec: StateReports, plan: Year, year: int, mine_types) -> dict[str, dict]:
    """Each form's tables (relation name → rows), for the forms the report fills in."""
    return {
        "A": {"measures": [FormAMeasure(**row) for row in plan.measures]},
        "B": {},
        "C": {
            "mined_areas": [
                mined_area(area, year, mine_types) for area in spec.areas if area.size(year)
            ],
            "land_releases": [
                FormCLandRelease(**asdict(release)) for release in land_release(spec.areas, year)
            ],
        },
        "D": {
            "retained": [FormDRetained(**row) for row in with_mine_type(plan.retained, mine_types)]
        },
        "E": {},
        "F": {"programmes": [FormFProgramme(**row) for row in plan.programmes]},
        "G": {
            "destroyed": [
                FormGDestroyed(
                    year=year, source="article_5", mine_type=mine_types[designation], quantity=n
                )
                for designation, n in destroyed_by_type(spec.areas, year).items()
            ]
        },
        "H": {
            "characteristics": [
                FormHCharacteristics(
                    mine_type=mine_types[designation],
                    **{
                        name: CATALOGUE[designation][name]
                        for name in CHARACTERISTICS
                        if name in CATALOGUE[designation]
                    },
                )
                for designation in plan.characteristics
            ]
        },
        "I": {"warning_measures": [FormIWarning(**row) for row in plan.warnings]},
        "J": {
            "casualties": [FormJCasualties(**row) for row in plan.casualties],
            "victim_services": [FormJVictimService(**row) for row in plan.services],
            "cooperation": [FormJCooperation(year=year, **row) for row in plan.cooperation],
        },
    }


def build_report(
    spec: StateReports, state: StateParty, year: int, mine_types: dict[str, MineType]
) -> Article7Report:
    """An unsaved report, its rows checked as the forms check them."""
    plan = spec.years[year]
    report = Article7Report(
        state=state,
        kind=ReportKind.ANNUAL,
        year=year,
        language=spec.language,
        visibility=plan.visibility,
        submitted_on=plan.submitted_on,
        contact_organisation=f"{spec.contact.organisation} {ORGANISATION_MARK[spec.language]}",
        contact_name=spec.contact.name,
        contact_email=spec.contact.email,
        contact_phone=spec.contact.phone,
    )
    report.cover = cover_lines(plan, year)
    filled = {line.letter for line in report.cover.all() if line.status == CoverStatus.CHANGED}
    for letter, tables in form_rows(spec, plan, year, mine_types).items():
        if letter in filled:
            for table, rows in tables.items():
                setattr(report, table, rows)
    if "J" in filled:
        note = FORM_J_NOTE[spec.language].format(state=state.name_in(spec.language))
        report.other_matters = f"{note}\n\n{plan.other_matters}".strip()
    check(report)
    return report


def check(report: Article7Report) -> None:
    """Demonstration data passes what a focal point's form would: every row's field
    checks and the report-level errors (a failure here is a bug in demo/report_data)."""
    for relation in get_all_child_relations(Article7Report):
        for row in getattr(report, relation.get_accessor_name()).all():
            row.full_clean(exclude=["report"])
            for mine in row.mines.all() if isinstance(row, FormCMinedArea) else ():
                mine.full_clean(exclude=["area"])
    found = validation.errors(report)
    if found:
        raise ValueError(f"{report}: {found}")


# --- Accepting it ------------------------------------------------------------------------


def accept(report: Article7Report, user, submitted_on: dt.date) -> None:
    """Saved, and accepted as the ISU's review accepts: a revision, published. The
    history is then dated a few weeks after submission rather than today."""
    report.save()
    revision = report.save_revision(user=user)
    revision.publish(user=user)
    accepted_at = min(
        timezone.now(),
        dt.datetime.combine(
            submitted_on + dt.timedelta(days=REVIEW_DAYS), dt.time(10), tzinfo=dt.UTC
        ),
    )
    Revision.objects.filter(pk=revision.pk).update(created_at=accepted_at)
    ModelLogEntry.objects.filter(
        content_type_id=revision.content_type_id, object_id=str(report.pk)
    ).update(timestamp=accepted_at)
    Article7Report.objects.filter(pk=report.pk).update(
        first_published_at=accepted_at, last_published_at=accepted_at
    )
    # Accepting proposes the report's registry facts to the ISU; these figures are
    # illustrative and must never reach the registry of real States.
    RegistryProposal.objects.filter(report=report, status=RegistryProposal.Status.PENDING).update(
        status=RegistryProposal.Status.DISMISSED, decided_at=accepted_at
    )
