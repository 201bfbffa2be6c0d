"""The review cycle: focal points submit, the ISU approves or asks for changes."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from country_pages.models import CountryPage
from tests.admin_forms import page_form_data
from tests.conftest import login

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit(client, page, **fields):
    data = page_form_data(page, **fields)
    data["action-submit"] = "Submit"
    return client.post(edit_url(page), data)


def workflow_action(client, page, action, comment=""):
    state = page.current_workflow_state
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


@pytest.mark.parametrize("language", ["en", "fr"])
def test_full_review_cycle(client, sudan, fp_sudan, isu_user, language):
    page = CountryPage.objects.get(state__iso3="SDN", locale__language_code=language)
    live_title = page.title

    # The focal point submits a change: it goes to review, nothing goes live.
    login(client, fp_sudan)
    response = submit(client, page, title=f"{live_title} — first draft")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.title == live_title
    assert any(isu_user.email in message.to for message in mail.outbox)

    # While in review, the page is locked for the focal point.
    response = client.post(edit_url(page), page_form_data(page, title="Sneaky edit"))
    page.refresh_from_db()
    assert page.get_latest_revision().content["title"] == f"{live_title} — first draft"

    # The ISU asks for changes, with a comment the focal point receives.
    login(client, isu_user)
    mail.outbox.clear()
    response = workflow_action(client, page, "reject", comment="Please cite your source.")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert any(
        fp_sudan.email in message.to and "Please cite your source." in message.body
        for message in mail.outbox
    )
    login(client, fp_sudan)
    history = client.get(
        reverse(
            "wagtailadmin_pages:workflow_history_detail",
            args=[page.pk, page.current_workflow_state.pk],
        )
    )
    assert history.status_code == 200
    assert "Please cite your source." in history.content.decode()

    # The focal point corrects and submits again (the editor's "Resubmit" is action-submit;
    # restarting the workflow is the ISU's).
    data = page_form_data(page, title=f"{live_title} — corrected")
    data["action-submit"] = "Resubmit"
    response = client.post(edit_url(page), data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.title == live_title

    # The ISU approves: the page is published with the correction.
    login(client, isu_user)
    response = workflow_action(client, page, "approve")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.title == f"{live_title} — corrected"
    assert not page.has_unpublished_changes
    public = client.get(page.url)
    assert public.status_code == 200


def test_focal_point_cannot_publish(client, sudan, fp_sudan):
    login(client, fp_sudan)
    data = page_form_data(sudan, title="Published by a focal point?")
    data["action-publish"] = "Publish"
    client.post(edit_url(sudan), data)
    sudan.refresh_from_db()
    assert sudan.title != "Published by a focal point?"
    assert sudan.live_revision.content["title"] != "Published by a focal point?"


def test_focal_point_can_save_a_draft_of_own_page(client, sudan, fp_sudan):
    login(client, fp_sudan)
    response = client.post(edit_url(sudan), page_form_data(sudan, title="Draft title"))
    assert response.status_code == 302
    sudan.refresh_from_db()
    assert sudan.get_latest_revision().content["title"] == "Draft title"
    assert sudan.title != "Draft title"


def test_isu_translation_flow_with_machine_translation(
    client, sudan, isu_user, django_capture_on_commit_callbacks
):
    """After approving a source change, the ISU syncs the translations (machine translation
    through the configured translator — the dummy one in tests), reviews and publishes."""
    from wagtail_localize.models import TranslationSource

    from core.translation import OUTDATED, UP_TO_DATE, translation_status

    login(client, isu_user)
    body = [("status_of_implementation", {"note": "Survey ends in April"})]
    data = page_form_data(sudan, body=body)
    data["action-publish"] = "1"
    assert client.post(edit_url(sudan), data).status_code == 302
    french = CountryPage.objects.get(state__iso3="SDN", locale__language_code="fr")
    status = {locale.language_code: state for locale, state, _page in translation_status(sudan)}
    assert status["fr"] == OUTDATED

    source = TranslationSource.objects.get(object_id=sudan.translation_key, locale=sudan.locale)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = client.post(url, {"use_machine_translation": "on"})
    assert response.status_code == 302
    french.refresh_from_db()
    assert "April" not in str(french.body.raw_data)  # synced, not yet published

    # wagtail-localize publishes when the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    french.refresh_from_db()
    assert "April in ends Survey" in str(french.body.raw_data)  # the dummy translator
    status = {locale.language_code: state for locale, state, _page in translation_status(sudan)}
    assert status["fr"] == UP_TO_DATE
