"""The page cache for anonymous visitors.

Public pages are the same for every anonymous visitor in a language (the language is in
the path), so a rendered response is kept in the cache (Redis in production) and served
again without touching the database. Whoever carries a session cookie — an editor, a
focal point, the ISU — is never served from the cache and never fills it.

Invalidation is by generation tokens rather than by listing keys: every cached entry
belongs to a group, and bumping the group's token makes its entries unreachable.
  - "country:<slug>" for a country page: slugs are synchronised, so this covers the page
    in every language, including the fallback URLs that show the source language;
  - "listings" for every other public page: the home page, the index, the explorer,
    search, open data — anything that lists or counts countries.
Publishing or unpublishing a country page bumps its country group and the listings;
changing the registry, organisations or tags bumps everything.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.signals import page_published, page_unpublished

LANGUAGE_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
# Slugs are at most 255 characters (Wagtail's limit); a longer path cannot be a page, and
# bounding it keeps hostile paths out of the generation keys.
COUNTRY_PATH = re.compile(r"^/[\w-]+/states-parties/(?P<slug>[\w-]{1,255})/")
# Paths that must never be cached: forms that reveal data on POST are never GETs, but
# these views are personal or cheap enough not to bother.
NEVER = ("/admin/", "/documents/", "/static/", "/media/", "/healthz")
HEADER = "X-Page-Cache"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as django.middleware.gzip decides


def generations(*groups: str) -> tuple[str, ...]:
    """The current generation of each group, in one cache round trip (two the first time).

    A generation is a random token, not a counter: when the cache loses it (Redis flushed
    or restarted, the key evicted) a new token is drawn, so nothing named under the old
    one — here or in a process's own memory, such as home.middleware's Site lookups — can
    be mistaken for current. With no cache at all, every call draws a fresh token: nothing
    is reused, which is right when nothing can be invalidated either."""
    keys = [f"pagecache:gen:{group}" for group in groups]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, secrets.token_hex(8), timeout=None)  # another process may win
        found.update(cache.get_many(missing))
    return tuple(found.get(key) or secrets.token_hex(8) for key in keys)


def bump(*groups: str) -> None:
    """Make every cached page of these groups stale."""
    cache.set_many(
        {f"pagecache:gen:{group}": secrets.token_hex(8) for group in groups}, timeout=None
    )


def group_of(path: str) -> str:
    match = COUNTRY_PATH.match(path)
    return f"country:{match['slug']}" if match else "listings"


def cache_key(request: HttpRequest) -> str:
    group_generation, all_generation = generations(group_of(request.path), "all")
    raw = "|".join(
        [
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
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
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
            response[HEADER] = "miss"
        return response


# --- Invalidation ----------------------------------------------------------------------------


def _country_groups(page) -> list[str]:
    return [f"country:{page.slug}", "listings"]


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    from country_pages.models import CountryPage

    if isinstance(instance, CountryPage):
        bump(*_country_groups(instance))
    else:
        bump("all")


def registry_changed(sender, instance=None, **kwargs):
    bump("all")


def connect_signals() -> None:
    """Called from HomeConfig.ready(): the registry and snippets feed every page."""
    from wagtail.models import Locale, Site

    from country_pages.models import Organisation, ThematicTag
    from registry.models import Article5Deadline, Article7Report, MembershipEvent, StateParty

    for model in (
        Site,  # also drops the Site lookups kept by home.middleware.cached_site
        Locale,
        StateParty,
        MembershipEvent,
        Article5Deadline,
        Article7Report,
        Organisation,
        ThematicTag,
    ):
        post_save.connect(
            registry_changed, sender=model, dispatch_uid=f"pagecache-{model.__name__}"
        )
        post_delete.connect(
            registry_changed, sender=model, dispatch_uid=f"pagecache-del-{model.__name__}"
        )
