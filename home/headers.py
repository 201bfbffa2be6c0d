from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

# The Wagtail admin uses inline scripts and styles, and blob: previews; the public site
# uses none, so only /admin/ gets these.
ADMIN_RELAXATION = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-ancestors": ["'self'"],  # Wagtail's preview panel frames the page
    "frame-src": ["'self'"],
}


class SecurityHeadersMiddleware(CSPMiddleware):
    """Content-Security-Policy (strict on public pages) and Permissions-Policy."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith("/admin/"):
            parts.update = {**(parts.update or {}), **ADMIN_RELAXATION}
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
