"""The report editor's form: a focal point files only for their own States and names only
the mine types their report may use (approved ones and their own State's proposals)."""

from __future__ import annotations

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm

from focal_points.roles import is_isu
from registry.models import StateParty

from ..models import MineType
from .policy import own_state_ids


def _scope_mine_types(form, queryset) -> None:
    if "mine_type" in form.fields:
        form.fields["mine_type"].queryset = queryset
    for formset in getattr(form, "formsets", {}).values():
        _scope_formset(formset, queryset)


def _scope_formset(formset, queryset) -> None:
    base = formset.form

    class ScopedForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            _scope_mine_types(self, queryset)

    ScopedForm.__name__ = base.__name__
    formset.form = ScopedForm  # the forms not built yet, and the empty form
    if "forms" in formset.__dict__:  # the forms already built
        for child in formset.forms:
            _scope_mine_types(child, queryset)


class ReportForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or is_isu(user):
            return
        states = own_state_ids(user)
        self.fields["state"].queryset = StateParty.objects.filter(pk__in=states)
        if len(states) == 1 and not self.instance.state_id:
            self.initial["state"] = next(iter(states))
        _scope_mine_types(
            self,
            MineType.objects.filter(
                Q(status=MineType.Status.APPROVED) | Q(proposed_by_id__in=states)
            ),
        )


class MineTypeForm(WagtailAdminModelForm):
    """A focal point's addition is a proposal of their State, until the ISU approves it."""

    def save(self, commit=True):
        user = self.for_user
        if user is not None and not is_isu(user):
            self.instance.status = MineType.Status.PROPOSED
            if not self.instance.proposed_by_id:
                self.instance.proposed_by_id = min(own_state_ids(user), default=None)
        return super().save(commit)
