"""Which reports a State owes and when, and the next annual report prefilled from the last
accepted one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from .due_dates import (
    annual_due_on,
    annual_period,
    first_annual_year,
    initial_due_on,
    initial_period,
)
from .history import copy_header, effective, last_accepted_before
from .models import Article7Report, CoverStatus, FormLetter, FormStatus, ReportKind, form_tables


class DueStatus(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    IN_REVIEW = "in_review", _("Submitted, in review")
    OVERDUE = "overdue", _("Overdue")
    DUE = "due", _("Due")
    NOT_YET_DUE = "not_yet_due", _("Not yet due")


@dataclass(frozen=True)
class DueReport:
    kind: str
    year: int | None
    period_start: dt.date
    period_end: dt.date
    due_on: dt.date
    status: DueStatus
    latest: Article7Report | None  # the latest version, whatever its state
    accepted: Article7Report | None  # the latest accepted version


def due_reports(state, today: dt.date | None = None) -> list[DueReport]:
    """Every report a State owes from its entry into force to `today`: the initial report,
    then one per calendar year up to the current one (not yet due until the year is over),
    and none for a year in which its withdrawal took effect or later. Empty for a State
    the Convention has not entered into force for, as far as the registry knows."""
    eif = state.entry_into_force
    if eif is None:
        return []
    today = today or timezone.localdate()
    periods = [(ReportKind.INITIAL, None, *initial_period(eif), initial_due_on(eif))]
    last_year = today.year
    withdrawn = state.withdrawal_effective_on
    if withdrawn is not None:
        last_year = min(last_year, withdrawn.year - 1)
    periods += [
        (ReportKind.ANNUAL, year, *annual_period(year), annual_due_on(year))
        for year in range(first_annual_year(eif), last_year + 1)
    ]
    reports = list(Article7Report.objects.filter(state=state).order_by("-version"))
    in_review = _in_review({report.pk for report in reports if not report.live})
    due = []
    for kind, year, start, end, due_on in periods:
        versions = [r for r in reports if r.kind == kind and r.year == year]
        latest = versions[0] if versions else None
        accepted = next((r for r in versions if r.live), None)
        opens_on = start if kind == ReportKind.INITIAL else end + dt.timedelta(days=1)
        if accepted is not None:
            status = DueStatus.ACCEPTED
        elif latest is not None and latest.pk in in_review:
            status = DueStatus.IN_REVIEW
        elif today > due_on:
            status = DueStatus.OVERDUE
        elif today >= opens_on:
            status = DueStatus.DUE
        else:
            status = DueStatus.NOT_YET_DUE
        due.append(DueReport(kind, year, start, end, due_on, status, latest, accepted))
    return due


def _in_review(pks: set[int]) -> set[int]:
    if not pks:
        return set()
    object_ids = WorkflowState.objects.filter(
        base_content_type=Article7Report.get_base_content_type(),
        object_id__in=[str(pk) for pk in pks],
        status=WorkflowState.STATUS_IN_PROGRESS,
    ).values_list("object_id", flat=True)
    return {int(object_id) for object_id in object_ids}


def prefill(state, year: int) -> Article7Report:
    """A new, unsaved annual report for `year`, started from the State's last accepted
    report: its header, and for each form a copy of what stands at the end of that period
    (unchanged forms followed back to the report they name) for the focal point to edit,
    marked changed; a form that did not apply is still marked so, with its statement.
    What was done during the last period (mines destroyed, land released, people warned,
    casualties, cooperation) is not copied: those tables start empty. Form D starts from
    last year's end figures. The last report is read from the database and left as is."""
    last = last_accepted_before(state, year)
    if last is None:
        report = Article7Report(state=state, kind=ReportKind.ANNUAL, year=year)
        report.cover = [FormStatus(letter=letter) for letter in FormLetter.values]
        return report
    last = Article7Report.objects.get(pk=last.pk)
    report = copy_header(
        last, kind=ReportKind.ANNUAL, year=year, filed_by_isu=False, original_document_id=None
    )
    cover = []
    for letter in FormLetter.values:
        data = effective(last, letter)
        if data.status == CoverStatus.NOT_APPLICABLE:
            line = next(line for line in last.cover.all() if line.letter == letter)
            cover.append(FormStatus(letter=letter, status=data.status, statement=line.statement))
        else:
            cover.append(FormStatus(letter=letter, status=CoverStatus.CHANGED))
        for table in form_tables(letter):
            rows = [row.next_period_copy() for row in data.rows(table) if row.carries_forward]
            setattr(report, table, rows)
    report.cover = cover
    return report
