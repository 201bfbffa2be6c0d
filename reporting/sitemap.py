"""The public Article 7 reports in the sitemap (core.views.sitemap reads the sections
named in settings.SITEMAP_SECTIONS): each at its address in every language, with the
others as alternates."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from core.i18n import Alternate, x_default

from .reading import public_path
from .visibility import visible_reports


def entries(request) -> list[dict]:
    """Entries as templates/core/sitemap.xml reads them; what anyone may read only."""
    found = []
    for report in visible_reports(None).select_related("state").order_by("state__iso3", "year"):
        alternates = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                alternates.append(Alternate(code, public_path(report), None))
        default = x_default(alternates)
        for alternate in alternates:
            found.append(
                {
                    "alternate": alternate,
                    "alternates": alternates,
                    "default": default,
                    "lastmod": report.last_published_at,
                }
            )
    return found
