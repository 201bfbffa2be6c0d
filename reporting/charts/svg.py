"""A small drawing module for the country page's charts: bar charts (stacked or single)
and line charts with axes, gridlines at "nice" steps, and marks that differ by pattern,
dash and marker shape as well as by colour (so a chart still reads in greyscale, in print
or to a reader who does not tell the colours apart).

Pure markup, drawn on the server: no script, no external request. The SVG scales to its
box (viewBox, width 100%); its text is sized for a 390 px phone, where the drawing is
shown at about three quarters of its size. Right to left (Arabic): the categories (years)
run from right to left and the value axis is on the right; the text keeps its own
direction (`direction` on the root), so that "start" and "end" anchors are worked out
from the side the text should stand on.

The legend is HTML beside the drawing (it wraps and stays legible at any width): `swatch`
draws its keys, which reuse the chart's patterns (url(#id) resolves across the page).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

WIDTH = 420
HEIGHT = 270
FONT_SIZE = 16
TOP = 30  # room for the unit above the value axis
BOTTOM = 34  # room for the years under the baseline
GAP = 8  # between the value labels and the axis, and at the far edge
CHAR_WIDTH = 0.6  # of the font size: wide enough for digits and separators

AXIS_COLOUR = "#1b1f24"
GRID_COLOUR = "#d5dbe1"
TEXT_COLOUR = "#1b1f24"


@dataclass(frozen=True)
class Style:
    """How one series is drawn: a colour, and a pattern (bars) or a dash and a marker
    (lines), so that colour is never the only difference."""

    colour: str
    pattern: str  # "solid", "hatch", "dots", "cross", "lines"
    dash: str  # stroke-dasharray of a line, "" for solid
    marker: str  # "circle", "square", "triangle", "diamond", "bar"


# Each colour has at least 3:1 contrast with white (WCAG 1.4.11) and with the white
# pattern marks drawn over it.
STYLES = [
    Style("#0b3a5b", "solid", "", "circle"),
    Style("#2a6f9e", "hatch", "8 4", "square"),
    Style("#a35200", "dots", "2 4", "triangle"),
    Style("#5a3a84", "cross", "12 4 2 4", "diamond"),
    Style("#5c6670", "lines", "4 4", "bar"),
]


def style(index: int) -> Style:
    return STYLES[index % len(STYLES)]


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]  # one per category; None: no figure
    look: int | None = None  # its index in STYLES (default: its place among the series)


def _looks(series: Sequence[Series]) -> list[int]:
    """Each series' style: its own, so that a series keeps its look when another one is
    left out of a chart, else its place."""
    return [index if one.look is None else one.look for index, one in enumerate(series)]


# --- Scales --------------------------------------------------------------------------------


def nice_step(maximum: float, *, integer: bool = True, target: int = 5) -> float:
    """A step of 1, 2, 2.5 or 5 times a power of ten giving about `target` intervals from
    zero to `maximum` (whole numbers only when the figures are counts)."""
    if maximum <= 0:
        return 1
    raw = maximum / target
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        step = multiple * magnitude
        if integer and step != int(step):
            continue
        if raw <= step:
            return int(step) if integer or step == int(step) else step
    return 10 * magnitude


def decimals(step: float) -> int:
    """Decimal places a tick label needs (0.25 → 2, 2.5 → 1, 5 → 0)."""
    exponent = Decimal(str(step)).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def ticks(maximum: float, *, integer: bool = True) -> list[float]:
    """Zero, then each step up to the first at or above `maximum`."""
    step = nice_step(maximum, integer=integer)
    places = decimals(step)
    count = max(1, math.ceil(maximum / step - 1e-9))
    return [round(i * step, places) for i in range(count + 1)]


# --- Drawing ------------------------------------------------------------------------------


def _n(value: float) -> str:
    """A coordinate, to a tenth of a unit."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


