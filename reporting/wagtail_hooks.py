"""The reports in Wagtail's admin: their permission policies, the snippet viewsets and the
"reports due" page (reporting/admin/)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from focal_points.roles import is_isu

from . import proposals, proposals_admin
from .admin import views
from .admin.policy import MineTypePermissionPolicy, ReportPermissionPolicy
from .admin.viewsets import ReportingGroup
from .models import Article7Report, MineType

register_permission_policy(Article7Report, ReportPermissionPolicy(Article7Report))
register_permission_policy(MineType, MineTypePermissionPolicy(MineType))


# Registered when the hooks are loaded (not with the admin's viewsets), so that the
# snippets' "publish", "lock" and "unlock" permissions exist after `migrate`.
register_snippet(ReportingGroup)


@hooks.register("register_admin_urls")
def reporting_admin_urls():
    return [path("reporting/start/", views.start, name="reporting_start")]


class StartMenuItem(MenuItem):
    def is_shown(self, request):
        from wagtail.permissions import policy_registry

        return policy_registry.get_by_type(Article7Report).user_has_permission(request.user, "add")


@hooks.register("register_admin_menu_item")
def reports_due_menu_item():
    return StartMenuItem(_("Reports due"), reverse("reporting_start"), icon_name="date", order=249)


# --- Registry changes proposed by accepted reports (ISU only) ---------------------------


@hooks.register("register_admin_urls")
def registry_proposal_urls():
    return [
        path("reporting/proposals/", proposals_admin.proposals_index, name="reporting_proposals"),
        path(
            "reporting/proposals/<int:proposal_id>/decide/",
            proposals_admin.decide,
            name="reporting_proposal_decide",
        ),
    ]


class IsuMenuItem(MenuItem):
    def is_shown(self, request):
        return is_isu(request.user)


@hooks.register("register_admin_menu_item")
def registry_proposals_menu_item():
    return IsuMenuItem(
        _("Registry proposals"),
        reverse("reporting_proposals"),
        icon_name="clipboard-list",
        order=251,
    )


class RegistryProposalsPanel(Component):
    name = "reporting_registry_proposals"
    template_name = "reporting/admin/proposals_panel.html"
    order = 80

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["count"] = self.count
        return context


@hooks.register("construct_homepage_panels")
def registry_proposals_panel(request, panels):
    if is_isu(request.user):
        count = proposals_admin.pending_count()
        if count:
            panels.append(RegistryProposalsPanel(count))


@hooks.register("register_log_actions")
def registry_proposal_log_actions(actions):
    @actions.register_action(proposals.APPLIED_ACTION)
    class AppliedFormatter(LogFormatter):
        label = _("Registry change applied from a report")

        def format_message(self, log_entry):
            return _("Applied from %(report)s: %(fact)s") % _proposal_words(log_entry)

    @actions.register_action(proposals.DISMISSED_ACTION)
    class DismissedFormatter(LogFormatter):
        label = _("Registry change proposed by a report dismissed")

        def format_message(self, log_entry):
            return _("Dismissed the proposal of %(report)s: %(fact)s") % _proposal_words(log_entry)


def _proposal_words(log_entry) -> dict:
    from .models import RegistryProposal

    data = log_entry.data or {}
    field = data.get("field", "")
    fact = dict(RegistryProposal.Field.choices).get(field, field)
    says = proposals.describe(field, data.get("report_says")) if field else ""
    return {"report": (data.get("report") or {}).get("title", ""), "fact": f"{fact}: {says}"}


# --- Cross-cutting figures of accepted reports (ISU only) --------------------------------


@hooks.register("register_admin_urls")
def crosscutting_urls():
    from .admin import crosscutting_view

    return [
        path(
            "reporting/crosscutting/", crosscutting_view.crosscutting, name="reporting_crosscutting"
        ),
        path(
            "reporting/crosscutting/reports/",
            crosscutting_view.crosscutting_reports,
            name="reporting_crosscutting_reports",
        ),
        path(
            "reporting/crosscutting/figures.csv",
            crosscutting_view.crosscutting_csv,
            name="reporting_crosscutting_csv",
        ),
    ]


@hooks.register("register_reporting_menu_item")
def crosscutting_menu_item():
    return IsuMenuItem(
        _("Cross-cutting figures"), reverse("reporting_crosscutting"), icon_name="table", order=10
    )


# --- The ISU's analysis of accepted reports and its exports (ISU only) -----------------------


@hooks.register("register_admin_urls")
def reporting_analysis_urls():
    from .admin import analysis

    return [
        path("reporting/analysis/", analysis.analysis, name="reporting_analysis"),
        path("reporting/analysis/export.csv", analysis.analysis_csv, name="reporting_analysis_csv"),
        path(
            "reporting/analysis/export.xlsx", analysis.analysis_xlsx, name="reporting_analysis_xlsx"
        ),
    ]


@hooks.register("register_reporting_menu_item")
def reporting_analysis_menu_item():
    return IsuMenuItem(
        _("Analysis and exports"), reverse("reporting_analysis"), icon_name="table", order=20
    )
