"""The report editor in the admin, through the real views: each focal point sees and edits
only their own State's reports, starts a report prefilled or blank, submits it only once
the whole report holds together, and the ISU accepts it through the same review as pages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from reporting.models import Article7Report, FormAMeasure, FormBStockpile, MineType
from tests.conftest import login, make_user
from tests.reporting.admin_data import report_form_data
from tests.reporting.helpers import accept, build_report

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_reporting_article7report:list"
EDIT = "wagtailsnippets_reporting_article7report:edit"
NOT_APPLICABLE = dict.fromkeys("BCDEFGHIJ", ("not_applicable", "Nothing to report."))


def denied(response) -> bool:
    """Refused as Wagtail's admin refuses: 403, or back to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def ready_report(state, year=2025):
    """A draft a focal point could submit: Form A filled, the others not applicable."""
    report = build_report(
        state,
        year,
        cover=NOT_APPLICABLE,
        measures=[FormAMeasure(kind="legislation", title="Anti-personnel Mines Act")],
    )
    report.save()
    report.save_revision()
    return report


@pytest.fixture
def fp_sudan(db):
    return make_user("Focal point — Sudan", email="fp.sudan@example.org")


@pytest.fixture
def isu(db):
    return make_user("ISU", email="isu@example.org")


def test_listing_shows_only_the_focal_points_own_state(
    client, sudan, zimbabwe_state, fp_sudan, isu
):
    ready_report(sudan)
    ready_report(zimbabwe_state)
    login(client, fp_sudan)
    page = client.get(reverse(LIST)).content.decode()
    assert "Sudan, report for 2025" in page
    assert "Zimbabwe" not in page
    login(client, isu)
    page = client.get(reverse(LIST)).content.decode()
    assert "Sudan, report for 2025" in page and "Zimbabwe, report for 2025" in page


def test_start_prefilled_from_the_last_accepted_report(
    client, sudan, zimbabwe_state, fp_sudan, pmn2
):
    accept(build_report(sudan, 2024, stockpiles=[FormBStockpile(mine_type=pmn2, quantity=120)]))
    login(client, fp_sudan)
    page = client.get(reverse("reporting_start")).content.decode()
    assert "Annual report for 2025" in page and "Zimbabwe" not in page

    response = client.post(reverse("reporting_start"), {"state": sudan.pk, "period": "2025"})
    new = Article7Report.objects.get(state=sudan, year=2025)
    assert response.status_code == 302 and response["Location"] == reverse(EDIT, args=[new.pk])
    assert [(row.mine_type, row.quantity) for row in new.stockpiles.all()] == [(pmn2, 120)]
    assert not new.live and new.latest_revision is not None

    # Another State's report cannot be started, whatever is posted.
    response = client.post(
        reverse("reporting_start"), {"state": zimbabwe_state.pk, "period": "2025"}
    )
    assert denied(response)
    assert not Article7Report.objects.filter(state=zimbabwe_state).exists()


def test_start_blank(client, sudan, fp_sudan, pmn2):
    accept(build_report(sudan, 2024, stockpiles=[FormBStockpile(mine_type=pmn2, quantity=120)]))
    login(client, fp_sudan)
    client.post(reverse("reporting_start"), {"state": sudan.pk, "period": "2025", "blank": "1"})
    new = Article7Report.objects.get(state=sudan, year=2025)
    assert not new.stockpiles.exists() and new.cover.count() == 10


