"""Reading the registry's seed files: rows checked against their columns, dates, and the
error that names the file and line of a problem."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from django.utils import timezone


class RegistryDataError(Exception):
    """A problem in an input file, located by file and line."""

    def __init__(self, path: Path, line: int | None, problem: str):
        self.path, self.line, self.problem = path, line, problem
        where = f"{path.name}, line {line}" if line else path.name
        super().__init__(f"{where}: {problem}")


def read_rows(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    if not path.exists():
        raise RegistryDataError(path, None, "file not found")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in columns if column not in (reader.fieldnames or [])]
        if missing:
            raise RegistryDataError(path, 1, f"missing column(s): {', '.join(missing)}")
        for row in reader:
            # reader.line_num is the physical line just read, so quoted newlines count right.
            if None in row or any(row.get(column) is None for column in columns):
                raise RegistryDataError(path, reader.line_num, "wrong number of fields")
            yield reader.line_num, {key: (value or "").strip() for key, value in row.items()}


def parse_date(value: str, path: Path, line: int, column: str) -> dt.date | None:
    if not value:
        return None
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise RegistryDataError(
            path, line, f"impossible date {value!r} in column {column!r} (expected YYYY-MM-DD)"
        ) from None
    if date > timezone.localdate():
        raise RegistryDataError(path, line, f"date {value} in column {column!r} is in the future")
    return date