@dataclass
class Frame:
    """The plot area and the mapping from (category, value) to the drawing."""

    categories: Sequence[str]
    top_value: float
    label_width: float
    rtl: bool

    @property
    def left(self) -> float:
        return GAP if self.rtl else self.label_width + 2 * GAP

    @property
    def right(self) -> float:
        return WIDTH - (self.label_width + 2 * GAP) if self.rtl else WIDTH - GAP

    @property
    def bottom(self) -> float:
        return HEIGHT - BOTTOM

    @property
    def band(self) -> float:
        return (self.right - self.left) / max(1, len(self.categories))

    def x(self, index: int) -> float:
        """The middle of a category's band: the first year on the left (right in RTL)."""
        offset = (index + 0.5) * self.band
        return self.right - offset if self.rtl else self.left + offset

    def y(self, value: float) -> float:
        if self.top_value <= 0:
            return self.bottom
        return self.bottom - (value / self.top_value) * (self.bottom - TOP)

    @property
    def axis_x(self) -> float:
        return self.right if self.rtl else self.left

    def anchor(self, side: str) -> str:
        """text-anchor for text standing on `side` ("left" or "right") of its x, in the
        SVG's own direction (in right-to-left text "start" is the right end)."""
        if side == "left":
            return "start" if self.rtl else "end"
        return "end" if self.rtl else "start"


def _open(uid: str, rtl: bool) -> str:
    return format_html(
        '<svg class="chart__drawing" viewBox="0 0 {} {}" width="100%" role="img" '
        'aria-labelledby="{}-title" aria-describedby="{}-desc" xmlns="http://www.w3.org/2000/svg" '
        'font-size="{}" fill="{}" direction="{}" focusable="false">',
        WIDTH,
        HEIGHT,
        uid,
        uid,
        FONT_SIZE,
        TEXT_COLOUR,
        "rtl" if rtl else "ltr",
    )


def _heading(uid: str, title: str, desc: str) -> str:
    return format_html(
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>', uid, title, uid, desc
    )


def _patterns(uid: str, looks: Sequence[int]) -> str:
    """A fill per series: a colour, with white marks drawn over it except the first."""
    parts = []
    for index in sorted(set(looks)):
        look = style(index)
        marks = {
            "solid": "",
            "hatch": '<path d="M-2 2l4-4M0 8l8-8M6 10l4-4" stroke="#fff" stroke-width="2"/>',
            "dots": '<circle cx="4" cy="4" r="1.6" fill="#fff"/>',
            "cross": '<path d="M0 0l8 8M8 0l-8 8" stroke="#fff" stroke-width="1.5"/>',
            "lines": '<path d="M0 2h8M0 6h8" stroke="#fff" stroke-width="1.5"/>',
        }[look.pattern]
        parts.append(
            format_html(
                '<pattern id="{}-fill{}" width="8" height="8" patternUnits="userSpaceOnUse">'
                '<rect width="8" height="8" fill="{}"/>{}</pattern>',
                uid,
                index,
                look.colour,
                mark_safe(marks),  # noqa: S308 - fixed markup above
            )
        )
    return "<defs>" + "".join(parts) + "</defs>"


def _value_axis(frame: Frame, values: list[float], fmt: Callable[[float], str], unit: str) -> str:
    parts = []
    for value in values:
        y = _n(frame.y(value))
        parts.append(
            format_html(
                '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>',
                _n(frame.left),
                _n(frame.right),
                y,
                y,
                AXIS_COLOUR if value == 0 else GRID_COLOUR,
            )
        )
        label_x = frame.axis_x + GAP if frame.rtl else frame.axis_x - GAP
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="{}" dominant-baseline="middle">{}</text>',
                _n(label_x),
                y,
                frame.anchor("right" if frame.rtl else "left"),
                fmt(value),
            )
        )
    parts.append(
        format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>',
            _n(frame.axis_x),
            _n(frame.axis_x),
            TOP - 6,
            _n(frame.bottom),
            AXIS_COLOUR,
        )
    )
    if unit:
        # Above the value labels, on the axis' side, reading away from it.
        x = WIDTH - GAP / 2 if frame.rtl else GAP / 2
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="{}" class="chart__unit">{}</text>',
                _n(x),
                FONT_SIZE,
                frame.anchor("left" if frame.rtl else "right"),
                unit,
            )
        )
    return "".join(parts)


