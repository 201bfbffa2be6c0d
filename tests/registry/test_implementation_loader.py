"""The status of implementation from the seed files (Articles 5, 4, 3 and 7): every State
has a sourced status or "not recorded", a changed file is followed, what the ISU corrected
is kept, and bad input changes nothing."""

import csv
import datetime as dt
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from registry.loader import DATA_DIR
from registry.models import Article5Deadline, StateParty

pytestmark = pytest.mark.django_db


def load(data_dir: Path = DATA_DIR) -> str:
    out = StringIO()
    call_command("load_registry", data_dir=data_dir, stdout=out)
    return out.getvalue()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    for path in DATA_DIR.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, records: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)


def test_every_state_has_a_status_row_and_every_known_fact_a_source():
    states = set(StateParty.objects.values_list("iso3", flat=True))
    for name, column in (
        ("article5_status.csv", "clearance_status"),
        ("article4_status.csv", "stockpile_status"),
    ):
        records = rows(DATA_DIR / name)
        assert {row["iso3"] for row in records} == states, name
        for row in records:
            if row[column] != "unknown":
                assert row["source"] and row["consulted"], (name, row["iso3"])
            else:
                assert row["note"], (name, row["iso3"])  # what was looked for


def test_the_registry_holds_what_the_files_say():
    obligations = {
        r["iso3"]
        for r in rows(DATA_DIR / "article5_status.csv")
        if r["clearance_status"] == "obligation"
    }
    assert (
        set(StateParty.objects.filter(clearance_status="obligation").values_list("iso3", flat=True))
        == obligations
    )
    assert len(obligations) > 25  # the real figure, not the five demo States
    sudan = StateParty.objects.get(iso3="SDN")
    assert [d.deadline for d in sudan.clearance_deadlines.all()] == [
        dt.date(2014, 4, 1),
        dt.date(2019, 4, 1),
        dt.date(2023, 4, 1),
        dt.date(2027, 4, 1),
    ]
    assert sudan.stockpile_status == "completed"
    assert sudan.stockpile_completed_on == dt.date(2008, 3, 31)
    zimbabwe = StateParty.objects.get(iso3="ZWE")
    assert (zimbabwe.mines_retained, zimbabwe.mines_retained_year) == (450, 2021)
    # Not found in any source: not recorded, never guessed.
    unknown = next(
        r["iso3"]
        for r in rows(DATA_DIR / "article4_status.csv")
        if r["stockpile_status"] == "unknown"
    )
    assert StateParty.objects.get(iso3=unknown).stockpile_status == "unknown"


def test_rerun_changes_nothing_and_a_changed_file_is_followed(data_dir):
    assert "0 updated" in load(data_dir)
    path = data_dir / "article5_deadlines.csv"
    records = rows(path)
    last_sudan = max((r for r in records if r["iso3"] == "SDN"), key=lambda r: r["deadline"])
    last_sudan["deadline"] = "2027-12-31"
    write(path, records)
    output = load(data_dir)
    assert "SDN (Article 5 deadlines)" in output
    sudan = StateParty.objects.get(iso3="SDN")
    assert sudan.clearance_deadlines.last().deadline == dt.date(2027, 12, 31)
    assert sudan.clearance_deadlines.count() == 4


def test_what_the_isu_corrected_is_kept(data_dir):
    sudan = StateParty.objects.get(iso3="SDN")
    Article5Deadline.objects.create(
        state=sudan, kind="extension", deadline=dt.date(2031, 4, 1), decision_reference="23MSP"
    )
    sudan.stockpile_status = "unknown"
    sudan.save()
    output = load(data_dir)
    assert "SDN (stockpile_status, Article 5 deadlines)" in output  # kept
    sudan.refresh_from_db()
    assert sudan.stockpile_status == "unknown"
    assert sudan.clearance_deadlines.last().deadline == dt.date(2031, 4, 1)


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (
            "article5_status.csv",
            {"clearance_status": "finished"},
            "unknown clearance_status 'finished'",
        ),
        ("article4_status.csv", {"source": ""}, "needs its source"),
        ("article3_retained.csv", {"mines_retained": "about 400"}, "not a whole number"),
        ("article5_deadlines.csv", {"iso3": "USA"}, "not a State in states_parties.csv"),
    ],
)
def test_bad_input_names_file_and_line_and_changes_nothing(data_dir, name, change, message):
    path = data_dir / name
    records = rows(path)
    target = next(
        i
        for i, r in enumerate(records)
        if r.get("clearance_status", r.get("stockpile_status", "known")) != "unknown"
    )
    records[target].update(change)
    write(path, records)
    before = list(StateParty.objects.order_by("iso3").values())
    with pytest.raises(CommandError) as error:
        load(data_dir)
    assert f"{name}, line {target + 2}" in str(error.value) and message in str(error.value)
    assert list(StateParty.objects.order_by("iso3").values()) == before
