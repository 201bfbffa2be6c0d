"""The ISU's cross-cutting figures (reporting/crosscutting.py): a table per question, years
by regions, each figure linked to the reports behind it, and the figures as CSV. ISU only,
as the registry proposals: anyone else gets 403 (and Wagtail's admin sends anyone without
admin access to the sign-in page first)."""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from focal_points.roles import is_isu
from registry.models import Region

from ..crosscutting import CRITERIA, CRITERIA_BY_KEY, CrossCutting, Figure, compute, region_label
from ..exports import csv_value
from ..models import Visibility
from ..reading import period_label, public_path

CSV_COLUMNS = ["criterion", "criterion_title", "year", "region", "reports_counted", "reports"]


def _check(request) -> None:
    if not is_isu(request.user):
        raise PermissionDenied


class RangeForm(forms.Form):
    year_from = forms.IntegerField(
        label=_("From year"), required=False, min_value=1999, max_value=2100
    )
    year_to = forms.IntegerField(label=_("To year"), required=False, min_value=1999, max_value=2100)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )

    def clean(self):
        data = super().clean()
        first, last = data.get("year_from"), data.get("year_to")
        if first is not None and last is not None and first > last:
            self.add_error("year_to", _("Give a year after the first one."))
        return data

    def range(self) -> dict:
        """The filters, valid ones only (an invalid field is not applied)."""
        if not self.is_bound:
            return {"year_from": None, "year_to": None, "region": ""}
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "year_from": data.get("year_from") if "year_to" not in self.errors else None,
            "year_to": data.get("year_to") if "year_to" not in self.errors else None,
            "region": data.get("region") or "",
        }


class ReportsForm(RangeForm):
    """Which figure's reports: a criterion, a year of the range (or all) and a region."""

    criterion = forms.ChoiceField(choices=[(c.key, c.title) for c in CRITERIA])
    year = forms.IntegerField(required=False, min_value=1999, max_value=2100)
    counted = forms.ChoiceField(choices=[("1", "1"), ("0", "0")], required=False)


def _range_query(values: dict) -> dict:
    return {key: value for key, value in values.items() if value not in (None, "")}


def figure_url(figure: Figure, values: dict) -> str:
    query = _range_query(
        {
            **values,
            "criterion": figure.criterion,
            "year": figure.year,
            "region": figure.region or values.get("region"),
        }
    )
    return f"{reverse('reporting_crosscutting_reports')}?{urlencode(query)}"


def _tables(result: CrossCutting, values: dict) -> list[dict]:
    tables = []
    for criterion in CRITERIA:
        rows = [
            {
                "year": year,
                "figures": [
                    {"figure": figure, "url": figure_url(figure, values)} for figure in figures
                ],
            }
            for year, figures in result.table(criterion.key)
        ]
        tables.append({"criterion": criterion, "rows": rows})
    return tables


@require_safe
def crosscutting(request):
    _check(request)
    form = RangeForm(request.GET or None)
    values = form.range()
    result = compute(**values)
    query = urlencode(_range_query(values))
    return TemplateResponse(
        request,
        "reporting/admin/crosscutting.html",
        {
            "form": form,
            "result": result,
            "tables": _tables(result, values),
            "reports_count": len(result.facts),
            "csv_url": reverse("reporting_crosscutting_csv") + (f"?{query}" if query else ""),
        },
    )


def admin_url(report) -> str:
    return reverse("wagtailsnippets_reporting_article7report:inspect", args=[quote(report.pk)])


@require_safe
def crosscutting_reports(request):
    """The reports behind one figure (or, with counted=0, the others of its N)."""
    _check(request)
    form = ReportsForm(request.GET)
    if not form.is_valid():
        raise Http404
    values = form.range()
    criterion = CRITERIA_BY_KEY[form.cleaned_data["criterion"]]
    year = form.cleaned_data.get("year")
    counted = form.cleaned_data.get("counted") != "0"
    result = compute(**values)
    region = values["region"]
    figure = result.figure(criterion.key, year, region)
    facts = result.reports(criterion.key, year, region, counted=counted)
    rows = [
        {
            "fact": fact,
            "period": period_label(fact.report),
            "region": region_label(fact.region),
            "public_url": public_path(fact.report)
            if fact.report.visibility == Visibility.PUBLIC
            else "",
            "admin_url": admin_url(fact.report),
            "reasons": fact.reasons(criterion.key) if counted else [],
        }
        for fact in facts
    ]
    other = {**form.cleaned_data, "counted": "1" if not counted else "0"}
    back = _range_query(values)
    return TemplateResponse(
        request,
        "reporting/admin/crosscutting_reports.html",
        {
            "criterion": criterion,
            "figure": figure,
            "counted": counted,
            "year": year,
            "year_from": values["year_from"],
            "year_to": values["year_to"],
            "region_label": region_label(region),
            "rows": rows,
            "other_url": f"{reverse('reporting_crosscutting_reports')}?"
            + urlencode(_range_query(other)),
            "back_url": reverse("reporting_crosscutting") + (f"?{urlencode(back)}" if back else ""),
        },
    )


@require_safe
def crosscutting_csv(request):
    _check(request)
    values = RangeForm(request.GET or None).range()
    result = compute(**values)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="article-7-cross-cutting.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for criterion in CRITERIA:
        for year, figures in result.table(criterion.key):
            for figure in figures:
                cells = [
                    criterion.key,
                    criterion.title,
                    "all" if year is None else year,
                    figure.region or "all",
                    figure.counted,
                    figure.total,
                ]
                writer.writerow([csv_value(value) for value in cells])
    return response
