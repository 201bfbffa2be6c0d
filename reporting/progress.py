"""How far a report has got, form by form: what its editor shows as progress and what the
summary lists before it is submitted."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from . import validation
from .arithmetic import ReportWarning
from .models import Article7Report, CoverStatus, FormLetter, ReportKind, form_tables


@dataclass
class FormProgress:
    letter: str
    label: str
    status: str  # "answered", "unchanged", "not_applicable", "empty"
    status_label: str
    rows: int
    since_year: int | None = None
    statement: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[ReportWarning] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.status != "empty" and not self.errors

    @property
    def anchor(self) -> str:
        """The editor's tab for the form."""
        return f"tab-{self.letter.lower()}"


@dataclass
class ReportProgress:
    forms: list[FormProgress]
    report_errors: list[str]

    @property
    def done_count(self) -> int:
        return sum(form.done for form in self.forms)

    @property
    def total(self) -> int:
        return len(self.forms)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.total) if self.total else 0

    @property
    def ready(self) -> bool:
        return not self.report_errors and all(form.done for form in self.forms)

    def of(self, letter: str) -> FormProgress:
        return next(form for form in self.forms if form.letter == letter)


STATUS_LABELS = {
    "answered": _("Filled in"),
    "unchanged": _("Unchanged"),
    "not_applicable": _("Not applicable"),
    "empty": _("To do"),
}


def _row_count(report: Article7Report, letter: str) -> int:
    count = sum(len(getattr(report, name).all()) for name in form_tables(letter))
    if letter == "J" and report.other_matters.strip():
        count += 1
    return count


def progress(report: Article7Report) -> ReportProgress:
    """Each form's state in the report as it stands (saved or in memory)."""
    cover = {line.letter: line for line in report.cover.all()}
    errors = validation.errors(report)
    warnings = validation.warnings(report) if report.state_id else []
    forms = []
    for letter, label in FormLetter.choices:
        line = cover.get(letter)
        rows = _row_count(report, letter)
        if report.kind != ReportKind.INITIAL and line is not None:
            status = {
                CoverStatus.UNCHANGED: "unchanged",
                CoverStatus.NOT_APPLICABLE: "not_applicable",
            }.get(line.status, "answered" if rows else "empty")
        else:
            status = "answered" if rows else "empty"
        forms.append(
            FormProgress(
                letter=letter,
                label=str(label),
                status=status,
                status_label=str(STATUS_LABELS[status]),
                rows=rows,
                since_year=line.since_year if line is not None else None,
                statement=line.statement if line is not None else "",
                errors=[str(e) for e in errors.get(letter, [])],
                warnings=[w for w in warnings if w.letter == letter],
            )
        )
    return ReportProgress(forms=forms, report_errors=[str(e) for e in errors.get("cover", [])])
