"""The tables of reporting/tables.py written out, each streamed a chunk of rows at a time:
CSV and JSON, and XLSX (one sheet per table), written here as its ZIP of XML parts grows,
so that its first bytes leave at once and memory stays the same whatever the rows.

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before
one) as a formula: every text cell that starts so is written with a leading apostrophe,
in CSV and in XLSX, where text is also written as text whatever it looks like (an inline
string: never a formula or an error code). Numbers, dates and booleans are written as
such, so a negative number stays a number. JSON is not opened by spreadsheets: its text
is left as it is.

The CSV follows the registry's open data (registry/views.py): UTF-8 without a byte-order
mark, a header line of the columns' names, an empty cell for nothing; booleans are
"true" and "false", dates ISO 8601.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import re
import zipfile
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import IO

from django.utils import timezone

from .tables import Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows written into one chunk of a streamed response.
CHUNK_ROWS = 500
# What XML 1.0 (and so XLSX) cannot hold: control characters other than tab, LF and CR,
# U+FFFE and U+FFFF, and halves of surrogate pairs.
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
XLSX_MAX_TEXT = 32767  # characters in a cell


def neutralised(text: str) -> str:
    """Text a spreadsheet will not run as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return neutralised(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)  # int, Decimal


class _Line:
    """csv.writer's file: hands back what it is given."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(table: Table, rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Line())
    chunk = [writer.writerow(table.header)]
    for row in rows:
        chunk.append(writer.writerow([csv_value(value) for value in row]))
        if len(chunk) >= CHUNK_ROWS:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def json_value(value) -> str:
    if isinstance(value, Decimal):
        return str(value)  # a JSON number, to the digit
    if isinstance(value, dt.date):
        return f'"{value.isoformat()}"'
    return json.dumps(value, ensure_ascii=False)


def json_chunks(table: Table, rows: Iterable[list], meta: dict) -> Iterator[str]:
    """{…meta, "table": …, "columns": [{name, type, description}], "rows": [{…}, …]}, the
    rows written as they are read."""
    columns = [
        {"name": c.name, "type": c.kind, "description": str(c.description)}
        | ({"codes": [code for code, _label in c.codes]} if c.codes else {})
        for c in table.columns
    ]
    head = {**meta, "table": table.name, "columns": columns}
    opening = json.dumps(head, ensure_ascii=False, indent=1)[:-2]  # without "\n}"
    keys = [json.dumps(name) + ": " for name in table.header]
    chunk, separator = [opening + ',\n "rows": ['], "\n  "
    for row in rows:
        fields = ", ".join(k + json_value(v) for k, v in zip(keys, row, strict=True))
        chunk.append(separator + "{" + fields + "}")
        separator = ",\n  "
        if len(chunk) >= CHUNK_ROWS:
            yield "".join(chunk)
            chunk = []
    chunk.append("\n ]\n}\n")
    yield "".join(chunk)


# --- XLSX ---------------------------------------------------------------------------------------
#
# An XLSX is a ZIP of XML parts. It is written here part after part into a ZIP that is never
# seeked back into (zipfile then follows each part with a data descriptor), and handed out
# as it grows: the small parts first (the sheets' names are known from the tables), then
# each sheet a chunk of rows at a time. Nothing is held but a chunk of rows and zlib's
# window, however many rows there are.
#
# No part is written in ZIP64 (zipfile's force_zip64): Excel refuses a workbook whose
# small parts are ZIP64 (zlib-ng/minizip-ng#894, duckdb/duckdb-excel#64). So a sheet must
# stay under 2 GiB of XML (zipfile fails at the sheet's end otherwise, and the download is
# cut), some 30 times the largest sheet of 165 States × 25 years (68 MB of XML, 99,000
# rows); Excel itself shows at most 1,048,576 rows of a sheet.

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Characters Excel does not allow in a sheet's name, and its length at most.
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31
# Excel's day 0 (its 1900 date system, from 1 March 1900 on).
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
EXCEL_FIRST_DATE = dt.date(1900, 3, 1)
# Cell styles (styles.xml's cellXfs): a date, a date and time, a column's name (bold).
DATE_STYLE, DATETIME_STYLE, HEADER_STYLE = 1, 2, 3

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_STYLES = (
    f'{_XML_DECLARATION}<styleSheet xmlns="{_MAIN_NS}">'
    # ISO dates, the same in every reader's locale (as in the CSV and JSON).
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    "</cellStyleXfs>"
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def xlsx_text(text: str) -> str:
    """Text as an XLSX cell can hold it, neutralised."""
    return neutralised(ILLEGAL_XML.sub("", text))[:XLSX_MAX_TEXT]


def sheet_names(names: Iterable[str]) -> list[str]:
    """Names Excel takes for sheets: without []:*?/\\ or a leading or trailing
    apostrophe, at most 31 characters, none twice (Excel compares them case-blind) and
    none "History" (Excel's own)."""
    taken, named = {"history"}, []
    for name in names:
        base = SHEET_NAME_FORBIDDEN.sub("", ILLEGAL_XML.sub("", name)).strip("'") or "sheet"
        candidate, n = base[:SHEET_NAME_MAX], 1
        while candidate.casefold() in taken:
            n += 1
            suffix = f" ({n})"
            candidate = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        taken.add(candidate.casefold())
        named.append(candidate)
    return named


def _column_letters(count: int) -> list[str]:
    letters = []
    for index in range(1, count + 1):
        name = ""
        while index:
            index, remainder = divmod(index - 1, 26)
            name = chr(65 + remainder) + name
        letters.append(name)
    return letters


def _text_cell(ref: str, text: str, style: str = "") -> str:
    text = xlsx_text(text).translate(_XML_ESCAPES)
    return f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _cell(ref: str, value) -> str:
    """A cell's XML: text as text (an inline string, never a formula), a number as a
    number, a date as Excel's day number shown as a date; "" for nothing."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _text_cell(ref, value)
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, Decimal) and value.is_finite():
        return f'<c r="{ref}"><v>{value:f}</v></c>'
    if isinstance(value, float) and math.isfinite(value):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = timezone.localtime(value).replace(tzinfo=None)
        if value.date() >= EXCEL_FIRST_DATE:
            days = (value - EXCEL_EPOCH) / dt.timedelta(days=1)
            return f'<c r="{ref}" s="{DATETIME_STYLE}"><v>{days!r}</v></c>'
    elif isinstance(value, dt.date) and value >= EXCEL_FIRST_DATE:
        days = (value - EXCEL_EPOCH.date()).days
        return f'<c r="{ref}" s="{DATE_STYLE}"><v>{days}</v></c>'
    if isinstance(value, dt.date):
        return _text_cell(ref, value.isoformat())  # before Excel's dates
    return _text_cell(ref, str(value))


class _Sink:
    """The ZIP's file: keeps what is written until it is taken (no tell or seek, so that
    zipfile writes straight on)."""

    def __init__(self) -> None:
        self.buffer = bytearray()

    def write(self, data) -> int:
        self.buffer += data
        return len(data)

    def flush(self) -> None:
        pass

    def take(self) -> bytes:
        data = bytes(self.buffer)
        self.buffer.clear()
        return data


def _package(names: list[str]) -> list[tuple[str, str]]:
    """The workbook's parts other than its sheets: (path, XML)."""
    sheets = range(1, len(names) + 1)
    content_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in sheets
    )
    workbook_sheets = "".join(
        f'<sheet name="{name.translate(_ATTRIBUTE_ESCAPES)}" sheetId="{n}" r:id="rId{n}"/>'
        for n, name in zip(sheets, names, strict=True)
    )
    relationships = "".join(
        f'<Relationship Id="rId{n}" Type="{_REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in sheets
    )
    return [
        (
            "[Content_Types].xml",
            f"{_XML_DECLARATION}<Types "
            'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{content_types}</Types>",
        ),
        (
            "_rels/.rels",
            f'{_XML_DECLARATION}<Relationships xmlns="{_PACKAGE_REL_NS}">'
            f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        ),
        (
            "xl/workbook.xml",
            f'{_XML_DECLARATION}<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
            f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{workbook_sheets}'
            "</sheets></workbook>",
        ),
        (
            "xl/_rels/workbook.xml.rels",
            f'{_XML_DECLARATION}<Relationships xmlns="{_PACKAGE_REL_NS}">{relationships}'
            f'<Relationship Id="rId{len(names) + 1}" Type="{_REL_NS}/styles" '
            'Target="styles.xml"/></Relationships>',
        ),
        ("xl/styles.xml", _STYLES),
    ]


