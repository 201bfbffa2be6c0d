"""The status of implementation from the seed files: Article 5 (clearance status and
deadlines), Article 4 (stockpile destruction), Article 3 (mines retained) and the Article 7
reports recorded, each fact with its public source in the file (see data/SOURCES.md).

Read and checked before anything is written (`read_implementation`); applied per State
inside the registry loader's transaction (`apply_implementation`). As for the depositary
facts, a value the ISU corrected since it was loaded is kept: `StateParty.loaded_values`
remembers what was loaded last, field by field, and for the deadlines and the reports as a
whole list per State. "unknown" in a file is a fact too (nothing could be found): it is
loaded as "Not recorded", never guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .loader_io import RegistryDataError, parse_date, read_rows
from .models import (
    Article5Deadline,
    ClearanceStatus,
    StateParty,
    StockpileStatus,
)

ARTICLE5_FILE = "article5_status.csv"
DEADLINES_FILE = "article5_deadlines.csv"
ARTICLE4_FILE = "article4_status.csv"
RETAINED_FILE = "article3_retained.csv"
REPORTS_FILE = "article7_reports.csv"

ARTICLE5_COLUMNS = ("iso3", "clearance_status", "completed_on", "source", "consulted", "note")
DEADLINES_COLUMNS = (
    "iso3",
    "kind",
    "deadline",
    "granted_on",
    "decision_reference",
    "source",
    "consulted",
)
ARTICLE4_COLUMNS = (
    "iso3",
    "stockpile_status",
    "completed_on",
    "deadline",
    "source",
    "consulted",
    "note",
)
RETAINED_COLUMNS = ("iso3", "mines_retained", "year", "source", "consulted", "note")
REPORTS_COLUMNS = ("iso3", "year", "submitted_on", "url", "source", "consulted")

# Keys of StateParty.loaded_values for the lists loaded as a whole.
DEADLINES_KEY = "article5_deadlines"
REPORTS_KEY = "article7_reports"


@dataclass
class Facts:
    """What the files say of one State's implementation."""

    values: dict = field(default_factory=dict)  # StateParty fields
    deadlines: list[dict] = field(default_factory=list)
    reports: list[dict] = field(default_factory=list)


def _check_source(row: dict, path: Path, line: int, needed: bool) -> None:
    # A source is a URL, or (an original deadline) the rule it was computed by.
    if needed and not (row["source"] and row["consulted"]):
        raise RegistryDataError(path, line, "a known fact needs its source and date consulted")
    parse_date(row["consulted"], path, line, "consulted")


def _state(row: dict, known: set[str], path: Path, line: int) -> str:
    iso3 = row["iso3"]
    if iso3 not in known:
        raise RegistryDataError(path, line, f"{iso3!r} is not a State in states_parties.csv")
    return iso3


def _once(seen: dict[str, int], iso3: str, path: Path, line: int) -> None:
    if iso3 in seen:
        raise RegistryDataError(path, line, f"duplicate row for {iso3} (line {seen[iso3]})")
    seen[iso3] = line


def _number(value: str, path: Path, line: int, column: str) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise RegistryDataError(path, line, f"{column} {value!r} is not a whole number")
    return int(value)


