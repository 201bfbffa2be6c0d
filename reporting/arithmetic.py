"""The arithmetic behind the warnings of validation.py: figures a report gives that do not
add up. None of them blocks a report; the State may explain, the ISU reads them.

Which figures are compared:
- Form B, stockpile: the end of this period (the Form B total, followed back when
  "unchanged") against the previous accepted report's Form B total, less this report's
  Form G Article 4 destruction in the period's years and its Form D mines taken from the
  stockpile for Article 3. Previously unknown stockpiles (found after the deadline) are
  left out on both sides, and so is their destruction.
- Form D, retained: per row, a rise from start to end with no reason given; and start +
  taken from the stockpile − used − transferred ≠ end.
- Form C, land release: per region, the land this report says was released against the
  mined areas the previous accepted report left remaining in that region.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .history import effective, own_rows
from .models import Article7Report, FormBStockpile, FormGDestroyed


def name_key(text: str) -> str:
    """An area's or region's name as compared: case and spacing aside."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class ReportWarning:
    """A figure that does not add up. `message` is in the active language when read."""

    letter: str
    code: str
    template: str
    params: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return str(self.template) % self.params

    def __str__(self) -> str:
        return self.message


def _stockpile_total(report: Article7Report) -> int:
    rows: list[FormBStockpile] = effective(report, "B").rows("stockpiles")
    return sum(row.quantity or 0 for row in rows if not row.previously_unknown)


def stockpile(report: Article7Report, previous: Article7Report) -> list[ReportWarning]:
    start, end = _stockpile_total(previous), _stockpile_total(report)
    period = report.period
    years = range(period[0].year, period[1].year + 1) if period else range(0)
    destroyed = sum(
        row.quantity or 0
        for row in own_rows(report, "G")["destroyed"]
        if row.source == FormGDestroyed.Source.ARTICLE_4 and row.year in years
    )
    transferred = sum(row.added_from_stockpile or 0 for row in own_rows(report, "D")["retained"])
    expected = start - destroyed - transferred
    if end == expected:
        return []
    template = _(
        "Form B: the stockpile at the end of the period (%(end)s) is not what the previous "
        "report's %(start)s less %(destroyed)s destroyed (Form G, Article 4) and "
        "%(transferred)s retained (Form D) leaves: %(expected)s."
    )
    params = {
        "end": end,
        "start": start,
        "destroyed": destroyed,
        "transferred": transferred,
        "expected": expected,
    }
    return [ReportWarning("B", "stockpile_balance", template, params)]


def retained(report: Article7Report) -> list[ReportWarning]:
    found = []
    for row in own_rows(report, "D")["retained"]:
        params = {
            "institution": row.institution,
            "mine_type": str(row.mine_type) if row.mine_type_id else "?",
            "start": row.quantity_start,
            "end": row.quantity_end,
            "added": row.added_from_stockpile,
            "used": row.used,
            "transferred": row.transferred_out,
            "expected": row.expected_end,
        }
        if row.quantity_end > row.quantity_start and not row.change_note.strip():
            template = _(
                "Form D: %(institution)s retains more %(mine_type)s mines at the end of the "
                "period (%(end)s) than at its start (%(start)s): give the reason for the "
                "increase."
            )
            found.append(ReportWarning("D", "retained_increase", template, params))
        if row.quantity_end != row.expected_end:
            template = _(
                "Form D: for %(institution)s (%(mine_type)s), %(start)s + %(added)s taken from "
                "the stockpile − %(used)s used − %(transferred)s transferred makes "
                "%(expected)s, not %(end)s."
            )
            found.append(ReportWarning("D", "retained_balance", template, params))
    return found


def land_release(report: Article7Report, previous: Article7Report) -> list[ReportWarning]:
    remaining: dict[str, int] = defaultdict(int)
    for area in effective(previous, "C").rows("mined_areas"):
        remaining[name_key(area.region)] += area.size_m2 or 0
    released: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for release in own_rows(report, "C")["land_releases"]:
        released[name_key(release.region)] += release.released_m2
        names.setdefault(name_key(release.region), release.region.strip())
    template = _(
        "Form C: %(released)s m² released in %(region)s is more than the %(remaining)s m² "
        "the report for %(previous)s left remaining there."
    )
    return [
        ReportWarning(
            "C",
            "land_release_above_remaining",
            template,
            {
                "released": amount,
                "region": names[region],
                "remaining": remaining[region],
                "previous": previous.reference_year,
            },
        )
        for region, amount in released.items()
        if amount > remaining[region]
    ]
