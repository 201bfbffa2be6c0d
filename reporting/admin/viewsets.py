"""The reports and the mine-type catalogue in the admin, as Wagtail snippets: revisions,
drafts, locking, the ISU review workflow, history and compare come from Wagtail.

Every URL that names a report is routed through `guard`, which asks the policy about that
report before Wagtail's view runs (see policy.py for why the views' own checks are not
enough), and the listing shows only what the policy allows."""

from __future__ import annotations

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.permissions import policy_registry
from wagtail.snippets.views import chooser
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from focal_points.roles import is_isu

from ..models import Article7Report, MineType
from . import views
from .forms import MineTypeForm
from .panels import ISU_ONLY, report_edit_handler

# The policy action each report URL needs, by URL name; a URL missing here is refused.
ACTION_OF_URL = {
    "edit": "change",
    "delete": "delete",
    "usage": "view",
    "history": "view",
    "history_results": "view",
    "inspect": "view",
    "preview_on_edit": "change",
    "revisions_view": "view",
    "revisions_revert": "change",
    "revisions_compare": "view",
    "revisions_unschedule": "publish",
    "unpublish": "publish",
    "lock": "lock",
    "unlock": "unlock",
    # Wagtail then checks that the user is a reviewer of the current task.
    "workflow_action": "view",
    "collect_workflow_action_data": "view",
    "confirm_workflow_cancellation": "change",
    "workflow_history": "view",
    "workflow_history_detail": "view",
    "workflow_preview": "view",
    "amend": "view",
    "chosen": "view",
}
# The edit view shows an accepted report (read-only: its form refuses to save it).
READ_ON_GET = {"edit"}


def guard(view, name: str, model=Article7Report):
    action = ACTION_OF_URL.get(name)

    @wraps(view)
    def guarded(request, *args, **kwargs):
        report = get_object_or_404(model, pk=unquote(str(kwargs["pk"])))
        wanted = "view" if request.method == "GET" and name in READ_ON_GET else action
        policy = policy_registry.get_by_type(model)
        if wanted is None or not policy.user_has_permission_for_instance(
            request.user, wanted, report
        ):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def isu_only(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_isu(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def guard_mine_type(view, name: str):
    return guard(view, name, model=MineType)


class ReportChooserViewSet(SnippetChooserViewSet):
    """Nothing chooses a report in a form; the chooser Wagtail registers for every snippet
    lists all reports, so it is the ISU's only."""

    def get_urlpatterns(self):
        return [
            type(p)(p.pattern, isu_only(p.callback), p.default_args, p.name)
            for p in super().get_urlpatterns()
        ]


class ScopedChoices:
    """The mine-type chooser lists what the policy lets the user see: the approved types
    and their own States' proposals, not other States' proposals."""

    def get_object_list(self):
        policy = policy_registry.get_by_type(MineType)
        return policy.instances_user_has_any_permission_for(self.request.user, ["view"])


class MineTypeChooseView(ScopedChoices, chooser.ChooseView):
    pass


class MineTypeChooseResultsView(ScopedChoices, chooser.ChooseResultsView):
    pass


class MineTypeChooserViewSet(SnippetChooserViewSet):
    choose_view_class = MineTypeChooseView
    choose_results_view_class = MineTypeChooseResultsView

    def get_urlpatterns(self):
        return [
            type(p)(p.pattern, guard_mine_type(p.callback, "chosen"), p.default_args, p.name)
            if "pk" in p.pattern.regex.groupindex
            else p
            for p in super().get_urlpatterns()
        ]


class ReportViewSet(SnippetViewSet):
    model = Article7Report
    icon = "doc-full-inverse"
    menu_label = _("Article 7 reports")
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_view_class = views.EditView
    add_view_class = views.CreateView
    list_display = [
        Column("state", label=_("State")),
        "__str__",
        Column("version", label=_("Version")),
        Column("status_string", label=_("Status")),
        DateColumn("latest_revision_created_at", label=_("Last saved")),
    ]
    list_filter = ["kind", "year", "visibility", "live"]
    ordering = ["state__name_en", "kind", "-year", "-version"]
    inspect_view_class = views.InspectView
    chooser_viewset_class = ReportChooserViewSet

    def get_queryset(self, request):
        policy = policy_registry.get_by_type(Article7Report)
        return policy.instances_user_has_any_permission_for(
            request.user, ["view", "change"]
        ).select_related("state", "latest_revision")

    def get_edit_handler(self):
        return report_edit_handler()

    def get_urlpatterns(self):
        patterns = []
        for pattern in super().get_urlpatterns():
            if "pk" in pattern.pattern.regex.groupindex:
                pattern = type(pattern)(
                    pattern.pattern,
                    guard(pattern.callback, pattern.name),
                    pattern.default_args,
                    pattern.name,
                )
            patterns.append(pattern)
        return [
            *patterns,
            path(
                f"amend/<{self.pk_path_converter}:pk>/",
                guard(views.amend_report, "amend"),
                name="amend",
            ),
        ]


class MineTypeViewSet(SnippetViewSet):
    """The ISU keeps the catalogue; a focal point sees it and proposes additions."""

    model = MineType
    icon = "list-ul"
    menu_label = _("Mine types")
    list_display = ["designation", "kind", "origin", "status", "proposed_by"]
    list_filter = ["kind", "status"]
    search_fields = ["designation", "origin"]
    copy_view_enabled = False
    chooser_viewset_class = MineTypeChooserViewSet
    edit_handler = ObjectList(
        [
            FieldPanel("designation"),
            FieldPanel("kind"),
            FieldPanel("origin"),
            FieldPanel("status", permission=ISU_ONLY),
            FieldPanel("proposed_by", permission=ISU_ONLY),
        ],
        base_form_class=MineTypeForm,
    )

    def get_queryset(self, request):
        policy = policy_registry.get_by_type(MineType)
        return policy.instances_user_has_any_permission_for(request.user, ["view", "change"])

    def get_urlpatterns(self):
        return [
            type(p)(p.pattern, guard_mine_type(p.callback, p.name), p.default_args, p.name)
            if "pk" in p.pattern.regex.groupindex
            else p
            for p in super().get_urlpatterns()
        ]


class ReportingGroup(ViewSetGroup):
    items = (ReportViewSet, MineTypeViewSet)
    menu_label = _("Article 7 reporting")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    # Other views of the reporting area add themselves to this menu with this hook.
    submenu_hook = "register_reporting_menu_item"
