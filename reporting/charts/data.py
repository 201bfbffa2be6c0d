"""The figures the country page draws from a State's Article 7 reports, year by year.

Only public reports feed them, and of each period only the latest accepted version
(visibility.latest_accepted): the charts are part of the country page's article, which is
cached and shown to everyone, so a report for States Parties and the ISU only never
contributes a figure, not even through a later public report that says a form is
"unchanged since" it (that year's figure is then unknown, not borrowed).

Two kinds of figure:
- What stands at the end of a year (mined area remaining, Form C; stockpile, Form B;
  mines retained, Form D): the form as history.effective reads it, "unchanged since"
  followed back through the State's public accepted reports.
- What was done during a year (land released, Form C; casualties, Form J; mines
  destroyed, Form G): the report's own rows, when its cover page says the form is filled
  in. A form "unchanged" or "not applicable" gives no figure for the year rather than
  repeating an earlier year's.

A year is an annual report's calendar year (the initial report only serves as the report
an "unchanged since" may name). Read in a constant number of queries: the State's
accepted reports, then their cover pages and the six tables read, one query each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ..history import cover_line, effective
from ..models import (
    Article7Report,
    CoverStatus,
    FormBStockpile,
    FormCLandRelease,
    FormDRetained,
    FormGDestroyed,
    FormJCasualties,
    ReportKind,
    Visibility,
)
from ..visibility import latest_accepted

TABLES = (
    "cover",
    "mined_areas",
    "land_releases",
    "casualties",
    "stockpiles",
    "retained",
    "destroyed",
)

AREA, COUNT = "m2", "count"  # what a chart's figures measure


@dataclass
class Series:
    key: str
    label: str  # lazy: rendered in the active language
    values: dict[int, int | None] = field(default_factory=dict)  # year → figure


@dataclass
class Chart:
    key: str  # "remaining", "release", "casualties", "stocks", "destroyed"
    title: str  # lazy
    note: str  # lazy: what the figures are and which forms they come from
    kind: str  # "bars" (stacked where several series) or "lines"
    measure: str  # AREA or COUNT
    series: list[Series]

    @property
    def data_years(self) -> list[int]:
        """The years with at least one figure, in order."""
        return sorted({y for s in self.series for y, v in s.values.items() if v is not None})

    @property
    def years(self) -> list[int]:
        """From the first year with a figure to the last, gaps included."""
        found = self.data_years
        return list(range(found[0], found[-1] + 1)) if found else []

    @property
    def drawn_series(self) -> list[Series]:
        """The series the drawing shows: those with a figure other than zero (the table
        shows them all)."""
        return [s for s in self.series if any(s.values.values())] or self.series[:1]

    @property
    def drawn(self) -> bool:
        """At least two years of figures: a chart; one: a sentence."""
        return len(self.data_years) >= 2

    def value(self, series: Series, year: int) -> int | None:
        return series.values.get(year)

    def total(self, year: int) -> int | None:
        values = [s.values.get(year) for s in self.series]
        return None if all(v is None for v in values) else sum(v or 0 for v in values)


# --- Reading the reports --------------------------------------------------------------------


def _finder(reports: list[Article7Report]) -> Callable:
    """history.effective's `find`, among the State's accepted reports already read: the
    report a year names as history.accepted_for_year finds it, if it is public."""
    annual = {r.year: r for r in reports if r.kind == ReportKind.ANNUAL}
    initial = next((r for r in reports if r.kind == ReportKind.INITIAL), None)

    def find(state, year: int) -> Article7Report | None:
        named = annual.get(year)
        if named is None and initial is not None and initial.reference_year == year:
            named = initial
        if named is None or named.visibility != Visibility.PUBLIC:
            return None
        return named

    return find


def public_reports(state_id: int) -> tuple[list[Article7Report], Callable]:
    """The State's public annual reports (latest accepted version of each year, oldest
    first) with the tables the charts read, and the `find` that follows "unchanged since"
    among its accepted reports."""
    reports = list(latest_accepted().filter(state_id=state_id).select_related("state"))
    public = [r for r in reports if r.visibility == Visibility.PUBLIC]
    if public:
        # Only public reports' rows are read at all.
        prefetch_related_objects(public, *TABLES)
    annual = sorted(
        (r for r in public if r.kind == ReportKind.ANNUAL and r.year), key=lambda r: r.year
    )
    return annual, _finder(reports)


def _stock(report, letter: str, table: str, figure: Callable, find) -> int | None:
    """What stands at the end of the report's year: its form, "unchanged since" followed
    back; None where the form does not apply or its source is not a public report."""
    data = effective(report, letter, find=find)
    if data.status != CoverStatus.CHANGED or data.source is None:
        return None
    return sum(figure(row) for row in data.rows(table))


def _own(report, letter: str, table: str) -> list | None:
    """The rows of what was done during the year: the report's own, when it fills the form
    in; None otherwise."""
    line = cover_line(report, letter)
    if line is not None and line.status != CoverStatus.CHANGED:
        return None
    return list(getattr(report, table).all())


def _sums(rows: Iterable | None, keys: Iterable[str], key_of: Callable, amount: Callable):
    """Per key, the sum of `amount` of the rows whose `key_of` is that key; every key None
    when there are no rows to read (the form is not filled in)."""
    keys = list(keys)
    if rows is None:
        return dict.fromkeys(keys)
    totals = dict.fromkeys(keys, 0)
    for row in rows:
        totals[key_of(row)] += amount(row)
    return totals


def casualty_group(row: FormJCasualties) -> str:
    """Women, men, girls, boys, or "unknown" where the sex or the age group is."""
    sex, age = row.sex, row.age_group
    Sex, Age = FormJCasualties.Sex, FormJCasualties.AgeGroup
    if sex == Sex.UNKNOWN or age == Age.UNKNOWN:
        return "unknown"
    if age == Age.CHILD:
        return "girls" if sex == Sex.FEMALE else "boys"
    return "women" if sex == Sex.FEMALE else "men"


CASUALTY_GROUPS = [
    ("women", _("Women")),
    ("men", _("Men")),
    ("girls", _("Girls")),
    ("boys", _("Boys")),
    ("unknown", _("Sex or age not recorded")),
]

RELEASE_METHODS = ["cancelled_m2", "reduced_m2", "cleared_m2"]


def _label(model, name: str) -> str:
    return capfirst(model._meta.get_field(name).verbose_name)


def state_charts(state_id: int) -> list[Chart]:
    """The State's charts, in the order the page shows them; those without any figure are
    left out."""
    reports, find = public_reports(state_id)
    remaining = Series("remaining", _("Mined area remaining (m²)"))
    release = [Series(name, _label(FormCLandRelease, name)) for name in RELEASE_METHODS]
    casualties = [Series(key, label) for key, label in CASUALTY_GROUPS]
    stockpile = Series("stockpile", _("Mines stockpiled"))
    retained = Series("retained", _("Mines retained at the end of the period"))
    sources = FormGDestroyed.Source
    destroyed = [Series(source.value, source.label) for source in sources]

    for report in reports:
        year = report.year
        remaining.values[year] = _stock(report, "C", "mined_areas", lambda r: r.size_m2, find)
        stockpile.values[year] = _stock(report, "B", "stockpiles", _quantity, find)
        retained.values[year] = _stock(report, "D", "retained", _quantity_end, find)

        rows = _own(report, "C", "land_releases")
        for one in release:
            one.values[year] = None if rows is None else sum(getattr(r, one.key) for r in rows)

        totals = _sums(
            _own(report, "J", "casualties"),
            (key for key, _label in CASUALTY_GROUPS),
            casualty_group,
            lambda r: r.number,
        )
        for one in casualties:
            one.values[year] = totals[one.key]

        totals = _sums(
            _own(report, "G", "destroyed"), sources.values, lambda r: r.source, _quantity
        )
        for one in destroyed:
            one.values[year] = totals[one.key]

    charts = [
        Chart(
            "remaining",
            _("Mined area remaining at the end of each year"),
            _(
                "Form C: the areas known or suspected to contain anti-personnel mines, "
                "in square metres."
            ),
            "bars",
            AREA,
            [remaining],
        ),
        Chart(
            "release",
            _("Land released each year, by method"),
            _("Form C, in square metres."),
            "bars",
            AREA,
            release,
        ),
        Chart(
            "casualties",
            _("Mine casualties each year, by sex and age"),
            _("Form J: people killed or injured. Girls and boys are under 18."),
            "bars",
            COUNT,
            casualties,
        ),
        Chart(
            "stocks",
            _("Stockpiled and retained mines at the end of each year"),
            _("Form B (stockpiles) and Form D (mines retained under Article 3)."),
            "lines",
            COUNT,
            [s for s in (stockpile, retained) if any(v is not None for v in s.values.values())],
        ),
        Chart(
            "destroyed",
            _("Anti-personnel mines destroyed each year"),
            _(
                "Form G, by where the mines came from. Mines found and destroyed during "
                "land release (Form C) are not added to these figures."
            ),
            "bars",
            COUNT,
            destroyed,
        ),
    ]
    return [chart for chart in charts if chart.data_years]


def _quantity(row: FormBStockpile | FormGDestroyed) -> int:
    return row.quantity


def _quantity_end(row: FormDRetained) -> int:
    return row.quantity_end
