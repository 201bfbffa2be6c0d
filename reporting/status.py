"""Who has reported: every State Party's initial and annual Article 7 reports, received on
time, late, overdue or not yet due, for the public reporting status page and its CSV.

A report counts as received when either source has it: the ISU's record in the registry
(registry.models.Article7Report, annual reports only) or an accepted online report. The
date received is the earliest submission date either knows. `load` reads everything in a
constant number of queries; `status_rows` is pure over what it read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from registry.models import Article7Report as RecordedReport
from registry.models import StateParty

from .due_dates import annual_due_on, first_annual_year, initial_due_on
from .models import Article7Report, ReportKind
from .reading import public_path
from .visibility import visible_reports

# A State that has not reported for this many consecutive years, the latest included, is
# highlighted.
SILENT_YEARS = 2
DEFAULT_YEARS = 10


class ReportStatus(models.TextChoices):
    ON_TIME = "on_time", _("Received on time")
    LATE = "late", _("Received late")
    RECEIVED = "received", _("Received, date not recorded")
    OVERDUE = "overdue", _("Overdue")
    NO_RECORD = "no_record", _("Due, no record of it (the records of that time are incomplete)")
    NOT_YET_DUE = "not_yet_due", _("Not yet due")
    NOT_OWED = "not_owed", _("Not owed")


RECEIVED = frozenset({ReportStatus.ON_TIME, ReportStatus.LATE, ReportStatus.RECEIVED})

# A visual mark beside each status's text, so that it never rests on colour alone.
MARKS = {
    ReportStatus.ON_TIME: "✓",
    ReportStatus.LATE: "◑",
    ReportStatus.RECEIVED: "✓",
    ReportStatus.OVERDUE: "✗",
    ReportStatus.NO_RECORD: "?",
    ReportStatus.NOT_YET_DUE: "○",
    ReportStatus.NOT_OWED: "–",
}
SHORT = {
    ReportStatus.ON_TIME: _("On time"),
    ReportStatus.LATE: _("Late"),
    ReportStatus.RECEIVED: _("Received"),
    ReportStatus.OVERDUE: _("Overdue"),
    ReportStatus.NO_RECORD: _("No record"),
    ReportStatus.NOT_YET_DUE: _("Not yet due"),
    ReportStatus.NOT_OWED: _("Not owed"),
}

# Period keys: (kind, year), the year None for the initial report.
Period = tuple[str, int | None]


@dataclass(frozen=True)
class Receipt:
    """What the two sources know of one period's report."""

    received_on: dt.date | None = None
    online: bool = False
    registry: bool = False
    url: str = ""

    @property
    def source(self) -> str:
        if self.online and self.registry:
            return "both"
        return "online" if self.online else "registry"


@dataclass(frozen=True)
class Cell:
    kind: str
    year: int | None
    due_on: dt.date | None
    status: ReportStatus
    received_on: dt.date | None = None
    source: str = ""
    url: str = ""

    @property
    def mark(self) -> str:
        return MARKS[self.status]

    @property
    def short(self) -> str:
        return SHORT[self.status]

    @property
    def period(self) -> str:
        return "initial" if self.kind == ReportKind.INITIAL else str(self.year)


@dataclass
class StateRow:
    state: StateParty
    initial: Cell
    years: list[Cell]  # the page's year columns, in their order
    owed: list[Cell] = field(default_factory=list)  # every annual report owed so far
    withdrawn: bool = False

    @property
    def initial_overdue(self) -> bool:
        return not self.withdrawn and self.initial.status == ReportStatus.OVERDUE

    @property
    def silent_years(self) -> int:
        """Consecutive overdue annual reports, counting back from the latest one due."""
        count = 0
        for cell in reversed(self.owed):
            if cell.status == ReportStatus.NOT_YET_DUE:
                continue
            if cell.status != ReportStatus.OVERDUE:
                break
            count += 1
        return count

    @property
    def silent(self) -> bool:
        return not self.withdrawn and self.silent_years >= SILENT_YEARS

    @property
    def last_received(self) -> Cell | None:
        return next((c for c in reversed(self.owed) if c.status in RECEIVED), None)

    @property
    def highlighted(self) -> bool:
        return self.initial_overdue or self.silent


def records_complete_since() -> dt.date | None:
    """From which due date the records of received reports are complete, so that a
    missing one is overdue rather than unrecorded (settings.ARTICLE7_RECORDS_COMPLETE_SINCE,
    set by the ISU once every report received since is recorded; None: never claimed)."""
    return getattr(settings, "ARTICLE7_RECORDS_COMPLETE_SINCE", None)


def _status(
    due_on: dt.date, receipt: Receipt | None, today: dt.date, complete_since: dt.date | None
) -> ReportStatus:
    if receipt is not None:
        if receipt.received_on is None:
            return ReportStatus.RECEIVED
        return ReportStatus.ON_TIME if receipt.received_on <= due_on else ReportStatus.LATE
    if today <= due_on:
        return ReportStatus.NOT_YET_DUE
    # A missing record proves nothing where the records are not known to be complete.
    if complete_since is not None and due_on >= complete_since:
        return ReportStatus.OVERDUE
    return ReportStatus.NO_RECORD


def _cell(kind: str, year: int | None, due_on, receipt: Receipt | None, today) -> Cell:
    receipt_fields = {}
    if receipt is not None:
        receipt_fields = {
            "received_on": receipt.received_on,
            "source": receipt.source,
            "url": receipt.url,
        }
    status = _status(due_on, receipt, today, records_complete_since())
    return Cell(kind, year, due_on, status, **receipt_fields)


