"""After the ISU requests changes, the focal point sees its comment where they work, and
reads "changes requested", never "rejected". The editor offers the focal point only the
actions they may take and finish; the ISU's dashboard starts with what awaits its review.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse

from country_pages.models import CountryPage
from tests.admin_forms import page_form_data
from tests.conftest import login

pytestmark = pytest.mark.django_db

COMMENT = "Please add the 2025 survey figures to the priorities."


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit(client, page):
    data = page_form_data(page)
    data["action-submit"] = "Submit"
    assert client.post(edit_url(page), data).status_code == 302


def request_changes(client, page, comment):
    page = CountryPage.objects.get(pk=page.pk)
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    return client.post(url, {"comment": comment})


def action_names(html: str) -> set[str]:
    return set(re.findall(r'name="(action-[a-z-]+|localize-[a-z-]+)"', html))


@pytest.fixture
def sent_back(client, sudan, fp_sudan, isu_user, settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    login(client, fp_sudan)
    submit(client, sudan)
    login(client, isu_user)
    mail.outbox.clear()
    request_changes(client, sudan, COMMENT)
    login(client, fp_sudan)
    return sudan


def test_the_email_says_changes_requested_and_quotes_the_comment(sent_back, fp_sudan):
    emails = [message for message in mail.outbox if fp_sudan.email in message.to]
    assert emails, [message.subject for message in mail.outbox]
    email = emails[0]
    assert email.subject.startswith("Changes requested on")
    html = email.alternatives[0][0]
    for text in (email.subject, email.body, html):
        assert "reject" not in text.lower()
    assert COMMENT in email.body
    assert COMMENT in html
    assert edit_url(sent_back) in email.body


def test_the_editor_shows_the_comment_at_the_top(client, sent_back):
    response = client.get(edit_url(sent_back))
    messages = [str(message) for message in response.context["messages"]]
    assert any("Changes requested by" in m and COMMENT in m for m in messages), messages


def test_the_dashboard_shows_the_comment_first(client, sent_back):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="changes-requested' in html and COMMENT in html
    panels = re.findall(r'<section[^>]*id="([a-z0-9-]+)', html)
    assert panels and panels[0].startswith("changes-requested"), panels


def test_the_focal_point_is_not_offered_actions_of_the_isu(client, sent_back, fp_sudan):
    html = client.get(edit_url(sent_back)).content.decode()
    names = action_names(html)
    assert "action-submit" in names or "action-restart-workflow" not in names
    for hidden in (
        "action-cancel-workflow",
        "action-restart-workflow",
        "localize-restart-translation",
        "localize-convert-to-alias",
    ):
        assert hidden not in names
    assert "Set schedule" not in html
    # While the review is in progress either.
    submit(client, sent_back)
    names = action_names(client.get(edit_url(sent_back)).content.decode())
    assert "action-cancel-workflow" not in names


def test_the_isu_dashboard_starts_with_what_awaits_its_review(client, sudan, fp_sudan, isu_user):
    login(client, fp_sudan)
    submit(client, sudan)
    login(client, isu_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in html
    assert html.index("Awaiting your review") < html.index("Pages not updated for 12 months")


def test_only_the_isu_sets_a_publishing_schedule(client, sudan, fp_sudan, isu_user):
    login(client, isu_user)
    assert "Set schedule" in client.get(edit_url(sudan)).content.decode()
    login(client, fp_sudan)
    assert "Set schedule" not in client.get(edit_url(sudan)).content.decode()


def test_the_page_history_says_changes_requested(client, sent_back):
    html = client.get(reverse("wagtailadmin_pages:history", args=[sent_back.pk])).content.decode()
    assert "Changes requested at" in html and COMMENT in html
    assert "Rejected at" not in html


def test_a_focal_point_cannot_cancel_or_restart_the_review_by_posting(client, sudan, fp_sudan):
    """The buttons are hidden; a hand-made post of their action is refused too."""
    login(client, fp_sudan)
    submit(client, sudan)
    for action in ("action-cancel-workflow", "action-restart-workflow"):
        data = page_form_data(CountryPage.objects.get(pk=sudan.pk))
        data[action] = "1"
        response = client.post(edit_url(sudan), data)
        # Wagtail answers a refused admin request by sending the user to the dashboard.
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    page = CountryPage.objects.get(pk=sudan.pk)
    assert page.current_workflow_state is not None
    assert page.current_workflow_state.status == "in_progress"


def test_a_focal_point_cannot_schedule_publication_by_posting_dates(client, sudan, fp_sudan):
    login(client, fp_sudan)
    data = page_form_data(sudan)
    data["go_live_at"] = "2030-01-01 09:00"
    data["expire_at"] = "2031-01-01 09:00"
    assert client.post(edit_url(sudan), data).status_code == 302
    draft = CountryPage.objects.get(pk=sudan.pk).get_latest_revision_as_object()
    assert draft.go_live_at is None and draft.expire_at is None


def test_the_isu_can_schedule_publication(client, sudan, isu_user):
    login(client, isu_user)
    data = page_form_data(sudan)
    data["go_live_at"] = "2030-01-01 09:00"
    assert client.post(edit_url(sudan), data).status_code == 302
    draft = CountryPage.objects.get(pk=sudan.pk).get_latest_revision_as_object()
    assert draft.go_live_at is not None and draft.go_live_at.year == 2030
