from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.shortcuts import redirect
from django.templatetags.static import static as static_url
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from approach import views as approach_views
from core import views as core_views
from country_pages import search
from country_pages import views as country_views
from country_pages.api import api_router
from explorer import views as explorer_views
from explorer import who_helps_whom
from partnerships import views as partnership_views
from registry import views as registry_views
from reporting.api import Article7ReportsAPIViewSet

# Public Article 7 reports beside the country pages in the read-only API.
api_router.register_endpoint("article7-reports", Article7ReportsAPIViewSet)

urlpatterns = [
    # Guarded versions of some admin views; must come before Wagtail's admin.
    path("admin/", include("focal_points.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("open-data/states-parties.csv", registry_views.registry_csv, name="registry_csv"),
    path("open-data/states-parties.json", registry_views.registry_json, name="registry_json"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("healthz", core_views.healthz, name="healthz"),
    path("sitemap.xml", core_views.sitemap, name="sitemap"),
    # Browsers ask for /favicon.ico whatever the page links to: the SVG icon (its static
    # name is hashed in production, so a temporary redirect).
    path("favicon.ico", lambda request: redirect(static_url("favicon.svg")), name="favicon"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix: /en/…, /fr/…, /zh-hans/…
urlpatterns += i18n_patterns(
    path("needs-and-assistance/", explorer_views.explorer, name="explorer"),
    path("needs-and-offers/", explorer_views.needs_and_offers, name="needs_offers"),
    path("partnerships/", partnership_views.partnership_list, name="partnerships_list"),
    path("who-helps-whom/", who_helps_whom.who_helps_whom, name="who_helps_whom"),
    path("search/", search.search, name="search"),
    path("individualised-approach/calendar/", approach_views.calendar, name="approach_calendar"),
    path(
        "individualised-approach/calendar.ics",
        approach_views.calendar_ics,
        name="approach_calendar_ics",
    ),
    path("open-data/", registry_views.open_data, name="open_data"),
    path(
        "contact/<int:page_id>/<slug:contact_id>/",
        country_views.reveal_contact,
        name="reveal_contact",
    ),
    path("article-7-reports/", include("reporting.urls")),
    path("", include("cms.feed_urls")),  # Atom feeds: one beside the country pages' URLs
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
