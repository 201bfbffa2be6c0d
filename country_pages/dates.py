"""French writes the first day of a month as an ordinal: "1er mars 2026", not "1 mars".

Django's French formats ("j F Y", "j F") have no way to say so (its "S" suffix is English),
so the formatting of a date with a day and a month name adds "er" on the first day while
French is active. Numeric formats ("d/m/Y") are left alone."""

from __future__ import annotations

from django.utils import dateformat
from django.utils.translation import get_language

FIRST_DAY_FORMATS = ("j F", "j E", "j N")

_original_format = dateformat.DateFormat.format


def _format(self, formatstr):
    if (
        getattr(self.data, "day", None) == 1
        and (get_language() or "").startswith("fr")
        and any(part in str(formatstr) for part in FIRST_DAY_FORMATS)
    ):
        formatstr = str(formatstr)
        for part in FIRST_DAY_FORMATS:
            formatstr = formatstr.replace(part, part[0] + r"\e\r " + part[-1])
    return _original_format(self, formatstr)


def install() -> None:
    if dateformat.DateFormat.format is not _format:
        dateformat.DateFormat.format = _format
