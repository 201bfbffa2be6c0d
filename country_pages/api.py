"""The public, read-only Wagtail API (/api/v2/): published country pages only."""

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import BooleanField
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2 import filters
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from core.public_url import public_url
from core.search_text import search_text

from .models import CountryPage

# Page ids are 32-bit: no offset beyond can find anything, and the database refuses
# offsets beyond 64 bits (a 500 before this limit).
MAX_OFFSET = 2**31 - 1


class StateCodeFilter(BaseFilterBackend):
    """?iso3=SDN: one State's page in every language it exists in."""

    def filter_queryset(self, request, queryset, view):
        iso3 = request.GET.get("iso3")
        if iso3:
            queryset = queryset.filter(
                pk__in=CountryPage.objects.filter(state__iso3=iso3.upper()[:3]).values("pk")
            )
        return queryset


class FieldsFilter(filters.FieldsFilter):
    """Wagtail's field filters (?slug=…, ?first_published_at=…) with every value checked
    first: Wagtail checks integers and booleans only, and a date that is not one or an id
    beyond the database's integers (?alias_of=99999999999999999999) failed in the
    database, a 500. Now a 400."""

    def filter_queryset(self, request, queryset, view):
        ranges = connections[queryset.db].ops.integer_field_ranges
        for name in view.get_available_fields(queryset.model, db_fields_only=True):
            if name == "locale" or name not in request.GET:
                continue  # ?locale= is LocaleFilter's
            field = queryset.model._meta.get_field(name)
            target = field.target_field if field.is_relation else field
            if isinstance(target, BooleanField):
                continue  # Wagtail reads true/false/1/0 itself
            try:
                value = field.to_python(request.GET[name])
                low, high = ranges.get(target.get_internal_type(), (None, None))
                if (low is not None and value < low) or (high is not None and value > high):
                    raise ValueError
            except (ValidationError, ValueError, TypeError) as error:
                raise BadRequestError(
                    f"field filter error: not a valid value for {name}"
                ) from error
        return super().filter_queryset(request, queryset, view)


class SearchFilter(filters.SearchFilter):
    """Wagtail's ?search=, with the text cleaned as the site's search cleans it: a double
    quote or NUL would otherwise make the search backend fail (a 500)."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            params = request.GET.copy()
            params["search"] = search_text(params["search"])
            request = SimpleNamespace(GET=params)  # all that Wagtail's filter reads
        return super().filter_queryset(request, queryset, view)


class Pagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        try:
            too_far = int(request.GET.get("offset", 0)) > MAX_OFFSET
        except ValueError:
            too_far = False  # not a number: Wagtail answers 400
        if too_far:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicHtmlUrlField(PageHtmlUrlField):
    """html_url from PUBLIC_BASE_URL, as every absolute URL of the site."""

    def to_representation(self, page):
        parts = page.get_url_parts(self.context.get("request"))
        return public_url(parts[2]) if parts else None


class CountryPageSerializer(PageSerializer):
    html_url = PublicHtmlUrlField(read_only=True)


class RefusesBadQueries:
    """For the API's viewsets: a 400, not a 500, for the queries Wagtail passes on as they
    are (shared by every endpoint of the API router)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # PostgreSQL refuses NUL in text: ?locale=%00, ?iso3=%00, ?html_path=%00 were
        # 500s there. No parameter has a use for it.
        if any("\x00" in key + "".join(values) for key, values in request.GET.lists()):
            raise BadRequestError("null characters are not allowed in the query")

    def find_object(self, queryset, request):
        """/api/v2/pages/find/?id=…: a 400 when the id is not a number (Wagtail passes it
        to the database as it is: a 500)."""
        if "id" in request.GET:
            try:
                int(request.GET["id"])
            except ValueError as error:
                raise BadRequestError("id must be an integer") from error
        return super().find_object(queryset, request)


class CountryPagesAPIViewSet(RefusesBadQueries, PagesAPIViewSet):
    model = CountryPage
    base_serializer_class = CountryPageSerializer
    filter_backends = [
        StateCodeFilter,
        *(
            {filters.FieldsFilter: FieldsFilter, filters.SearchFilter: SearchFilter}.get(b, b)
            for b in PagesAPIViewSet.filter_backends
        ),
    ]
    pagination_class = Pagination
    # Look pages up by "id", not by "pk" (a country page's link to Page): an id beyond the
    # database's integers, /api/v2/pages/99999999999999999999/, is then a 404, not a 500.
    lookup_field = "id"
    lookup_url_kwarg = "pk"
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"iso3"}
    # Public pages only (get_public_pages_queryset), whoever asks: the API never shows a
    # draft, even to a signed-in editor.
    meta_fields = PagesAPIViewSet.meta_fields + ["locale"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["iso3", "locale"]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CountryPagesAPIViewSet)
