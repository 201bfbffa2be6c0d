"""Load the State Party registry from the seed CSV files in registry/data/.

Everything is validated before anything is written, and the writes happen in one
transaction: bad input changes nothing. Re-running with the same files changes nothing.
"""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from django.db import transaction

from .implementation_loader import Facts, loaded_lists, read_implementation, sync_lists
from .loader_io import RegistryDataError, parse_date, read_rows
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
# pycountry's gettext domain for a name language, where it is not the same: zh_CN for
# simplified Chinese.
PYCOUNTRY_LOCALES = {"zh_hans": "zh_CN"}


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
    # States with a field or event the ISU corrected since it was loaded: left as it is.
    kept: list[str] = field(default_factory=list)


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
    for language in NAME_LANGUAGES:
        if language == "en":
            continue
        translation = gettext.translation(
            "iso3166-1",
            pycountry.LOCALES_DIR,
            languages=[PYCOUNTRY_LOCALES.get(language, language)],
        )
        names[f"name_{language}"] = overrides.get((iso3, language), translation.gettext(match.name))
    return names


# --- Keeping the ISU's corrections ------------------------------------------------------
#
# The loader records what it read for each field it fills (StateParty.loaded_values,
# MembershipEvent.loaded_values). A field whose value still equals that record may follow a
# changed file; one that differs was corrected by the ISU in the admin since, and is kept.
# A field with no record (loaded before records were kept) is kept when it differs from the
# file too: whether the ISU changed it cannot be known, and the ISU's word wins.

EVENTS_KEY = "membership_events"  # in StateParty.loaded_values: keys of the loaded events


def as_json(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def reconcile(obj, values: dict, loaded: dict) -> tuple[list[str], list[str]]:
    """The fields of `obj` to set from the files, and those kept as the ISU corrected
    them."""
    write, kept = [], []
    for name, value in values.items():
        current = getattr(obj, name)
        if current == value:
            continue
        if name in loaded and as_json(current) == loaded[name]:
            write.append(name)
        else:
            kept.append(name)
    return write, kept


@dataclass
class EventSync:
    changed: bool = False
    kept: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)


def sync_events(
    state: StateParty, events: list[tuple[str, dt.date, str]], loaded_keys: list[str]
) -> EventSync:
    """Create or update the State's events from the files. An event is matched by a stable
    key (its kind and rank among the State's rows of that kind), not by its date, so one
    whose date the ISU corrected is not loaded again beside it; fields the ISU corrected
    are kept, an event the ISU deleted is not re-created, and one the ISU added is never
    touched."""
    result = EventSync()
    existing = list(MembershipEvent.objects.filter(state=state))
    by_key = {event.loader_key: event for event in existing if event.loader_key}
    rows_of_kind: dict[str, int] = {}
    for kind, _date, _source in events:
        rows_of_kind[kind] = rows_of_kind.get(kind, 0) + 1
    rank: dict[str, int] = {}
    for kind, date, source in events:
        rank[kind] = rank.get(kind, 0) + 1
        key = f"{kind}:{rank[kind]}"
        result.keys.append(key)
        values = {"date": date, "source": source}
        event = by_key.get(key)
        if event is None:
            if key in loaded_keys:
                result.kept.append(f"{kind} {date} deleted")
                continue
            event = adopt_event(existing, kind, date, only_row=rows_of_kind[kind] == 1)
            if event is not None:
                event.loader_key, event.loaded_values = key, {}
        if event is None:
            if any(e.kind == kind and e.date == date for e in existing):
                result.kept.append(f"{kind} {date}")  # the ISU has an event on that day
                continue
            event = MembershipEvent.objects.create(
                state=state,
                kind=kind,
                date=date,
                source=source,
                loader_key=key,
                loaded_values={name: as_json(v) for name, v in values.items()},
            )
            existing.append(event)
            result.changed = True
            continue
        write, kept = reconcile(event, values, event.loaded_values)
        if "date" in write and any(
            e.pk != event.pk and e.kind == kind and e.date == date for e in existing
        ):
            write.remove("date")
            kept.append("date")
        if kept:
            result.kept.append(f"{kind} {event.date}")
        loaded = {name: as_json(v) for name, v in values.items()}
        update = list(write)
        for name in write:
            setattr(event, name, values[name])
        if event.loaded_values != loaded:  # also: an event just adopted, with its key
            event.loaded_values = loaded
            update += ["loaded_values", "loader_key"]
        if update:
            event.save(update_fields=update)
        result.changed |= bool(write)
    return result


