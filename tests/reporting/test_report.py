"""The report: one per State and period, its header, its cover page, and versions that
are never overwritten."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from reporting.history import accepted_version, amend
from reporting.models import Article7Report, FormBStockpile, FormStatus
from tests.factories import StatePartyFactory
from tests.reporting.helpers import accept, build_report, day, field_errors, no_errors

pytestmark = pytest.mark.django_db


# --- One report per State and period -------------------------------------------------------


def test_one_annual_report_per_state_and_year(sudan):
    build_report(sudan, 2023).save()
    build_report(sudan, 2022).save()  # another year
    StatePartyFactory(deposited=day("2000-01-10"))  # another State may report 2023
    second = build_report(sudan, 2023)
    with pytest.raises(ValidationError, match="already has this version of its report"):
        second.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_one_initial_report_per_state_although_it_has_no_year(sudan):
    build_report(sudan).save()
    second = build_report(sudan)
    with pytest.raises(ValidationError, match="already has this version of its initial"):
        second.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    other = StatePartyFactory(deposited=day("2000-01-10"))
    build_report(other).full_clean()


def test_the_year_matches_the_kind_of_report(sudan):
    initial = build_report(sudan)
    initial.year = 2004
    assert "year" in field_errors(initial)
    annual = build_report(sudan, 2023)
    annual.year = None
    assert "year" in field_errors(annual)
    with pytest.raises(IntegrityError), transaction.atomic():
        annual.save()


def test_annual_years_run_from_the_first_one_owed_to_this_year(sudan):
    assert field_errors(build_report(sudan, 2003))["year"] == [
        "This State's first annual report covers 2004."
    ]
    assert field_errors(build_report(sudan, 2099))["year"] == ["This year has not begun."]
    no_errors(build_report(sudan, 2004))


def test_header_fields(sudan):
    report = build_report(sudan, 2023)
    report.contact_email = "not an address"
    report.contact_phone = "call me"
    report.submitted_on = day("2022-12-31")  # before the year it reports on
    report.filed_by_isu = True  # without the State's document
    report.language = "de"
    errors = field_errors(report)
    assert set(errors) == {
        "contact_email",
        "contact_phone",
        "submitted_on",
        "original_document",
        "language",
    }


def test_a_report_of_a_state_not_in_force_is_refused():
    state = StatePartyFactory(deposited=None, signed=None, method="")
    assert "state" in field_errors(build_report(state))


# --- Cover page ------------------------------------------------------------------------


def cover_line(report, **fields) -> FormStatus:
    return FormStatus(report=report, letter="B", **fields)


def test_unchanged_names_an_earlier_year(sudan):
    report = build_report(sudan, 2023)
    assert "since_year" in field_errors(cover_line(report, status="unchanged"))
    assert field_errors(cover_line(report, status="unchanged", since_year=2023))["since_year"] == [
        "Name a report before 2023."
    ]
    no_errors(cover_line(report, status="unchanged", since_year=2021))
    assert "since_year" in field_errors(cover_line(report, status="changed", since_year=2021))


def test_not_applicable_needs_a_one_line_statement(sudan):
    report = build_report(sudan, 2023)
    assert "statement" in field_errors(cover_line(report, status="not_applicable"))
    too_long = cover_line(report, status="not_applicable", statement="x" * 201)
    assert "statement" in field_errors(too_long)
    no_errors(cover_line(report, status="not_applicable", statement="No stockpile."))


def test_an_initial_report_answers_every_form(sudan):
    report = build_report(sudan)
    assert field_errors(cover_line(report, status="not_applicable", statement="None."))[
        "status"
    ] == ["An initial report answers every form."]
    no_errors(cover_line(report, status="changed"))


def test_one_cover_line_per_form(sudan):
    report = build_report(sudan, 2023)
    report.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        FormStatus.objects.create(report=report, letter="B")


# --- Versions --------------------------------------------------------------------------


def test_a_new_report_is_a_draft(sudan):
    report = build_report(sudan, 2023)
    report.save()
    assert not report.live and report.version == 1


def test_an_accepted_report_is_not_edited_again(sudan, pmn2):
    report = accept(build_report(sudan, 2023))
    report.contact_name = "Someone else"
    with pytest.raises(ValidationError, match="amend it as a new version"):
        report.save_revision()


def stockpile(mine_type, quantity):
    return FormBStockpile(mine_type=mine_type, quantity=quantity)


def test_an_amendment_leaves_the_accepted_version_unchanged(sudan, pmn2):
    accepted = accept(build_report(sudan, 2023, stockpiles=[stockpile(pmn2, 1000)]))
    revisions_before = list(accepted.revisions.values_list("pk", flat=True))
    data_before = accepted.serializable_data()

    new = amend(accepted)
    assert (new.pk, new.amends, new.version, new.live) == (None, accepted, 2, False)
    new.save()
    row = new.stockpiles.get()
    assert row.pk != accepted.stockpiles.get().pk
    new.stockpiles = [FormBStockpile(mine_type=pmn2, quantity=900)]
    new.contact_name = "B. Focal"
    new.save_revision()

    accepted = Article7Report.objects.get(pk=accepted.pk)
    assert accepted.live and not accepted.has_unpublished_changes
    assert list(accepted.revisions.values_list("pk", flat=True)) == revisions_before
    assert accepted.serializable_data() == data_before
    assert [s.quantity for s in accepted.stockpiles.all()] == [1000]
    assert accepted_version(sudan, "annual", 2023) == accepted  # until the new one is accepted

    new.latest_revision.publish()
    assert accepted_version(sudan, "annual", 2023).pk == new.pk
    assert [s.quantity for s in new.stockpiles.all()] == [900]
    assert Article7Report.objects.get(pk=accepted.pk).serializable_data() == data_before


def test_only_the_latest_accepted_version_is_amended(sudan):
    draft = build_report(sudan, 2023)
    draft.save()
    with pytest.raises(ValueError, match="Only an accepted report"):
        amend(draft)
    accepted = accept(draft)
    amend(accepted).save()
    with pytest.raises(ValueError, match="latest version"):
        amend(accepted)
    second = build_report(sudan, 2023)
    second.amends = accepted
    with pytest.raises(ValidationError, match="already has this version"):
        second.full_clean()


def test_an_amendment_covers_the_same_period(sudan):
    accepted = accept(build_report(sudan, 2022))
    other_year = build_report(sudan, 2023)
    other_year.amends = accepted
    assert "amends" in field_errors(other_year)