def _category_axis(frame: Frame) -> str:
    """The years under the baseline; every n-th where they would touch, the first and the
    last always."""
    count = len(frame.categories)
    longest = max((len(c) for c in frame.categories), default=4)
    every = max(1, math.ceil((longest * CHAR_WIDTH * FONT_SIZE + GAP) / frame.band))
    shown = list(range(0, count, every))
    if count > 1 and shown[-1] != count - 1:
        if len(shown) > 1:
            shown[-1] = count - 1  # the last year, instead of the one crowding it
        else:
            shown.append(count - 1)
    return "".join(
        format_html(
            '<text x="{}" y="{}" text-anchor="middle">{}</text>',
            _n(frame.x(index)),
            _n(frame.bottom + FONT_SIZE + 6),
            frame.categories[index],
        )
        for index in shown
    )


def _frame(
    categories: Sequence[str], fmt: Callable[[float], str], values: list[float], rtl: bool
) -> Frame:
    """The plot area, leaving room for the longest value label."""
    width = max(len(fmt(value)) for value in values) * CHAR_WIDTH * FONT_SIZE
    return Frame(categories, values[-1], width, rtl)


def bar_chart(
    *,
    uid: str,
    title: str,
    desc: str,
    categories: Sequence[str],
    series: Sequence[Series],
    fmt: Callable[[float], str],
    unit: str = "",
    rtl: bool = False,
    integer: bool = True,
    describe: Callable[[str, Series, float], str] | None = None,
) -> SafeString:
    """Bars, one per category, each stacked from the series in order (a single series is
    a plain bar chart). `fmt` writes a value as the locale does; `describe` gives a
    segment's tooltip (category, series, value)."""
    totals = [
        sum(s.values[i] or 0 for s in series) if any(s.values[i] is not None for s in series) else 0
        for i in range(len(categories))
    ]
    tick_values = ticks(max(totals, default=0), integer=integer)
    frame = _frame(categories, fmt, tick_values, rtl)
    bar_width = min(frame.band * 0.62, 64)
    looks = _looks(series)
    parts = [_open(uid, rtl), _heading(uid, title, desc), _patterns(uid, looks)]
    parts.append(_value_axis(frame, tick_values, fmt, unit))
    for index, category in enumerate(categories):
        base = 0.0
        for number, one in zip(looks, series, strict=True):
            value = one.values[index]
            if not value:
                continue
            y_top, y_base = frame.y(base + value), frame.y(base)
            tooltip = describe(category, one, value) if describe else ""
            parts.append(
                format_html(
                    '<rect class="chart__bar" x="{}" y="{}" width="{}" height="{}" '
                    'fill="url(#{}-fill{})" stroke="#fff" stroke-width="1" '
                    'data-category="{}" data-series="{}">{}</rect>',
                    _n(frame.x(index) - bar_width / 2),
                    _n(y_top),
                    _n(bar_width),
                    _n(max(y_base - y_top, 0.5)),
                    uid,
                    number,
                    category,
                    number,
                    format_html("<title>{}</title>", tooltip) if tooltip else "",
                )
            )
            base += value
    parts.append(_category_axis(frame))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    r = 5.5
    if kind == "circle":
        return format_html('<circle cx="{}" cy="{}" r="{}" fill="{}"/>', _n(x), _n(y), r, colour)
    if kind == "square":
        return format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
            _n(x - r),
            _n(y - r),
            2 * r,
            2 * r,
            colour,
        )
    if kind == "triangle":
        points = f"{_n(x)},{_n(y - r - 1)} {_n(x + r + 1)},{_n(y + r)} {_n(x - r - 1)},{_n(y + r)}"
    elif kind == "diamond":
        points = f"{_n(x)},{_n(y - r - 1.5)} {_n(x + r + 1.5)},{_n(y)} {_n(x)},{_n(y + r + 1.5)} "
        points += f"{_n(x - r - 1.5)},{_n(y)}"
    else:  # a short upright bar
        return format_html(
            '<rect x="{}" y="{}" width="4" height="{}" fill="{}"/>',
            _n(x - 2),
            _n(y - r - 2),
            2 * r + 4,
            colour,
        )
    return format_html('<polygon points="{}" fill="{}"/>', points, colour)


