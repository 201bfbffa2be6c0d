"""The public addresses of accepted Article 7 reports, under each language's prefix:
/<lang>/article-7-reports/<iso3>/<initial|year>/ and its PDF."""

from django.urls import re_path

from . import views

PERIOD = r"(?P<iso3>[a-z]{3})/(?P<period>initial|[0-9]{4})"

urlpatterns = [
    re_path(rf"^{PERIOD}/$", views.report_detail, name="article7_report"),
    re_path(rf"^{PERIOD}/report\.pdf$", views.report_pdf, name="article7_report_pdf"),
]
