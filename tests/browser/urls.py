"""The site's URLs plus the uploaded files (map images), which the test settings do not serve
(DEBUG is off): the browser tests and screenshots show the page as `make run` does."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cms.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