def _entry(path: str) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(path, date_time=timezone.localtime().timetuple()[:6])
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


def _sheet(
    archive: zipfile.ZipFile,
    sink: _Sink,
    number: int,
    header: list[str],
    rows: Iterable[list],
    *,
    frozen: bool,
) -> Iterator[bytes]:
    """Writes sheet `number` (its header row in bold, then `rows`), handing out what the
    ZIP holds after each chunk of rows."""
    letters = _column_letters(len(header))
    selected = ' tabSelected="1"' if number == 1 else ""
    pane = (
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        if frozen
        else ""
    )
    bold = f' s="{HEADER_STYLE}"'
    head = "".join(_text_cell(f"{c}1", name, bold) for c, name in zip(letters, header, strict=True))
    with archive.open(_entry(f"xl/worksheets/sheet{number}.xml"), "w") as part:
        chunk = [
            f'{_XML_DECLARATION}<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
            f'<sheetViews><sheetView{selected} workbookViewId="0">{pane}</sheetView>'
            f'</sheetViews><sheetData><row r="1">{head}</row>'
        ]
        for r, row in enumerate(rows, start=2):
            cells = "".join(_cell(f"{c}{r}", value) for c, value in zip(letters, row, strict=True))
            chunk.append(f'<row r="{r}">{cells}</row>')
            if len(chunk) >= CHUNK_ROWS:
                part.write("".join(chunk).encode())
                chunk = []
                if sink.buffer:
                    yield sink.take()
        chunk.append("</sheetData></worksheet>")
        part.write("".join(chunk).encode())
    yield sink.take()


