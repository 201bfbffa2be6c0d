from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from country_pages import views as country_views

urlpatterns = [
    # Guarded versions of some admin views; must come before Wagtail's admin.
    path("admin/", include("focal_points.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix: /en/…, /fr/…, /zh-hans/…
urlpatterns += i18n_patterns(
    path(
        "contact/<int:page_id>/<slug:contact_id>/",
        country_views.reveal_contact,
        name="reveal_contact",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