def adopt_event(
    existing: list[MembershipEvent], kind: str, date: dt.date, only_row: bool
) -> MembershipEvent | None:
    """An event loaded before the loader kept keys: the one of this kind and date, else,
    when the files have a single row of this kind for the State, its single event of this
    kind (whose date the ISU corrected)."""
    unkeyed = [e for e in existing if not e.loader_key and e.kind == kind]
    same_day = [e for e in unkeyed if e.date == date]
    if same_day:
        return same_day[0]
    if only_row and len(unkeyed) == 1:
        return unkeyed[0]
    return None


def load_registry(
    states_path: Path = STATES_FILE,
    changes_path: Path = CHANGES_FILE,
    regions_path: Path = REGIONS_FILE,
    names_path: Path = NAMES_FILE,
    implementation_dir: Path | None = None,
) -> LoadReport:
    """Load the files; with `implementation_dir`, also the status of implementation
    (implementation_loader.py) from the files in that folder."""
    records = read_states(states_path)
    apply_changes(changes_path, records)
    regions = read_regions(regions_path)
    overrides = read_name_overrides(names_path)
    for record in records.values():
        if record.iso3 not in regions:
            raise RegistryDataError(regions_path, None, f"no region for {record.iso3}")

    facts = read_implementation(implementation_dir, set(records)) if implementation_dir else {}

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
            state_facts = facts.get(iso3, Facts())
            values.update(state_facts.values)
            loaded = {name: as_json(value) for name, value in values.items()}
            state = existing.get(iso3)
            if state is None:
                state = StateParty.objects.create(iso3=iso3, loaded_values=loaded, **values)
                changed, kept = ["created"], []
            else:
                # A status field never loaded before follows the file while it still has
                # the model's default (registries loaded before these files existed).
                defaults = {
                    name: as_json(StateParty._meta.get_field(name).get_default())
                    for name in state_facts.values
                }
                changed, kept = reconcile(
                    state, values, {**defaults, **(state.loaded_values or {})}
                )
                if changed:
                    for name in changed:
                        setattr(state, name, values[name])
                    state.loaded_values = {**state.loaded_values, **loaded}
                    state.save(update_fields=[*changed, "loaded_values"])
            events = sync_events(
                state, record.events, (state.loaded_values or {}).get(EVENTS_KEY, [])
            )
            if events.changed:
                changed.append("membership events")
            kept += [f"membership event {event}" for event in events.kept]
            if implementation_dir:
                lists_changed, lists_kept = sync_lists(
                    state, state_facts, state.loaded_values or {}
                )
                if changed and changed[0] == "created":
                    lists_changed = []
                changed += lists_changed
                kept += lists_kept
                loaded.update(loaded_lists(state_facts))
            # What was read this time, so that a correction made after it is recognised.
            loaded = {**loaded, EVENTS_KEY: events.keys}
            if state.loaded_values != loaded:
                StateParty.objects.filter(pk=state.pk).update(loaded_values=loaded)
                state.loaded_values = loaded
            if kept:
                report.kept.append(f"{iso3} ({', '.join(kept)})")
            if not changed:
                report.unchanged.append(iso3)
            elif changed[0] == "created":
                report.created.append(iso3)
            else:
                report.updated.append(f"{iso3} ({', '.join(changed)})")
    return report
