"""The registry loader: idempotent, updates on change, refuses bad input without writing."""

import csv
import datetime as dt
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from registry.loader import DATA_DIR
from registry.models import (
    NAME_FIELDS,
    PARTY_STATUSES,
    MembershipStatus,
    StateParty,
    entry_into_force_for,
)

pytestmark = pytest.mark.django_db


def run_loader(data_dir: Path = DATA_DIR) -> str:
    out = StringIO()
    call_command("load_registry", data_dir=data_dir, stdout=out)
    return out.getvalue()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the seed files that a test may damage."""
    for path in DATA_DIR.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def rewrite(path: Path, transform) -> None:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows = transform(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def snapshot() -> list[tuple]:
    return list(
        StateParty.objects.order_by("iso3").values_list(
            "iso3", "name_en", "signed", "deposited", "method", "region", "updated_at"
        )
    )


def test_rerun_changes_nothing():
    # The session fixture has loaded the files once already.
    before = snapshot()
    output = run_loader()
    assert "0 created, 0 updated, 165 left unchanged" in output
    assert snapshot() == before


def test_counts_match_the_data_readme():
    states = list(StateParty.objects.with_related())
    assert len(states) == 165

    def parties_on(day: dt.date) -> int:
        return sum(1 for state in states if state.membership_status(day) in PARTY_STATUSES)

    assert parties_on(dt.date(2017, 12, 31)) == 164
    assert parties_on(dt.date(2025, 9, 1)) == 165
    assert parties_on(dt.date(2026, 2, 20)) == 160


def test_withdrawals_and_article_20_3():
    finland = StateParty.objects.get(iso3="FIN")
    assert finland.membership_status(dt.date(2025, 12, 1)) == MembershipStatus.WITHDRAWAL_PENDING
    assert finland.membership_status(dt.date(2026, 1, 10)) == MembershipStatus.WITHDRAWN
    ukraine = StateParty.objects.get(iso3="UKR")
    # Decree and vote recorded, no effective date: still bound, withdrawal pending.
    assert ukraine.membership_status(dt.date(2026, 11, 1)) == MembershipStatus.WITHDRAWAL_PENDING
    assert ukraine.withdrawal_effective_on is None


@pytest.mark.parametrize(
    ("deposited", "in_force"),
    [
        (dt.date(2014, 8, 20), dt.date(2015, 2, 1)),  # Oman, check from the data README
        (dt.date(2025, 3, 12), dt.date(2025, 9, 1)),  # Marshall Islands, idem
        (dt.date(1998, 9, 16), dt.date(1999, 3, 1)),  # the 40th instrument
        (dt.date(1997, 12, 3), dt.date(1999, 3, 1)),  # never before the Convention
        (dt.date(2003, 7, 31), dt.date(2004, 1, 1)),  # crosses a year end
    ],
)
def test_entry_into_force_rule(deposited, in_force):
    assert entry_into_force_for(deposited) == in_force


def test_entry_into_force_on_loaded_records():
    assert StateParty.objects.get(iso3="OMN").entry_into_force == dt.date(2015, 2, 1)
    assert StateParty.objects.get(iso3="MHL").entry_into_force == dt.date(2025, 9, 1)


def test_names_in_six_languages_with_un_overrides():
    bolivia = StateParty.objects.get(iso3="BOL")
    assert bolivia.name_en == "Bolivia (Plurinational State of)"
    assert bolivia.name_fr == "Bolivie (État plurinational de)"
    turkiye = StateParty.objects.get(iso3="TUR")
    assert turkiye.depositary_name == "Turkey"
    assert turkiye.name_en == "Türkiye"
    sudan = StateParty.objects.get(iso3="SDN")
    assert (sudan.name_ar, sudan.name_ru, sudan.name_zh_hans) == ("السودان", "Судан", "苏丹")


def test_a_name_field_for_every_site_language():
    """NAME_LANGUAGES follows settings.LANGUAGES: each language needs its name fields."""
    from country_pages.tags import ThematicTag

    assert len(NAME_FIELDS) == len(settings.LANGUAGES)
    for field in NAME_FIELDS:
        StateParty._meta.get_field(field)
        ThematicTag._meta.get_field("name" if field == "name_en" else field)


def test_changed_csv_updates_the_record(data_dir):
    def change_albania(rows):
        for row in rows:
            if row[1] == "ALB":
                row[4] = "2000-03-01"
        return rows

    rewrite(data_dir / "states_parties.csv", change_albania)
    output = run_loader(data_dir)
    assert "1 updated" in output
    assert "ALB (deposited)" in output
    assert StateParty.objects.get(iso3="ALB").deposited == dt.date(2000, 3, 1)


def test_new_state_is_created(data_dir):
    StateParty.objects.filter(iso3="PSE").delete()
    output = run_loader(data_dir)
    assert "1 created" in output
    assert StateParty.objects.get(iso3="PSE").deposited == dt.date(2017, 12, 29)


def corrupt_states(data_dir, transform):
    rewrite(data_dir / "states_parties.csv", transform)


def set_cell(iso3: str, column: int, value: str):
    def transform(rows):
        for row in rows:
            if row[1] == iso3:
                row[column] = value
        return rows

    return transform


@pytest.mark.parametrize(
    ("transform", "message"),
    [
        (
            set_cell("ALB", 1, "XXA"),
            "states_parties.csv, line 3: unknown ISO 3166 alpha-3 code 'XXA'",
        ),
        (set_cell("ALB", 2, "DZ"), "states_parties.csv, line 3: ISO codes 'ALB' and 'DZ'"),
        (
            set_cell("ALB", 4, "2000-02-30"),
            "states_parties.csv, line 3: impossible date '2000-02-30'",
        ),
        (
            set_cell("ALB", 3, "1996-01-01"),
            "states_parties.csv, line 3: signature 1996-01-01 precedes",
        ),
        (
            set_cell("ALB", 4, "1998-01-01"),
            "states_parties.csv, line 3: deposit 1998-01-01 precedes signature",
        ),
        (
            set_cell("ALB", 4, "2099-01-01"),
            "states_parties.csv, line 3: date 2099-01-01 in column 'deposited' is in the future",
        ),
        (set_cell("ALB", 5, "conquest"), "states_parties.csv, line 3: unknown method 'conquest'"),
        (
            lambda rows: rows + [rows[2]],
            "states_parties.csv, line 163: duplicate row for ALB (first on line 3)",
        ),
        (
            lambda rows: [[c for i, c in enumerate(r) if i != 4] for r in rows],
            "states_parties.csv, line 1: missing column(s): deposited",
        ),
    ],
    ids=[
        "unknown-code",
        "mismatched-codes",
        "impossible-date",
        "signed-too-early",
        "deposit-before-signature",
        "future-date",
        "unknown-method",
        "duplicate-row",
        "missing-column",
    ],
)
def test_bad_input_stops_and_changes_nothing(data_dir, transform, message):
    corrupt_states(data_dir, transform)
    StateParty.objects.filter(iso3="PSE").delete()  # something the load would create
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run_loader(data_dir)
    assert message in str(error.value)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("transform", "message"),
    [
        (set_cell("OMN", 3, "2015-03-01"), "entry into force 2015-03-01 contradicts Article 17"),
        (set_cell("OMN", 2, "annexation"), "unknown event 'annexation'"),
        (lambda rows: rows + [rows[1]], "duplicate row (same as line 2)"),
        (
            lambda rows: rows + [["Nowhere", "ATA", "withdrawal_notified", "2025-01-01", "x"]],
            "ATA has no deposit on record",
        ),
    ],
    ids=["entry-into-force-contradiction", "unknown-event", "duplicate-row", "no-deposit"],
)
def test_bad_membership_changes(data_dir, transform, message):
    rewrite(data_dir / "membership_changes.csv", transform)
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run_loader(data_dir)
    assert "membership_changes.csv, line" in str(error.value)
    assert message in str(error.value)
    assert snapshot() == before


def test_a_failing_file_late_in_the_load_leaves_earlier_rows_unwritten(data_dir):
    """Validation happens before any write; one transaction covers the writes."""
    rewrite(data_dir / "un_m49_regions.csv", lambda rows: [r for r in rows if r[0] != "ZWE"])
    StateParty.objects.filter(iso3="AFG").delete()
    with pytest.raises(CommandError, match="no region for ZWE"):
        run_loader(data_dir)
    assert not StateParty.objects.filter(iso3="AFG").exists()


# --- The ISU's corrections survive every load ------------------------------------------------


def test_a_field_the_isu_corrected_is_kept_and_reported(data_dir):
    albania = StateParty.objects.get(iso3="ALB")
    albania.name_fr = "Albanie (corrigé par l'ISU)"
    albania.signed = dt.date(1998, 9, 9)
    albania.save()  # as the admin's edit form saves it

    rewrite(data_dir / "states_parties.csv", set_cell("ALB", 4, "2000-03-01"))
    output = run_loader(data_dir)
    albania.refresh_from_db()
    # The file's own change is applied; the ISU's corrections are not reverted.
    assert albania.deposited == dt.date(2000, 3, 1)
    assert albania.name_fr == "Albanie (corrigé par l'ISU)"
    assert albania.signed == dt.date(1998, 9, 9)
    assert "ALB (deposited)" in output
    assert "1 kept (edited by the ISU)" in output
    assert "Kept (edited by the ISU): ALB (signed, name_fr)" in output

    # And again: a second load keeps them too, and writes nothing.
    before = snapshot()
    output = run_loader(data_dir)
    assert "0 created, 0 updated, 165 left unchanged, 1 kept (edited by the ISU)" in output
    assert snapshot() == before


def test_a_withdrawal_date_the_isu_corrected_is_not_loaded_again():
    from registry.models import MembershipEvent

    finland = StateParty.objects.get(iso3="FIN")
    event = finland.membership_events.get(kind="withdrawal_effective")
    event.date = dt.date(2026, 7, 10)  # the ISU corrects the date in the admin
    event.save()
    day = dt.date(2026, 3, 1)
    assert finland.membership_status(day) == MembershipStatus.WITHDRAWAL_PENDING

    output = run_loader()
    finland = StateParty.objects.get(iso3="FIN")
    assert finland.membership_status(day) == MembershipStatus.WITHDRAWAL_PENDING
    assert finland.withdrawal_effective_on == dt.date(2026, 7, 10)
    assert MembershipEvent.objects.filter(state=finland, kind="withdrawal_effective").count() == 1
    assert "FIN (membership event withdrawal_effective 2026-07-10)" in output
    assert "0 created, 0 updated, 165 left unchanged" in output


def test_an_event_the_isu_deleted_is_not_loaded_again():
    finland = StateParty.objects.get(iso3="FIN")
    finland.membership_events.filter(kind="withdrawal_effective").delete()
    output = run_loader()
    assert not finland.membership_events.filter(kind="withdrawal_effective").exists()
    assert "FIN (membership event withdrawal_effective 2026-01-10 deleted)" in output


def test_a_corrected_file_still_moves_an_event_nobody_edited(data_dir):
    def move_withdrawal(rows):
        for row in rows:
            if row[1] == "FIN" and row[2] == "withdrawal_effective":
                row[3] = "2026-01-11"
        return rows

    rewrite(data_dir / "membership_changes.csv", move_withdrawal)
    output = run_loader(data_dir)
    finland = StateParty.objects.get(iso3="FIN")
    assert [e.date for e in finland.membership_events.filter(kind="withdrawal_effective")] == [
        dt.date(2026, 1, 11)
    ]
    assert "FIN (membership events)" in output
    assert "0 kept" in output


def test_events_loaded_before_keys_were_kept_are_matched_not_duplicated():
    """A database loaded by the earlier loader: events without keys, one corrected."""
    from registry.models import MembershipEvent

    MembershipEvent.objects.update(loader_key="", loaded_values={})
    StateParty.objects.update(loaded_values={})
    finland = StateParty.objects.get(iso3="FIN")
    finland.membership_events.filter(kind="withdrawal_effective").update(date=dt.date(2026, 7, 10))
    total = MembershipEvent.objects.count()

    output = run_loader()
    assert MembershipEvent.objects.count() == total
    assert finland.withdrawal_effective_on == dt.date(2026, 7, 10)
    assert "0 created, 0 updated, 165 left unchanged, 1 kept (edited by the ISU)" in output
    # Matched now: the next load is quiet about everything else too.
    assert "0 created, 0 updated, 165 left unchanged, 1 kept" in run_loader()
