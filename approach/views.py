"""The public calendar of individualised-approach events across all States (upcoming ones
first, then past ones with their reports and presentations) and its iCalendar feed, read
from the events' index (models.PublishedEvent) in a constant number of queries. Both are
listings for the page cache (core.page_cache: the "listings" group, invalidated on every
publish)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django import forms
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import page_cache
from core.forms import FilterForm
from core.i18n import active_locale
from core.public_url import public_url
from country_pages.blocks.approach import EventBlock, EventDocumentBlock
from country_pages.directory import collation_key
from country_pages.models import states_index_url
from country_pages.templatetags.country_tags import PRECISION_FORMATS
from registry.models import Region, StateParty

from . import ical
from .models import PublishedEvent

KIND_LABELS = dict(EventBlock.KIND_CHOICES)
DOCUMENT_KIND_LABELS = dict(EventDocumentBlock.KIND_CHOICES)


class CalendarFilterForm(FilterForm):
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False, choices=())
    region = forms.ChoiceField(
        label=gettext_lazy("Region"),
        required=False,
        choices=[("", gettext_lazy("All regions"))] + list(Region.choices),
    )

    def __init__(self, *args, locale_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        # The States with an event a visitor in this language sees: one query.
        with_events = PublishedEvent.objects.visible_in(locale_id).values("state_id")
        states = sorted(
            StateParty.objects.filter(pk__in=with_events), key=lambda s: collation_key(s.name)
        )
        self.fields["state"].choices = [("", _("All States"))] + [
            (state.iso3.lower(), state.name) for state in states
        ]


def matching_events(request, form: CalendarFilterForm) -> list[PublishedEvent]:
    """The events a visitor in this language sees, as the form filters them, each with its
    link (the section of its country page), title and dates in words."""
    page_cache.accept_query(request, form)
    filters = form.filters()
    events = PublishedEvent.objects.visible_in(active_locale(request).pk).select_related(
        "state", "locale"
    )
    if filters.get("state"):
        events = events.filter(state__iso3__iexact=filters["state"])
    if filters.get("region"):
        events = events.filter(state__region=filters["region"])
    index_url = states_index_url(request) or "/"
    found = list(events.order_by("date", "position", "pk"))
    for event in found:
        event.url = event.url_under(index_url)
        event.kind_label = str(KIND_LABELS.get(event.kind, event.kind))
        event.title = f"{event.state.name} — {event.kind_label}"
        event.when = dates_in_words(event)
        for document in event.documents:
            document["kind_label"] = str(DOCUMENT_KIND_LABELS.get(document["kind"], ""))
    return found


def dates_in_words(event: PublishedEvent) -> str:
    fmt = PRECISION_FORMATS.get(event.date_precision, "DATE_FORMAT")
    words = date_format(event.date, fmt)
    if event.date_precision == "day" and event.end_date and event.end_date != event.date:
        words = f"{words}–{date_format(event.end_date, fmt)}"
    return words


def split(events: list[PublishedEvent], today: dt.date):
    """Upcoming events soonest first, then past ones most recent first."""
    upcoming = [e for e in events if e.ends_on >= today]
    past = [e for e in events if e.ends_on < today]
    past.sort(key=lambda e: (e.date, -e.position), reverse=True)
    return upcoming, past


def _with_query(name: str, filters: dict) -> str:
    query = urlencode(sorted((key, value) for key, value in filters.items() if value))
    return reverse(name) + (f"?{query}" if query else "")


def calendar(request):
    form = CalendarFilterForm(request.GET or None, locale_id=active_locale(request).pk)
    events = matching_events(request, form)
    upcoming, past = split(events, timezone.localdate())
    filters = form.filters()
    return TemplateResponse(
        request,
        "approach/calendar.html",
        {
            "form": form,
            "upcoming": upcoming,
            "past": past,
            "filtered": bool(filters),
            "feed_url": _with_query("events_feed", filters),
            "ics_url": _with_query("approach_calendar_ics", filters),
            "has_illustrative": any(e.illustrative for e in events),
        },
    )


def calendar_ics(request):
    """Every event of the calendar (with its filters), for calendar applications."""
    form = CalendarFilterForm(request.GET or None, locale_id=active_locale(request).pk)
    events = matching_events(request, form)
    name = _("Individualised approach: events") + " · " + _("Anti-Personnel Mine Ban Convention")
    properties = [
        ("PRODID", "-//Anti-Personnel Mine Ban Convention//Individualised approach//EN"),
        ("VERSION", "2.0"),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("X-WR-CALNAME", ical.escape_text(name)),
    ]
    now = timezone.now()
    return HttpResponse(
        ical.calendar(properties, (_vevent(event, now) for event in events)),
        content_type="text/calendar; charset=utf-8",
    )


def _vevent(event: PublishedEvent, now) -> list[tuple[str, str]]:
    stamp = ical.utc_value(event.last_published_at or now)
    link = public_url(event.url)
    description = [event.when + (f" · {event.place}" if event.place else ""), event.summary]
    description += [
        f"{document['title']} ({document['kind_label']}): {public_url(document['url'])}"
        for document in event.documents
    ]
    return [
        ("UID", event.uid),
        ("DTSTAMP", stamp),
        ("LAST-MODIFIED", stamp),
        ("DTSTART;VALUE=DATE", ical.date_value(event.date)),
        # Exclusive end: the day after the last one (the whole month or year when only
        # those are known).
        ("DTEND;VALUE=DATE", ical.date_value(event.ends_on + dt.timedelta(days=1))),
        ("SUMMARY", ical.escape_text(event.title)),
        ("LOCATION", ical.escape_text(event.place)),
        ("DESCRIPTION", ical.escape_text("\n\n".join(part for part in description if part))),
        ("URL", link),
        ("TRANSP", "TRANSPARENT"),
    ]
