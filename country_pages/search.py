"""The site's search: the visitor's language's pages, a State's name in any of the six
languages finding its country page first, every result with a snippet."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from core.i18n import active_locale
from core.search_text import search_text

from .models import CountryPage, StatesPartiesIndexPage
from .search_names import page_text, snippet, states_named

# Written without spaces between words; full-text search cannot split them (see
# core/search_backend.py).
UNSEGMENTED_LANGUAGES = {"zh-hans"}
RESULTS_PER_PAGE = 10


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
    return TemplateResponse(
        request, "country_pages/search.html", {"query": query, "results": results}
    )


MAX_RESULTS = 500


def country_pages_named(query: str, locale) -> list:
    """Country pages of the States whose name (in any language) matches the query, in
    the visitor's language, or the version a visitor is shown when that language is
    missing; best name match first."""
    states = states_named(query)
    if not states:
        return []
    index = StatesPartiesIndexPage.objects.filter(locale=locale).live().first()
    candidates = CountryPage.objects.live().public().filter(state__in=states)
    by_state: dict[int, list] = {}
    for page in candidates.select_related("locale", "state", "published_index"):
        by_state.setdefault(page.state_id, []).append(page)
    pages = []
    for state in states:
        versions = by_state.get(state.pk, [])
        page = next((p for p in versions if p.locale_id == locale.pk), None)
        if page is None and index is not None:
            # The version the index chose at publish time for a missing language.
            page = next((p for p in versions if shown_where_missing(p)), None)
            if page is not None:
                page.search_url = f"{index.url}{page.slug}/"
        if page is not None:
            pages.append(page)
    return pages


def shown_where_missing(page: CountryPage) -> bool:
    entry = getattr(page, "published_index", None)
    return entry is not None and entry.is_source


def search_result(page, query: str, request) -> dict:
    page = page.specific
    state = getattr(page, "state", None)
    return {
        "page": page,
        "url": getattr(page, "search_url", None) or page.get_url(request),
        "title": state.name if state is not None else page.title,
        "snippet": snippet(page_text(page), query),
        "language": page.locale.language_code,
    }
