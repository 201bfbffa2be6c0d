"""The integrity of what the ISU reviewed and of who did what.

Each test reproduces a breach found by an attack, as the user would notice it: an
approved revision rewritten in place, unreviewed translation text going live, a focal
point taking the ISU's name and email, another State's drafts shown by the page chooser,
the ISU's correction lost by a focal point's stale form.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import Locale, PageLogEntry, Revision
from wagtail_localize.models import StringTranslation

from country_pages.models import CountryPage
from registry.models import StateParty
from tests.admin_forms import page_form_data
from tests.conftest import login, make_user

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit(client, page, **fields):
    data = page_form_data(page, **fields)
    data["action-submit"] = "Submit"
    return client.post(edit_url(page), data)


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []


# --- 3. An approved or live revision is never rewritten in place ------------------------------


def autosave(client, page, revision, **fields):
    """What the editor's autosave posts: the form, with the revision to update in place."""
    data = page_form_data(page, **fields)
    data["overwrite_revision_id"] = str(revision.pk)
    data["loaded_revision_id"] = str(revision.pk)
    data["loaded_revision_created_at"] = revision.created_at.isoformat()
    return client.post(edit_url(page), data, HTTP_ACCEPT="application/json")


def note(text):
    return [("status_of_implementation", {"note": text})]


def approved_by_isu(client, page, fp, isu, title):
    login(client, fp)
    assert submit(client, page, title=title, body=note(f"{title}: the note")).status_code == 302
    page.refresh_from_db()
    login(client, isu)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.title == title and not page.workflow_in_progress
    return page.live_revision


@pytest.mark.parametrize("as_json", [True, False])
def test_focal_point_cannot_rewrite_the_revision_the_isu_approved(
    client, sudan, fp_sudan, isu_user, as_json
):
    approved = approved_by_isu(client, sudan, fp_sudan, isu_user, "Sudan — as approved")
    assert approved.user == fp_sudan and approved == sudan.get_latest_revision()

    login(client, fp_sudan)
    if as_json:
        response = autosave(
            client,
            sudan,
            approved,
            title="Sudan — rewritten after approval",
            body=note("Rewritten after approval"),
        )
        assert response.status_code == 200 and response.json()["success"]
        new_id = response.json()["revision_id"]
    else:
        data = page_form_data(
            sudan, title="Sudan — rewritten after approval", body=note("Rewritten after approval")
        )
        data["overwrite_revision_id"] = str(approved.pk)
        assert client.post(edit_url(sudan), data).status_code == 302
        new_id = sudan.__class__.objects.get(pk=sudan.pk).latest_revision_id

    approved.refresh_from_db()
    assert approved.content["title"] == "Sudan — as approved"  # what the ISU approved
    assert new_id != approved.pk  # the save made a new draft
    assert Revision.objects.get(pk=new_id).content["title"] == "Sudan — rewritten after approval"
    # The history's approved revision still shows the approved text.
    response = client.get(
        reverse("wagtailadmin_pages:revisions_view", args=[sudan.pk, approved.pk])
    )
    assert "Sudan — as approved: the note" in response.content.decode()
    assert "Rewritten after approval" not in response.content.decode()


def test_revision_sent_back_for_changes_is_not_rewritten(client, sudan, fp_sudan, isu_user):
    login(client, fp_sudan)
    assert submit(client, sudan, title="Sudan — submitted").status_code == 302
    sudan.refresh_from_db()
    submitted = sudan.get_latest_revision()
    login(client, isu_user)
    workflow_action(client, sudan, "reject", comment="Cite a source")
    login(client, fp_sudan)
    response = autosave(client, sudan, submitted, title="Sudan — changed afterwards")
    assert response.json()["success"]
    submitted.refresh_from_db()
    assert submitted.content["title"] == "Sudan — submitted"  # what the ISU reviewed


