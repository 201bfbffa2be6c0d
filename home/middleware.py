from django.middleware.locale import LocaleMiddleware

# Paths that are not in i18n_patterns: an unknown URL there is a plain 404, not a redirect
# to /en/… (which Wagtail's catch-all page route would otherwise make "valid").
UNPREFIXED = ("/admin/", "/documents/", "/static/", "/media/")


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)
