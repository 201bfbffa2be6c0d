"""Groups, permissions, collections and the review workflow, created and kept right by code.

Every function here is idempotent and also removes what should not be there: a right
added by hand to a focal point group is taken away on the next sync. A focal point's
rights start and end at their own State's country pages (in every language) and their
own collection.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from country_pages.models import CountryPage
from registry.models import StateParty

from .models import StateGroup

ISU_GROUP_NAME = "ISU"
SHARED_COLLECTION_NAME = "Shared"
REVIEW_WORKFLOW_NAME = "ISU review"
REVIEW_TASK_NAME = "ISU approval"
# Wagtail's default groups give rights on the whole tree; our roles replace them.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")

FOCAL_POINT_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
ISU_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
)
FOCAL_POINT_OWN_COLLECTION = ("add_image", "choose_image", "add_document", "choose_document")
FOCAL_POINT_SHARED_COLLECTION = ("choose_image", "choose_document")
ISU_COLLECTION_PERMISSIONS = (
    "add_image",
    "change_image",
    "delete_image",
    "choose_image",
    "add_document",
    "change_document",
    "delete_document",
    "choose_document",
    "add_collection",
    "change_collection",
    "delete_collection",
)
ADMIN_ACCESS = "wagtailadmin.access_admin"
# Article 7 reports (the reporting app): what a focal point may do is further limited to
# their own State's reports by reporting.admin.policy; accepting is publishing.
REPORT_MODEL = ("reporting", "article7report")
REPORT_FOCAL_POINT_PERMISSIONS = (
    "reporting.add_article7report",
    "reporting.change_article7report",
    "reporting.view_article7report",
    "reporting.lock_article7report",
    "reporting.add_minetype",
    "reporting.change_minetype",
    "reporting.view_minetype",
)
REPORT_ISU_PERMISSIONS = (
    *REPORT_FOCAL_POINT_PERMISSIONS,
    "reporting.delete_article7report",
    "reporting.publish_article7report",
    "reporting.unlock_article7report",
    "reporting.delete_minetype",
)
ISU_MODEL_PERMISSIONS = (
    ADMIN_ACCESS,
    "registry.add_stateparty",
    "registry.change_stateparty",
    "registry.delete_stateparty",
    "registry.view_stateparty",
    "country_pages.add_organisation",
    "country_pages.change_organisation",
    "country_pages.delete_organisation",
    "country_pages.view_organisation",
    "country_pages.add_thematictag",
    "country_pages.change_thematictag",
    "country_pages.delete_thematictag",
    "country_pages.view_thematictag",
    "auth.add_user",
    "auth.change_user",
    "auth.view_user",
    "wagtail_localize.submit_translation",
    "focal_points.manage_focal_points",
    *REPORT_ISU_PERMISSIONS,
)


@dataclass
class SyncReport:
    changed: list[str] = field(default_factory=list)

    def note(self, message: str) -> None:
        self.changed.append(message)


def permissions(*dotted_or_codenames: str, app_label: str | None = None) -> list[Permission]:
    found = []
    for name in dotted_or_codenames:
        label, codename = name.split(".") if "." in name else (app_label, name)
        found.append(Permission.objects.get(content_type__app_label=label, codename=codename))
    return found


def page_permissions(codenames) -> list[Permission]:
    page_type = ContentType.objects.get_for_model(Page)
    return [Permission.objects.get(content_type=page_type, codename=c) for c in codenames]


def collection_permissions(codenames) -> list[Permission]:
    return list(
        Permission.objects.filter(
            codename__in=codenames,
            content_type__app_label__in=["wagtailimages", "wagtaildocs", "wagtailcore"],
        )
    )


def set_model_permissions(group: Group, wanted: list[Permission], report: SyncReport) -> None:
    current = set(group.permissions.all())
    if current != set(wanted):
        group.permissions.set(wanted)
        report.note(f"{group.name}: model permissions set")


def _set_object_permissions(
    group: Group,
    wanted: dict[int, list[Permission]],
    model: type[GroupPagePermission] | type[GroupCollectionPermission],
    object_field: str,
    label: str,
    report: SyncReport,
) -> None:
    """Exactly these permissions of the group on pages or collections: {id: permissions}."""
    wanted_pairs = {(pk, perm.pk) for pk, perms in wanted.items() for perm in perms}
    existing = {
        (getattr(row, object_field), row.permission_id): row
        for row in model.objects.filter(group=group)
    }
    for pair, row in existing.items():
        if pair not in wanted_pairs:
            row.delete()
            report.note(f"{group.name}: removed {label} permission {pair}")
    for object_id, permission_id in wanted_pairs - existing.keys():
        model.objects.create(group=group, permission_id=permission_id, **{object_field: object_id})
        report.note(f"{group.name}: {label} permission {permission_id} on {label} {object_id}")


def set_page_permissions(
    group: Group, wanted: dict[int, list[Permission]], report: SyncReport
) -> None:
    _set_object_permissions(group, wanted, GroupPagePermission, "page_id", "page", report)


def set_collection_permissions(
    group: Group, wanted: dict[int, list[Permission]], report: SyncReport
) -> None:
    _set_object_permissions(
        group, wanted, GroupCollectionPermission, "collection_id", "collection", report
    )


def child_collection(name: str) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def ensure_isu_group(report: SyncReport) -> Group:
    group, created = Group.objects.get_or_create(name=ISU_GROUP_NAME)
    if created:
        report.note("ISU group created")
    set_model_permissions(group, permissions(*ISU_MODEL_PERMISSIONS), report)
    root_page = Page.get_first_root_node()
    set_page_permissions(group, {root_page.pk: page_permissions(ISU_PAGE_PERMISSIONS)}, report)
    root_collection = Collection.get_first_root_node()
    set_collection_permissions(
        group, {root_collection.pk: collection_permissions(ISU_COLLECTION_PERMISSIONS)}, report
    )
    return group


def focal_point_group_name(state: StateParty) -> str:
    return f"Focal point — {state.name_en}"


def ensure_state_group(state: StateParty, report: SyncReport | None = None) -> StateGroup:
    report = report or SyncReport()
    state_group = StateGroup.objects.filter(state=state).select_related("group").first()
    if state_group is None:
        group, _created = Group.objects.get_or_create(name=focal_point_group_name(state))
        collection = child_collection(state.name_en)
        state_group = StateGroup.objects.create(state=state, group=group, collection=collection)
        report.note(f"{group.name}: created")
    group = state_group.group
    if group.name != focal_point_group_name(state):
        group.name = focal_point_group_name(state)
        group.save(update_fields=["name"])
        report.note(f"{group.name}: renamed")
    set_model_permissions(group, permissions(ADMIN_ACCESS, *REPORT_FOCAL_POINT_PERMISSIONS), report)
    own_pages = CountryPage.objects.filter(state=state).values_list("pk", flat=True)
    page_perms = page_permissions(FOCAL_POINT_PAGE_PERMISSIONS)
    set_page_permissions(group, dict.fromkeys(own_pages, page_perms), report)
    shared = child_collection(SHARED_COLLECTION_NAME)
    set_collection_permissions(
        group,
        {
            state_group.collection_id: collection_permissions(FOCAL_POINT_OWN_COLLECTION),
            shared.pk: collection_permissions(FOCAL_POINT_SHARED_COLLECTION),
        },
        report,
    )
    return state_group


def grant_page(page: CountryPage) -> None:
    """Give the page's State group its rights on this page (a new page, a translation,
    an alias made by a locale sync). Cheaper than a full sync."""
    state_group = StateGroup.objects.filter(state_id=page.state_id).select_related("group").first()
    if state_group is None:
        ensure_state_group(page.state)
        return
    for permission in page_permissions(FOCAL_POINT_PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(
            group=state_group.group, page_id=page.pk, permission=permission
        )


def ensure_review_workflow(isu_group: Group, report: SyncReport) -> Workflow:
    """One workflow, assigned at the root so that it covers every language's tree."""
    workflow, created = Workflow.objects.get_or_create(
        name=REVIEW_WORKFLOW_NAME, defaults={"active": True}
    )
    if created:
        report.note("review workflow created")
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
        report.note("review task created")
    if set(task.groups.all()) != {isu_group}:
        task.groups.set([isu_group])
        report.note("review task assigned to the ISU")
    if list(workflow.workflow_tasks.values_list("task_id", flat=True)) != [task.pk]:
        WorkflowTask.objects.filter(workflow=workflow).delete()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        report.note("review workflow tasks set")
    root_page = Page.get_first_root_node()
    # Any other assignment (Wagtail's default "Moderators approval" at the root, or one
    # made by hand on a subtree) would route some pages around the ISU's review.
    stray = WorkflowPage.objects.exclude(workflow=workflow) | WorkflowPage.objects.filter(
        workflow=workflow
    ).exclude(page=root_page)
    if stray.exists():
        stray.delete()
        report.note("other workflow assignments removed")
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    # Article 7 reports go through the same review, so the ISU has one dashboard.
    report_type = ContentType.objects.get_by_natural_key(*REPORT_MODEL)
    WorkflowContentType.objects.exclude(content_type=report_type).delete()
    _, created = WorkflowContentType.objects.update_or_create(
        content_type=report_type, defaults={"workflow": workflow}
    )
    if created:
        report.note("review workflow assigned to Article 7 reports")
    Workflow.objects.exclude(pk=workflow.pk).filter(active=True).update(active=False)
    return workflow


@transaction.atomic
def sync_roles() -> SyncReport:
    report = SyncReport()
    removed, _ = Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    if removed:
        report.note("Wagtail's default Editors and Moderators groups removed")
    isu = ensure_isu_group(report)
    ensure_review_workflow(isu, report)
    child_collection(SHARED_COLLECTION_NAME)
    for state in StateParty.objects.all():
        ensure_state_group(state, report)
    return report


def is_isu(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=ISU_GROUP_NAME).exists()
    )


def states_of(user) -> list[StateParty]:
    """The States a user is focal point for."""
    return list(StateParty.objects.filter(state_group__group__user=user))


def isu_or_states(user) -> tuple[bool, list[StateParty]]:
    """For the admin views open to the ISU and to focal points (each scoped to their
    States): (is the ISU, the States the user is focal point of). Anyone else: 403."""
    isu = is_isu(user)
    states = [] if isu else states_of(user)
    if not isu and not states:
        raise PermissionDenied
    return isu, states
