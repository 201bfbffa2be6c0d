"""An iCalendar (RFC 5545) writer for the events' feed, by hand: the few properties a
calendar of whole-day events needs, with the RFC's text escaping (§3.3.11), line folding
at 75 octets (§3.1) and CRLF line endings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

CRLF = "\r\n"
LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """A TEXT value (§3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded so that no line is longer than 75 octets (§3.1): each
    continuation starts with a space, and a UTF-8 sequence is never split."""
    parts: list[str] = []
    current, size, limit = [], 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            # The continuation's leading space counts in its 75 octets.
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(char)
        size += octets
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def date_value(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def utc_value(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(properties: Iterable[tuple[str, str]], events: Iterable[list[tuple[str, str]]]) -> str:
    """The calendar: its own (name, already-formatted value) properties, then one VEVENT
    per list of properties. Names may carry parameters ("DTSTART;VALUE=DATE")."""
    lines = ["BEGIN:VCALENDAR", *(f"{name}:{value}" for name, value in properties)]
    for event in events:
        lines.append("BEGIN:VEVENT")
        lines.extend(f"{name}:{value}" for name, value in event)
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