def status_row(
    state: StateParty,
    receipts: dict[Period, Receipt],
    years: list[int],
    today: dt.date,
) -> StateRow:
    """One State's reports. As reporting.periods.due_reports: nothing before the initial
    report, no annual report for the year its withdrawal took effect or later."""
    eif = state.entry_into_force
    withdrawn_on = state.withdrawal_effective_on
    withdrawn = withdrawn_on is not None and withdrawn_on <= today
    if eif is None:
        blank = Cell(ReportKind.INITIAL, None, None, ReportStatus.NOT_OWED)
        row = StateRow(state, blank, [])
    else:
        due = initial_due_on(eif)
        initial = _cell(
            ReportKind.INITIAL, None, due, receipts.get((ReportKind.INITIAL, None)), today
        )
        row = StateRow(state, initial, [], withdrawn=withdrawn)
        last_year = today.year if withdrawn_on is None else min(today.year, withdrawn_on.year - 1)
        for year in range(first_annual_year(eif), last_year + 1):
            receipt = receipts.get((ReportKind.ANNUAL, year))
            row.owed.append(_cell(ReportKind.ANNUAL, year, annual_due_on(year), receipt, today))
    by_year = {cell.year: cell for cell in row.owed}
    for year in years:
        cell = by_year.get(year)
        if cell is None:
            cell = Cell(ReportKind.ANNUAL, year, None, ReportStatus.NOT_OWED)
        row.years.append(cell)
    return row


def merge_receipts(
    recorded: list[tuple[int, int, dt.date | None, str]],
    online: list[tuple[int, str, int | None, dt.date | None]],
    links: dict[tuple[int, str, int | None], str],
) -> dict[int, dict[Period, Receipt]]:
    """By State id and period, what both sources know: `recorded` the registry's (state
    id, year, submitted on, url), `online` every accepted version's (state id, kind, year,
    submitted on), `links` the public address of the reports the visitor may read."""
    found: dict[int, dict[Period, Receipt]] = {}

    def add(state_id: int, period: Period, on, *, online: bool, url: str = "") -> None:
        periods = found.setdefault(state_id, {})
        known = periods.get(period, Receipt())
        dates = [d for d in (known.received_on, on) if d is not None]
        periods[period] = Receipt(
            received_on=min(dates) if dates else None,
            online=known.online or online,
            registry=known.registry or not online,
            url=known.url or url,
        )

    for state_id, kind, year, on in online:
        add(state_id, (kind, year), on, online=True, url=links.get((state_id, kind, year), ""))
    for state_id, year, on, url in recorded:
        add(state_id, (ReportKind.ANNUAL, year), on, online=False, url=url)
    return found


def status_rows(
    states: list[StateParty],
    receipts: dict[int, dict[Period, Receipt]],
    years: list[int],
    today: dt.date,
) -> list[StateRow]:
    return [status_row(state, receipts.get(state.pk, {}), years, today) for state in states]


def load(user, years: list[int], today: dt.date, region: str = "") -> list[StateRow]:
    """Every State that has deposited its instrument (in `region` if
    given), in a constant number of queries: the States with their membership events, the
    registry's records, the accepted online reports and the ones this user may open."""
    states = StateParty.objects.filter(deposited__isnull=False).prefetch_related(
        "membership_events"
    )
    if region:
        states = states.filter(region=region)
    states = list(states)
    ids = [state.pk for state in states]
    recorded = list(
        RecordedReport.objects.filter(state_id__in=ids).values_list(
            "state_id", "year", "submitted_on", "url"
        )
    )
    online = list(
        Article7Report.objects.filter(live=True, state_id__in=ids).values_list(
            "state_id", "kind", "year", "submitted_on"
        )
    )
    links = {
        (report.state_id, report.kind, report.year): public_path(report)
        for report in visible_reports(user).filter(state_id__in=ids).select_related("state")
    }
    return status_rows(states, merge_receipts(recorded, online, links), years, today)


@dataclass(frozen=True)
class StateSummary:
    """One State's reporting, as the country page sums it up."""

    initial: Cell
    latest: Cell | None  # the latest annual report received
    received: int  # annual reports received
    owed: int  # annual reports due so far
    overdue: list[Cell]
    unrecorded: list[Cell]


def state_summary(state: StateParty | int, today: dt.date) -> StateSummary | None:
    """One State's summary: with a StateParty read by `with_related()` (as the country page
    has it), one query for its accepted online reports; with an id, four more."""
    if not isinstance(state, StateParty):
        state = StateParty.objects.with_related().filter(pk=state).first()
        if state is None:
            return None
    recorded = [(state.pk, r.year, r.submitted_on, r.url) for r in state.article7_reports.all()]
    online = list(
        Article7Report.objects.filter(live=True, state_id=state.pk).values_list(
            "state_id", "kind", "year", "submitted_on"
        )
    )
    receipts = merge_receipts(recorded, online, {}).get(state.pk, {})
    row = status_row(state, receipts, [], today)
    if row.initial.status == ReportStatus.NOT_OWED:
        return None
    due = [cell for cell in row.owed if cell.status != ReportStatus.NOT_YET_DUE]
    return StateSummary(
        initial=row.initial,
        latest=row.last_received,
        received=sum(cell.status in RECEIVED for cell in due),
        owed=len(due),
        overdue=[c for c in (row.initial, *due) if c.status == ReportStatus.OVERDUE],
        unrecorded=[c for c in (row.initial, *due) if c.status == ReportStatus.NO_RECORD],
    )