def read_implementation(data_dir: Path, known: set[str]) -> dict[str, Facts]:
    """Every State's facts, checked; a file that is not there is not loaded."""
    facts: dict[str, Facts] = {}

    def of(iso3: str) -> Facts:
        return facts.setdefault(iso3, Facts())

    path = data_dir / ARTICLE5_FILE
    seen: dict[str, int] = {}
    for line, row in read_rows(path, ARTICLE5_COLUMNS) if path.exists() else ():
        iso3 = _state(row, known, path, line)
        _once(seen, iso3, path, line)
        status = row["clearance_status"]
        if status not in ClearanceStatus.values:
            raise RegistryDataError(path, line, f"unknown clearance_status {status!r}")
        _check_source(row, path, line, needed=status != ClearanceStatus.UNKNOWN)
        completed = parse_date(row["completed_on"], path, line, "completed_on")
        if completed and status != ClearanceStatus.COMPLETED:
            raise RegistryDataError(path, line, "completed_on given for a status not completed")
        of(iso3).values.update(clearance_status=status, clearance_completed_on=completed)

    path = data_dir / DEADLINES_FILE
    for line, row in read_rows(path, DEADLINES_COLUMNS) if path.exists() else ():
        iso3 = _state(row, known, path, line)
        if row["kind"] not in Article5Deadline.Kind.values:
            raise RegistryDataError(path, line, f"unknown kind {row['kind']!r}")
        _check_source(row, path, line, needed=True)
        deadline = dt.date.fromisoformat(row["deadline"]) if row["deadline"] else None
        if deadline is None:
            raise RegistryDataError(path, line, "no deadline")
        granted = parse_date(row["granted_on"], path, line, "granted_on")
        if granted and granted > deadline:
            raise RegistryDataError(path, line, "an extension is granted before it ends")
        of(iso3).deadlines.append(
            {
                "kind": row["kind"],
                "deadline": deadline.isoformat(),
                "granted_on": granted.isoformat() if granted else None,
                "decision_reference": row["decision_reference"][:100],
            }
        )

    path = data_dir / ARTICLE4_FILE
    seen = {}
    for line, row in read_rows(path, ARTICLE4_COLUMNS) if path.exists() else ():
        iso3 = _state(row, known, path, line)
        _once(seen, iso3, path, line)
        status = row["stockpile_status"]
        if status not in StockpileStatus.values:
            raise RegistryDataError(path, line, f"unknown stockpile_status {status!r}")
        _check_source(row, path, line, needed=status != StockpileStatus.UNKNOWN)
        # A deadline may lie ahead: read it without the "not in the future" check.
        try:
            deadline = dt.date.fromisoformat(row["deadline"]) if row["deadline"] else None
        except ValueError:
            raise RegistryDataError(
                path, line, f"impossible deadline {row['deadline']!r}"
            ) from None
        of(iso3).values.update(
            stockpile_status=status,
            stockpile_completed_on=parse_date(row["completed_on"], path, line, "completed_on"),
            stockpile_deadline=deadline,
        )

    path = data_dir / RETAINED_FILE
    seen = {}
    for line, row in read_rows(path, RETAINED_COLUMNS) if path.exists() else ():
        iso3 = _state(row, known, path, line)
        _once(seen, iso3, path, line)
        _check_source(row, path, line, needed=True)
        year = _number(row["year"], path, line, "year")
        if year is None or not 1997 <= year <= dt.date.today().year:
            raise RegistryDataError(path, line, f"year {row['year']!r} out of range")
        of(iso3).values.update(
            mines_retained=_number(row["mines_retained"], path, line, "mines_retained"),
            mines_retained_year=year,
        )

    path = data_dir / REPORTS_FILE
    years: dict[tuple[str, int], int] = {}
    for line, row in read_rows(path, REPORTS_COLUMNS) if path.exists() else ():
        iso3 = _state(row, known, path, line)
        _check_source(row, path, line, needed=True)
        year = _number(row["year"], path, line, "year")
        if year is None or not 1998 <= year < dt.date.today().year:
            raise RegistryDataError(path, line, f"year {row['year']!r} out of range")
        if (iso3, year) in years:
            raise RegistryDataError(path, line, f"duplicate report {iso3} {year}")
        years[iso3, year] = line
        submitted = parse_date(row["submitted_on"], path, line, "submitted_on")
        # Without a link of its own, the report's record points to the list it is on.
        url = row["url"] or row["source"]
        of(iso3).reports.append(
            {"year": year, "submitted_on": submitted.isoformat() if submitted else None, "url": url}
        )
    return facts


# The lists loaded as a whole per State: (what the report calls it, key in loaded_values,
# Facts attribute, related name, the fields a row holds, the field it is ordered by).
LISTS = (
    (
        "Article 5 deadlines",
        DEADLINES_KEY,
        "deadlines",
        "clearance_deadlines",
        ("kind", "deadline", "granted_on", "decision_reference"),
        "deadline",
    ),
    (
        "Article 7 reports",
        REPORTS_KEY,
        "reports",
        "article7_reports",
        ("year", "submitted_on", "url"),
        "year",
    ),
)


def _as_json(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def sync_lists(state: StateParty, facts: Facts, loaded: dict) -> tuple[list[str], list[str]]:
    """Replace each of the State's lists (deadlines, recorded reports) with the files' when
    it is still what was loaded last (or empty); keep it when the ISU changed it."""
    changed, kept = [], []
    for label, key, attribute, related, fields, order in LISTS:
        wanted = sorted(getattr(facts, attribute), key=lambda row, order=order: row[order])
        manager = getattr(state, related)
        current = [
            {name: _as_json(getattr(item, name)) for name in fields}
            for item in manager.order_by(order, "pk")
        ]
        if current == wanted:
            continue
        if current != loaded.get(key, []):
            kept.append(label)
            continue
        manager.all().delete()
        # One save each, not bulk_create: the publishing receivers hear of it and the
        # pages showing the registry are refreshed after the commit.
        model = manager.model
        for row in wanted:
            values = {name: model._meta.get_field(name).to_python(row[name]) for name in fields}
            model.objects.create(state=state, **values)
        changed.append(label)
    return changed, kept


def loaded_lists(facts: Facts) -> dict:
    return {
        key: sorted(getattr(facts, attribute), key=lambda row, order=order: row[order])
        for _label, key, attribute, _related, _fields, order in LISTS
    }
