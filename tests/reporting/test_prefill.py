"""The next annual report starts from the last accepted one, which it leaves as it is."""

import pytest

from reporting.models import (
    Article7Report,
    FormAMeasure,
    FormBStockpile,
    FormCAreaMine,
    FormCLandRelease,
    FormCMinedArea,
    FormDRetained,
    FormGDestroyed,
    FormIWarning,
)
from reporting.periods import prefill
from reporting.validation import errors
from tests.reporting.helpers import HEADER, accept, build_report, day

pytestmark = pytest.mark.django_db


def values(row, *exclude):
    """A row's own values, without its keys."""
    skip = {"id", "report", "area", *exclude}
    return {
        f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields if f.name not in skip
    }


@pytest.fixture
def accepted_2023(sudan, pmn2, pomz):
    area = FormCMinedArea(name="SHA-017", region="Blue Nile", status="confirmed", size_m2=45_000)
    area.mines = [FormCAreaMine(mine_type=pomz, estimated_quantity=12)]
    report = build_report(
        sudan,
        2023,
        cover={"E": ("not_applicable", "Sudan never produced mines.")},
        measures=[
            FormAMeasure(kind="legislation", title="Mines Act", adopted_on=day("2003-06-01"))
        ],
        stockpiles=[FormBStockpile(mine_type=pmn2, quantity=700, holder="Army")],
        mined_areas=[area],
        land_releases=[FormCLandRelease(region="Blue Nile", cleared_m2=5_000)],
        retained=[
            FormDRetained(
                institution="Engineers' school",
                mine_type=pmn2,
                quantity_start=60,
                quantity_end=50,
                used=10,
                purpose="Training",
                actual_use="Ten used in courses.",
            )
        ],
        destroyed=[FormGDestroyed(year=2023, source="article_4", mine_type=pmn2, quantity=250)],
        warning_measures=[
            FormIWarning(area="Blue Nile", measure="marking", date=day("2023-03-01"), men=5)
        ],
    )
    report.other_matters = "A national strategy was adopted."
    return accept(report)


def test_prefill_copies_the_last_accepted_report(sudan, accepted_2023):
    new = prefill(sudan, 2024)
    assert new.pk is None and (new.kind, new.year, new.version, new.amends) == (
        "annual",
        2024,
        1,
        None,
    )
    assert {name: getattr(new, name) for name in HEADER} == HEADER
    assert new.other_matters == accepted_2023.other_matters
    cover = {line.letter: (line.status, line.statement) for line in new.cover.all()}
    assert cover["E"] == ("not_applicable", "Sudan never produced mines.")
    assert {status for letter, (status, _s) in cover.items() if letter != "E"} == {"changed"}

    for table in ("measures", "stockpiles", "mined_areas"):
        assert [values(r) for r in getattr(new, table).all()] == [
            values(r) for r in getattr(accepted_2023, table).all()
        ]
    [area] = new.mined_areas.all()
    assert [values(m) for m in area.mines.all()] == [
        values(m) for m in accepted_2023.mined_areas.get().mines.all()
    ]
    [retained] = new.retained.all()
    assert (retained.quantity_start, retained.quantity_end, retained.used) == (50, 50, 0)
    assert retained.actual_use == ""
    # What was done during 2023 is not 2024's.
    for table in ("land_releases", "destroyed", "warning_measures"):
        assert list(getattr(new, table).all()) == []
    assert errors(new) == {}


def test_prefill_does_not_change_the_accepted_report(sudan, accepted_2023):
    before = Article7Report.objects.get(pk=accepted_2023.pk).serializable_data()
    new = prefill(sudan, 2024)
    new.save()
    new.stockpiles.update(quantity=1)
    new.mined_areas.get().mines.update(estimated_quantity=1)
    new.save_revision()
    after = Article7Report.objects.get(pk=accepted_2023.pk)
    assert after.serializable_data() == before
    assert after.stockpiles.get().quantity == 700
    assert after.mined_areas.get().mines.get().estimated_quantity == 12


def test_prefill_follows_unchanged_forms_back(sudan, pmn2, accepted_2023):
    accept(build_report(sudan, 2024, cover={"B": ("unchanged", 2023)}))
    new = prefill(sudan, 2025)
    assert [(s.mine_type, s.quantity) for s in new.stockpiles.all()] == [(pmn2, 700)]


def test_prefill_skips_drafts_and_starts_empty_without_an_accepted_report(sudan):
    build_report(sudan, 2023).save()
    new = prefill(sudan, 2024)
    assert new.contact_name == "" and len(new.cover.all()) == 10
    assert errors(new) == {}
