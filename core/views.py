"""Site-wide public views: robots.txt, the sitemap and the health check."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from .i18n import alternates_by_key, x_default
from .public_url import public_url

logger = logging.getLogger(__name__)


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
    sitemap lists the default language only), and the entries of SITEMAP_SECTIONS."""
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
    # Public pages that are not Wagtail pages, from the apps that serve them (named in the
    # settings: core imports no app above it).
    for section in settings.SITEMAP_SECTIONS:
        entries += import_string(section)(request)
    return TemplateResponse(
        request,
        "core/sitemap.xml",
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
