"""What changed against last year's report: the key figures of each form, side by side
with the previous accepted report's (the ISU's first look at a report in review)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .history import effective, previous_report
from .models import Article7Report


def _count(table: str):
    return lambda data: len(data.rows(table))


def _total(table: str, attribute: str):
    return lambda data: sum(getattr(row, attribute) or 0 for row in data.rows(table))


# (form letter, label, figure of the form's effective rows)
FIGURES = [
    ("A", _("National implementation measures"), _count("measures")),
    ("B", _("Mines stockpiled"), _total("stockpiles", "quantity")),
    ("C", _("Mined areas"), _count("mined_areas")),
    ("C", _("Mined area remaining (m²)"), _total("mined_areas", "size_m2")),
    ("C", _("Land released (m²)"), _total("land_releases", "released_m2")),
    ("C", _("Mines destroyed in land release"), _total("land_releases", "mines_destroyed")),
    ("D", _("Mines retained at the end of the period"), _total("retained", "quantity_end")),
    ("G", _("Mines destroyed"), _total("destroyed", "quantity")),
    ("I", _("People reached by warning measures"), _total("warning_measures", "people_reached")),
    ("J", _("Casualties"), _total("casualties", "number")),
    ("J", _("People reached by victim assistance"), _total("victim_services", "people_reached")),
]


@dataclass(frozen=True)
class FigureChange:
    letter: str
    label: str
    previous: int | None
    current: int

    @property
    def difference(self) -> int | None:
        return None if self.previous is None else self.current - self.previous


def compare(report: Article7Report) -> tuple[Article7Report | None, list[FigureChange]]:
    """The previous accepted report and each key figure, then and now."""
    previous = previous_report(report)
    data_now: dict[str, object] = {}
    data_then: dict[str, object] = {}
    changes = []
    for letter, label, figure in FIGURES:
        if letter not in data_now:
            data_now[letter] = effective(report, letter)
            data_then[letter] = effective(previous, letter) if previous else None
        then = data_then[letter]
        changes.append(
            FigureChange(
                letter=letter,
                label=str(label),
                previous=figure(then) if then is not None else None,
                current=figure(data_now[letter]),
            )
        )
    return previous, changes
