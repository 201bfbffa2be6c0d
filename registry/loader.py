"""Load the State Party registry from the seed CSV files in registry/data/.

Everything is validated before anything is written, and the writes happen in one
transaction: bad input changes nothing. Re-running with the same files changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import gettext
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from django.db import transaction
from django.utils import timezone

from .models import (
    NAME_LANGUAGES,
    OPENED_FOR_SIGNATURE,
    AdherenceMethod,
    MembershipEvent,
    Region,
    StateParty,
    entry_into_force_for,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
STATES_FILE = DATA_DIR / "states_parties.csv"
CHANGES_FILE = DATA_DIR / "membership_changes.csv"
REGIONS_FILE = DATA_DIR / "un_m49_regions.csv"
NAMES_FILE = DATA_DIR / "un_name_overrides.csv"

STATES_COLUMNS = ("name_en", "iso3", "iso2", "signed", "deposited", "method", "source")
CHANGES_COLUMNS = ("name_en", "iso3", "event", "date", "source")
REGIONS_COLUMNS = ("iso3", "region", "subregion")
NAMES_COLUMNS = ("iso3", "language", "name")

# Events of membership_changes.csv that record a deposit: "<method>_deposited".
DEPOSIT_EVENTS = {f"{method}_deposited": method for method in AdherenceMethod.values}
ENTRY_INTO_FORCE_EVENT = "entry_into_force"
# pycountry's gettext domains use zh_CN for simplified Chinese.
PYCOUNTRY_LOCALES = {"fr": "fr", "es": "es", "ar": "ar", "ru": "ru", "zh_hans": "zh_CN"}


class RegistryDataError(Exception):
    """A problem in an input file, located by file and line."""

    def __init__(self, path: Path, line: int | None, problem: str):
        self.path, self.line, self.problem = path, line, problem
        where = f"{path.name}, line {line}" if line else path.name
        super().__init__(f"{where}: {problem}")


@dataclass
class StateRecord:
    """Everything the files say about one State, before it is written."""

    iso3: str
    iso2: str
    depositary_name: str
    line: int
    path: Path
    signed: dt.date | None = None
    deposited: dt.date | None = None
    method: str = ""
    source: str = ""
    events: list[tuple[str, dt.date, str]] = field(default_factory=list)


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


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


def country(iso3: str, path: Path, line: int, iso2: str | None = None):
    match = pycountry.countries.get(alpha_3=iso3)
    if match is None:
        raise RegistryDataError(path, line, f"unknown ISO 3166 alpha-3 code {iso3!r}")
    if iso2 is not None and match.alpha_2 != iso2:
        raise RegistryDataError(
            path, line, f"ISO codes {iso3!r} and {iso2!r} do not name the same country"
        )
    return match


def check_deposit(record: StateRecord, path: Path, line: int) -> None:
    if record.signed and record.signed < OPENED_FOR_SIGNATURE:
        raise RegistryDataError(
            path, line, f"signature {record.signed} precedes the opening for signature (1997-12-03)"
        )
    if record.signed and record.deposited and record.deposited < record.signed:
        raise RegistryDataError(
            path, line, f"deposit {record.deposited} precedes signature {record.signed}"
        )
    if record.deposited and record.deposited < OPENED_FOR_SIGNATURE:
        raise RegistryDataError(
            path, line, f"deposit {record.deposited} precedes the opening for signature"
        )


def read_states(path: Path) -> dict[str, StateRecord]:
    records: dict[str, StateRecord] = {}
    for line, row in read_rows(path, STATES_COLUMNS):
        iso3, iso2 = row["iso3"], row["iso2"]
        country(iso3, path, line, iso2)
        if iso3 in records:
            raise RegistryDataError(
                path, line, f"duplicate row for {iso3} (first on line {records[iso3].line})"
            )
        method = row["method"]
        if method not in AdherenceMethod.values:
            raise RegistryDataError(path, line, f"unknown method {method!r}")
        record = StateRecord(
            iso3=iso3,
            iso2=iso2,
            depositary_name=row["name_en"],
            line=line,
            path=path,
            signed=parse_date(row["signed"], path, line, "signed"),
            deposited=parse_date(row["deposited"], path, line, "deposited"),
            method=method,
            source=row["source"],
        )
        if record.deposited is None:
            raise RegistryDataError(path, line, "no deposit date")
        check_deposit(record, path, line)
        records[iso3] = record
    return records


def apply_changes(path: Path, records: dict[str, StateRecord]) -> None:
    seen: dict[tuple[str, str, dt.date], int] = {}
    eif_checks: list[tuple[int, str, dt.date]] = []
    for line, row in read_rows(path, CHANGES_COLUMNS):
        iso3, event = row["iso3"], row["event"]
        match = country(iso3, path, line)
        date = parse_date(row["date"], path, line, "date")
        if date is None:
            raise RegistryDataError(path, line, "no date")
        key = (iso3, event, date)
        if key in seen:
            raise RegistryDataError(path, line, f"duplicate row (same as line {seen[key]})")
        seen[key] = line

        if event in DEPOSIT_EVENTS:
            record = records.get(iso3)
            if record is None:
                record = records[iso3] = StateRecord(
                    iso3=iso3,
                    iso2=match.alpha_2,
                    depositary_name=row["name_en"],
                    line=line,
                    path=path,
                )
            elif record.deposited and record.deposited != date:
                raise RegistryDataError(
                    path,
                    line,
                    f"{iso3} already deposited on {record.deposited} "
                    f"({record.path.name}, line {record.line})",
                )
            record.deposited, record.method = date, DEPOSIT_EVENTS[event]
            record.source = row["source"]
            check_deposit(record, path, line)
        elif event == ENTRY_INTO_FORCE_EVENT:
            eif_checks.append((line, iso3, date))
        elif event in MembershipEvent.Kind.values:
            if iso3 not in records:
                raise RegistryDataError(path, line, f"{iso3} has no deposit on record")
            records[iso3].events.append((event, date, row["source"]))
        else:
            raise RegistryDataError(path, line, f"unknown event {event!r}")

    # Checked last so that a deposit listed after its entry into force still counts.
    for line, iso3, date in eif_checks:
        record = records.get(iso3)
        expected = entry_into_force_for(record.deposited if record else None)
        if expected is None:
            raise RegistryDataError(path, line, f"{iso3} has no deposit on record")
        if expected != date:
            raise RegistryDataError(
                path,
                line,
                f"entry into force {date} contradicts Article 17: deposit on "
                f"{record.deposited} gives {expected}",
            )


def read_regions(path: Path) -> dict[str, tuple[str, str]]:
    regions = {}
    for line, row in read_rows(path, REGIONS_COLUMNS):
        if row["region"] not in Region.values:
            raise RegistryDataError(path, line, f"unknown region {row['region']!r}")
        regions[row["iso3"]] = (row["region"], row["subregion"])
    return regions


def read_name_overrides(path: Path) -> dict[tuple[str, str], str]:
    overrides: dict[tuple[str, str], str] = {}
    if not path.exists():
        return overrides
    for line, row in read_rows(path, NAMES_COLUMNS):
        language = row["language"].replace("-", "_")
        if language not in NAME_LANGUAGES:
            raise RegistryDataError(path, line, f"unknown language {row['language']!r}")
        country(row["iso3"], path, line)
        if not row["name"]:
            raise RegistryDataError(path, line, "empty name")
        overrides[(row["iso3"], language)] = row["name"]
    return overrides


def localised_names(iso3: str, overrides: dict[tuple[str, str], str]) -> dict[str, str]:
    """pycountry's ISO names and translations, corrected by the UN-style overrides."""
    match = pycountry.countries.get(alpha_3=iso3)
    base = getattr(match, "common_name", None) or match.name
    names = {"name_en": overrides.get((iso3, "en"), base)}
    for language in NAME_LANGUAGES[1:]:
        translation = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[PYCOUNTRY_LOCALES[language]]
        )
        names[f"name_{language}"] = overrides.get((iso3, language), translation.gettext(match.name))
    return names


