"""Keeps the events' index (models.PublishedEvent) in step with the live country pages:
called by the publish pipeline (publishing.receivers.reindex) for every page it reindexes,
inside the publishing transaction; `manage.py rebuild_event_index` rebuilds all of it."""

from __future__ import annotations

import calendar
import datetime as dt

from django.db import transaction

from country_pages.models import CountryPage

from .models import PublishedEvent


def ends_on(event) -> dt.date:
    """The last day the event may fall on, to the precision its date is known."""
    start, precision = event["date"], event.get("date_precision") or "day"
    if precision == "year":
        return dt.date(start.year, 12, 31)
    if precision == "month":
        return dt.date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return max(start, event.get("end_date") or start)


def _documents(event) -> list[dict]:
    found = []
    for item in event.get("documents") or []:
        document = item.get("document")
        if document is not None:
            found.append({"title": item["title"], "url": document.url, "kind": item["kind"]})
    return found


def events_of(page: CountryPage):
    """(section name, event's block id, event value, illustrative) of the page's body."""
    for section in page.body:
        value = section.value
        events = value.get("events") if hasattr(value, "get") else None
        if section.block_type != "individualised_approach" or not events:
            continue
        # The section's flag marks every event; an event's own flag, itself only.
        whole = bool(value.get("illustrative"))
        for child in events.bound_blocks:
            illustrative = whole or bool(child.value.get("illustrative"))
            yield section.block_type, child.id, child.value, illustrative


@transaction.atomic
def index_page(page: CountryPage) -> int:
    """(Re)index one country page's events from its live content; none if it is not live
    and public. Returns how many were indexed."""
    PublishedEvent.objects.filter(page_id=page.pk).delete()
    page = CountryPage.objects.filter(pk=page.pk).first()
    if page is None or not page.live or page.get_view_restrictions().exists():
        return 0
    rows = [
        PublishedEvent(
            page=page,
            locale_id=page.locale_id,
            translation_key=page.translation_key,
            state_id=page.state_id,
            slug=page.slug,
            block_id=block_id,
            anchor=section.replace("_", "-"),
            position=position,
            kind=event["kind"],
            date=event["date"],
            date_precision=event.get("date_precision") or "day",
            end_date=event.get("end_date"),
            ends_on=ends_on(event),
            place=event.get("place") or "",
            summary=event.get("summary") or "",
            documents=_documents(event),
            illustrative=illustrative,
            last_published_at=page.last_published_at,
        )
        for position, (section, block_id, event, illustrative) in enumerate(events_of(page))
        if event.get("date")
    ]
    PublishedEvent.objects.bulk_create(rows)
    return len(rows)


def rebuild() -> int:
    """Every live country page's events, from scratch. Returns how many were indexed."""
    PublishedEvent.objects.all().delete()
    return sum(index_page(page) for page in CountryPage.objects.live().iterator())


def remove_page(page: CountryPage) -> None:
    """Drop a deleted page's events (publishing/receivers.country_page_deleted)."""
    PublishedEvent.objects.filter(page_id=page.pk).delete()
