"""Reports built in memory the way the forms UI will build them, and accepted the way the
ISU's review accepts them."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from reporting.models import Article7Report, CoverStatus, FormLetter, FormStatus

HEADER = {
    "language": "en",
    "visibility": "public",
    "contact_organisation": "National Mine Action Authority",
    "contact_name": "A. Focal",
    "contact_email": "focal.point@example.org",
    "contact_phone": "+249 11 000 0000",
}


def build_report(state, year=None, *, cover=None, **tables) -> Article7Report:
    """An unsaved report (annual for `year`, initial without), every form marked changed
    unless `cover` says otherwise ({"B": ("unchanged", 2022), "E": ("not_applicable",
    "No facility.")}); `tables` are its rows by relation name."""
    report = Article7Report(
        state=state, kind="initial" if year is None else "annual", year=year, **HEADER
    )
    lines = []
    for letter in FormLetter.values:
        status, detail = (cover or {}).get(letter, (CoverStatus.CHANGED, None))
        line = FormStatus(letter=letter, status=status)
        if status == CoverStatus.UNCHANGED:
            line.since_year = detail
        elif status == CoverStatus.NOT_APPLICABLE:
            line.statement = detail
        lines.append(line)
    report.cover = lines
    for table, rows in tables.items():
        setattr(report, table, rows)
    return report


def accept(report: Article7Report) -> Article7Report:
    """Saved, then accepted as the ISU's review does it: a revision, published."""
    report.save()
    report.save_revision().publish()
    report.refresh_from_db()
    assert report.live
    return report


def field_errors(row) -> dict[str, list[str]]:
    """The field errors of a row (or report) whose parent may be unsaved."""
    exclude = [name for name in ("report", "area") if hasattr(type(row), f"{name}_id")]
    with pytest.raises(ValidationError) as info:
        row.full_clean(exclude=exclude)
    return info.value.message_dict


def no_errors(row) -> None:
    exclude = [name for name in ("report", "area") if hasattr(type(row), f"{name}_id")]
    row.full_clean(exclude=exclude)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