def test_nobody_rewrites_the_live_revision_not_even_the_isu(client, sudan, isu_user):
    login(client, isu_user)
    data = page_form_data(sudan, title="Sudan — published by the ISU")
    data["action-publish"] = "1"
    assert client.post(edit_url(sudan), data).status_code == 302
    sudan.refresh_from_db()
    live = sudan.live_revision
    response = autosave(client, sudan, live, title="Sudan — typo fixed later")
    assert response.json()["success"]
    live.refresh_from_db()
    assert live.content["title"] == "Sudan — published by the ISU"
    # An ordinary draft is still autosaved in place (no new revision per keystroke).
    draft_id = response.json()["revision_id"]
    draft = Revision.objects.get(pk=draft_id)
    response = autosave(client, sudan, draft, title="Sudan — typo fixed later, again")
    assert response.json()["revision_id"] == draft_id


def test_focal_point_cannot_overwrite_another_states_revision(
    client, sudan, zimbabwe, fp_sudan, fp_zimbabwe
):
    zimbabwe_revision = zimbabwe.save_revision(user=fp_zimbabwe)
    login(client, fp_sudan)
    response = autosave(client, zimbabwe, zimbabwe_revision, title="Taken over")
    assert response.status_code in (302, 403)
    zimbabwe_revision.refresh_from_db()
    assert zimbabwe_revision.content["title"] == zimbabwe.title


# --- 9. A re-translated alias page does not go live without a publish ----------------------


def test_retranslating_an_alias_does_not_publish_unreviewed_text(
    client, sudan, isu_user, django_capture_on_commit_callbacks
):
    french = CountryPage.objects.get(state__iso3="SDN", locale__language_code="fr")
    fr = Locale.objects.get(language_code="fr")
    live_text = client.get(french.url).content.decode()
    assert "Mines block the roads." in live_text  # the reviewed French text ("[fr] …")
    # Unreviewed text in translation memory (a machine translation nobody checked).
    assert StringTranslation.objects.filter(
        locale=fr, translation_of__data__contains="Mines block the roads."
    ).update(data="UNREVIEWED MACHINE TEXT")

    login(client, isu_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtail_localize:convert_to_alias", args=[french.pk]))
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[sudan.pk]),
            {"locales": [fr.pk]},
        )
    assert response.status_code == 302
    french.refresh_from_db()
    assert french.alias_of_id is None  # a translated page again…
    assert "UNREVIEWED MACHINE TEXT" not in client.get(french.url).content.decode()
    # …whose new text waits, as a draft, for the ISU to publish it.
    assert french.has_unpublished_changes
    assert "UNREVIEWED MACHINE TEXT" in str(french.get_latest_revision().content)
    publishes = PageLogEntry.objects.filter(page=french, action="wagtail.publish").count()

    # The ISU publishes it from the translation editor.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(french), {"action": "publish"})
    assert response.status_code == 302
    assert "UNREVIEWED MACHINE TEXT" in client.get(french.url).content.decode()
    entries = PageLogEntry.objects.filter(page=french, action="wagtail.publish")
    assert entries.count() == publishes + 1 and entries.first().user == isu_user


