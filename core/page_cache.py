"""The page cache for anonymous visitors.

Public pages are the same for every anonymous visitor in a language (the language is in
the path), so a rendered response is kept in the cache (Redis in production) and served
again without touching the database. Whoever carries a session cookie — an editor, a
focal point, the ISU — is never served from the cache and never fills it.

Invalidation is by generation tokens rather than by listing keys: every cached entry
belongs to a group, and a new token for the group makes its entries unreachable.
  - "country:<slug>" for a country page: slugs are synchronised, so this covers the page
    in every language, including the fallback URLs that show the source language;
  - "listings" for every other public page: the home page, the index, the explorer,
    search, open data — anything that lists or counts countries;
  - "all", part of every key, for what every page shows (the registry, the site tree).
What bumps which group, and when (after the commit), is the publishing app's business;
this module only names, reads and bumps generations.

Keys an anonymous visitor cannot multiply: a country group's token exists only once a
real page of that slug was published (reading a group never creates it), and expires;
a query string is cached only when the view said it understood every parameter.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
# Slugs are at most 255 characters (Wagtail's limit); a longer path cannot be a page, and
# bounding it keeps hostile paths out of the keys.
COUNTRY_PATH = re.compile(r"^/[\w-]+/states-parties/(?P<slug>[\w-]{1,255})/")
# Paths that must never be cached: forms that reveal data on POST are never GETs, but
# these views are personal or cheap enough not to bother.
NEVER = ("/admin/", "/documents/", "/static/", "/media/", "/healthz")
HEADER = "X-Page-Cache"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as django.middleware.gzip decides

ALL = "all"
LISTINGS = "listings"
SHARED_GROUPS = (ALL, LISTINGS)
# A country group's token must outlive everything named under it (the rendered article
# is kept a day): when it expires, the group falls back to a token derived from "all",
# under which nothing newer than the expiry can have been stored.
COUNTRY_GENERATION_SECONDS = 3 * 86400


def country_group(slug: str) -> str:
    return f"country:{slug}"


def _key(group: str) -> str:
    return f"pagecache:gen:{group}"


def generations(*groups: str) -> tuple[str, ...]:
    """The current generation of each group, in one cache round trip (two the first time).

    A generation is a random token, not a counter: when the cache loses it (Redis flushed
    or restarted, the key evicted) a new token is drawn, so nothing named under the old
    one — here or in a process's own memory, such as core.middleware's Site lookups — can
    be mistaken for current. With no cache at all, every call draws a fresh token: nothing
    is reused, which is right when nothing can be invalidated either. A country group
    never bumped (or whose token expired) reads as derived from "all": reading creates
    no key."""
    wanted = list(dict.fromkeys([*groups, ALL]))
    found = cache.get_many([_key(group) for group in wanted])
    missing = [g for g in wanted if g in SHARED_GROUPS and _key(g) not in found]
    if missing:
        for group in missing:
            cache.add(_key(group), secrets.token_hex(8), timeout=None)  # another may win
        found.update(cache.get_many([_key(group) for group in missing]))
    all_token = found.get(_key(ALL)) or secrets.token_hex(8)
    tokens = {ALL: all_token}
    for group in wanted:
        if group != ALL:
            token = found.get(_key(group))
            if token is None:
                token = secrets.token_hex(8) if group in SHARED_GROUPS else f"~{all_token}"
            tokens[group] = token
    return tuple(tokens[group] for group in groups)


def bump(*groups: str) -> bool:
    """Make every cached page of these groups stale. False when the cache did not take
    it (unreachable, stalled): the caller keeps the invalidation and tries again."""
    tokens = {_key(group): secrets.token_hex(8) for group in groups}
    shared = {k: v for k, v in tokens.items() if k in {_key(g) for g in SHARED_GROUPS}}
    others = {k: v for k, v in tokens.items() if k not in shared}
    if shared:
        cache.set_many(shared, timeout=None)
    if others:
        cache.set_many(others, timeout=COUNTRY_GENERATION_SECONDS)
    # The cache ignores its errors (a page must render without Redis): read back.
    return len(cache.get_many(list(tokens))) == len(tokens)


def group_of(path: str) -> str:
    match = COUNTRY_PATH.match(path)
    return country_group(match["slug"]) if match else LISTINGS


# --- Query strings ---------------------------------------------------------------------------


def _query(request: HttpRequest) -> list[tuple[str, str]]:
    """The query string as a view reads it: empty fields dropped, order irrelevant."""
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return sorted((name, value) for name, value in pairs if value)


def accept_query(request: HttpRequest, form) -> None:
    """Called by a view whose output depends on a filter form: a valid form makes its
    parameters cacheable for this request. Anything else in a query string is served
    but never stored, so a visitor cannot fill the cache with made-up parameters."""
    if form.is_bound and form.is_valid():
        request._page_cache_parameters = frozenset(form.fields)


def _query_cacheable(request: HttpRequest) -> bool:
    pairs = _query(request)
    if not pairs:
        return True
    names = [name for name, _value in pairs]
    accepted = getattr(request, "_page_cache_parameters", frozenset())
    return len(names) == len(set(names)) and set(names) <= accepted


def cache_key(request: HttpRequest) -> str:
    group_generation, all_generation = generations(group_of(request.path), ALL)
    raw = "|".join(
        [
            request.get_host(),
            request.path,
            urlencode(_query(request)),
            "gzip" if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else "",
            str(group_generation),
            str(all_generation),
        ]
    )
    return "pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def cacheable_request(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and request.path.startswith(LANGUAGE_PREFIXES)
        and not request.path.startswith(NEVER)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "preview" not in request.GET
    )


def cacheable_response(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if not cacheable_request(request):
            return self.get_response(request)
        # The key is taken before the view reads the database: a page rendered from data
        # older than a bump is stored under the old generation, where nobody reads it.
        key = cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if cacheable_response(response):
            # Browsers and proxies revalidate every time: publication must show at once.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            if _query_cacheable(request):
                cache.set(key, response, settings.PAGE_CACHE_SECONDS)
                response[HEADER] = "miss"
            else:
                response[HEADER] = "bypass"
        return response