def test_submit_refused_until_the_report_holds_together(client, sudan, fp_sudan):
    report = build_report(sudan, 2025)  # every form "changed", none filled in
    report.save()
    report.save_revision()
    login(client, fp_sudan)
    data = report_form_data(report, fp_sudan, **{"action-submit": "Submit"})
    response = client.post(reverse(EDIT, args=[report.pk]), data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "The report cannot be submitted yet" in text
    assert "Form B is marked changed but has no entries" in text
    assert not WorkflowState.objects.filter(object_id=str(report.pk)).exists()


def test_draft_saved_without_the_whole_check(client, sudan, fp_sudan):
    report = build_report(sudan, 2025)
    report.save()
    report.save_revision()
    login(client, fp_sudan)
    data = report_form_data(report, fp_sudan, contact_name="Amina Focal")
    response = client.post(reverse(EDIT, args=[report.pk]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.get_latest_revision_as_object().contact_name == "Amina Focal"
    assert not report.live


def test_focal_point_submits_and_the_isu_accepts(client, sudan, fp_sudan, isu):
    report = ready_report(sudan)
    login(client, fp_sudan)
    # Publishing is the ISU's: a focal point's "publish" does not accept the report.
    data = report_form_data(report, fp_sudan, **{"action-publish": "1"})
    client.post(reverse(EDIT, args=[report.pk]), data)
    report.refresh_from_db()
    assert not report.live

    data = report_form_data(report, fp_sudan, **{"action-submit": "1"})
    response = client.post(reverse(EDIT, args=[report.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    report.refresh_from_db()
    assert report.workflow_in_progress

    # The ISU sees it on its dashboard and approves it through the workflow.
    login(client, isu)
    assert "Sudan, report for 2025" in client.get(reverse("wagtailadmin_home")).content.decode()
    task_state = report.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_reporting_article7report:workflow_action",
        args=[report.pk, "approve", task_state.pk],
    )
    response = client.post(url, {"comment": "Accepted."})
    assert response.status_code in (200, 302)
    report.refresh_from_db()
    assert report.live and not report.workflow_in_progress


def test_focal_point_proposes_a_mine_type_for_their_state_only(
    client, sudan, zimbabwe_state, fp_sudan
):
    secret = MineType.objects.create(designation="Zimbabwe's proposal", proposed_by=zimbabwe_state)
    login(client, fp_sudan)
    response = client.post(
        reverse("wagtailsnippets_reporting_minetype:add"),
        {
            "designation": "Type X",
            "kind": "anti_personnel",
            "origin": "Unknown",
            "status": "approved",
        },
    )
    assert response.status_code == 302
    proposal = MineType.objects.get(designation="Type X")
    assert proposal.status == MineType.Status.PROPOSED and proposal.proposed_by == sudan
    listing = client.get(reverse("wagtailsnippets_reporting_minetype:list")).content.decode()
    chooser = client.get(
        reverse("wagtailsnippetchoosers_reporting_minetype:choose")
    ).content.decode()
    for page in (listing, chooser):
        assert "Type X" in page and secret.designation not in page
    edit = reverse("wagtailsnippets_reporting_minetype:edit", args=[secret.pk])
    assert denied(client.get(edit))


def test_the_isu_enters_a_report_sent_by_email(client, sudan, isu, fp_sudan):
    login(client, isu)
    page = client.get(reverse("reporting_start"), {"state": sudan.pk}).content.decode()
    assert "Annual report for 2025" in page
    client.post(reverse("reporting_start"), {"state": sudan.pk, "period": "2025", "blank": "1"})
    report = Article7Report.objects.get(state=sudan, year=2025)
    # On behalf of the State: the document it sent is required.
    data = report_form_data(report, isu, filed_by_isu="on", contact_name="Amina Focal")
    response = client.post(reverse(EDIT, args=[report.pk]), data)
    assert response.status_code == 200
    assert "Attach the report the State submitted." in response.content.decode()
    # A focal point's form has no such fields: what they post for them is ignored.
    login(client, fp_sudan)
    data = report_form_data(report, fp_sudan, filed_by_isu="on")
    assert client.post(reverse(EDIT, args=[report.pk]), data).status_code == 302
    assert not report.get_latest_revision_as_object().filed_by_isu


def test_a_saved_report_is_found_among_the_uses_of_its_mine_types(sudan, pmn2, pomz):
    """References are indexed once per save, with every row in place (not once per row)."""
    from wagtail.models import ReferenceIndex

    rows = [FormBStockpile(mine_type=mine, quantity=5) for mine in (pmn2, pomz)]
    report = build_report(sudan, 2024, stockpiles=rows)
    report.save()
    for mine in (pmn2, pomz):
        assert ReferenceIndex.get_references_to(mine).filter(object_id=str(report.pk)).exists()


def test_the_summary_compares_with_the_previous_report(client, sudan, fp_sudan, pmn2):
    accept(build_report(sudan, 2024, stockpiles=[FormBStockpile(mine_type=pmn2, quantity=120)]))
    login(client, fp_sudan)
    client.post(reverse("reporting_start"), {"state": sudan.pk, "period": "2025"})
    report = Article7Report.objects.get(state=sudan, year=2025)
    url = reverse("wagtailsnippets_reporting_article7report:inspect", args=[report.pk])
    page = client.get(url).content.decode()
    assert "Compared with" in page and "Sudan, report for 2024" in page
    assert "Mines stockpiled" in page and "120" in page
