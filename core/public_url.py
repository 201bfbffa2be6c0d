"""The site's public address, PUBLIC_BASE_URL: the one source of every absolute URL the site
writes (canonical and hreflang links, Open Graph, the sitemap, robots.txt, the API's
html_url, emails). In-page links stay relative. The Wagtail Site's hostname and port are
kept in step with it (`apply_to_site`, run by the demo loader)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def public_url(path: str) -> str:
    """The absolute URL of a path of this site. An absolute URL (Wagtail's, built from the
    Site record) keeps its path and query only: the public address is the setting's."""
    parts = urlsplit(path)
    if parts.scheme or parts.netloc:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
    return settings.PUBLIC_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def site_address() -> tuple[str, int]:
    """PUBLIC_BASE_URL's hostname and port (the scheme's default port when it names none)."""
    parts = urlsplit(settings.PUBLIC_BASE_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def apply_to_site() -> bool:
    """Gives the default Site PUBLIC_BASE_URL's hostname and port; True when it changed
    (saving a Site invalidates the page cache). Nothing is written when they agree."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = site_address()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save()
    return True