def xlsx_chunks(sheets: Iterable[tuple[Table, Iterable[list]]]) -> Iterator[bytes]:
    """An XLSX of one sheet per table, after a first sheet ("columns") naming each
    table's columns, as the bytes to send: the first at once, then more after each chunk
    of rows (a table's rows are read as they are written)."""
    sheets = list(sheets)
    names = sheet_names(["columns", *(table.name for table, _rows in sheets)])
    about = (
        [table.name, column.name, column.kind, str(column.description)]
        for table, _rows in sheets
        for column in table.columns
    )
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, xml in _package(names):
            archive.writestr(_entry(path), xml)
        yield sink.take()
        header = ["table", "column", "type", "description"]
        yield from _sheet(archive, sink, 1, header, about, frozen=False)
        for number, (table, rows) in enumerate(sheets, start=2):
            yield from _sheet(archive, sink, number, table.header, rows, frozen=True)
    yield sink.take()  # the ZIP's central directory


def write_xlsx(target: IO[bytes], sheets: Iterable[tuple[Table, Iterable[list]]]) -> int:
    """The XLSX of xlsx_chunks written into `target` (a binary file). Returns the number
    of rows written (the columns sheet's not counted)."""
    written = 0

    def counted(rows: Iterable[list]) -> Iterator[list]:
        nonlocal written
        for row in rows:
            written += 1
            yield row

    for chunk in xlsx_chunks((table, counted(rows)) for table, rows in sheets):
        target.write(chunk)
    return written
