"""The ISU's analysis of the accepted Article 7 reports, in the admin: any table of
reporting/tables.py (each form, the cover pages, and the completeness of each report)
across States and years, filtered by region, State and years, a page at a time; and its
exports, a table as CSV and every table as XLSX (one sheet each). Every accepted report is
included, those for States Parties and the ISU only too. ISU only, as the registry
proposals (proposals_admin.py): anyone else is refused (PermissionDenied, which Wagtail's
admin answers with a redirect to the dashboard), and anyone without admin access is sent
to the sign-in page first.

Large exports, and why they are not a background task: django-tasks is installed (Wagtail
8 runs its index updates with it) but the project configures no TASKS backend and runs no
worker, so a task would run at once, inside the request (django-tasks' default immediate
backend): nothing would be "in the background". Instead every export is streamed as it
is written, and none is held whole in memory or on disk: a table's CSV is sent as it is
read (one query, read in chunks); the XLSX (exports.xlsx_chunks) is a ZIP written straight
on, its small parts first, then each sheet a chunk of rows at a time, each chunk sent as
soon as it is compressed. Its first bytes leave at once and more follow every fraction of
a second until the last row, so no proxy's read timeout (which counts the wait between
two reads) is reached however long the whole takes. gunicorn's gthread workers
(gunicorn.conf.py) do not time a request out while it runs: their timeout is the
worker's heartbeat, which their main loop keeps sending. `make bench-exports`
(scripts/bench_exports.py) on 165 States × 25 years of generated reports (320,000 rows;
a shared 2-vCPU machine): every table as CSV in 4.6 s; the XLSX of everything, 18.7 MiB,
in 8.4 s (43 s with openpyxl, whose first byte came only at the end), its first byte
at once and never more than 0.15 s between two chunks; the XLSX of the last five years
in 1.8 s; each under 141 MB resident (about 20 MB above the process at rest).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from focal_points.roles import is_isu
from registry.models import Region, StateParty

from .. import exports, tables
from ..progress import STATUS_LABELS

PER_PAGE = 50


def _check(request: HttpRequest) -> None:
    if not is_isu(request.user):
        raise PermissionDenied


def table_label(table: tables.Table) -> str:
    title = table.description if table.letter else table.title
    return f"{str(title)[:1].upper()}{str(title)[1:]} ({table.name})"


class AnalysisFilterForm(forms.Form):
    table = forms.ChoiceField(label=_("Table"), required=False)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )
    state = forms.ModelChoiceField(
        label=_("State"),
        required=False,
        queryset=StateParty.objects.order_by("name_en"),
        to_field_name="iso3",
        empty_label=_("All States"),
    )
    year_from = forms.IntegerField(label=_("From year"), required=False, min_value=1999)
    year_to = forms.IntegerField(label=_("To year"), required=False, max_value=2100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table"].choices = [(t.name, table_label(t)) for t in tables.ANALYSIS_TABLES]

    def clean(self):
        data = super().clean()
        low, high = data.get("year_from"), data.get("year_to")
        if low is not None and high is not None and low > high:
            data["year_from"], data["year_to"] = high, low
        return data

    def chosen_table(self) -> tables.Table:
        name = self.cleaned_data.get("table") if self.is_valid() else ""
        return tables.ANALYSIS_BY_NAME.get(name or "", tables.COMPLETENESS)

    def reports(self):
        """The reports chosen: every accepted one (restricted too) matching the filters;
        all of them when the filters are not understood."""
        data = self.cleaned_data if self.is_valid() else {}
        return tables.reports(
            include_restricted=True,
            region=data.get("region") or "",
            year_from=data.get("year_from"),
            year_to=data.get("year_to"),
            state=data.get("state"),
        )


def _form(request: HttpRequest) -> AnalysisFilterForm:
    return AnalysisFilterForm(request.GET or None)


def display(value) -> str:
    """A value as the analysis table shows it (the exports keep the values as they are)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal | int):
        return str(value)
    return value if len(value) <= 120 else value[:119] + "…"


def _filename(stem: str, extension: str) -> str:
    return f"article-7-{stem}-{timezone.localdate().isoformat()}.{extension}"


@require_safe
def analysis(request: HttpRequest) -> HttpResponse:
    _check(request)
    form = _form(request)
    table = form.chosen_table()
    paginator = Paginator(table.queryset(form.reports()), PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    # The completeness of each form is shown in words (the exports keep the codes).
    labels = [
        STATUS_LABELS if table is tables.COMPLETENESS and c.name.startswith("form_") else {}
        for c in table.columns
    ]
    rows = [
        [
            str(label[value]) if value in label else display(value)
            for label, value in zip(labels, table.values(obj), strict=True)
        ]
        for obj in page.object_list
    ]
    query = request.GET.copy()
    query.pop("p", None)
    export_query = query.copy()
    export_query["table"] = table.name
    return TemplateResponse(
        request,
        "reporting/admin/analysis.html",
        {
            "form": form,
            "table": table,
            "table_label": table_label(table),
            "page": page,
            "rows": rows,
            "query": query.urlencode(),
            "csv_query": export_query.urlencode(),
        },
    )


@require_safe
def analysis_csv(request: HttpRequest) -> HttpResponse:
    _check(request)
    form = _form(request)
    table = form.chosen_table()
    rows = tables.rows(table, form.reports())
    response = StreamingHttpResponse(
        exports.csv_chunks(table, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(table.name, "csv")}"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def analysis_xlsx(request: HttpRequest) -> HttpResponse:
    _check(request)
    selected = _form(request).reports()
    sheets = [(table, tables.rows(table, selected)) for table in tables.ANALYSIS_TABLES]
    response = StreamingHttpResponse(
        exports.xlsx_chunks(sheets), content_type=exports.XLSX_CONTENT_TYPE
    )
    filename = _filename("reports", "xlsx")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
