"""The public addresses of accepted Article 7 reports, under each language's prefix:
/<lang>/article-7-reports/<iso3>/<initial|year>/ and its PDF, and the reporting status
of every State (before the reports' patterns: "status" is not a country code)."""

from django.urls import path, re_path

from . import open_data, status_views, views

PERIOD = r"(?P<iso3>[a-z]{3})/(?P<period>initial|[0-9]{4})"

urlpatterns = [
    path("status/", status_views.reporting_status, name="reporting_status"),
    path("status.csv", status_views.reporting_status_csv, name="reporting_status_csv"),
    path("data/", open_data.data_index, name="reporting_open_data"),
    re_path(
        r"^data/(?P<name>[a-z_]+)\.(?P<fmt>csv|json)$",
        open_data.data_file,
        name="reporting_open_data_file",
    ),
    re_path(rf"^{PERIOD}/$", views.report_detail, name="article7_report"),
    re_path(rf"^{PERIOD}/report\.pdf$", views.report_pdf, name="article7_report_pdf"),
]
