"""The shape of the demonstration Article 7 reports (plain Python, like demo/pages/), and
the arithmetic that turns a State's mined areas, given as what remained at the end of each
year, into Form C's areas and land release and Form G's mines destroyed.

Deriving the land released from the drop in each area's size keeps the forms consistent
with each other and with reporting/arithmetic.py: no region releases more than the
previous year's report left remaining there, and Form G destroys exactly the mines that
Form C's estimates lose.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

CHANGED, UNCHANGED, NOT_APPLICABLE = "changed", "unchanged", "not_applicable"

# Of the land an area loses in a year: a suspected area is mostly cancelled by
# non-technical survey, a confirmed one mostly cleared (percentages).
SUSPECTED_CANCELLED_PERCENT = 80
CONFIRMED_REDUCED_PERCENT = 30


@dataclass(frozen=True)
class Area:
    """A mined area, with what remained of it at the end of each year (m²): from the
    year before the first report, 0 once released; a year missing before the first one
    given means the area was not yet recorded. `mines` are the estimated numbers of each
    type (by designation) in the first year given, for a confirmed area."""

    name: str
    region: str
    status: str  # "suspected" or "confirmed"
    sizes: dict[int, int]
    mines: dict[str, int] = field(default_factory=dict)
    emplaced: tuple[int, int] | None = None

    def size(self, year: int) -> int:
        return self.sizes.get(year, 0)

    def estimate(self, designation: str, year: int) -> int:
        """The estimated number of mines left, in proportion to the land left."""
        base_year = min(self.sizes)
        base = self.sizes[base_year]
        return round(self.mines[designation] * self.size(year) / base) if base else 0

    def released(self, year: int) -> int:
        return max(0, self.size(year - 1) - self.size(year))

    def destroyed(self, designation: str, year: int) -> int:
        if year - 1 not in self.sizes:
            return 0
        return max(0, self.estimate(designation, year - 1) - self.estimate(designation, year))


@dataclass(frozen=True)
class Release:
    region: str
    cancelled_m2: int
    reduced_m2: int
    cleared_m2: int
    mines_destroyed: int


def remaining_areas(areas: list[Area], year: int) -> list[Area]:
    return [area for area in areas if area.size(year) > 0]


def land_release(areas: list[Area], year: int) -> list[Release]:
    """The land released in the year, by region (in the order the regions first come)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for area in areas:
        released = area.released(year)
        if not released:
            continue
        if area.status == "suspected":
            cancelled = released * SUSPECTED_CANCELLED_PERCENT // 100
            reduced, cleared = released - cancelled, 0
        else:
            cancelled, reduced = 0, released * CONFIRMED_REDUCED_PERCENT // 100
            cleared = released - reduced
        mines = sum(area.destroyed(designation, year) for designation in area.mines)
        for position, value in enumerate((cancelled, reduced, cleared, mines)):
            totals[area.region][position] += value
    return [Release(region, *values) for region, values in totals.items()]


def destroyed_by_type(areas: list[Area], year: int) -> dict[str, int]:
    """Mines destroyed in the year's clearance, by designation (Form G, Article 5)."""
    totals: dict[str, int] = defaultdict(int)
    for area in areas:
        for designation in area.mines:
            totals[designation] += area.destroyed(designation, year)
    return {designation: number for designation, number in totals.items() if number}


# --- A year's report ---------------------------------------------------------------------


def unchanged(since: int) -> tuple[str, int]:
    return (UNCHANGED, since)


def not_applicable(statement: str) -> tuple[str, str]:
    return (NOT_APPLICABLE, statement)


Reached = tuple[int, int, int, int]  # girls, boys, women, men


def warning(area: str, measure: str, description: str, date: dt.date, reached: Reached) -> dict:
    girls, boys, women, men = reached
    return {
        "area": area,
        "measure": measure,
        "description": description,
        "date": date,
        "girls": girls,
        "boys": boys,
        "women": women,
        "men": men,
    }


def service(kind: str, description: str, reached: Reached) -> dict:
    girls, boys, women, men = reached
    return {
        "service": kind,
        "description": description,
        "girls": girls,
        "boys": boys,
        "women": women,
        "men": men,
    }


def cooperation(partner: str, theme: str, amount: int, currency: str, description: str) -> dict:
    """Assistance received during the report's year (the year is the report's)."""
    return {
        "direction": "received",
        "partner": partner,
        "theme": theme,
        "amount": amount,
        "currency": currency,
        "description": description,
    }


def casualties(*groups: tuple[str, str, str, str, int]) -> list[dict]:
    """(outcome, sex, age group, civilian or military, number) per group."""
    return [
        {"outcome": outcome, "sex": sex, "age_group": age, "status": status, "number": number}
        for outcome, sex, age, status, number in groups
    ]


@dataclass(frozen=True)
class Year:
    """One annual report. `cover` gives the forms that are not simply "changed";
    Forms C and G, when changed, come from the State's areas. A nothing-new report
    marks every form unchanged since the year before."""

    submitted_on: dt.date
    visibility: str = "public"
    nothing_new: bool = False
    cover: dict[str, tuple] = field(default_factory=dict)
    measures: list[dict] = field(default_factory=list)
    retained: list[dict] = field(default_factory=list)
    programmes: list[dict] = field(default_factory=list)
    characteristics: list[str] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    casualties: list[dict] = field(default_factory=list)
    services: list[dict] = field(default_factory=list)
    cooperation: list[dict] = field(default_factory=list)
    other_matters: str = ""


@dataclass(frozen=True)
class Contact:
    organisation: str
    name: str
    email: str
    phone: str


@dataclass(frozen=True)
class StateReports:
    """A State's demonstration reports. `page_year` is the year at whose end the
    remaining area the country page gives (its clearance need) stood."""

    iso3: str
    language: str
    contact: Contact
    page_year: int
    areas: list[Area]
    years: dict[int, Year]
