"""Autosave and "Save draft" store nothing that validation would refuse.

The focal point empties the text of a priority: Wagtail's autosave used to store the
empty priority in the latest revision, silently, and "Save draft" saved it without a
warning. Now the autosave is refused (the editor shows "There are validation errors")
and the latest revision keeps the previous text; "Save draft" shows the form again with
the error and what was typed.
"""

import pytest
from django.urls import reverse

from country_pages.models import CountryPage
from tests.admin_forms import page_form_data
from tests.conftest import login

pytestmark = pytest.mark.django_db


def priorities(*texts):
    return [
        (
            "priorities",
            {"priorities": [{"text": text, "target_year": None} for text in texts]},
        )
    ]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def latest_priorities(page) -> list[str]:
    page = CountryPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    section = next(block for block in page.body if block.block_type == "priorities")
    return [item["text"] for item in section.value["priorities"]]


@pytest.fixture
def draft(client, sudan, fp_sudan):
    page = CountryPage.objects.get(pk=sudan.pk)
    page.body = priorities("Clear the roads to Kassala")
    revision = page.save_revision(user=fp_sudan)
    login(client, fp_sudan)
    return page, revision


def test_autosave_with_a_required_field_blank_is_refused(client, draft):
    page, revision = draft
    data = page_form_data(page, body=priorities(""))
    data.update(
        overwrite_revision_id=str(revision.pk),
        loaded_revision_id=str(revision.pk),
        loaded_revision_created_at=revision.created_at.isoformat(),
    )
    response = client.post(edit_url(page), data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["success"] is False
    assert response.json()["error_code"] == "validation_error"
    assert latest_priorities(page) == ["Clear the roads to Kassala"]
    assert CountryPage.objects.get(pk=page.pk).get_latest_revision() == revision


def test_save_draft_with_a_required_field_blank_shows_the_error(client, draft):
    page, revision = draft
    response = client.post(edit_url(page), page_form_data(page, body=priorities("")))
    assert response.status_code == 200  # the form again, not a redirect
    messages = [str(message) for message in response.context["messages"]]
    assert any("could not be saved" in message for message in messages)
    assert latest_priorities(page) == ["Clear the roads to Kassala"]


def test_a_valid_autosave_still_updates_the_draft_in_place(client, draft):
    page, revision = draft
    data = page_form_data(page, body=priorities("Clear the roads to Kassala and Gedaref"))
    data.update(
        overwrite_revision_id=str(revision.pk),
        loaded_revision_id=str(revision.pk),
        loaded_revision_created_at=revision.created_at.isoformat(),
    )
    response = client.post(edit_url(page), data, HTTP_ACCEPT="application/json")
    assert response.json()["success"], response.content
    assert response.json()["revision_id"] == revision.pk
    assert latest_priorities(page) == ["Clear the roads to Kassala and Gedaref"]
