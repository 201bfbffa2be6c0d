"""The registry as open data: the public page that lists the downloads, and the States
Parties with their official status as CSV and JSON (stable column names)."""

from __future__ import annotations

import csv

from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from .models import NAME_FIELDS, StateParty


@require_GET
def open_data(request):
    return TemplateResponse(request, "registry/open_data.html", {})


# The columns read as they are from the model; a name in each site language.
FIELD_COLUMNS = [
    "iso3",
    "iso2",
    *NAME_FIELDS,
    "region",
    "subregion",
    "signed",
    "deposited",
    "method",
]
REGISTRY_COLUMNS = [
    *FIELD_COLUMNS,
    "entry_into_force",
    "membership_status",
    "withdrawal_effective",
    "stockpile_status",
    "stockpile_completed_on",
    "stockpile_deadline",
    "clearance_status",
    "clearance_completed_on",
    "article5_deadline",
    "national_measures",
    "mines_retained",
    "mines_retained_year",
    "latest_article7_report_year",
]


def registry_rows() -> list[dict]:
    rows = []
    for state in StateParty.objects.with_related().order_by("iso3"):
        deadline = state.current_clearance_deadline
        report = state.latest_article7_report
        row = {name: getattr(state, name) for name in FIELD_COLUMNS}
        row.update(
            entry_into_force=state.entry_into_force,
            membership_status=state.status.value,
            withdrawal_effective=state.withdrawal_effective_on,
            stockpile_status=state.stockpile_status,
            stockpile_completed_on=state.stockpile_completed_on,
            stockpile_deadline=state.stockpile_deadline,
            clearance_status=state.clearance_status,
            clearance_completed_on=state.clearance_completed_on,
            article5_deadline=deadline.deadline if deadline else None,
            national_measures=state.national_measures,
            mines_retained=state.mines_retained,
            mines_retained_year=state.mines_retained_year,
            latest_article7_report_year=report.year if report else None,
        )
        rows.append({k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()})
    return rows


@require_GET
def registry_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="states-parties.csv"'
    writer = csv.DictWriter(response, fieldnames=REGISTRY_COLUMNS)
    writer.writeheader()
    for row in registry_rows():
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return response


@require_GET
def registry_json(request):
    return JsonResponse(
        {"generated": timezone.now().isoformat(), "states": registry_rows()},
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
