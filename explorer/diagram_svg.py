"""The "who helps whom" drawing: a bipartite diagram, the assisting States in one column,
the States they support in the other, one line per link (explorer.who_helps_whom gives the
names, already sorted, and the links).

Pure markup, drawn on the server: no script, no external request. The SVG scales to its
box (viewBox, width 100%); its text is sized for a 390 px phone, where the drawing is shown
at about three quarters of its size (as reporting.charts.svg). A name wider than its column
is wrapped on up to three lines (words; characters for Chinese, which has no spaces), the
last shortened with "…" (the whole name in its <title>), and a single word still too wide
is drawn smaller; the height grows with the names.

Right to left (Arabic): the assisting States stand on the right. The text keeps its own
direction (`direction` on the root), so the same `text-anchor` works on both sides: a
name's end touches its column's dot in left-to-right text, and its end (the left) too in
right-to-left text; only the x coordinates are mirrored.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH = 480
FONT_SIZE = 16
MIN_FONT_SIZE = 11  # a single word too wide for its column is drawn smaller, down to this
LINE = 19  # line height of a name
ROW_GAP = 8  # between two names of a column
MARGIN = 10  # around the drawing
LABEL_WIDTH = 150  # of a column of names
DOT_GAP = 7  # between a name and its dot
DOT_RADIUS = 3.5
HEADING_GAP = 14  # between the columns' headings and the first names
MAX_LINES = 3
# Widths of characters, in ems, by kind: measured on the names of the registry in the six
# languages (Noto Sans and Noto Naskh Arabic, chromium), within about 5% on long names;
# the outer margin takes what a wider font adds.
NARROW_CHARACTERS = frozenset("iljtfrIJ'’()-.,:;!|")
WIDE_CHARACTERS = frozenset("mwMWшщжюыШЩЖЮФф")
WIDE_ARABIC = frozenset("سشصض")
TEXT_COLOUR = "#1b1f24"
DOT_COLOUR = "#0b3a5b"
# 0.8 opaque over white: at least 3:1 with the background (WCAG 1.4.11) where a line is
# alone, a little darker where lines cross.
LINK_COLOUR = "#2a6f9e"
LINK_OPACITY = "0.8"
LINK_WIDTH = "1.6"
ILLUSTRATIVE_DASH = "6 4"


@dataclass(frozen=True)
class Node:
    """A name in one of the columns; `key` identifies it in the links."""

    key: int
    name: str


@dataclass(frozen=True)
class Link:
    source: int  # the key of a node of the first column (the assisting State)
    target: int  # the key of a node of the second (the State supported)
    title: str  # its tooltip: "Norway → Zimbabwe: land release"
    dashed: bool = False  # an illustrative example


def _n(value: float) -> str:
    """A coordinate, to a tenth of a unit."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _wide(char: str) -> bool:
    """A Chinese (or other East Asian) character: a full em, and a line can break after."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _em(char: str) -> float:
    if char.isspace():
        return 0.28
    if _wide(char):
        return 1.0
    if char in NARROW_CHARACTERS:
        return 0.33
    if char in WIDE_CHARACTERS:
        return 0.92
    script = unicodedata.name(char, "")
    if script.startswith("ARABIC"):
        return 0.75 if char in WIDE_ARABIC else 0.36  # joined letters are narrow
    if char.isupper():
        return 0.7
    return 0.6 if script.startswith("CYRILLIC") else 0.56


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """An estimate of the width of a line of text, in the drawing's units (the server
    cannot measure it)."""
    return sum(_em(c) for c in text) * size


def _tokens(text: str) -> list[tuple[str, str]]:
    """(separator before, word): words between spaces, each Chinese character a word of
    its own (it can start a line)."""
    tokens = []
    for word in text.split():
        separator = " " if tokens else ""
        if any(_wide(c) for c in word):
            for index, char in enumerate(word):
                tokens.append((separator if index == 0 else "", char))
        else:
            tokens.append((separator, word))
    return tokens


def wrap(
    text: str, width: float = LABEL_WIDTH, max_lines: int = MAX_LINES, size: float = FONT_SIZE
) -> list[str]:
    """The text in lines no wider than `width` where its words allow; at most `max_lines`,
    the last one ending with "…" when the text goes on."""
    tokens = _tokens(text)
    lines: list[str] = []
    starts: list[int] = []  # the token each line starts with
    for index, (separator, word) in enumerate(tokens):
        if lines and text_width(lines[-1] + separator + word, size) <= width:
            lines[-1] += separator + word
        else:
            lines.append(word)
            starts.append(index)
    if len(lines) > max_lines:
        # The rest of the text on the last line, cut to fit with its ellipsis.
        rest = "".join(s + w for s, w in tokens[starts[max_lines - 1] :]).strip()
        while rest and text_width(rest + "…", size) > width:
            rest = rest[:-1]
        lines = [*lines[: max_lines - 1], rest.rstrip() + "…"]
    return lines or [""]


@dataclass
class _Placed:
    node: Node
    lines: list[str]
    font_size: float
    line: float  # the line height
    top: float = 0  # of its block of lines

    @property
    def height(self) -> float:
        return len(self.lines) * self.line

    @property
    def middle(self) -> float:
        return self.top + self.height / 2

    @property
    def shortened(self) -> bool:
        return self.lines[-1].endswith("…") and not self.node.name.endswith("…")


def _placed(node: Node, size: float) -> _Placed:
    lines = wrap(node.name, size=size)
    widest = max(text_width(line, size) for line in lines)
    font_size = size
    if widest > LABEL_WIDTH:
        font_size = max(MIN_FONT_SIZE, size * LABEL_WIDTH / widest)
    return _Placed(node, lines, font_size, size * LINE / FONT_SIZE)


def _natural_height(column: Sequence[_Placed]) -> float:
    return sum(p.height for p in column) + ROW_GAP * max(0, len(column) - 1)


def _spread(column: Sequence[_Placed], top: float, height: float) -> None:
    """Places the column's names from `top` over `height` (the taller column's), the room
    left shared out around each of them."""
    spare = (height - _natural_height(column)) / len(column) if column else 0
    y = top + spare / 2
    for one in column:
        one.top = y
        y += one.height + ROW_GAP + spare


def _text(
    lines: Sequence[str], x: float, top: float, anchor: str, line: float, **attributes
) -> SafeString:
    """Lines of text from `top`, each a <tspan> (SVG 1.1 does not wrap text)."""
    extra = format_html_join("", ' {}="{}"', attributes.items())
    tspans = format_html_join(
        "",
        '<tspan x="{}" y="{}">{}</tspan>',
        ((_n(x), _n(top + (index + 0.78) * line), text) for index, text in enumerate(lines)),
    )
    return format_html('<text text-anchor="{}"{}>{}</text>', anchor, extra, tspans)


def _name(placed: _Placed, x: float, dot_x: float, anchor: str, size: float) -> SafeString:
    attributes = {}
    if placed.font_size != size:
        attributes["font-size"] = _n(placed.font_size)
    label = _text(placed.lines, x, placed.top, anchor, placed.line, **attributes)
    if placed.shortened:  # the whole name where the drawing shows only its beginning
        label = format_html("<g><title>{}</title>{}</g>", placed.node.name, label)
    return format_html(
        '{}<circle cx="{}" cy="{}" r="{}" fill="{}"/>',
        label,
        _n(dot_x),
        _n(placed.middle),
        DOT_RADIUS,
        DOT_COLOUR,
    )


def bipartite(
    *,
    uid: str,
    title: str,
    desc: str,
    headings: tuple[str, str],
    sources: Sequence[Node],
    targets: Sequence[Node],
    links: Sequence[Link],
    rtl: bool = False,
    size: float = FONT_SIZE,
) -> SafeString:
    """Two columns of names, `sources` (the assisting States) before `targets` (the States
    they support) in the reading direction, and a curve from one to the other for each
    link, with its title. Each source's curves are grouped with its name, so that pointing
    at one highlights them all (CSS). `size`: of the text (a script whose letters look
    small at the same size, Arabic, is given more)."""
    inner = MARGIN + LABEL_WIDTH + DOT_GAP  # the first column's dots, from its edge

    def x(value: float) -> float:
        """Left-to-right coordinates, mirrored for right-to-left text."""
        return WIDTH - value if rtl else value

    source_dot, target_dot = x(inner), x(WIDTH - inner)
    source_text, target_text = x(inner - DOT_GAP), x(WIDTH - inner + DOT_GAP)

    line = size * LINE / FONT_SIZE
    heading_lines = [wrap(heading, max_lines=2, size=size) for heading in headings]
    heading_height = max(len(lines) for lines in heading_lines) * line
    top = MARGIN + heading_height + HEADING_GAP
    left = [_placed(node, size) for node in sources]
    right = [_placed(node, size) for node in targets]
    body = max(_natural_height(left), _natural_height(right), line)
    _spread(left, top, body)
    _spread(right, top, body)
    height = top + body + MARGIN
    target_y = {p.node.key: p.middle for p in right}

    parts = [
        format_html(
            '<svg class="whw-diagram__drawing" viewBox="0 0 {} {}" width="100%" role="img" '
            'aria-labelledby="{}-title" aria-describedby="{}-desc" '
            'xmlns="http://www.w3.org/2000/svg" font-size="{}" fill="{}" direction="{}">',
            WIDTH,
            _n(height),
            uid,
            uid,
            _n(size),
            TEXT_COLOUR,
            "rtl" if rtl else "ltr",
        ),
        format_html(
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>', uid, title, uid, desc
        ),
        _text(heading_lines[0], source_text, MARGIN, "end", line, **{"font-weight": "700"}),
        _text(heading_lines[1], target_text, MARGIN, "start", line, **{"font-weight": "700"}),
    ]
    by_source: dict[int, list[Link]] = {}
    for link in links:
        by_source.setdefault(link.source, []).append(link)
    middle = WIDTH / 2
    for placed in left:
        curves = []
        y1 = placed.middle
        for link in by_source.get(placed.node.key, []):
            y2 = target_y.get(link.target)
            if y2 is None:
                continue
            curves.append(
                format_html(
                    '<path class="whw-diagram__link" d="M{} {}C{} {} {} {} {} {}" fill="none" '
                    'stroke="{}" stroke-opacity="{}" stroke-width="{}"{}><title>{}</title></path>',
                    _n(source_dot),
                    _n(y1),
                    _n(middle),
                    _n(y1),
                    _n(middle),
                    _n(y2),
                    _n(target_dot),
                    _n(y2),
                    LINK_COLOUR,
                    LINK_OPACITY,
                    LINK_WIDTH,
                    format_html(' stroke-dasharray="{}"', ILLUSTRATIVE_DASH) if link.dashed else "",
                    link.title,
                )
            )
        parts.append(
            format_html(
                '<g class="whw-diagram__source">{}{}</g>',
                mark_safe("".join(curves)),  # noqa: S308 - each curve escaped above
                _name(placed, source_text, source_dot, "end", size),
            )
        )
    parts.append(
        format_html(
            "<g>{}</g>",
            mark_safe("".join(_name(p, target_text, target_dot, "start", size) for p in right)),  # noqa: S308
        )
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped
