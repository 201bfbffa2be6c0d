"""A focal point's admin shows only their own country; the ISU's shows everything it needs."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from country_pages.models import CountryPage
from focal_points.models import StateGroup
from tests.conftest import login
from tests.focal_points.test_permission_matrix import make_document, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(sudan, zimbabwe, fp_sudan, fp_zimbabwe):
    own = StateGroup.objects.get(state__iso3="SDN").collection
    other = StateGroup.objects.get(state__iso3="ZWE").collection
    return {
        "own_image": make_image(own, fp_sudan),
        "other_image": make_image(other, fp_zimbabwe),
        "own_document": make_document(own, fp_sudan),
        "other_document": make_document(other, fp_zimbabwe),
    }


def zimbabwe_draft(zimbabwe, fp_zimbabwe):
    """A draft title nobody outside Zimbabwe should see."""
    zimbabwe.title = "Zimbabwe draft: confidential"
    zimbabwe.save_revision(user=fp_zimbabwe)
    return "Zimbabwe draft: confidential"


def test_page_search_shows_only_own_pages(client, sudan, zimbabwe, fp_sudan, fp_zimbabwe):
    secret = zimbabwe_draft(zimbabwe, fp_zimbabwe)
    login(client, fp_sudan)
    html = client.get(reverse("wagtailadmin_pages:search"), {"q": "Zimbabwe"}).content.decode()
    assert secret not in html
    assert f"/admin/pages/{zimbabwe.pk}/edit/" not in html
    html = client.get(reverse("wagtailadmin_pages:search"), {"q": "Sudan"}).content.decode()
    assert f"/admin/pages/{sudan.pk}/edit/" in html


def test_page_chooser_shows_only_own_pages(
    client, sudan, zimbabwe, fp_sudan, fp_zimbabwe, states_index
):
    secret = zimbabwe_draft(zimbabwe, fp_zimbabwe)
    login(client, fp_sudan)
    html = client.get(
        reverse("wagtailadmin_choose_page_child", args=[states_index.pk])
    ).content.decode()
    assert "Sudan" in html
    assert secret not in html and "Zimbabwe" not in html
    html = client.get(
        reverse("wagtailadmin_choose_page_search"), {"q": "Zimbabwe"}
    ).content.decode()
    assert "Zimbabwe" not in html


def test_explorer_lists_only_own_country(client, sudan, zimbabwe, fp_sudan, states_index):
    login(client, fp_sudan)
    html = client.get(reverse("wagtailadmin_explore", args=[states_index.pk])).content.decode()
    assert f"/admin/pages/{sudan.pk}/edit/" in html
    assert f"/admin/pages/{zimbabwe.pk}/edit/" not in html


def test_image_and_document_listings_and_choosers(client, media, fp_sudan):
    login(client, fp_sudan)
    for url_name in ("wagtailimages:index", "wagtailimages_chooser:choose"):
        html = client.get(reverse(url_name)).content.decode()
        assert (
            f"/admin/images/{media['own_image'].pk}/" in html or str(media["own_image"].pk) in html
        )
        assert f"/admin/images/{media['other_image'].pk}/" not in html
    for url_name in ("wagtaildocs:index", "wagtaildocs_chooser:choose"):
        html = client.get(reverse(url_name)).content.decode()
        assert f"/admin/documents/edit/{media['other_document'].pk}/" not in html
        assert f'data-chooser-modal-choice="{media["other_document"].pk}"' not in html
    assert get_image_model().objects.count() == 2 and get_document_model().objects.count() == 2


def test_reports_show_only_own_pages(client, sudan, zimbabwe, fp_sudan, fp_zimbabwe):
    zimbabwe.save_revision(user=fp_zimbabwe, log_action=True)
    zimbabwe.get_workflow().start(zimbabwe, fp_zimbabwe)
    login(client, fp_sudan)
    for url_name in (
        "wagtailadmin_reports:aging_pages",
        "wagtailadmin_reports:workflow",
        "wagtailadmin_reports:workflow_tasks",
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:locked_pages",
    ):
        response = client.get(reverse(url_name))
        if response.status_code == 200:
            assert f"/admin/pages/{zimbabwe.pk}/" not in response.content.decode(), url_name
    assert client.get(reverse("wagtailadmin_reports:page_types_usage")).status_code in (302, 403)


def test_registry_facts_read_only_on_the_edit_view(client, sudan, fp_sudan):
    login(client, fp_sudan)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[sudan.pk])).content.decode()
    assert "Status of implementation (kept by the ISU)" in html
    assert 'name="state"' not in html  # the State a page speaks for is the ISU's to set
    assert "Entry into force" in html


def test_isu_dashboard(client, sudan, isu_user, fp_sudan):
    stale = CountryPage.objects.get(state__iso3="SDN", locale__language_code="fr")
    CountryPage.objects.filter(pk=stale.pk).update(
        last_published_at=timezone.now() - dt.timedelta(days=400)
    )
    login(client, isu_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Pages not updated for 12 months" in html
    assert f"/admin/pages/{stale.pk}/edit/" in html
    assert "Translations out of date" in html
    assert "Focal points who have not signed in for 12 months" in html
    assert fp_sudan.email in html  # never signed in


def test_focal_point_dashboard_shows_language_status(client, sudan, fp_sudan):
    login(client, fp_sudan)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Source language" in html
    assert "Up to date" in html
    assert "Missing" in html  # Spanish, Arabic, … not translated yet


def test_focal_points_view_for_the_isu(client, sudan, isu_user, fp_sudan):
    login(client, isu_user)
    url = reverse("focal_points_index")
    html = client.get(url).content.decode()
    assert fp_sudan.email in html and "never signed in" in html
    response = client.post(url, {"state": sudan.state_id, "email": "new.fp@example.org"})
    assert response.status_code == 302
    assert (
        StateGroup.objects.get(state__iso3="SDN")
        .group.user_set.filter(email="new.fp@example.org")
        .exists()
    )


def test_focal_points_view_is_closed_to_focal_points(client, sudan, fp_sudan):
    login(client, fp_sudan)
    response = client.get(reverse("focal_points_index"))
    assert response.status_code in (302, 403)


def test_changes_are_in_the_audit_log(client, sudan, fp_sudan):
    from wagtail.models import PageLogEntry

    from tests.admin_forms import page_form_data

    login(client, fp_sudan)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[sudan.pk]), page_form_data(sudan, title="Edited")
    )
    entry = PageLogEntry.objects.filter(page=sudan, action="wagtail.edit").latest("timestamp")
    assert entry.user == fp_sudan
    assert entry.timestamp
