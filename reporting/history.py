"""A State's reports over time: which version is accepted, which report comes before
another, and what a form holds once "unchanged since" is followed back to the accepted
report it names.

The accepted data is the stored report of a live (accepted) version: Wagtail writes a
revision to the row only when it publishes it, and an accepted report is not edited again
(Article7Report.clean), so the row is what the ISU accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .due_dates import first_annual_year
from .models import Article7Report, CoverStatus, FormLetter, FormStatus, ReportKind, form_tables

# A chain of "unchanged since" is followed back at most this many reports (each names an
# earlier year, so a real chain is shorter than the Convention is old).
MAX_CARRY_DEPTH = 100


def accepted_version(state, kind: str, year: int | None) -> Article7Report | None:
    """The latest accepted version of a State's report for a period."""
    return Article7Report.objects.accepted().of_period(state, kind, year).first()


def accepted_for_year(state, year: int) -> Article7Report | None:
    """The report a cover page's "unchanged since <year>" names: the accepted annual
    report for that year, else the accepted initial report if it fell due that year."""
    report = accepted_version(state, ReportKind.ANNUAL, year)
    if report is None:
        initial = accepted_version(state, ReportKind.INITIAL, None)
        if initial is not None and initial.reference_year == year:
            report = initial
    return report


def previous_report(report: Article7Report) -> Article7Report | None:
    """The accepted report whose end-of-period figures are this report's start: the annual
    report for the year before, or the initial report before the first annual one. None
    for an initial report, or when that report was not accepted."""
    eif = report.entry_into_force
    if report.kind != ReportKind.ANNUAL or not report.year or eif is None:
        return None
    if report.year <= first_annual_year(eif):
        return accepted_version(report.state, ReportKind.INITIAL, None)
    return accepted_version(report.state, ReportKind.ANNUAL, report.year - 1)


def last_accepted_before(state, year: int) -> Article7Report | None:
    """The latest accepted report for a period before `year` (prefill's source)."""
    annual = (
        Article7Report.objects.accepted()
        .filter(state=state, kind=ReportKind.ANNUAL, year__lt=year)
        .order_by("-year", "-version")
        .first()
    )
    return annual or accepted_version(state, ReportKind.INITIAL, None)


def cover_line(report: Article7Report, letter: str) -> FormStatus | None:
    """The report's cover line for a form (read in memory, also on an unsaved report)."""
    return next((line for line in report.cover.all() if line.letter == letter), None)


@dataclass
class FormData:
    """A form's rows as they stand for a report: its own, or those carried forward."""

    letter: str
    status: str
    source: Article7Report | None  # the report the rows are from; None if not found
    tables: dict[str, list] = field(default_factory=dict)

    def rows(self, table: str) -> list:
        return self.tables.get(table, [])


def effective(report: Article7Report, letter: str, find=accepted_for_year) -> FormData:
    """A form of a report with "unchanged since" followed back: a form that is changed
    (or has no cover line) has the report's own rows; one not applicable has none; one
    unchanged has the rows of the accepted report it names, itself followed back. `find`
    (state, year) gives the report a year names: a reader passes one that remembers the
    reports it has read, with their rows prefetched (reading.py)."""
    tables = form_tables(letter)
    current, depth = report, 0
    while depth <= MAX_CARRY_DEPTH:
        line = cover_line(current, letter)
        status = line.status if line else CoverStatus.CHANGED
        if status == CoverStatus.CHANGED:
            rows = {table: list(getattr(current, table).all()) for table in tables}
            return FormData(letter, status, current, rows)
        if status == CoverStatus.NOT_APPLICABLE:
            return FormData(letter, status, current, {table: [] for table in tables})
        named = find(report.state, line.since_year) if line.since_year else None
        if named is None or named.pk == current.pk:
            break
        current, depth = named, depth + 1
    return FormData(letter, CoverStatus.UNCHANGED, None, {table: [] for table in tables})


def own_rows(report: Article7Report, letter: str) -> dict[str, list]:
    """The rows a report itself holds for a form (what was done during its period)."""
    return {table: list(getattr(report, table).all()) for table in form_tables(letter)}


HEADER_FIELDS = (
    "state",
    "kind",
    "year",
    "language",
    "visibility",
    "contact_organisation",
    "contact_name",
    "contact_email",
    "contact_phone",
    "filed_by_isu",
    "original_document",
    "other_matters",
)


def copy_header(report: Article7Report, **overrides) -> Article7Report:
    """An unsaved report with another's header; `overrides` by attribute name (a foreign
    key's `…_id`)."""
    values = {}
    for name in HEADER_FIELDS:
        attname = Article7Report._meta.get_field(name).attname
        values[attname] = getattr(report, attname)
    return Article7Report(**(values | overrides))


def amend(accepted: Article7Report) -> Article7Report:
    """A new, unsaved version of an accepted report, holding a copy of all it says, for
    the State to correct and submit. The accepted version is read from the database and
    left as it is."""
    source = Article7Report.objects.get(pk=accepted.pk)
    if not source.live:
        raise ValueError("Only an accepted report is amended; edit the draft instead.")
    latest = Article7Report.objects.of_period(source.state, source.kind, source.year).first()
    if latest.pk != source.pk:
        raise ValueError("Amend the latest version of the report.")
    new = copy_header(source, amends_id=source.pk, version=source.version + 1)
    new.cover = [
        FormStatus(
            letter=line.letter,
            status=line.status,
            since_year=line.since_year,
            statement=line.statement,
        )
        for line in source.cover.all()
    ]
    for letter in FormLetter.values:
        for table in form_tables(letter):
            setattr(new, table, [row.copy_row() for row in getattr(source, table).all()])
    return new
