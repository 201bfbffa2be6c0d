import copy

from django.middleware.locale import LocaleMiddleware

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
    """Wagtail's Site for this request, as Site.find_for_request finds it, without its
    query on every request: kept per process, keyed by host, port and the page cache's
    "all" generation, which any change to a Site (or to a page other than a country page,
    such as the home page the Site points to) bumps. Each request gets its own copy."""
    from django.http.request import split_domain_port
    from wagtail.models import Site

    from home.cache import generations

    key = (split_domain_port(request._get_raw_host())[0], request.get_port(), *generations("all"))
    site = _sites.get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is None:
            return None
        if len(_sites) > 64:  # host names are bounded by ALLOWED_HOSTS; stay small anyway
            _sites.clear()
        _sites[key] = site
    return copy.deepcopy(site)
