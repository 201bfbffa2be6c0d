"""Report-level errors (they block) and warnings (figures that do not add up; they do
not block)."""

import pytest
from django.utils import translation

from reporting.models import (
    FormBStockpile,
    FormCLandRelease,
    FormCMinedArea,
    FormDRetained,
    FormGDestroyed,
    FormJCasualties,
    FormStatus,
)
from reporting.validation import errors, warnings
from tests.reporting.helpers import accept, build_report

pytestmark = pytest.mark.django_db


# --- Errors ------------------------------------------------------------------------------


def area(name, region="Blue Nile", size=10_000):
    return FormCMinedArea(name=name, region=region, status="confirmed", size_m2=size)


def test_a_complete_report_has_no_errors(sudan):
    assert errors(build_report(sudan, 2023, mined_areas=[area("A-1"), area("A-2")])) == {}


def test_every_form_is_on_the_cover_page_once(sudan):
    report = build_report(sudan, 2023)
    lines = [line for line in report.cover.all() if line.letter != "E"]
    report.cover = [*lines, FormStatus(letter="B", status="changed")]
    assert errors(report) == {
        "cover": [
            "Form B is on the cover page 2 times.",
            "Form E is missing from the cover page.",
        ]
    }


def test_areas_are_named_once(sudan):
    report = build_report(sudan, 2023, mined_areas=[area("SHA 17"), area(" sha  17 ")])
    assert errors(report) == {
        "C": ["The area “SHA 17” is named 2 times in Form C: name each area once."]
    }


def test_regions_of_land_release_and_casualty_groups_are_given_once(sudan):
    report = build_report(
        sudan,
        2023,
        land_releases=[FormCLandRelease(region="Kassala"), FormCLandRelease(region="kassala")],
        casualties=[
            FormJCasualties(
                outcome="killed", sex="male", age_group="adult", status="civilian", number=n
            )
            for n in (1, 2)
        ],
    )
    found = errors(report)
    assert len(found["C"]) == 1 and len(found["J"]) == 1


def test_a_nothing_new_report_is_valid(sudan):
    previous = accept(build_report(sudan, 2022))
    nothing_new = dict.fromkeys("ABCDEFGHIJ", ("unchanged", previous.year))
    assert errors(build_report(sudan, 2023, cover=nothing_new)) == {}


def test_unchanged_names_an_accepted_report(sudan):
    build_report(sudan, 2021).save()  # a draft carries nothing forward
    report = build_report(sudan, 2023, cover={"B": ("unchanged", 2021)})
    assert errors(report) == {
        "cover": ["There is no accepted report for 2021 to carry Form B forward."]
    }


def test_a_form_unchanged_or_not_applicable_has_no_entries(sudan, pmn2):
    accept(build_report(sudan, 2022))
    report = build_report(
        sudan,
        2023,
        cover={"B": ("unchanged", 2022), "J": ("not_applicable", "Nothing to add.")},
        stockpiles=[FormBStockpile(mine_type=pmn2, quantity=3)],
    )
    report.other_matters = "Some text."
    assert set(errors(report)) == {"B", "J"}


def test_an_initial_report_answers_every_form_on_its_cover(sudan):
    report = build_report(sudan, cover={"E": ("not_applicable", "No facility.")})
    assert errors(report) == {"cover": ["An initial report answers every form: fill in Form E."]}


def test_errors_are_in_the_active_language(sudan):
    report = build_report(sudan, 2023)
    report.cover = []
    with translation.override("fr"):
        assert len(errors(report)["cover"]) == 10


# --- Warnings ----------------------------------------------------------------------------


def codes(report):
    return [warning.code for warning in warnings(report)]


@pytest.fixture
def stockpile_2022(sudan, pmn2):
    return accept(
        build_report(
            sudan,
            2022,
            stockpiles=[
                FormBStockpile(mine_type=pmn2, quantity=1000),
                FormBStockpile(
                    mine_type=pmn2, quantity=7, previously_unknown=True, found_on="2022-05-01"
                ),
            ],
        )
    )


