from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

# The Wagtail admin uses inline scripts and styles, and blob: previews; the public site
# uses none, so only /admin/ gets these.
ADMIN_RELAXATION = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["'self'"],  # Wagtail's preview panel frames the page
}
# The admin's own preview is the only page the site lets be framed, by the admin itself:
# Wagtail marks its preview views' responses `X-Frame-Options: SAMEORIGIN` (everything else
# gets DENY), and the CSP must say the same, or browsers refuse the preview panel.
PREVIEW_FRAMING = {"frame-ancestors": ["'self'"]}


class SecurityHeadersMiddleware(CSPMiddleware):
    """Content-Security-Policy (strict on public pages) and Permissions-Policy."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith("/admin/"):
            parts.update = {**(parts.update or {}), **ADMIN_RELAXATION}
            if response.get("X-Frame-Options") == "SAMEORIGIN":
                parts.replace = {**(parts.replace or {}), **PREVIEW_FRAMING}
        return parts

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview renders the page through the middleware again, with a
            # request for the page's public URL: the policy is the one of the admin view
            # that answers (the preview's, which lets the admin frame it), set outside.
            return response
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
