"""A focal point asks the Committee to start their State's individualised approach; the ISU
sees the open requests on its dashboard and answers; the State's focal points read the
answer. Nobody else sees or makes a request for a State, by any URL."""

from __future__ import annotations

import pytest
from django.urls import reverse

from approach.models import ApproachRequest
from registry.models import StateParty
from tests.conftest import login, make_user

pytestmark = pytest.mark.django_db

INDEX = "/admin/approach/requests/"
NEW = "/admin/approach/requests/new/"


def refused(response) -> bool:
    """How Wagtail's admin refuses a signed-in user: 403, or back to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def detail(item) -> str:
    return reverse("approach_request", args=[item.pk])


def answer_url(item) -> str:
    return reverse("approach_request_answer", args=[item.pk])


@pytest.fixture
def sudan_request(fp_sudan):
    return ApproachRequest.objects.create(
        state=StateParty.objects.get(iso3="SDN"),
        requested_by=fp_sudan,
        message="Sudan would like to start its individualised approach.",
    )


def test_a_focal_point_asks_for_their_own_state(client, fp_sudan):
    login(client, fp_sudan)
    page = client.get(NEW)
    assert page.status_code == 200
    html = page.content.decode()
    assert ">Sudan</option>" in html and ">Zimbabwe</option>" not in html
    sudan = StateParty.objects.get(iso3="SDN")
    response = client.post(NEW, {"state": sudan.pk, "message": "Please start it."})
    made = ApproachRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(made)
    assert (made.state, made.requested_by, made.status) == (sudan, fp_sudan, "open")
    index = client.get(INDEX).content.decode()
    assert "Sudan" in index and "Open" in index


def test_a_focal_point_cannot_ask_for_another_state(client, fp_sudan):
    login(client, fp_sudan)
    zimbabwe = StateParty.objects.get(iso3="ZWE")
    response = client.post(NEW, {"state": zimbabwe.pk, "message": "Taken over."})
    assert response.status_code == 200  # the form, with the State refused
    assert "Select a valid choice" in response.content.decode()
    assert not ApproachRequest.objects.exists()


def test_another_states_focal_point_sees_nothing_of_it(client, sudan_request, fp_zimbabwe):
    login(client, fp_zimbabwe)
    assert "Sudan would like" not in client.get(INDEX).content.decode()
    assert client.get(detail(sudan_request)).status_code == 404
    assert refused(client.post(answer_url(sudan_request), {"answer": "Taken over."}))
    sudan_request.refresh_from_db()
    assert sudan_request.status == "open" and sudan_request.answer == ""


def test_the_isu_sees_open_requests_on_its_dashboard_and_answers(
    client, sudan_request, isu_user, fp_sudan
):
    login(client, isu_user)
    dashboard = client.get("/admin/").content.decode()
    assert "Requests to start the individualised approach" in dashboard
    assert detail(sudan_request) in dashboard
    assert refused(client.get(NEW))  # the ISU answers, a State asks
    assert "Sudan would like" in client.get(detail(sudan_request)).content.decode()
    response = client.post(answer_url(sudan_request), {"answer": "The Committee agrees."})
    assert response.status_code == 302
    sudan_request.refresh_from_db()
    assert (sudan_request.status, sudan_request.answered_by) == ("answered", isu_user)
    assert sudan_request.answered_at is not None
    # Answered: off the dashboard; cannot be answered twice.
    assert detail(sudan_request) not in client.get("/admin/").content.decode()
    client.post(answer_url(sudan_request), {"answer": "Changed."})
    sudan_request.refresh_from_db()
    assert sudan_request.answer == "The Committee agrees."
    # The State's focal point reads the answer.
    client.logout()
    login(client, fp_sudan)
    assert "The Committee agrees." in client.get(detail(sudan_request)).content.decode()


def test_an_empty_answer_is_refused(client, sudan_request, isu_user):
    login(client, isu_user)
    response = client.post(answer_url(sudan_request), {"answer": ""})
    assert response.status_code == 200
    sudan_request.refresh_from_db()
    assert sudan_request.status == "open"


def test_the_dashboard_panel_is_the_isus_only(client, sudan_request, fp_sudan):
    login(client, fp_sudan)
    assert (
        "Requests to start the individualised approach"
        not in client.get("/admin/").content.decode()
    )


def test_a_focal_point_cannot_answer_even_their_own(client, sudan_request, fp_sudan):
    login(client, fp_sudan)
    assert refused(client.post(answer_url(sudan_request), {"answer": "Self-approved."}))
    sudan_request.refresh_from_db()
    assert sudan_request.status == "open"


@pytest.mark.parametrize("url", [INDEX, NEW])
def test_anonymous_visitors_are_sent_to_sign_in(client, sudan_request, url):
    for target in (url, detail(sudan_request)):
        response = client.get(target)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.post(answer_url(sudan_request), {"answer": "x"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_user_with_no_role_is_refused(client, sudan_request):
    nobody = make_user(email="nobody@example.org")
    login(client, nobody)
    for target in (INDEX, NEW, detail(sudan_request)):
        response = client.get(target)
        # No admin access at all: back to signing in.
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert "Sudan would like" not in client.get(INDEX).content.decode()


def test_one_open_request_per_state(client, sudan_request, fp_sudan):
    login(client, fp_sudan)
    sudan = StateParty.objects.get(iso3="SDN")
    response = client.post(NEW, {"state": sudan.pk, "message": "Again."})
    assert response.status_code == 200
    assert "already waiting" in response.content.decode()
    assert ApproachRequest.objects.count() == 1
