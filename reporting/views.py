"""The public page of an accepted Article 7 report, and its PDF. Which report a visitor
may read is reporting.visibility's decision; anything else is a 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from country_pages.index_models import PublishedPage
from country_pages.models import states_index_url

from .models import Article7Report, ReportKind, Visibility
from .reading import header_facts, period_label, period_slug, public_path, report_sections
from .visibility import sees_restricted, visible_report


def _report_or_404(request: HttpRequest, iso3: str, period: str) -> Article7Report:
    report = visible_report(request.user, iso3, period)
    if report is None:
        # Also for a report the visitor may not read: its existence is not revealed.
        raise Http404
    return report


def _not_shared(response: HttpResponse, report: Article7Report) -> HttpResponse:
    """A report for States Parties and the ISU only is never kept by the page cache, a
    proxy or a shared browser cache (the page cache already skips signed-in visitors:
    this holds whatever it decides)."""
    if report.visibility != Visibility.PUBLIC:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _country_url(request: HttpRequest, report: Article7Report) -> str:
    """The State's country page in the visitor's language (where it is not translated,
    the index serves the original at that address), if it is published."""
    index_url = states_index_url(request)
    published = PublishedPage.objects.filter(state_id=report.state_id).first()
    return published.url_under(index_url) if index_url and published else ""


def report_title(report: Article7Report) -> str:
    if report.kind == ReportKind.INITIAL:
        return _("%(state)s: initial Article 7 report") % {"state": report.state.name}
    return _("%(state)s: Article 7 report for %(year)s") % {
        "state": report.state.name,
        "year": report.year,
    }


@require_safe
def report_detail(request: HttpRequest, iso3: str, period: str) -> HttpResponse:
    report = _report_or_404(request, iso3, period)
    sections = report_sections(report)
    if sees_restricted(request.user):
        # The reports an "unchanged since" names are linked where the reader may open them.
        for section in sections:
            if section.since_report is not None and not section.since_url:
                section.since_url = public_path(section.since_report)
    response = TemplateResponse(
        request,
        "reporting/report_detail.html",
        {
            "report": report,
            "sections": sections,
            "facts": header_facts(report),
            "title": report_title(report),
            "period": period_label(report),
            "state_name": report.state.name,
            "index_url": states_index_url(request),
            "country_url": _country_url(request, report),
            "pdf_url": public_path(report, pdf=True),
        },
    )
    return _not_shared(response, report)


@require_safe
def report_pdf(request: HttpRequest, iso3: str, period: str) -> HttpResponse:
    report = _report_or_404(request, iso3, period)
    # Imported here: the PDF's libraries load only when a PDF is asked for.
    from .pdf import render_pdf

    response = HttpResponse(render_pdf(report), content_type="application/pdf")
    filename = f"article-7-report-{report.state.iso3.lower()}-{period_slug(report)}"
    response["Content-Disposition"] = f'inline; filename="{filename}-v{report.version}.pdf"'
    return _not_shared(response, report)
