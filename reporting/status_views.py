"""The public reporting status page (who has reported, year by year) and its CSV."""

from __future__ import annotations

import csv

from django import forms
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core import page_cache
from core.forms import FilterForm
from country_pages.directory import collation_key
from registry.models import CONVENTION_IN_FORCE, Region

from .exports import csv_value
from .status import (
    DEFAULT_YEARS,
    MARKS,
    RECEIVED,
    SHORT,
    ReportStatus,
    StateRow,
    load,
    records_complete_since,
)

# The CSV's columns: stable, in English, documented on the page.
CSV_COLUMNS = [
    "iso3",
    "state",
    "region",
    "period",
    "due_on",
    "status",
    "received_on",
    "source",
    "url",
]


def _year_choices() -> list[tuple[str, str]]:
    years = range(timezone.localdate().year, CONVENTION_IN_FORCE.year - 1, -1)
    return [("", _("Any"))] + [(str(year), str(year)) for year in years]


class StatusFilterForm(FilterForm):
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions"))] + list(Region.choices)
    )
    year_from = forms.TypedChoiceField(
        label=_("From year"), required=False, coerce=int, empty_value=None
    )
    year_to = forms.TypedChoiceField(
        label=_("To year"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("year_from", "year_to"):
            self.fields[name].choices = _year_choices()

    def years(self) -> list[int]:
        """The year columns, newest first: the last ten years covered by reports that
        have fallen due or will this year, unless the visitor chose a range."""
        filters = self.filters()
        latest = timezone.localdate().year - 1
        end, start = filters.get("year_to"), filters.get("year_from")
        if end is None:
            end = min(start + DEFAULT_YEARS - 1, latest + 1) if start else latest
        if start is None:
            start = end - DEFAULT_YEARS + 1
        start, end = sorted((start, end))
        return list(range(end, max(start, CONVENTION_IN_FORCE.year) - 1, -1))


def _rows(request: HttpRequest) -> tuple[StatusFilterForm, list[int], list[StateRow]]:
    form = StatusFilterForm(request.GET or None)
    page_cache.accept_query(request, form)
    years = form.years()
    rows = load(request.user, years, timezone.localdate(), form.filters().get("region", ""))
    rows.sort(key=lambda row: collation_key(row.state.name))
    return form, years, rows


@require_safe
def reporting_status(request: HttpRequest) -> HttpResponse:
    form, years, rows = _rows(request)
    query = request.GET.urlencode()
    return TemplateResponse(
        request,
        "reporting/status.html",
        {
            "form": form,
            "filtered": bool(form.filters()),
            "years": years,
            "rows": rows,
            "initial_overdue": [row for row in rows if row.initial_overdue],
            "silent": [row for row in rows if row.silent],
            "legend": [(MARKS[s], SHORT[s], s.label) for s in ReportStatus],
            "csv_query": f"?{query}" if query else "",
            "csv_columns": CSV_COLUMNS,
            "complete_since": records_complete_since(),
        },
    )


@require_safe
def reporting_status_csv(request: HttpRequest) -> HttpResponse:
    _form, _years, rows = _rows(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="article-7-reporting-status.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        state = row.state
        for cell in (row.initial, *row.years):
            if cell.status == ReportStatus.NOT_OWED:
                continue
            url = cell.url
            if url.startswith("/"):
                url = request.build_absolute_uri(url)
            values = [
                state.iso3,
                state.name_en,
                state.region,
                cell.period,
                cell.due_on.isoformat(),
                cell.status.value,
                cell.received_on.isoformat() if cell.received_on else "",
                cell.source if cell.status in RECEIVED else "",
                url,
            ]
            writer.writerow([csv_value(value) for value in values])
    return response
