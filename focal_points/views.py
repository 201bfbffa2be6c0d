from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from country_pages.models import CountryPage
from registry.models import StateParty

from .accounts import assign_focal_point, remove_focal_point

MANAGE_PERMISSION = "focal_points.manage_focal_points"


class AddFocalPointForm(forms.Form):
    state = forms.ModelChoiceField(
        queryset=StateParty.objects.filter(country_pages__isnull=False).distinct(),
        label=gettext_lazy("State"),
    )
    email = forms.EmailField(label=gettext_lazy("Email"))
    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=150, required=False)
    several_states = forms.BooleanField(
        required=False,
        label=gettext_lazy("The ISU has decided this person may be focal point for several States"),
    )


def _check(request):
    if not request.user.has_perm(MANAGE_PERMISSION):
        raise PermissionDenied


def focal_points_index(request):
    """Focal point accounts per State, with their last sign-in and the page's status."""
    _check(request)
    User = get_user_model()
    form = AddFocalPointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assignment = assign_focal_point(
                form.cleaned_data["state"],
                form.cleaned_data["email"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                several_states=form.cleaned_data["several_states"],
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            if assignment.created:
                messages.success(request, _("Account created; an invitation was sent by email."))
            else:
                messages.success(request, _("Focal point added."))
            return redirect("focal_points_index")

    states = (
        StateParty.objects.filter(country_pages__isnull=False)
        .distinct()
        .select_related("state_group__group")
        .prefetch_related(
            Prefetch(
                "state_group__group__user_set",
                queryset=User.objects.filter(is_active=True).order_by("email"),
                to_attr="focal_points",
            ),
            Prefetch(
                "country_pages",
                queryset=CountryPage.objects.select_related("locale").order_by("locale_id"),
                to_attr="pages",
            ),
        )
        .ordered_by_name()
    )
    only_with_focal_points = request.GET.get("assigned") == "1"
    rows = []
    for state in states:
        group = getattr(state, "state_group", None)
        focal_points = group.group.focal_points if group else []
        if only_with_focal_points and not focal_points:
            continue
        rows.append({"state": state, "focal_points": focal_points, "pages": state.pages})
    return TemplateResponse(
        request,
        "focal_points/index.html",
        {"rows": rows, "form": form, "only_with_focal_points": only_with_focal_points},
    )


@require_POST
def remove(request, state_id: int, user_id: int):
    _check(request)
    state = get_object_or_404(StateParty, pk=state_id)
    user = get_object_or_404(get_user_model(), pk=user_id)
    remove_focal_point(state, user, acting_user=request.user)
    messages.success(request, _("%(email)s is no longer a focal point.") % {"email": user.email})
    return redirect("focal_points_index")
