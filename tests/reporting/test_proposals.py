"""Accepting a report proposes the registry facts it carries; the registry changes only
when the ISU applies a proposal, and the State's history shows who applied what."""

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import ModelLogEntry, Workflow, WorkflowContentType

from registry.models import Article7Report as RegistryReport
from registry.models import StateParty
from reporting.models import (
    Article7Report,
    FormAMeasure,
    FormBStockpile,
    FormDRetained,
    FormFProgramme,
    FormGDestroyed,
    RegistryProposal,
)
from tests.conftest import login, make_user
from tests.reporting.helpers import accept, build_report, day

pytestmark = pytest.mark.django_db

Field = RegistryProposal.Field
Status = RegistryProposal.Status


def registry_snapshot(state: StateParty) -> tuple:
    """Everything the registry holds for the State."""
    return (
        StateParty.objects.filter(pk=state.pk).values().get(),
        list(RegistryReport.objects.filter(state=state).order_by("year").values()),
    )


def full_report(state, pmn2, year=2024, **header):
    """A report stating every registry fact: 150 mines retained, stockpile destroyed
    (Form F's Article 4 programme completed, Form B empty), legislation adopted."""
    report = build_report(
        state,
        year,
        retained=[
            FormDRetained(
                institution="Army",
                mine_type=pmn2,
                quantity_start=120,
                quantity_end=100,
                used=20,
                purpose="Training",
            ),
            FormDRetained(
                institution="Police",
                mine_type=pmn2,
                quantity_start=50,
                quantity_end=50,
                purpose="Detector testing",
            ),
        ],
        stockpiles=[],
        programmes=[
            FormFProgramme(
                article="article_4",
                status="completed",
                completed_on=day(f"{year}-06-30"),
                methods="Open detonation",
            )
        ],
        destroyed=[
            FormGDestroyed(year=year, source="article_4", mine_type=pmn2, quantity=1200),
        ],
        measures=[
            FormAMeasure(kind="administrative", title="Circular 3", adopted_on=day("2010-01-05")),
            FormAMeasure(
                kind="legislation", title="Anti-Personnel Mines Act", adopted_on=day("2012-03-01")
            ),
        ],
    )
    report.submitted_on = day(f"{year + 1}-04-15")
    for name, value in header.items():
        setattr(report, name, value)
    return report


def proposals_by_field(report) -> dict[str, RegistryProposal]:
    return {p.field: p for p in RegistryProposal.objects.filter(report=report)}


def expected_link(language: str, year: int) -> str:
    """The public page's address while the public report pages are routed; empty before."""
    with translation.override(language):
        try:
            path = reverse("article7_report", kwargs={"iso3": "sdn", "period": str(year)})
        except NoReverseMatch:
            return ""
    return settings.PUBLIC_BASE_URL + path


# --- On acceptance -----------------------------------------------------------------------


def forget_registry_facts(state) -> None:
    """A State whose Article 3 and 4 facts the registry does not record yet."""
    type(state).objects.filter(pk=state.pk).update(
        mines_retained=None,
        mines_retained_year=None,
        stockpile_status="unknown",
        stockpile_completed_on=None,
    )
    state.refresh_from_db()


def test_accepting_a_report_proposes_what_it_says_and_leaves_the_registry_unchanged(sudan, pmn2):
    forget_registry_facts(sudan)
    before = registry_snapshot(sudan)
    report = accept(full_report(sudan, pmn2, language="fr"))

    assert registry_snapshot(sudan) == before
    proposals = proposals_by_field(report)
    assert set(proposals) == set(Field.values)
    assert all(p.status == Status.PENDING and p.state == sudan for p in proposals.values())

    received = proposals[Field.REPORT_RECEIVED]
    assert received.registry_says is None  # no report recorded for 2024
    assert received.report_says == {
        "year": 2024,
        "submitted_on": "2025-04-15",
        "url": expected_link("fr", 2024),  # the page in the report's language
    }
    retained = proposals[Field.MINES_RETAINED]
    assert retained.registry_says == {"quantity": None, "year": None}
    assert retained.report_says == {"quantity": 150, "year": 2024}
    stockpile = proposals[Field.STOCKPILE_DESTROYED]
    assert stockpile.registry_says == {"status": "unknown", "completed_on": None}
    assert stockpile.report_says == {
        "status": "completed",
        "completed_on": "2024-06-30",
        "destroyed": 1200,
    }
    measures = proposals[Field.NATIONAL_MEASURES]
    assert measures.registry_says == {"status": "unknown"}
    assert measures.report_says == {
        "status": "legislation_adopted",
        "measures": [{"title": "Anti-Personnel Mines Act", "adopted_on": "2012-03-01"}],
    }


