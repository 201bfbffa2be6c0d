"""Checks on a whole report, beyond each row's own field errors (the rows' `clean`).

`errors(report)` lists what makes a report incomplete or inconsistent and blocks its
submission; `warnings(report)` lists figures that do not add up, which the State may
explain and the ISU reads, without blocking anything. Both read the report in memory, so
they work on an unsaved report (a form being edited) as on a stored one.

Which figures the warnings compare is said in `arithmetic.py`.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.utils.translation import gettext, ngettext, ngettext_lazy

from . import arithmetic
from .arithmetic import ReportWarning, name_key
from .history import accepted_for_year, previous_report
from .models import (
    Article7Report,
    CoverStatus,
    FormLetter,
    ReportKind,
    form_tables,
)

# --- Errors ------------------------------------------------------------------------------


def errors(report: Article7Report) -> dict[str, list[str]]:
    """Report-level errors, by "cover" or by form letter, in the active language."""
    found: dict[str, list[str]] = defaultdict(list)
    _check_cover(report, found)
    _check_named_once(
        found,
        "C",
        [area.name for area in report.mined_areas.all()],
        ngettext_lazy(
            "The area “%(name)s” is named %(count)s time in Form C: name each area once.",
            "The area “%(name)s” is named %(count)s times in Form C: name each area once.",
            "count",
        ),
    )
    _check_named_once(
        found,
        "C",
        [release.region for release in report.land_releases.all()],
        ngettext_lazy(
            "Land released in “%(name)s” is given %(count)s time: give each region once.",
            "Land released in “%(name)s” is given %(count)s times: give each region once.",
            "count",
        ),
    )
    _check_named_once(
        found,
        "H",
        [str(row.mine_type) for row in report.characteristics.all() if row.mine_type_id],
        ngettext_lazy(
            "The mine type “%(name)s” is described %(count)s time in Form H.",
            "The mine type “%(name)s” is described %(count)s times in Form H.",
            "count",
        ),
    )
    breakdowns = Counter(row.breakdown for row in report.casualties.all())
    if any(count > 1 for count in breakdowns.values()):
        found["J"].append(gettext("Form J gives the same group of casualties more than once."))
    return dict(found)


def _check_cover(report: Article7Report, found: dict[str, list[str]]) -> None:
    lines = list(report.cover.all())
    counts = Counter(line.letter for line in lines)
    for letter in FormLetter.values:
        if counts[letter] == 0:
            found["cover"].append(
                gettext("Form %(letter)s is missing from the cover page.") % {"letter": letter}
            )
        elif counts[letter] > 1:
            found["cover"].append(
                ngettext(
                    "Form %(letter)s is on the cover page %(count)s time.",
                    "Form %(letter)s is on the cover page %(count)s times.",
                    counts[letter],
                )
                % {"letter": letter, "count": counts[letter]}
            )
    initial = report.kind == ReportKind.INITIAL
    for line in lines:
        params = {"letter": line.letter, "year": line.since_year}
        if line.status == CoverStatus.CHANGED:
            continue
        if initial:
            found["cover"].append(
                gettext("An initial report answers every form: fill in Form %(letter)s.") % params
            )
        if _has_entries(report, line.letter):
            found[line.letter].append(
                gettext(
                    "Form %(letter)s is marked unchanged or not applicable but has entries: "
                    "remove them or mark it changed."
                )
                % params
            )
        if (
            not initial
            and line.status == CoverStatus.UNCHANGED
            and line.since_year
            and accepted_for_year(report.state, line.since_year) is None
        ):
            found["cover"].append(
                gettext(
                    "There is no accepted report for %(year)s to carry Form %(letter)s forward."
                )
                % params
            )


def _has_entries(report: Article7Report, letter: str) -> bool:
    if letter == FormLetter.J and report.other_matters.strip():
        return True
    return any(getattr(report, table).all() for table in form_tables(letter))


def _check_named_once(found, letter: str, names: list[str], message) -> None:
    counts = Counter(name_key(name) for name in names if name.strip())
    shown = {}
    for name in names:
        shown.setdefault(name_key(name), name.strip())
    for key, count in counts.items():
        if count > 1:
            found[letter].append(message % {"name": shown[key], "count": count})


# --- Warnings (the arithmetic is in arithmetic.py) ---------------------------------------


def warnings(report: Article7Report) -> list[ReportWarning]:
    """Figures that do not add up, by form letter; the stockpile and land release are
    compared with the previous accepted report, and not checked without one."""
    previous = previous_report(report)
    found = arithmetic.retained(report)
    if previous is not None:
        found += arithmetic.stockpile(report, previous)
        found += arithmetic.land_release(report, previous)
    return sorted(found, key=lambda warning: warning.letter)
