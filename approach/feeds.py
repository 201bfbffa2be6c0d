"""The Atom feed of upcoming individualised-approach events, in the visitor's language and
with the calendar's filters: built on the site's feeds (explorer.feeds.SiteFeed), a listing
for the page cache, refreshed by every publish."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.i18n import active_language, active_locale
from core.public_url import public_url
from explorer.feeds import FeedRequest, SiteFeed, tag_uri

from .views import CalendarFilterForm, _with_query, matching_events, split

ENTRIES = 50


class UpcomingEventsFeed(SiteFeed):
    """The upcoming events, soonest first (each entry as new as its page's publication)."""

    def get_object(self, request: HttpRequest) -> FeedRequest:
        form = CalendarFilterForm(request.GET or None, locale_id=active_locale(request).pk)
        events = matching_events(request, form)  # accepts the form's valid filters
        filters = form.filters()
        chosen = [
            str(dict(form.fields[name].choices)[filters[name]])
            for name in ("state", "region")
            if filters.get(name)
        ]
        title = _("Upcoming events of the individualised approach")
        if chosen:
            title = f"{title} — {', '.join(chosen)}"
        path = _with_query("events_feed", filters)
        query = path.partition("?")[2]
        link = reverse("approach_calendar") + (f"?{query}" if query else "")
        return FeedRequest(
            request=request, path=path, link=link, title=title, extra={"events": events}
        )

    def subtitle(self, obj: FeedRequest) -> str:
        return _("Launches, stakeholder meetings and follow-ups announced on the country pages.")

    def items(self, obj: FeedRequest):
        upcoming, _past = split(obj.extra["events"], timezone.localdate())
        upcoming = upcoming[:ENTRIES]
        language = active_language()
        now = timezone.now()
        for event in upcoming:
            event.feed_title = f"{event.title} ({event.when})"
            event.feed_link = public_url(event.url)
            event.feed_id = tag_uri("event", language, event.translation_key, event.block_id)
            event.feed_summary = " — ".join(part for part in (event.place, event.summary) if part)
            event.feed_updated = event.feed_published = event.last_published_at or now
            event.feed_categories = (event.kind_label, str(event.state.get_region_display()))
        return upcoming


events_feed = UpcomingEventsFeed()
