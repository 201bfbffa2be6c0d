"""The page editor's preview panel shows the page, and admin avatars are no broken images.

The preview panel frames the admin's own preview URL: it must answer with
`frame-ancestors 'self'` and `X-Frame-Options: SAMEORIGIN`, while public pages (and the
rest of the admin) stay framing-denied. Avatars come from no third party: the CSP would
block Gravatar (a broken image) and it would tell Gravatar who uses the admin.
"""

import pytest
from django.urls import reverse

from tests.admin_forms import page_form_data
from tests.conftest import login

pytestmark = pytest.mark.django_db


def frame_ancestors(response) -> str:
    for directive in response["Content-Security-Policy"].split(";"):
        name, _, value = directive.strip().partition(" ")
        if name == "frame-ancestors":
            return value
    return ""


def test_the_editor_preview_may_be_framed_by_the_admin(client, sudan, fp_sudan):
    login(client, fp_sudan)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[sudan.pk])
    body = [("status_of_implementation", {"note": "Only in the preview."})]
    data = page_form_data(sudan, body=body)
    posted = client.post(url, data)
    assert posted.json()["is_valid"], posted.content
    response = client.get(url, {"in_preview_panel": "true"})
    assert response.status_code == 200
    assert "Only in the preview." in response.content.decode()
    assert frame_ancestors(response) == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize("path", ["/en/", "/en/states-parties/sudan/", "/admin/login/"])
def test_public_pages_and_the_rest_of_the_admin_cannot_be_framed(client, sudan, path):
    response = client.get(path)
    assert response.status_code == 200
    assert frame_ancestors(response) == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_the_editor_frames_the_preview_itself_only(client, sudan, fp_sudan):
    login(client, fp_sudan)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[sudan.pk]))
    assert response.status_code == 200
    assert frame_ancestors(response) == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_admin_pages_show_no_gravatar(client, sudan, fp_sudan):
    login(client, fp_sudan)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_pages:edit", args=[sudan.pk])):
        html = client.get(url).content.decode()
        assert "gravatar" not in html.lower()
