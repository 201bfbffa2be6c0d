"""The ISU's list of registry changes proposed by accepted reports, side by side with what
the registry says, each applied or dismissed by a POST. ISU only: anyone else gets 403
(and Wagtail's admin sends anyone without admin access to the sign-in page first)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from focal_points.roles import is_isu

from .models import RegistryProposal
from .proposals import FACTS, ProposalRefused, apply, describe, dismiss

Status = RegistryProposal.Status


def _check(request) -> None:
    if not is_isu(request.user):
        raise PermissionDenied


def pending_count() -> int:
    return RegistryProposal.objects.filter(status=Status.PENDING).count()


def _report_url(report) -> str:
    """The report in the admin, where the report views exist."""
    for view in ("inspect", "edit"):
        try:
            name = f"wagtailsnippets_reporting_article7report:{view}"
            return reverse(name, args=[quote(report.pk)])
        except NoReverseMatch:
            continue
    return ""


def proposals_index(request):
    _check(request)
    pending = (
        RegistryProposal.objects.filter(status=Status.PENDING)
        .select_related("state", "report__state")
        .order_by("state__name_en", "report__kind", "-report__year", "-report__version", "pk")
    )
    groups: list[dict] = []
    for proposal in pending:
        if not groups or groups[-1]["report"].pk != proposal.report_id:
            groups.append(
                {"report": proposal.report, "url": _report_url(proposal.report), "rows": []}
            )
        registry_now = FACTS[proposal.field].registry(proposal.state, proposal.report_says)
        stale = registry_now != proposal.registry_says
        groups[-1]["rows"].append(
            {
                "proposal": proposal,
                "registry_says": describe(proposal.field, proposal.registry_says),
                "registry_now": describe(proposal.field, registry_now) if stale else "",
                "report_says": describe(proposal.field, proposal.report_says),
            }
        )
    return TemplateResponse(request, "reporting/admin/proposals.html", {"groups": groups})


def decide(request, proposal_id: int):
    _check(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    proposal = get_object_or_404(RegistryProposal, pk=proposal_id)
    decision = request.POST.get("decision")
    label = proposal.get_field_display()
    try:
        if decision == "apply":
            apply(proposal, request.user)
            messages.success(
                request,
                _("Applied to the registry of %(state)s: %(fact)s.")
                % {"state": proposal.state, "fact": label},
            )
        elif decision == "dismiss":
            dismiss(proposal, request.user)
            messages.success(
                request,
                _("Dismissed; the registry of %(state)s is unchanged: %(fact)s.")
                % {"state": proposal.state, "fact": label},
            )
        else:
            messages.error(request, _("Choose to apply or to dismiss the proposal."))
    except ProposalRefused as refusal:
        messages.error(request, str(refusal))
    return redirect("reporting_proposals")