def sync_events(state: StateParty, events: list[tuple[str, dt.date, str]]) -> bool:
    """Create or correct the State's events from the files; never delete one the ISU
    added. Returns whether anything changed."""
    changed = False
    for kind, date, source in events:
        event, created = MembershipEvent.objects.get_or_create(
            state=state, kind=kind, date=date, defaults={"source": source}
        )
        if created:
            changed = True
        elif event.source != source:
            event.source = source
            event.save(update_fields=["source"])
            changed = True
    return changed


def load_registry(
    states_path: Path = STATES_FILE,
    changes_path: Path = CHANGES_FILE,
    regions_path: Path = REGIONS_FILE,
    names_path: Path = NAMES_FILE,
) -> LoadReport:
    records = read_states(states_path)
    apply_changes(changes_path, records)
    regions = read_regions(regions_path)
    overrides = read_name_overrides(names_path)
    for record in records.values():
        if record.iso3 not in regions:
            raise RegistryDataError(regions_path, None, f"no region for {record.iso3}")

    report = LoadReport()
    existing = {state.iso3: state for state in StateParty.objects.all()}
    with transaction.atomic():
        for iso3, record in sorted(records.items()):
            region, subregion = regions[iso3]
            values = {
                "iso2": record.iso2,
                "depositary_name": record.depositary_name,
                "region": region,
                "subregion": subregion,
                "signed": record.signed,
                "deposited": record.deposited,
                "method": record.method,
                "source": record.source,
                **localised_names(iso3, overrides),
            }
            state = existing.get(iso3)
            if state is None:
                state = StateParty.objects.create(iso3=iso3, **values)
                changed = ["created"]
            else:
                changed = [name for name, value in values.items() if getattr(state, name) != value]
                if changed:
                    for name in changed:
                        setattr(state, name, values[name])
                    state.save(update_fields=changed)
            if sync_events(state, record.events):
                changed.append("membership events")
            if not changed:
                report.unchanged.append(iso3)
            elif changed[0] == "created":
                report.created.append(iso3)
            else:
                report.updated.append(f"{iso3} ({', '.join(changed)})")
    return report