def test_accepting_through_the_review_workflow_proposes(sudan, pmn2, fp_sudan, isu_user):
    workflow = Workflow.objects.get(name="ISU review")
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Article7Report),
        defaults={"workflow": workflow},
    )
    report = full_report(sudan, pmn2)
    report.save()
    report.save_revision(user=fp_sudan)
    workflow.start(report, fp_sudan)
    assert not RegistryProposal.objects.exists()  # submitting proposes nothing
    report.current_workflow_state.current_task_state.approve(user=isu_user)
    report.refresh_from_db()
    assert report.live
    assert len(proposals_by_field(report)) == 4


def test_accepting_again_does_not_duplicate_proposals(sudan, pmn2, isu_user):
    report = accept(full_report(sudan, pmn2))
    report.live_revision.publish()  # published again
    assert RegistryProposal.objects.filter(report=report).count() == 4
    # A dismissed proposal is not made again by a later publish of the same report.
    from reporting.proposals import dismiss

    dismiss(proposals_by_field(report)[Field.MINES_RETAINED], isu_user)
    report.live_revision.publish()
    assert RegistryProposal.objects.filter(report=report).count() == 4
    assert RegistryProposal.objects.filter(report=report, status=Status.PENDING).count() == 3


def test_only_facts_that_differ_from_the_registry_are_proposed(sudan, pmn2):
    sudan.mines_retained, sudan.mines_retained_year = 150, 2024
    sudan.national_measures = "legislation_adopted"
    sudan.save()
    RegistryReport.objects.create(
        state=sudan, year=2024, submitted_on=day("2025-04-15"), url="https://example.org/r"
    )
    report = accept(full_report(sudan, pmn2, visibility="parties"))
    assert set(proposals_by_field(report)) == {Field.STOCKPILE_DESTROYED}


def test_a_later_figure_in_the_registry_is_not_replaced_by_an_older_one(sudan, pmn2):
    sudan.mines_retained, sudan.mines_retained_year = 90, 2025
    sudan.save()
    report = accept(full_report(sudan, pmn2))  # an amendment of 2024, say, accepted late
    assert Field.MINES_RETAINED not in proposals_by_field(report)


def test_only_what_the_report_clearly_says_is_proposed(sudan, pmn2):
    # Mines still in the stockpile: not completed, whatever Form F says. Legislation without
    # a date of adoption is not legislation adopted. Form D filled with no row says nothing.
    report = full_report(sudan, pmn2)
    report.stockpiles = [FormBStockpile(mine_type=pmn2, quantity=5)]
    report.measures = [FormAMeasure(kind="legislation", title="Draft mine action bill")]
    report.retained = []
    assert set(proposals_by_field(accept(report))) == {Field.REPORT_RECEIVED}

    # A programme still in progress: not completed either, even with an empty stockpile.
    later = full_report(sudan, pmn2, year=2023)
    later.programmes = [FormFProgramme(article="article_4", status="in_progress", methods="OD")]
    assert Field.STOCKPILE_DESTROYED not in proposals_by_field(accept(later))


def test_an_unchanged_form_proposes_the_figures_it_carries_forward(sudan, pmn2):
    accept(full_report(sudan, pmn2, year=2023))
    report = build_report(sudan, 2024, cover={"D": ("unchanged", 2023)})
    report.submitted_on = day("2025-03-01")
    proposals = proposals_by_field(accept(report))
    # Still held at the end of 2024: the figure of 2024.
    assert proposals[Field.MINES_RETAINED].report_says == {"quantity": 150, "year": 2024}


def test_a_form_d_that_does_not_apply_says_no_mine_is_retained(sudan, pmn2):
    sudan.mines_retained, sudan.mines_retained_year = 40, 2020
    sudan.save()
    report = build_report(sudan, 2024, cover={"D": ("not_applicable", "None retained.")})
    assert proposals_by_field(accept(report))[Field.MINES_RETAINED].report_says == {
        "quantity": 0,
        "year": 2024,
    }


