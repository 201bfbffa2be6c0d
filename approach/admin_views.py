"""A focal point asks the Committee to start their State's individualised approach; the
ISU answers. Scoped by role (focal_points.roles): a focal point sees and creates requests
for the States they are focal point of only, an object of another State is a 404 whatever
the URL; the ISU sees every request and alone answers. Anyone else: 403 (and Wagtail's
admin sends anyone without admin access to the sign-in page first)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from focal_points.roles import is_isu, isu_or_states

from .models import ApproachRequest

Status = ApproachRequest.Status


def visible_requests(user):
    isu, states = isu_or_states(user)
    requests = ApproachRequest.objects.select_related("state", "requested_by", "answered_by")
    return requests if isu else requests.filter(state__in=states)


def open_requests():
    return ApproachRequest.objects.filter(status=Status.OPEN).select_related(
        "state", "requested_by"
    )


class RequestForm(forms.ModelForm):
    class Meta:
        model = ApproachRequest
        fields = ["state", "message"]
        labels = {"state": gettext_lazy("State Party"), "message": gettext_lazy("Your request")}
        help_texts = {
            "message": gettext_lazy(
                "Say why your State would like to start the individualised approach now and "
                "who the Committee may contact."
            )
        }

    def __init__(self, *args, states, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the States the user is focal point of: another State is not a valid choice.
        self.fields["state"].queryset = self.fields["state"].queryset.filter(
            pk__in=[state.pk for state in states]
        )
        self.fields["state"].empty_label = None

    def clean_state(self):
        state = self.cleaned_data["state"]
        if ApproachRequest.objects.filter(state=state, status=Status.OPEN).exists():
            raise forms.ValidationError(
                _("A request for %(state)s is already waiting for the Committee's answer.")
                % {"state": state}
            )
        return state


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Answer of the Committee"), widget=forms.Textarea, max_length=4000
    )


@require_http_methods(["GET"])
def request_index(request):
    """The requests the user may see: a focal point's States', or all of them (open first)
    for the ISU."""
    isu, states = isu_or_states(request.user)
    requests = visible_requests(request.user).order_by("status", "-created_at", "-pk")
    return TemplateResponse(
        request,
        "approach/admin/requests.html",
        {"requests": list(requests), "isu": isu, "can_create": bool(states)},
    )


@require_http_methods(["GET", "POST"])
def request_create(request):
    isu, states = isu_or_states(request.user)
    if isu or not states:
        # The ISU answers requests; only a State's focal point asks.
        raise PermissionDenied
    form = RequestForm(request.POST or None, states=states)
    if request.method == "POST" and form.is_valid():
        made = form.save(commit=False)
        made.requested_by = request.user
        made.save()
        messages.success(
            request,
            _("Your request for %(state)s was sent to the Committee.") % {"state": made.state},
        )
        return redirect("approach_request", approach_request_id=made.pk)
    return TemplateResponse(request, "approach/admin/request_form.html", {"form": form})


def _visible_or_404(request, approach_request_id: int) -> ApproachRequest:
    try:
        return visible_requests(request.user).get(pk=approach_request_id)
    except ApproachRequest.DoesNotExist:
        raise Http404 from None


@require_http_methods(["GET"])
def request_detail(request, approach_request_id: int):
    found = _visible_or_404(request, approach_request_id)
    isu = is_isu(request.user)
    return TemplateResponse(
        request,
        "approach/admin/request_detail.html",
        {
            "item": found,
            "form": AnswerForm() if isu and found.status == Status.OPEN else None,
        },
    )


@require_http_methods(["POST"])
def request_answer(request, approach_request_id: int):
    if not is_isu(request.user):
        raise PermissionDenied
    with transaction.atomic():
        found = get_object_or_404(
            ApproachRequest.objects.select_for_update(), pk=approach_request_id
        )
        form = AnswerForm(request.POST)
        if found.status != Status.OPEN:
            messages.error(request, _("This request has already been answered."))
            return redirect("approach_request", approach_request_id=found.pk)
        if not form.is_valid():
            return TemplateResponse(
                request, "approach/admin/request_detail.html", {"item": found, "form": form}
            )
        found.answer = form.cleaned_data["answer"]
        found.status = Status.ANSWERED
        found.answered_by = request.user
        found.answered_at = timezone.now()
        found.save()
    messages.success(
        request, _("Answer sent to the focal points of %(state)s.") % {"state": found.state}
    )
    return redirect("approach_requests")
