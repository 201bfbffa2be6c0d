"""wagtail-localize's views only check a global permission and its editor publishes
directly: these tests fail if our object-level checks are removed."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale
from wagtail_localize.models import Translation, TranslationSource

from country_pages.models import CountryPage
from tests.admin_forms import page_form_data
from tests.conftest import login, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def sudan_translator(sudan):
    """Holds the global "submit translation" permission, with edit rights on Sudan only."""
    group = Group.objects.create(name="Sudan translators (test)")
    group.permissions.add(
        Permission.objects.get(codename="submit_translation"),
        Permission.objects.get(codename="access_admin"),
    )
    for page in CountryPage.objects.filter(state__iso3="SDN"):
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.create(
                group=group, page=page, permission=Permission.objects.get(codename=codename)
            )
    return make_user(group.name, email="translator@example.org")


def assert_denied(response):
    """Wagtail answers a refused admin request with 403, or a redirect to the dashboard
    (with a "permission denied" message) or to the login page."""
    if response.status_code == 302:
        assert response["Location"] == "/admin/" or response["Location"].startswith("/admin/login/")
    else:
        assert response.status_code in (403, 404, 405)


def submit_translation_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def update_translations_url(page):
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def test_focal_point_cannot_translate_or_sync_any_page(client, sudan, zimbabwe, fp_sudan):
    login(client, fp_sudan)
    spanish = Locale.objects.get(language_code="es")
    for page in (sudan, zimbabwe):
        assert_denied(client.get(submit_translation_url(page)))
        assert_denied(client.post(submit_translation_url(page), {"locales": [spanish.pk]}))
        assert_denied(client.get(update_translations_url(page)))
        assert_denied(client.post(update_translations_url(page), {"publish_translations": "on"}))
    assert not CountryPage.objects.filter(locale=spanish).exists()


def test_translate_needs_edit_rights_on_the_source(client, sudan, zimbabwe, sudan_translator):
    login(client, sudan_translator)
    spanish = Locale.objects.get(language_code="es")
    assert_denied(client.post(submit_translation_url(zimbabwe), {"locales": [spanish.pk]}))
    assert not CountryPage.objects.filter(state__iso3="ZWE", locale=spanish).exists()
    assert_denied(client.get(update_translations_url(zimbabwe)))


def test_translate_needs_rights_on_the_target_parent(client, sudan, sudan_translator):
    """The translator may edit Sudan's page but may not add pages under the Spanish
    index: wagtail-localize alone would create the Spanish page anyway."""
    login(client, sudan_translator)
    spanish = Locale.objects.get(language_code="es")
    assert_denied(client.post(submit_translation_url(sudan), {"locales": [spanish.pk]}))
    assert not CountryPage.objects.filter(state__iso3="SDN", locale=spanish).exists()


def test_sync_and_publish_needs_publish_rights_on_every_target(client, sudan, sudan_translator):
    login(client, sudan_translator)
    url = update_translations_url(sudan)
    assert client.get(url).status_code == 200  # may prepare a sync…
    french = CountryPage.objects.get(state__iso3="SDN", locale__language_code="fr")
    before = french.live_revision_id
    assert_denied(client.post(url, {"publish_translations": "on"}))  # …but not publish it
    french.refresh_from_db()
    assert french.live_revision_id == before


def test_translation_editor_apis_need_the_translation_right(client, sudan, fp_sudan):
    login(client, fp_sudan)
    translation = Translation.objects.filter(source__object_id=sudan.translation_key).first()
    for name in ("download_pofile", "machine_translate", "stop_translation", "preview_translation"):
        url = reverse(f"wagtail_localize:{name}", args=[translation.pk])
        assert_denied(client.get(url))
        assert_denied(client.post(url))
    assert Translation.objects.get(pk=translation.pk).enabled
    assert_denied(client.get(reverse("wagtail_localize:translations_report")))


def test_focal_point_edits_a_translation_in_the_normal_editor_and_it_goes_to_review(
    client, sudan, fp_sudan, isu_user
):
    french = CountryPage.objects.get(state__iso3="SDN", locale__language_code="fr")
    login(client, fp_sudan)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert response.status_code == 200
    assert "<title>Translation of" not in response.content.decode()
    live_title = french.title
    data = page_form_data(french, title="Soudan — correction")
    data["action-submit"] = "Submit"
    assert (
        client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), data).status_code == 302
    )
    french.refresh_from_db()
    assert french.title == live_title  # nothing live without the ISU
    assert french.workflow_in_progress
    # The corrected translation is now edited independently: a sync will not overwrite it.
    assert not Translation.objects.get(
        source__object_id=sudan.translation_key, target_locale=french.locale
    ).enabled


def test_isu_still_gets_the_translation_editor(client, sudan, isu_user):
    french = CountryPage.objects.get(state__iso3="SDN", locale__language_code="fr")
    login(client, isu_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert response.status_code == 200
    assert "<title>Translation of" in response.content.decode()
