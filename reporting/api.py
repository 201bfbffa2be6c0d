"""Public Article 7 reports in the read-only Wagtail API, /api/v2/article7-reports/ (the
router is country_pages.api's; cms/urls.py registers this endpoint on it).

Whoever asks, only what the open data gives (tables.reports(include_restricted=False)):
the latest accepted version of each public report; a restricted report, a draft or a
report in review is "not found". A listing gives each report's State and period and
where to read it; a report's detail adds `forms`, each table of reporting/tables.py with
the report's rows under the same column names as the CSV and JSON downloads (less the
report's own columns, which the report gives once).

Filters: ?iso3=SDN, ?kind=initial|annual, ?year=2023, ?order=year (or -year,
submitted_on, …), with Wagtail's limit and offset. Every value is checked before it
reaches the database, as for the country pages (country_pages/api.py): a bad one is a
400, never a 500.
"""

from __future__ import annotations

from django.db.models import F
from rest_framework import serializers
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.views import BaseAPIViewSet

from core.public_url import public_url
from country_pages.api import FieldsFilter, Pagination, RefusesBadQueries

from . import tables
from .models import Article7Report
from .reading import public_path


class StateCodeFilter(BaseFilterBackend):
    """?iso3=SDN: one State's reports."""

    def filter_queryset(self, request, queryset, view):
        iso3 = request.GET.get("iso3")
        return queryset.filter(state__iso3=iso3.upper()[:3]) if iso3 else queryset


class HtmlUrlField(serializers.Field):
    """The report's public page, from PUBLIC_BASE_URL."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, report):
        return public_url(public_path(report))


class PeriodField(serializers.Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, report):
        return tables.period(report.kind, report.year)


class FormsField(serializers.Field):
    """Each table's rows of the report, by the tables' column names: one query a table."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, report):
        selected = Article7Report.objects.filter(pk=report.pk)
        skip = len(tables.ROW_REPORT)
        forms = {}
        for table in tables.TABLES:
            if table.name == "reports":
                continue
            header = table.header[skip:]
            forms[table.name] = [
                dict(zip(header, row[skip:], strict=True)) for row in tables.rows(table, selected)
            ]
        return forms


class Article7ReportsAPIViewSet(RefusesBadQueries, BaseAPIViewSet):
    model = Article7Report
    name = "article7-reports"
    body_fields = [
        "id",
        APIField("iso3", serializer=serializers.CharField(source="state.iso3", read_only=True)),
        APIField(
            "state_name", serializer=serializers.CharField(source="state.name_en", read_only=True)
        ),
        APIField("period", serializer=PeriodField(read_only=True)),
        "kind",
        "year",
        "version",
        "submitted_on",
        "language",
        "other_matters",
        APIField("forms", serializer=FormsField(read_only=True)),
    ]
    meta_fields = ["type", "detail_url", APIField("html_url", serializer=HtmlUrlField())]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "html_url",
        "iso3",
        "state_name",
        "period",
        "version",
        "submitted_on",
    ]
    detail_only_fields = ["forms", "other_matters"]
    filter_backends = [StateCodeFilter, FieldsFilter, OrderingFilter]
    pagination_class = Pagination
    known_query_parameters = (BaseAPIViewSet.known_query_parameters - {"search"}) | {"iso3"}
    # Look reports up by "id", as the pages are: an id beyond the database's integers is a
    # 404, not a 500.
    lookup_field = "id"
    lookup_url_kwarg = "pk"

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields)

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(cls.meta_fields)

    def get_queryset(self):
        reports = tables.reports(include_restricted=False).select_related("state")
        return reports.order_by("state__iso3", F("year").asc(nulls_first=True), "id")
