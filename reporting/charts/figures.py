"""A chart as the country page shows it, in the active language: the drawing (svg.py), its
legend, the table of the same figures, the source line, or, with a single year of
figures, the figures as a short text. Numbers are written as the language writes them
(grouped with its separators; Western digits in Arabic, as in UN documents); in a
right-to-left language the years run from right to left."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from . import svg
from .data import AREA, Chart, Series, state_charts

KM2 = 1_000_000  # m²


def number(value, places: int | None = None) -> str:
    """As reporting's tables write it: grouped with the active language's separators."""
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


@dataclass
class Figure:
    id: str
    key: str
    title: str
    note: str
    source: str
    drawn: bool
    svg: SafeString | str = ""
    legend: list[tuple[SafeString, str]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str | None]]] = field(default_factory=list)
    # One year of figures: the year, and (label, figure) for each.
    text_year: int | None = None
    text: list[tuple[str, str]] = field(default_factory=list)


def source_line(years: list[int]) -> str:
    if len(years) == 1:
        return _("Source: Article 7 report for %(year)s") % {"year": years[0]}
    return _("Source: Article 7 reports %(first)s–%(last)s") % {
        "first": years[0],
        "last": years[-1],
    }


def _total_label(chart: Chart) -> str:
    return {
        "release": _("Land released (m²)"),
        "casualties": _("Casualties"),
        "destroyed": _("Mines destroyed"),
    }.get(chart.key, _("Total"))


def _axis_unit(chart: Chart, in_km2: bool) -> str:
    if chart.measure == AREA:
        return _("km²") if in_km2 else _("m²")
    return _("people") if chart.key == "casualties" else _("mines")


def _description(chart: Chart, stacked: bool, rtl: bool) -> str:
    kind = (
        _("Line chart")
        if chart.kind == "lines"
        else (_("Stacked bar chart") if stacked else _("Bar chart"))
    )
    years = chart.years
    text = _(
        "%(kind)s of the years %(first)s to %(last)s; the table that follows gives the figures."
    )
    if rtl:
        text = _(
            "%(kind)s of the years %(first)s to %(last)s, from right to left; the table that "
            "follows gives the figures."
        )
    return text % {"kind": kind, "first": years[0], "last": years[-1]}


def _highest(chart: Chart, year: int) -> int:
    """The top of a year's bar (its stack), or its highest point."""
    if chart.kind == "bars":
        return chart.total(year) or 0
    return max((s.values.get(year) or 0 for s in chart.series), default=0)


def _drawing(chart: Chart, uid: str, rtl: bool) -> SafeString:
    years = chart.years
    drawn = chart.drawn_series
    stacked = chart.kind == "bars" and len(drawn) > 1
    top = max((_highest(chart, year) for year in years), default=0)
    in_km2 = chart.measure == AREA and top >= KM2
    scale = KM2 if in_km2 else 1
    series = [
        svg.Series(
            str(s.label),
            [_scaled(s.values.get(y), scale) for y in years],
            look=chart.series.index(s),
        )
        for s in drawn
    ]
    step = svg.nice_step(top / scale, integer=not in_km2)
    places = svg.decimals(step)

    def fmt(value: float) -> str:
        return number(value, places) if places else number(int(round(value)))

    def describe(category: str, one: svg.Series, value: float) -> str:
        exact = value * scale
        return f"{category} — {one.label}: {number(int(round(exact)))}"

    draw = svg.line_chart if chart.kind == "lines" else svg.bar_chart
    return draw(
        uid=uid,
        title=str(chart.title),
        desc=_description(chart, stacked, rtl),
        categories=[str(y) for y in years],
        series=series,
        fmt=fmt,
        unit=_axis_unit(chart, in_km2),
        rtl=rtl,
        integer=not in_km2,
        describe=describe,
    )


def _scaled(value: int | None, scale: int) -> float | None:
    return None if value is None else value / scale


def _cells(chart: Chart, year: int, with_total: bool) -> list[str | None]:
    cells = [_formatted(s.values.get(year)) for s in chart.series]
    if with_total:
        cells.append(_formatted(chart.total(year)))
    return cells


def _formatted(value: int | None) -> str | None:
    return None if value is None else number(value)


def figure(chart: Chart) -> Figure:
    uid = f"chart-{chart.key}"
    shown = Figure(
        id=uid,
        key=chart.key,
        title=str(chart.title),
        note=str(chart.note),
        source=source_line(chart.data_years),
        drawn=chart.drawn,
    )
    if not chart.drawn:
        year = chart.data_years[0]
        shown.text_year = year
        shown.text = [
            (str(s.label), number(s.values[year]))
            for s in chart.series
            if s.values.get(year) is not None
        ]
        return shown
    rtl = get_language_bidi()
    with_total = chart.kind == "bars" and len(chart.series) > 1
    shown.svg = _drawing(chart, uid, rtl)
    if len(chart.series) > 1:
        # The series drawn, each with its key (its look is its place among all of them).
        shown.legend = [
            (svg.swatch(uid, chart.series.index(s), chart.kind), str(s.label))
            for s in chart.drawn_series
        ]
    shown.columns = [str(s.label) for s in chart.series]
    if with_total:
        shown.columns.append(_total_label(chart))
    shown.rows = [(year, _cells(chart, year, with_total)) for year in chart.years]
    return shown


def state_figures(state_id: int) -> list[Figure]:
    """The country page's charts of a State, in the active language."""
    return [figure(chart) for chart in state_charts(state_id)]


__all__ = ["Figure", "Series", "figure", "source_line", "state_figures"]
