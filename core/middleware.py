import copy

from django.middleware.locale import LocaleMiddleware

from .page_cache import generations

# Paths that are not in i18n_patterns: an unknown URL there is a plain 404, not a redirect
# to /en/… (which Wagtail's catch-all page route would otherwise make "valid").
UNPREFIXED = (
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/api/",
    "/open-data/states-parties",
    "/robots.txt",
    "/sitemap.xml",
)


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        super().process_request(request)
        if not request.path_info.startswith(("/admin/", "/static/", "/media/")):
            site = cached_site(request)
            if site is not None:
                request._wagtail_site = site

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)


# --- Site lookup ----------------------------------------------------------------------------

_sites: dict[tuple, object] = {}


def cached_site(request):
    """Wagtail's Site for this request, as Site.find_for_request finds it, with its root
    page already in the active language (as Page.route_for_request would look it up),
    without those queries on every request: kept per process, keyed by host, port,
    language and the page cache's "all" generation, which any change to a Site, a Locale
    or a page other than a country page (such as the home page and its translations)
    bumps. Each request gets its own copy."""
    from django.http.request import split_domain_port
    from django.utils.translation import get_language
    from wagtail.models import Site

    language = get_language()
    host = split_domain_port(request._get_raw_host())[0]
    key = (host, request.get_port(), language, *generations("all"))
    site = _sites.get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is None:
            return None
        root = site.root_page.localized.specific
        root._localized_for = language  # read by BasePage.localized_draft
        site.root_page = root
        if len(_sites) > 64:  # hosts are bounded by ALLOWED_HOSTS; stay small anyway
            _sites.clear()
        _sites[key] = site
    return copy.deepcopy(site)