def line_chart(
    *,
    uid: str,
    title: str,
    desc: str,
    categories: Sequence[str],
    series: Sequence[Series],
    fmt: Callable[[float], str],
    unit: str = "",
    rtl: bool = False,
    integer: bool = True,
    describe: Callable[[str, Series, float], str] | None = None,
) -> SafeString:
    """A line per series from zero up, a marker of its own at each figure; a year without
    a figure breaks the line."""
    values = [v for s in series for v in s.values if v is not None]
    tick_values = ticks(max(values, default=0), integer=integer)
    frame = _frame(categories, fmt, tick_values, rtl)
    parts = [_open(uid, rtl), _heading(uid, title, desc)]
    parts.append(_value_axis(frame, tick_values, fmt, unit))
    for number, one in zip(_looks(series), series, strict=True):
        look = style(number)
        runs: list[list[tuple[float, float]]] = [[]]
        for index, value in enumerate(one.values):
            if value is None:
                runs.append([])
            else:
                runs[-1].append((frame.x(index), frame.y(value)))
        for run in runs:
            if len(run) > 1:
                parts.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="3" '
                        'stroke-linejoin="round"{}/>',
                        " ".join(f"{_n(x)},{_n(y)}" for x, y in run),
                        look.colour,
                        format_html(' stroke-dasharray="{}"', look.dash) if look.dash else "",
                    )
                )
        for index, value in enumerate(one.values):
            if value is None:
                continue
            tooltip = describe(categories[index], one, value) if describe else ""
            parts.append(
                format_html(
                    '<g class="chart__point" data-category="{}" data-series="{}">{}{}</g>',
                    categories[index],
                    number,
                    format_html("<title>{}</title>", tooltip) if tooltip else "",
                    _marker(look.marker, frame.x(index), frame.y(value), look.colour),
                )
            )
    parts.append(_category_axis(frame))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def swatch(uid: str, index: int, kind: str) -> SafeString:
    """The legend's key of a series: a patch of its fill (bars) or a stretch of its line
    with its marker (lines). Decorative: the label beside it says the same."""
    look = style(index)
    if kind == "lines":
        dash = format_html(' stroke-dasharray="{}"', look.dash) if look.dash else ""
        body = format_html(
            '<line x1="1" x2="31" y1="8" y2="8" stroke="{}" stroke-width="3"{}/>{}',
            look.colour,
            dash,
            _marker(look.marker, 16, 8, look.colour),
        )
        width = 32
    else:
        body = format_html(
            '<rect x="0.5" y="0.5" width="15" height="15" fill="url(#{}-fill{})" '
            'stroke="{}" stroke-width="1"/>',
            uid,
            index,
            look.colour,
        )
        width = 16
    return format_html(
        '<svg class="chart__key" viewBox="0 0 {} 16" width="{}" height="16" aria-hidden="true" '
        'focusable="false">{}</svg>',
        width,
        width,
        body,
    )


__all__ = ["STYLES", "Series", "bar_chart", "line_chart", "nice_step", "swatch", "ticks"]
