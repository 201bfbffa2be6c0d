"""Site-wide public views: search, open data, the registry downloads, robots.txt and the
sitemap."""

from __future__ import annotations

import csv
import logging
import unicodedata

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from registry.models import StateParty

from .i18n import active_locale, alternates_by_key, x_default

SEARCH_MAX_LENGTH = 200
# Written without spaces between words; full-text search cannot split them (see
# home/search_backend.py).
UNSEGMENTED_LANGUAGES = {"zh-hans"}
RESULTS_PER_PAGE = 10


logger = logging.getLogger(__name__)


def search_text(text: str) -> str:
    """A visitor's search as the search backends can take it: SQLite's full-text syntax
    breaks on a double quote, PostgreSQL refuses NUL, and control characters are never
    part of a word. Whitespace collapsed, length capped. The API's ?search= uses it too."""
    text = "".join(" " if c == '"' or unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(text.split())[:SEARCH_MAX_LENGTH]


@require_GET
def search(request):
    """Search the public site in the visitor's language: that language's pages only."""
    query = search_text(request.GET.get("q", ""))
    results = None
    if query:
        locale = active_locale(request)
        pages = Page.objects.live().public().filter(locale=locale).specific()
        found = pages.search(query, operator="and")
        if locale.language_code in UNSEGMENTED_LANGUAGES and not found.count():
            # No word boundaries to index on: match the text itself in titles.
            found = pages.filter(Q(title__icontains=query) | Q(search_description__icontains=query))
        results = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "home/search.html", {"query": query, "results": results})


@require_GET
def open_data(request):
    return TemplateResponse(request, "home/open_data.html", {})


REGISTRY_COLUMNS = [
    "iso3",
    "iso2",
    "name_en",
    "name_fr",
    "name_es",
    "name_ar",
    "name_ru",
    "name_zh_hans",
    "region",
    "subregion",
    "signed",
    "deposited",
    "method",
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
        row = {name: getattr(state, name, None) for name in REGISTRY_COLUMNS[:13]}
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


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/contact/",
        "Disallow: /*/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def sitemap(request):
    """Every language's live, public pages, each with its alternates (Wagtail's own
    sitemap lists the default language only)."""
    site = Site.find_for_request(request)
    pages = Page.objects.live().public().filter(depth__gt=1)
    if site is not None:
        root_keys = site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
        pages = pages.filter(path__regex=r"^(" + "|".join(root_keys) + ")")
    groups = alternates_by_key(pages, request)
    entries = []
    for alternates in groups.values():
        default = x_default(alternates)
        for alternate in alternates:
            entries.append({"alternate": alternate, "alternates": alternates, "default": default})
    return TemplateResponse(
        request,
        "home/sitemap.xml",
        {"entries": entries},
        content_type="application/xml; charset=utf-8",
    )


def healthz(request):
    """Database and cache reachable: 200; otherwise 503 with what failed."""
    from django.core.cache import cache
    from django.db import connection

    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:  # any failure means unhealthy; the details go to the logs
        logger.exception("Health check: database unavailable")
        checks["database"] = "unavailable"
    probe = f"healthz:{timezone.now().timestamp()}"
    try:
        cache.set(probe, "ok", 5)
        checks["cache"] = "ok" if cache.get(probe) == "ok" else "unavailable"
        cache.delete(probe)
    except Exception:
        logger.exception("Health check: cache unavailable")
        checks["cache"] = "unavailable"
    healthy = all(value == "ok" for value in checks.values())
    response = JsonResponse({"status": "ok" if healthy else "unavailable", **checks})
    response.status_code = 200 if healthy else 503
    response["Cache-Control"] = "no-store"
    return response
