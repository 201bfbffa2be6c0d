"""The public list of the partnerships under Action #21 across all States Parties, as the
affected States' pages state them, with each partner's confirmation: where a donor who has
found a need and the offers that could meet it sees the partnerships already under way.
Read from the index in a constant number of queries; a listing for the page cache (the
"listings" group, invalidated on every publish; a confirmation invalidates the pages of
the two States, and this list with them as a listing of both)."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import page_cache
from core.forms import FilterForm
from core.i18n import active_language, active_locale
from country_pages.directory import collation_key
from country_pages.models import states_index_url
from registry.models import Region, StateParty

from . import display
from .models import PublishedPartner, PublishedPartnership


class PartnershipFilterForm(FilterForm):
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False, choices=())
    region = forms.ChoiceField(
        label=gettext_lazy("Region"),
        required=False,
        choices=[("", gettext_lazy("All regions"))] + list(Region.choices),
    )

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        # The States in a partnership a visitor in this language sees, affected or partner.
        in_one = PublishedPartner.objects.filter(partnership__in=rows).values("state_id")
        states = sorted(
            StateParty.objects.filter(Q(pk__in=in_one) | Q(pk__in=rows.values("state_id"))),
            key=lambda state: collation_key(state.name),
        )
        self.fields["state"].choices = [("", _("All States"))] + [
            (state.iso3.lower(), state.name) for state in states
        ]


def partnership_list(request):
    rows = PublishedPartnership.objects.visible_in(active_locale(request).pk)
    form = PartnershipFilterForm(request.GET or None, rows=rows)
    page_cache.accept_query(request, form)
    filters = form.filters()
    if filters.get("state"):
        rows = rows.filter(
            Q(state__iso3__iexact=filters["state"])
            | Q(partners__state__iso3__iexact=filters["state"])
        )
    if filters.get("region"):
        rows = rows.filter(
            Q(state__region=filters["region"]) | Q(partners__state__region=filters["region"])
        )
    found = list(rows.distinct().select_related("locale").order_by("state__name_en", "position"))
    partnerships = display.from_index(found, states_index_url(request) or "/", active_language())
    return TemplateResponse(
        request,
        "partnerships/list.html",
        {
            "form": form,
            "partnerships": partnerships,
            "filtered": bool(filters),
            "has_illustrative": any(item.illustrative for item in partnerships),
        },
    )