def test_an_initial_report_proposes_no_received_year(sudan, pmn2):
    """The registry records reports by the calendar year they cover; an initial report
    covers none (its year would be the first annual report's)."""
    forget_registry_facts(sudan)
    report = build_report(
        sudan,
        retained=[
            FormDRetained(
                institution="Army", mine_type=pmn2, quantity_start=10, quantity_end=10, purpose="T"
            )
        ],
    )
    proposals = proposals_by_field(accept(report))
    assert Field.REPORT_RECEIVED not in proposals
    # The figure stands at the end of the initial period (entry into force 2004-04-01).
    assert proposals[Field.MINES_RETAINED].report_says == {"quantity": 10, "year": 2004}


# --- The ISU decides -----------------------------------------------------------------------


@pytest.fixture
def proposals(sudan, pmn2) -> dict[str, RegistryProposal]:
    return proposals_by_field(accept(full_report(sudan, pmn2, visibility="parties")))


def decide(client, proposal, decision: str):
    return client.post(
        reverse("reporting_proposal_decide", args=[proposal.pk]), {"decision": decision}
    )


def test_the_isu_sees_registry_and_report_side_by_side(client, isu_user, proposals):
    login(client, isu_user)
    response = client.get(reverse("reporting_proposals"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sudan, report for 2024" in html
    assert "Registry says" in html and "Report says" in html
    assert "150 mines at the end of 2024" in html
    assert "Destruction completed on 30 June 2024" in html
    assert "Legislation adopted: Anti-Personnel Mines Act (1 March 2012)" in html
    assert html.count('name="decision" value="apply"') == 4


def test_the_isu_applies_a_proposal(client, isu_user, sudan, proposals):
    login(client, isu_user)
    before = registry_snapshot(sudan)
    response = decide(client, proposals[Field.MINES_RETAINED], "apply")
    assert response.status_code == 302

    sudan.refresh_from_db()
    assert (sudan.mines_retained, sudan.mines_retained_year) == (150, 2024)
    # Nothing else in the registry moved.
    after = registry_snapshot(sudan)
    changed = {k for k in before[0] if before[0][k] != after[0][k]}
    assert changed == {"mines_retained", "mines_retained_year", "updated_at"}
    proposal = RegistryProposal.objects.get(pk=proposals[Field.MINES_RETAINED].pk)
    assert proposal.status == Status.APPLIED
    assert proposal.decided_by == isu_user and proposal.decided_at
    entry = ModelLogEntry.objects.get(action="reporting.registry_proposal_applied")
    assert entry.user == isu_user
    assert entry.object_id == str(sudan.pk)
    assert entry.data["report"]["id"] == proposal.report_id
    assert entry.data["report_says"] == {"quantity": 150, "year": 2024}
    # The registry's history says who applied what from which report.
    history = client.get(reverse("wagtailsnippets_registry_stateparty:history", args=[sudan.pk]))
    text = history.content.decode()
    assert "Applied from Sudan, report for 2024" in text
    assert "150 mines at the end of 2024" in text
    assert isu_user.get_username() in text or isu_user.get_full_name() in text


def test_applying_each_kind_of_fact(isu_user, sudan, proposals):
    from reporting.proposals import apply

    RegistryReport.objects.create(state=sudan, year=2024, url="https://example.org/un-copy")
    # The row was added after the proposal was made: that one is stale now (below); a
    # report accepted now proposes the date for the existing row.
    for field in (Field.STOCKPILE_DESTROYED, Field.NATIONAL_MEASURES):
        apply(proposals[field], isu_user)
    sudan.refresh_from_db()
    assert sudan.stockpile_status == "completed"
    assert sudan.stockpile_completed_on == day("2024-06-30")
    assert sudan.national_measures == "legislation_adopted"


def test_applying_a_report_received_updates_the_registrys_row(isu_user, sudan, pmn2):
    from reporting.proposals import apply

    row = RegistryReport.objects.create(state=sudan, year=2024, url="https://example.org/un")
    report = accept(full_report(sudan, pmn2, visibility="parties"))
    proposal = proposals_by_field(report)[Field.REPORT_RECEIVED]
    assert proposal.registry_says == {"submitted_on": None, "url": row.url, "document": False}
    apply(proposal, isu_user)
    row.refresh_from_db()
    assert row.submitted_on == day("2025-04-15")
    assert row.url == "https://example.org/un"  # a restricted report has no page to link
    assert RegistryReport.objects.filter(state=sudan, year=2024).count() == 1


def test_applying_a_public_reports_receipt_records_it_with_its_page(isu_user, sudan, pmn2):
    from reporting.proposals import apply

    report = accept(full_report(sudan, pmn2, visibility="public"))
    proposal = proposals_by_field(report)[Field.REPORT_RECEIVED]
    link = expected_link("en", 2024)
    assert link.startswith(settings.PUBLIC_BASE_URL + "/en/")  # the public report pages
    apply(proposal, isu_user)
    row = RegistryReport.objects.get(state=sudan, year=2024)
    assert (row.submitted_on, row.url) == (day("2025-04-15"), link)


def test_a_report_without_a_page_to_link_is_not_recorded_without_a_link(
    client, isu_user, sudan, proposals
):
    """The registry keeps a link or a document for every report: a restricted report's
    proposal cannot create a row with neither."""
    login(client, isu_user)
    before = registry_snapshot(sudan)
    response = decide(client, proposals[Field.REPORT_RECEIVED], "apply")
    assert response.status_code == 302
    assert registry_snapshot(sudan) == before
    page = client.get(response.url).content.decode()
    assert "has no public page to link to" in page
    assert RegistryProposal.objects.get(pk=proposals[Field.REPORT_RECEIVED].pk).status == (
        Status.PENDING
    )


def test_the_isu_dismisses_a_proposal(client, isu_user, sudan, proposals):
    login(client, isu_user)
    before = registry_snapshot(sudan)
    assert decide(client, proposals[Field.NATIONAL_MEASURES], "dismiss").status_code == 302
    assert registry_snapshot(sudan) == before
    proposal = RegistryProposal.objects.get(pk=proposals[Field.NATIONAL_MEASURES].pk)
    assert proposal.status == Status.DISMISSED and proposal.decided_by == isu_user
    entry = ModelLogEntry.objects.get(action="reporting.registry_proposal_dismissed")
    assert entry.user == isu_user and entry.object_id == str(sudan.pk)
    # Decided once: a second decision is refused.
    decide(client, proposal, "apply")
    sudan.refresh_from_db()
    assert sudan.national_measures == "unknown"


def test_a_stale_proposal_is_refused(client, isu_user, sudan, proposals):
    # Someone corrects the registry by hand after the report was accepted.
    sudan.mines_retained, sudan.mines_retained_year = 7, 2024
    sudan.save()
    login(client, isu_user)
    listing = client.get(reverse("reporting_proposals")).content.decode()
    assert "The registry has changed since: it now says 7 mines at the end of 2024" in listing

    response = decide(client, proposals[Field.MINES_RETAINED], "apply")
    sudan.refresh_from_db()
    assert (sudan.mines_retained, sudan.mines_retained_year) == (7, 2024)
    assert "The registry has changed since this proposal was made" in (
        client.get(response.url).content.decode()
    )
    assert RegistryProposal.objects.get(pk=proposals[Field.MINES_RETAINED].pk).status == (
        Status.PENDING
    )
    assert not ModelLogEntry.objects.filter(action="reporting.registry_proposal_applied").exists()


# --- Nobody else -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["focal_point", "no_group", "anonymous"])
def test_only_the_isu_sees_or_decides_proposals(client, who, fp_sudan, sudan, proposals):
    if who == "focal_point":
        login(client, fp_sudan)  # the focal point of the very State the report is from
    elif who == "no_group":
        login(client, make_user(email="nobody@example.org"))
    before = registry_snapshot(sudan)

    listing = client.get(reverse("reporting_proposals"))
    posted = [decide(client, proposal, "apply") for proposal in proposals.values()]
    posted.append(decide(client, proposals[Field.MINES_RETAINED], "dismiss"))

    for response in (listing, *posted):
        if who == "focal_point":
            # Wagtail's admin turns the 403 into a redirect to the dashboard, with a message.
            assert response.status_code in (302, 403)
            if response.status_code == 302:
                assert response.url == reverse("wagtailadmin_home")
        else:
            assert response.status_code == 302
            assert response.url.startswith(reverse("wagtailadmin_login"))
    assert registry_snapshot(sudan) == before
    assert set(RegistryProposal.objects.values_list("status", flat=True)) == {Status.PENDING}


def test_the_menu_and_dashboard_show_proposals_to_the_isu_only(
    client, isu_user, fp_sudan, proposals
):
    login(client, isu_user)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "4 registry changes proposed by accepted reports." in home
    assert reverse("reporting_proposals") in home
    login(client, fp_sudan)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "registry changes proposed" not in home
    assert reverse("reporting_proposals") not in home
