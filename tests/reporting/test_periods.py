"""Due dates and periods (Article 7(1) and (2)), and the reports a State owes."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Workflow, WorkflowContentType

from registry.models import StateParty, entry_into_force_for
from reporting.due_dates import first_annual_year
from reporting.models import Article7Report
from reporting.periods import DueStatus, due_reports
from tests.factories import StatePartyFactory
from tests.reporting.helpers import accept, build_report, day

pytestmark = pytest.mark.django_db


def test_initial_report_is_due_180_days_after_entry_into_force(sudan):
    # Sudan deposited its instrument on 13 October 2003: in force on 1 April 2004.
    assert sudan.entry_into_force == entry_into_force_for(sudan.deposited) == day("2004-04-01")
    report = build_report(sudan)
    assert report.due_on == sudan.entry_into_force + dt.timedelta(days=180) == day("2004-09-28")
    assert (report.period_start, report.period_end) == (day("2004-04-01"), day("2004-09-28"))
    assert report.reference_year == 2004


def test_annual_report_is_due_on_30_april_of_the_next_year(sudan):
    report = build_report(sudan, 2023)
    assert report.due_on == day("2024-04-30")
    assert (report.period_start, report.period_end) == (day("2023-01-01"), day("2023-12-31"))


def test_the_first_annual_report_covers_the_year_the_initial_report_fell_due():
    assert first_annual_year(day("2004-04-01")) == 2004  # initial due 28 September 2004
    assert first_annual_year(day("2019-11-01")) == 2020  # initial due 29 April 2020


def statuses(state, today):
    return {(d.kind, d.year): d.status for d in due_reports(state, today)}


def test_due_reports_from_entry_into_force_to_today(sudan):
    found = statuses(sudan, day("2024-03-01"))
    assert list(found)[0] == ("initial", None)
    assert [year for _kind, year in list(found)[1:]] == list(range(2004, 2025))
    assert found[("initial", None)] == DueStatus.OVERDUE
    assert found[("annual", 2022)] == DueStatus.OVERDUE  # due 30 April 2023
    assert found[("annual", 2023)] == DueStatus.DUE  # year over, due 30 April 2024
    assert found[("annual", 2024)] == DueStatus.NOT_YET_DUE  # the year is running


def test_due_reports_show_accepted_and_submitted_reports(sudan, fp_sudan):
    accept(build_report(sudan, 2022))
    in_review = build_report(sudan, 2023)
    in_review.save()
    in_review.save_revision(user=fp_sudan)
    workflow = Workflow.objects.get(name="ISU review")
    workflow.start(in_review, fp_sudan)
    draft = build_report(sudan, 2021)
    draft.save()
    found = {(d.kind, d.year): d for d in due_reports(sudan, day("2024-05-02"))}
    assert found[("annual", 2022)].status == DueStatus.ACCEPTED
    assert found[("annual", 2023)].status == DueStatus.IN_REVIEW
    assert found[("annual", 2023)].latest == in_review
    assert found[("annual", 2021)].status == DueStatus.OVERDUE  # a draft is not a report
    assert found[("annual", 2021)].latest == draft


def test_initial_report_not_yet_due_before_entry_into_force():
    state = StatePartyFactory(deposited=day("2025-03-12"))  # in force on 1 September 2025
    assert statuses(state, day("2025-06-01")) == {("initial", None): DueStatus.NOT_YET_DUE}
    assert statuses(state, day("2025-10-01")) == {("initial", None): DueStatus.DUE}
    assert statuses(state, day("2026-03-01")) == {
        ("initial", None): DueStatus.OVERDUE,  # due 28 February 2026
        ("annual", 2026): DueStatus.NOT_YET_DUE,
    }


def test_no_report_is_owed_for_the_year_a_withdrawal_took_effect(db):
    estonia = StateParty.objects.get(iso3="EST")  # withdrawal effective 27 December 2025
    assert estonia.withdrawal_effective_on == day("2025-12-27")
    years = [d.year for d in due_reports(estonia, day("2026-06-01")) if d.year]
    assert years[-1] == 2024


def test_a_state_without_entry_into_force_owes_nothing():
    assert due_reports(StatePartyFactory(deposited=None, signed=None, method="")) == []


def test_the_review_workflow_of_the_pages_reviews_reports(sudan, fp_sudan):
    """The same workflow machinery: assigned to the report's content type (by sync_roles),
    submitted by a focal point, approved by the ISU, which publishes (accepts) the report."""
    workflow = Workflow.objects.get(name="ISU review")
    assert (
        WorkflowContentType.objects.get(
            content_type=ContentType.objects.get_for_model(Article7Report)
        ).workflow
        == workflow
    )
    report = build_report(sudan, 2023)
    report.save()
    assert report.get_workflow() == workflow
    report.save_revision(user=fp_sudan)
    workflow.start(report, fp_sudan)
    assert report.workflow_in_progress and not report.live
    report.current_workflow_state.current_task_state.approve(user=None)
    report.refresh_from_db()
    assert report.live and report.live_revision == report.latest_revision
    assert statuses(sudan, day("2024-05-02"))[("annual", 2023)] == DueStatus.ACCEPTED
