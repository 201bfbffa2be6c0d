"""Site-wide public views: search, open data, the registry downloads, robots.txt and the
sitemap."""

from __future__ import annotations

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

from .i18n import active_locale, alternates_by_key, x_default
from .public_url import public_url

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
    """Search the public site in the visitor's language: that language's pages only. A
    State's name in any of the six languages finds its country page first (an exact name
    before names containing it); every result has a snippet."""
    query = search_text(request.GET.get("q", ""))
    results = None
    if query:
        locale = active_locale(request)
        pages = Page.objects.live().public().filter(locale=locale).specific()
        named = country_pages_named(query, locale)
        found = pages.search(query, operator="and")
        if locale.language_code in UNSEGMENTED_LANGUAGES and not found.count():
            # No word boundaries to index on: match the text itself in titles.
            found = pages.filter(Q(title__icontains=query) | Q(search_description__icontains=query))
        seen = {page.pk for page in named}
        ordered = named + [page for page in found[:MAX_RESULTS] if page.pk not in seen]
        results = Paginator(ordered, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        results.object_list = [search_result(page, query, request) for page in results]
    return TemplateResponse(request, "home/search.html", {"query": query, "results": results})


MAX_RESULTS = 500


def country_pages_named(query: str, locale) -> list:
    """Country pages of the States whose name (in any language) matches the query, in
    the visitor's language, or the version a visitor is shown when that language is
    missing; best name match first."""
    from country_pages.models import CountryPage, StatesPartiesIndexPage, preferred_source

    from .search_names import states_named

    states = states_named(query)
    if not states:
        return []
    index = StatesPartiesIndexPage.objects.filter(locale=locale).live().first()
    candidates = CountryPage.objects.live().public().filter(state__in=states)
    by_state: dict[int, list] = {}
    for page in candidates.select_related("locale", "state"):
        by_state.setdefault(page.state_id, []).append(page)
    pages = []
    for state in states:
        versions = by_state.get(state.pk, [])
        page = next((p for p in versions if p.locale_id == locale.pk), None)
        if page is None and index is not None:
            page = preferred_source(versions)
            if page is not None:
                page.search_url = f"{index.url}{page.slug}/"
        if page is not None:
            pages.append(page)
    return pages


def search_result(page, query: str, request) -> dict:
    from .search_names import page_text, snippet

    page = page.specific
    state = getattr(page, "state", None)
    return {
        "page": page,
        "url": getattr(page, "search_url", None) or page.get_url(request),
        "title": state.name if state is not None else page.title,
        "snippet": snippet(page_text(page), query),
        "language": page.locale.language_code,
    }


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/contact/",
        "Disallow: /*/search/",
        f"Sitemap: {public_url(reverse('sitemap'))}",
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