def report_2023(sudan, pmn2, end):
    retained = FormDRetained(
        institution="Engineers' school",
        mine_type=pmn2,
        quantity_start=0,
        quantity_end=50,
        added_from_stockpile=50,
        purpose="Training",
        change_note="New training centre.",
    )
    return build_report(
        sudan,
        2023,
        stockpiles=[FormBStockpile(mine_type=pmn2, quantity=end)],
        destroyed=[
            FormGDestroyed(year=2023, source="article_4", mine_type=pmn2, quantity=250),
            FormGDestroyed(year=2023, source="article_5", mine_type=pmn2, quantity=30),
        ],
        retained=[retained],
    )


def test_stockpile_balance_silent_when_it_adds_up(sudan, pmn2, stockpile_2022):
    assert warnings(report_2023(sudan, pmn2, end=700)) == []  # 1000 − 250 − 50


def test_stockpile_balance_warns_when_it_does_not(sudan, pmn2, stockpile_2022):
    [warning] = warnings(report_2023(sudan, pmn2, end=800))
    assert (warning.letter, warning.code) == ("B", "stockpile_balance")
    assert warning.message == (
        "Form B: the stockpile at the end of the period (800) is not what the previous "
        "report's 1000 less 250 destroyed (Form G, Article 4) and 50 retained (Form D) "
        "leaves: 700."
    )


def test_stockpile_unchanged_while_mines_were_destroyed(sudan, pmn2, stockpile_2022):
    report = build_report(
        sudan,
        2023,
        cover={"B": ("unchanged", 2022)},
        destroyed=[FormGDestroyed(year=2023, source="article_4", mine_type=pmn2, quantity=10)],
    )
    assert codes(report) == ["stockpile_balance"]
    report.destroyed = []
    assert codes(report) == []


def test_no_stockpile_warning_without_a_previous_accepted_report(sudan, pmn2):
    assert codes(report_2023(sudan, pmn2, end=800)) == []


def retained(start, end, **fields):
    return FormDRetained(
        institution="Police academy",
        quantity_start=start,
        quantity_end=end,
        purpose="Detector dog training",
        **fields,
    )


def test_retained_mines_rising_without_a_reason(sudan, pmn2):
    report = build_report(sudan, 2023, retained=[retained(100, 120, mine_type=pmn2)])
    assert codes(report) == ["retained_increase", "retained_balance"]
    report.retained = [retained(100, 120, added_from_stockpile=20, mine_type=pmn2)]
    assert codes(report) == ["retained_increase"]
    report.retained = [
        retained(100, 120, added_from_stockpile=20, change_note="New dogs.", mine_type=pmn2)
    ]
    assert codes(report) == []


def test_retained_balance(sudan, pmn2):
    report = build_report(sudan, 2023, retained=[retained(100, 95, used=10, mine_type=pmn2)])
    [warning] = warnings(report)
    assert warning.code == "retained_balance"
    assert "100 + 0 taken from the stockpile − 10 used − 0 transferred makes 90, not 95" in str(
        warning
    )
    report.retained = [retained(100, 90, used=10, mine_type=pmn2)]
    assert warnings(report) == []


def test_land_released_above_what_remained(sudan):
    accept(
        build_report(
            sudan,
            2022,
            mined_areas=[area("A-1", "Blue Nile", 6_000), area("A-2", "Blue Nile", 4_000)],
        )
    )
    release = FormCLandRelease(region="blue nile", cancelled_m2=6_000, cleared_m2=3_000)
    report = build_report(sudan, 2023, land_releases=[release])
    assert warnings(report) == []
    report.land_releases = [
        release,
        FormCLandRelease(region="Blue  Nile", cleared_m2=3_000),
        FormCLandRelease(region="Kassala", cleared_m2=1),
    ]
    found = warnings(report)
    assert [w.params["region"] for w in found] == ["blue nile", "Kassala"]
    assert found[0].message == (
        "Form C: 12000 m² released in blue nile is more than the 10000 m² the report for "
        "2022 left remaining there."
    )


def test_warnings_do_not_block(sudan, pmn2, stockpile_2022):
    report = report_2023(sudan, pmn2, end=800)
    assert warnings(report) and errors(report) == {}
    report.save()
    report.save_revision()
