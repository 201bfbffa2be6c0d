"""The Atom feeds, under each language's prefix (included by cms.urls before Wagtail's
pages). Here, in the top layer, because they come from apps of different layers: a
country page's updates, the needs and the offers (explorer.feeds), the public Article 7 reports
(reporting.feeds). A country page's feed sits under the page's address, so the page cache
keeps it in that country's group (core.page_cache.COUNTRY_PATH); the others are listings."""

from django.urls import path
from django.views.decorators.http import require_safe

from approach.feeds import events_feed
from explorer.feeds import country_page_feed, needs_feed, offers_feed
from reporting.feeds import reports_feed

urlpatterns = [
    path("states-parties/<slug:slug>/feed/", require_safe(country_page_feed), name="country_feed"),
    path("feeds/needs/", require_safe(needs_feed), name="needs_feed"),
    path("feeds/offers/", require_safe(offers_feed), name="offers_feed"),
    path("feeds/events/", require_safe(events_feed), name="events_feed"),
    path("feeds/article-7-reports/", require_safe(reports_feed), name="article7_reports_feed"),
]
