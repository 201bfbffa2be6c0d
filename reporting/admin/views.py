"""The report editor's views: Wagtail's snippet views, with the whole report checked
before it goes to the ISU, and the views that start a report (prefilled or blank) and
amend an accepted one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.auth import require_admin_access
from wagtail.snippets.views import snippets

from focal_points.roles import is_isu
from registry.models import StateParty

from .. import validation
from ..history import amend
from ..models import Article7Report, CoverStatus, FormLetter, FormStatus, ReportKind
from ..periods import DueStatus, due_reports, prefill
from ..progress import progress
from .policy import ReportPermissionPolicy, own_state_ids

# Actions that send the report to the ISU (or, for the ISU, accept it): the whole report
# must hold together first, not only each row.
FULL_CHECK_ACTIONS = ("submit", "publish")


def report_errors(report: Article7Report) -> list[str]:
    """Everything that stops a report from being submitted, one message each."""
    found = validation.errors(report)
    messages_ = list(found.get("cover", []))
    for letter in FormLetter.values:
        messages_ += [
            _("Form %(letter)s: %(error)s") % {"letter": letter, "error": error}
            for error in found.get(letter, [])
        ]
    state = progress(report)
    for form in state.forms:
        if form.status == "empty" and not found.get(letter := form.letter):
            messages_.append(
                _(
                    "Form %(letter)s is marked changed but has no entries: fill it in, or "
                    "mark it unchanged or not applicable on the cover page."
                )
                % {"letter": letter}
            )
    return messages_


class WholeReportCheck:
    def is_valid(self, form) -> bool:
        valid = super().is_valid(form)
        if not valid or self.action not in FULL_CHECK_ACTIONS:
            return valid
        report = form.save(commit=False)
        problems = report_errors(report)
        for problem in problems:
            form.add_error(None, problem)
        if problems:
            self.produced_error_message = _(
                "The report cannot be submitted yet: correct what is listed below."
            )
        return not problems


class CreateView(WholeReportCheck, snippets.CreateView):
    pass


class EditView(WholeReportCheck, snippets.EditView):
    pass


def _policy() -> ReportPermissionPolicy:
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(Article7Report)


def _states_for(user):
    if is_isu(user):
        return StateParty.objects.order_by("name_en")
    return StateParty.objects.filter(pk__in=own_state_ids(user)).order_by("name_en")


@require_admin_access
@require_http_methods(["GET", "POST"])
def start(request):
    """The reports a user's States owe, each with a way to start it: prefilled from the
    last accepted report, or blank."""
    if not _policy().user_has_permission(request.user, "add"):
        raise PermissionDenied
    states = list(_states_for(request.user))
    if request.method == "POST":
        state = get_object_or_404(StateParty, pk=request.POST.get("state"))
        if state not in states:
            raise PermissionDenied
        period = request.POST.get("period", "")
        kind = ReportKind.INITIAL if period == "initial" else ReportKind.ANNUAL
        year = int(period) if period.isdigit() else None
        owed = {(d.kind, d.year): d for d in due_reports(state)}
        due = owed.get((kind, year))
        if due is None or due.latest is not None:
            messages.error(request, _("This report cannot be started: it exists or is not due."))
            return redirect("reporting_start")
        with transaction.atomic():
            if kind == ReportKind.ANNUAL and not request.POST.get("blank"):
                report = prefill(state, year)
            else:
                report = Article7Report(state=state, kind=kind, year=year)
                report.cover = [
                    FormStatus(letter=letter, status=CoverStatus.CHANGED)
                    for letter in FormLetter.values
                ]
            report.save()
            report.save_revision(user=request.user, log_action=True, clean=False)
        messages.success(request, _("Report started: work through the forms, then submit."))
        return redirect("wagtailsnippets_reporting_article7report:edit", report.pk)
    today = timezone.localdate()
    isu = is_isu(request.user)
    if isu:
        # The ISU enters a report sent by email for one State at a time.
        states = [state for state in states if str(state.pk) == request.GET.get("state")]
    owed = [(state, due_reports(state, today)) for state in states]
    return TemplateResponse(
        request,
        "reporting/admin/start.html",
        {
            "owed": owed,
            "DueStatus": DueStatus,
            "can_start": {DueStatus.DUE, DueStatus.OVERDUE, DueStatus.NOT_YET_DUE},
            "this_year": today.year,
            "all_states": _states_for(request.user) if isu else None,
            "chosen": states[0] if isu and states else None,
        },
    )


@require_admin_access
@require_http_methods(["POST"])
def amend_report(request, pk):
    """A new version of an accepted report, for the State to correct and submit."""
    report = get_object_or_404(Article7Report, pk=pk)
    if not _policy().user_has_permission_for_instance(request.user, "view", report):
        raise PermissionDenied
    if not _policy().user_has_permission(request.user, "add"):
        raise PermissionDenied
    try:
        with transaction.atomic():
            new = amend(report)
            new.save()
            new.save_revision(user=request.user, log_action=True, clean=False)
    except ValueError:
        messages.error(request, _("Only the latest accepted version of a report is amended."))
        return redirect("wagtailsnippets_reporting_article7report:edit", report.pk)
    messages.success(request, _("A new version has been started; the accepted one stays."))
    return redirect(reverse("wagtailsnippets_reporting_article7report:edit", args=[new.pk]))


class InspectView(snippets.InspectView):
    """The summary of the whole report: where each form stands, what changed against the
    previous accepted report, and the report as it reads."""

    template_name = "reporting/admin/inspect.html"

    def get_context_data(self, **kwargs):
        from ..comparison import compare
        from ..reading import report_sections

        context = super().get_context_data(**kwargs)
        report = self.object
        if not report.live and report.latest_revision_id:
            report = report.get_latest_revision_as_object()
        previous, changes = compare(report)
        policy = _policy()
        latest = Article7Report.objects.of_period(report.state, report.kind, report.year).first()
        context.update(
            can_amend=report.live
            and latest.pk == report.pk
            and policy.user_has_permission(self.request.user, "add")
            and policy.user_has_permission_for_instance(self.request.user, "view", report),
            report=report,
            progress=progress(report),
            summary=True,
            previous=previous,
            changes=changes,
            sections=report_sections(report),
        )
        return context
