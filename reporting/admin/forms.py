"""The report editor's form: a focal point files only for their own States and names only
the mine types their report may use (approved ones and their own State's proposals)."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm

from focal_points.roles import is_isu
from registry.models import StateParty

from ..models import MineType
from .policy import own_state_ids

# Whole numbers that are not years or coordinates: shown grouped by thousands beside the
# input as they are typed (static/js/admin.js, as in the page editor), so that a zero too
# many or too few is seen before saving.
NOT_QUANTITIES = ("year", "emplaced", "version", "ORDER", "latitude", "longitude")


def _prepare(form, mine_types) -> None:
    """Mark the form's quantities and, for a focal point, limit its mine types; then the
    same for every form of its formsets (Form C's areas hold formsets of their own)."""
    for name, field in form.fields.items():
        if isinstance(field, forms.IntegerField | forms.DecimalField) and not any(
            part in name for part in NOT_QUANTITIES
        ):
            field.widget.attrs["data-grouped-number"] = ""
    if mine_types is not None and "mine_type" in form.fields:
        form.fields["mine_type"].queryset = mine_types
    for formset in getattr(form, "formsets", {}).values():
        _prepare_formset(formset, mine_types)


def _prepare_formset(formset, mine_types) -> None:
    base = formset.form

    class PreparedForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            _prepare(self, mine_types)

    PreparedForm.__name__ = base.__name__
    formset.form = PreparedForm  # the forms not built yet, and the empty form
    if "forms" in formset.__dict__:  # the forms already built
        for child in formset.forms:
            _prepare(child, mine_types)


class ReportForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or is_isu(user):
            _prepare(self, None)
            return
        states = own_state_ids(user)
        self.fields["state"].queryset = StateParty.objects.filter(pk__in=states)
        if len(states) == 1 and not self.instance.state_id:
            self.initial["state"] = next(iter(states))
        _prepare(
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
