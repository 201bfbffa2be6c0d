"""The review as the focal point lives it, and the ISU's dashboard order.

- After the ISU requests changes, its comment is shown where the focal point works: at the
  top of the page editor, and in a "Changes requested" panel first on their dashboard
  (Wagtail shows it only in the page's history, three clicks away). The emails say
  "changes requested", not "rejected" (templates/wagtailadmin/notifications/).
- The page editor's action menu hides from focal points what they must not do or cannot
  finish: cancelling or restarting the review, starting a synced translation, converting
  the page back to an alias (the ISU manages translations). The publishing schedule is
  the ISU's too: focal points get no "Set schedule" (focal_points/editing.py).
- The page history says "Changes requested" where Wagtail says "Rejected at …".
- For the ISU, "Awaiting your review" is the dashboard's first panel.

Imported by wagtail_hooks.py, which registers these hooks.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.models import Page, TaskState, WorkflowState

from country_pages.models import CountryPage

from .roles import is_isu, states_of

# Action menu items a focal point is not offered (names from Wagtail and wagtail-localize).
HIDDEN_FROM_FOCAL_POINTS = {
    "action-cancel-workflow",
    "action-restart-workflow",
    "localize-restart-translation",  # "Start Synced translation"
    "localize-convert-to-alias",
}


def changes_requested(page) -> TaskState | None:
    """The review step in which changes were requested, while the page waits for them."""
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = workflow_state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return task_state


def reviewer_name(task_state) -> str:
    user = task_state.finished_by
    if user is None:
        return _("The ISU")
    return user.get_full_name() or user.get_username()


def changes_requested_message(task_state) -> str:
    values = {
        "who": reviewer_name(task_state),
        "date": formats.date_format(task_state.finished_at, "SHORT_DATE_FORMAT")
        if task_state.finished_at
        else "",
        "comment": task_state.comment,
    }
    if task_state.comment:
        return _("Changes requested by %(who)s on %(date)s: “%(comment)s”") % values
    return _("Changes requested by %(who)s on %(date)s (no comment).") % values


@hooks.register("before_edit_page")
def show_changes_requested(request, page):
    if request.method != "GET":
        return None
    task_state = changes_requested(page)
    if task_state is not None:
        messages.warning(
            request,
            changes_requested_message(task_state)
            + " "
            + _("Make the changes, then submit the page for review again."),
        )
    return None


@hooks.register("construct_page_action_menu")
def hide_review_actions_from_focal_points(menu_items, request, context):
    if is_isu(request.user):
        return
    menu_items[:] = [item for item in menu_items if item.name not in HIDDEN_FROM_FOCAL_POINTS]


class ChangesRequestedPanel(Component):
    name = "changes_requested"
    template_name = "focal_points/dashboard/changes_requested.html"
    order = 10  # first

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["rows"] = self.rows
        return context


def pages_with_changes_requested(user) -> list[dict]:
    pages = CountryPage.objects.filter(state__in=states_of(user))
    ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    workflow_states = (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=ids,
            status=WorkflowState.STATUS_NEEDS_CHANGES,
        )
        .select_related("current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")
    )
    by_id = {
        str(page.pk): page for page in Page.objects.filter(pk__in=ids).select_related("locale")
    }
    rows = []
    for workflow_state in workflow_states:
        task_state = workflow_state.current_task_state
        page = by_id.get(workflow_state.object_id)
        if page is None or task_state is None or task_state.status != TaskState.STATUS_REJECTED:
            continue
        rows.append(
            {
                "page": page,
                "task_state": task_state,
                "message": changes_requested_message(task_state),
            }
        )
    return rows


@hooks.register("construct_homepage_panels", order=100)
def review_panels_first(request, panels):
    if is_isu(request.user):
        for panel in panels:
            if getattr(panel, "name", None) == "workflow_objects_to_moderate":
                panel.order = 5  # "Awaiting your review", before everything else
        return
    rows = pages_with_changes_requested(request.user)
    if rows:
        panels.append(ChangesRequestedPanel(rows))


@hooks.register("register_log_actions", order=100)  # after Wagtail's own, to replace it
def changes_requested_in_history(actions):
    """The page history says "Changes requested", not "Rejected at …"."""

    class ChangesRequestedFormatter(LogFormatter):
        label = gettext_lazy("Workflow: changes requested")

        def format_message(self, log_entry):
            try:
                task = log_entry.data["workflow"]["task"]["title"]
            except (KeyError, TypeError):
                return _("Changes requested")
            return _("Changes requested at “%(task)s”") % {"task": task}

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")

    actions.register_action("wagtail.workflow.reject")(ChangesRequestedFormatter)
    # One entry in the history's action filter, with the new label.
    label = ChangesRequestedFormatter.label
    actions.choices[:] = [
        choice
        for choice in actions.choices
        if choice[0] != "wagtail.workflow.reject" or choice[1] == label
    ]
