"""Groups, rights and the review workflow are made and kept right by code."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from country_pages.models import CountryPage
from focal_points import roles
from focal_points.models import StateGroup
from registry.models import StateParty
from tests.factories import StatePartyFactory

pytestmark = pytest.mark.django_db


def page_rights(group: Group) -> set[tuple[int, str]]:
    return set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page_id", "permission__codename"
        )
    )


def test_sync_is_idempotent(sudan):
    roles.sync_roles()
    assert roles.sync_roles().changed == []


def test_focal_point_group_has_exactly_its_rights_in_every_language(sudan):
    group = Group.objects.get(name="Focal point — Sudan")
    pages = CountryPage.objects.filter(state__iso3="SDN")
    assert {p.locale.language_code for p in pages} == {"en", "fr"}
    expected = {(p.pk, perm) for p in pages for perm in ("add_page", "change_page", "lock_page")}
    assert page_rights(group) == expected
    # No publish right, nothing on the root or another State; as model rights the admin,
    # and the Article 7 reports' rights short of accepting, deleting and unlocking others'
    # locks (which reports: their own State's, by reporting.admin.policy).
    assert not any(perm == "publish_page" for _page, perm in page_rights(group))
    assert set(group.permissions.values_list("codename", flat=True)) == {
        "access_admin",
        "add_article7report",
        "change_article7report",
        "view_article7report",
        "lock_article7report",
        "add_minetype",
        "change_minetype",
        "view_minetype",
    }


def test_focal_point_collections(sudan):
    state_group = StateGroup.objects.get(state__iso3="SDN")
    own = set(
        GroupCollectionPermission.objects.filter(
            group=state_group.group, collection=state_group.collection
        ).values_list("permission__codename", flat=True)
    )
    assert own == {"add_image", "choose_image", "add_document", "choose_document"}
    shared = Collection.objects.get(name=roles.SHARED_COLLECTION_NAME)
    assert set(
        GroupCollectionPermission.objects.filter(
            group=state_group.group, collection=shared
        ).values_list("permission__codename", flat=True)
    ) == {"choose_image", "choose_document"}
    root = Collection.get_first_root_node()
    assert not GroupCollectionPermission.objects.filter(
        group=state_group.group, collection=root
    ).exists()


def test_rights_added_by_hand_are_removed(sudan):
    group = Group.objects.get(name="Focal point — Sudan")
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(
        group=group, page=Page.get_first_root_node(), permission=publish
    )
    group.permissions.add(Permission.objects.get(codename="change_stateparty"))
    group.permissions.add(Permission.objects.get(codename="publish_article7report"))
    report = roles.sync_roles()
    assert report.changed
    assert not GroupPagePermission.objects.filter(group=group, permission=publish).exists()
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert "change_stateparty" not in codenames and "publish_article7report" not in codenames
    assert codenames == {name.split(".")[1] for name in roles.REPORT_FOCAL_POINT_PERMISSIONS} | {
        "access_admin"
    }


def test_default_wagtail_groups_are_gone():
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_new_translation_gets_the_rights_at_once(sudan):
    from tests.conftest import translate_everything

    spanish = translate_everything(sudan, "es")
    group = Group.objects.get(name="Focal point — Sudan")
    assert (spanish.pk, "change_page") in page_rights(group)


def test_alias_page_made_by_locale_sync_gets_the_rights(sudan):
    from wagtail.models import Locale

    russian = Locale.objects.get(language_code="ru")
    parent = sudan.get_parent().get_translation(russian)
    alias = sudan.create_alias(parent=parent, update_locale=russian)
    group = Group.objects.get(name="Focal point — Sudan")
    assert (alias.pk, "change_page") in page_rights(group)


def test_new_registry_record_gets_a_group_and_collection():
    state = StatePartyFactory(name_en="Newland")
    state_group = StateGroup.objects.get(state=state)
    assert state_group.group.name == "Focal point — Newland"
    assert state_group.collection.name == "Newland"


def test_isu_group_moderates_every_language():
    isu = Group.objects.get(name="ISU")
    root = Page.get_first_root_node()
    assert {perm for page, perm in page_rights(isu) if page == root.pk} >= {
        "publish_page",
        "change_page",
        "unlock_page",
    }
    assert isu.permissions.filter(codename="submit_translation").exists()
    assert isu.permissions.filter(codename="change_stateparty").exists()


def test_one_review_workflow_covers_every_locale(sudan):
    workflow = Workflow.objects.get(name="ISU review")
    assert list(WorkflowPage.objects.values_list("page_id", "workflow_id")) == [
        (Page.get_first_root_node().pk, workflow.pk)
    ]
    for page in CountryPage.objects.filter(state__iso3="SDN"):
        assert page.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["ISU"]
    assert not Workflow.objects.filter(active=True).exclude(pk=workflow.pk).exists()


# --- Accounts -----------------------------------------------------------------------------


def add(iso3, email, *extra):
    out = StringIO()
    call_command("add_focal_point", iso3, email, *extra, stdout=out)
    return out.getvalue()


def test_add_focal_point_creates_and_invites():
    output = add("SDN", "New.Person@Example.org")
    assert "created and added as focal point for Sudan" in output
    group = Group.objects.get(name="Focal point — Sudan")
    user = group.user_set.get()
    assert user.email == "new.person@example.org"
    assert not user.has_usable_password()
    assert len(mail.outbox) == 1
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body


def test_focal_point_for_one_state_only_unless_the_isu_decides():
    add("SDN", "person@example.org")
    with pytest.raises(CommandError, match="already focal point for Sudan"):
        add("ZWE", "person@example.org")
    add("ZWE", "person@example.org", "--several-states")
    assert {s.iso3 for s in roles.states_of(make_user_lookup("person@example.org"))} == {
        "SDN",
        "ZWE",
    }


def make_user_lookup(email):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(email=email)


def test_isu_member_cannot_be_a_focal_point(isu_user):
    with pytest.raises(CommandError, match="belongs to the ISU"):
        add("SDN", isu_user.email)


def test_unknown_state_code():
    with pytest.raises(CommandError, match="No State with the code 'XYZ'"):
        add("XYZ", "someone@example.org")


def test_invalid_email():
    with pytest.raises(CommandError):
        add("SDN", "not-an-email")


@override_settings(DEBUG=False)
def test_demo_accounts_refused_without_debug():
    with pytest.raises(CommandError, match="development only"):
        call_command("load_demo_accounts")


@override_settings(DEBUG=True)
def test_demo_accounts_in_development(states_index):
    call_command("load_demo_accounts", stdout=StringIO())
    assert Group.objects.get(name="ISU").user_set.filter(email="isu@example.org").exists()
    sudan_fp = Group.objects.get(name="Focal point — Sudan").user_set.get()
    assert sudan_fp.check_password("demo-password-not-for-production")
    assert StateParty.objects.get(iso3="SEN").state_group.group.user_set.count() == 1
    call_command("load_demo_accounts", stdout=StringIO())  # idempotent
    assert Group.objects.get(name="ISU").user_set.count() == 1