def test_converting_to_an_alias_needs_publish_rights(client, sudan, fp_sudan):
    """Converting replaces the live page by the source: a publication."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.get(name="Focal point — Sudan")
    group.permissions.add(Permission.objects.get(codename="submit_translation"))
    french = CountryPage.objects.get(state__iso3="SDN", locale__language_code="fr")
    login(client, fp_sudan)
    response = client.post(reverse("wagtail_localize:convert_to_alias", args=[french.pk]))
    assert response.status_code in (302, 403)
    french.refresh_from_db()
    assert french.alias_of_id is None


# --- 11. Nobody takes another account's name or email ----------------------------------------


def account_post(client, **fields):
    data = {
        "name_email-first_name": "Amal",
        "name_email-last_name": "Osman",
        "locale-preferred_language": "en",
        "locale-current_time_zone": "",
        "theme-theme": "system",
        "theme-density": "default",
        "theme-contrast": "system",
        "theme-keyboard_shortcuts": "on",
    }
    data.update({f"name_email-{key}": value for key, value in fields.items()})
    return client.post(reverse("wagtailadmin_account"), data)


@pytest.fixture
def isu_named(isu_user):
    isu_user.first_name, isu_user.last_name = "Implementation", "Support Unit"
    isu_user.save()
    return isu_user


def test_focal_point_cannot_take_the_isus_email(client, fp_sudan, isu_named):
    login(client, fp_sudan)
    account_post(client, email=isu_named.email)
    account_post(client, email=isu_named.email.upper())
    fp_sudan.refresh_from_db()
    assert fp_sudan.email == "fp.sudan@example.org"
    assert get_user_model().objects.filter(email__iexact=isu_named.email).count() == 1


def test_focal_point_cannot_change_their_email_to_capture_an_invitation(
    client, fp_sudan, isu_named
):
    login(client, fp_sudan)
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    assert 'name="name_email-email"' not in page  # only the ISU changes emails
    account_post(client, email="new.focal.point@zimbabwe.example")
    fp_sudan.refresh_from_db()
    assert fp_sudan.email == "fp.sudan@example.org"

    from focal_points.accounts import assign_focal_point

    assignment = assign_focal_point(
        StateParty.objects.get(iso3="ZWE"), "new.focal.point@zimbabwe.example"
    )
    assert assignment.created and assignment.user != fp_sudan
    assert not fp_sudan.groups.filter(name="Focal point — Zimbabwe").exists()
    assert mail.outbox[-1].to == ["new.focal.point@zimbabwe.example"]


def test_focal_point_cannot_take_the_isus_name(client, fp_sudan, isu_named):
    login(client, fp_sudan)
    response = account_post(client, first_name="implementation ", last_name=" SUPPORT UNIT")
    assert response.status_code == 200
    assert "already used by another account" in response.content.decode()
    fp_sudan.refresh_from_db()
    assert fp_sudan.get_full_name() != isu_named.get_full_name()
    # An ordinary name is accepted.
    response = account_post(client, first_name="Amal", last_name="Osman")
    assert response.status_code == 302
    fp_sudan.refresh_from_db()
    assert fp_sudan.get_full_name() == "Amal Osman"


def test_isu_cannot_give_two_accounts_the_same_email(client, fp_sudan, fp_zimbabwe, isu_named):
    login(client, isu_named)
    response = account_post(
        client, first_name="Implementation", last_name="Support Unit", email=fp_sudan.email
    )
    assert response.status_code == 200
    assert "already used by another account" in response.content.decode()
    isu_named.refresh_from_db()
    assert isu_named.email == "isu@example.org"
    url = reverse("wagtailusers_users:edit", args=[fp_zimbabwe.pk])
    response = client.post(
        url,
        {
            "username": fp_zimbabwe.username,
            "email": "FP.Sudan@example.org",
            "first_name": "Z",
            "last_name": "W",
            "is_active": "on",
            "groups": list(fp_zimbabwe.groups.values_list("pk", flat=True)),
        },
    )
    assert "already used by another account" in response.content.decode()
    fp_zimbabwe.refresh_from_db()
    assert fp_zimbabwe.email == "fp.zimbabwe@example.org"
    # And whatever the path, the database refuses a second account with the same email.
    with pytest.raises(IntegrityError), transaction.atomic():
        make_user(email="ISU@example.org")


# --- 12. The page chooser shows only pages the user may choose -------------------------------


def test_page_chooser_chosen_multiple_shows_no_other_states_drafts(
    client, sudan, zimbabwe, fp_sudan
):
    from tests.conftest import translate_everything

    spanish = translate_everything(zimbabwe, "es", publish=False)  # not live
    zimbabwe.title = "Zimbabwe — secret draft"
    zimbabwe.save_revision(user=None)
    login(client, fp_sudan)
    url = reverse("wagtailadmin_choose_page_chosen_multiple")
    response = client.get(f"{url}?id={zimbabwe.pk}&id={spanish.pk}&id={sudan.pk}")
    text = response.content.decode()
    assert "secret draft" not in text
    assert str(spanish.pk) not in re.findall(r'"id": (\d+)', text)
    # The focal point's own page can still be chosen.
    assert response.status_code == 200 and str(sudan.pk) in re.findall(r'"id": (\d+)', text)


# --- 16. A stale form does not silently replace someone else's newer version ---------------


def test_stale_form_does_not_replace_the_isus_correction(client, sudan, fp_sudan, isu_user):
    login(client, fp_sudan)
    loaded = client.get(edit_url(sudan)).content.decode()
    loaded_id = re.search(r'name="loaded_revision_id" value="(\d+)"', loaded).group(1)
    loaded_at = re.search(r'name="loaded_revision_created_at" value="([^"]*)"', loaded).group(1)

    # Meanwhile the ISU corrects the page.
    login(client, isu_user)
    response = client.post(edit_url(sudan), page_form_data(sudan, title="Sudan (ISU)"))
    assert response.status_code == 302
    sudan.refresh_from_db()
    isu_revision = sudan.get_latest_revision()

    # The focal point saves (and then submits) the form loaded before the correction.
    login(client, fp_sudan)
    for action in ({}, {"action-submit": "Submit"}):
        data = page_form_data(sudan, title="Sudan (focal point)", **action)
        data.update(loaded_revision_id=loaded_id, loaded_revision_created_at=loaded_at)
        response = client.post(edit_url(sudan), data)
        assert response.status_code == 200  # the form again, not saved
        text = response.content.decode()
        assert "saved a newer version of this page" in text
        assert "Sudan (focal point)" in text  # nothing the focal point typed is lost
        assert (
            reverse(
                "wagtailadmin_pages:revisions_compare", args=[sudan.pk, loaded_id, isu_revision.pk]
            )
            in text
        )
        sudan.refresh_from_db()
        assert sudan.get_latest_revision() == isu_revision
        assert not sudan.workflow_in_progress

    # Having seen the newer version, the focal point saves a form based on it.
    data = page_form_data(sudan, title="Sudan (ISU) (focal point)")
    data.update(
        loaded_revision_id=str(isu_revision.pk),
        loaded_revision_created_at=isu_revision.created_at.isoformat(),
    )
    assert client.post(edit_url(sudan), data).status_code == 302
    sudan.refresh_from_db()
    assert sudan.get_latest_revision().content["title"] == "Sudan (ISU) (focal point)"


def test_own_newer_save_in_another_tab_is_not_a_conflict(client, sudan, fp_sudan):
    login(client, fp_sudan)
    first = sudan.get_latest_revision()
    assert client.post(edit_url(sudan), page_form_data(sudan, title="Tab one")).status_code == 302
    data = page_form_data(sudan, title="Tab two")
    data.update(
        loaded_revision_id=str(first.pk),
        loaded_revision_created_at=first.created_at.isoformat(),
    )
    assert client.post(edit_url(sudan), data).status_code == 302
    sudan.refresh_from_db()
    assert sudan.get_latest_revision().content["title"] == "Tab two"


def test_stale_autosave_is_refused_too(client, sudan, fp_sudan, isu_user):
    loaded = sudan.get_latest_revision()
    login(client, isu_user)
    client.post(edit_url(sudan), page_form_data(sudan, title="Sudan (ISU)"))
    login(client, fp_sudan)
    data = page_form_data(sudan, title="Sudan (focal point autosave)")
    data.update(
        loaded_revision_id=str(loaded.pk),
        loaded_revision_created_at=loaded.created_at.isoformat(),
    )
    response = client.post(edit_url(sudan), data, HTTP_ACCEPT="application/json")
    assert not response.json()["success"]
    sudan.refresh_from_db()
    assert sudan.get_latest_revision().content["title"] == "Sudan (ISU)"
