"""A focal point who works in French got the review emails in English: Wagtail writes each
notification in the recipient's preferred language (its user profile), which was never set
for focal points."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.users.models import UserProfile

from focal_points.accounts import assign_focal_point
from registry.models import StateParty
from tests.admin_forms import page_form_data
from tests.conftest import login, make_country

pytestmark = pytest.mark.django_db


def test_a_french_working_focal_point_gets_review_emails_in_french(client, states_index, isu_user):
    senegal = make_country(states_index, "SEN", languages=())
    state = StateParty.objects.get(iso3="SEN")
    assignment = assign_focal_point(state, "point.focal@example.org", invite=False, language="fr")
    focal_point = assignment.user
    focal_point.set_password("a-long-test-password")
    focal_point.save()
    assert UserProfile.get_for_user(focal_point).preferred_language == "fr"

    login(client, focal_point)
    data = page_form_data(senegal, title="Sénégal — mise à jour")
    data["action-submit"] = "1"
    assert (
        client.post(reverse("wagtailadmin_pages:edit", args=[senegal.pk]), data).status_code == 302
    )
    senegal.refresh_from_db()
    mail.outbox.clear()
    login(client, isu_user)
    task_state = senegal.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[senegal.pk, "approve", task_state.pk])
    assert client.post(url, {"comment": ""}).status_code == 302
    to_focal_point = [m for m in mail.outbox if focal_point.email in m.to]
    assert to_focal_point, [m.to for m in mail.outbox]
    message = to_focal_point[0]
    assert "approved" not in message.subject.lower(), message.subject
    assert "approuvé" in (message.subject + message.body).lower(), message.subject


def test_the_working_language_defaults_to_the_language_of_the_states_page(states_index):
    english_page = make_country(states_index, "SDN", languages=())
    assert english_page.locale.language_code == "en"
    user = assign_focal_point(
        StateParty.objects.get(iso3="SDN"), "fp@example.org", invite=False
    ).user
    assert UserProfile.get_for_user(user).preferred_language == "en"
    # A choice the user made is kept when they become focal point for another State.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    make_country(states_index, "ZWE", languages=())
    assign_focal_point(
        StateParty.objects.get(iso3="ZWE"), "fp@example.org", invite=False, several_states=True
    )
    assert UserProfile.get_for_user(user).preferred_language == "es"
