"""The individualised approach: a derived index of the events the published country pages
announce or report (PublishedEvent, rewritten for a page by approach.indexer whenever the
publish pipeline reindexes it, never read from pages per request), and a focal point's
request that the Committee start their State's approach (ApproachRequest), answered by
the ISU."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.public_url import site_address
from registry.models import StateParty


class PublishedEventQuerySet(models.QuerySet):
    def visible_in(self, locale_id: int):
        """The events of the page version a visitor in this language sees (theirs, or the
        one shown in its place): the country pages' index decides, as for the needs."""
        from country_pages.index_models import PublishedPage

        return self.filter(page__published_index__in=PublishedPage.objects.visible_in(locale_id))

    def upcoming(self, today: dt.date):
        return self.filter(ends_on__gte=today).order_by("date", "state__name_en", "position")

    def past(self, today: dt.date):
        return self.filter(ends_on__lt=today).order_by("-date", "state__name_en", "position")


class PublishedEvent(models.Model):
    """One event of the individualised-approach section of a live, public country page
    (one language)."""

    page = models.ForeignKey(
        "country_pages.CountryPage", on_delete=models.CASCADE, related_name="published_events"
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    state = models.ForeignKey(StateParty, on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(max_length=255)
    # The event's id in the page's stream (kept by its translations) and the section's anchor.
    block_id = models.CharField(max_length=64)
    anchor = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=40)
    date = models.DateField()
    date_precision = models.CharField(max_length=10, default="day")
    end_date = models.DateField(null=True, blank=True)
    # The last day the event may fall on (its end, or the end of its month or year when
    # only those are known): an event is upcoming until that day has passed.
    ends_on = models.DateField(db_index=True)
    place = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    # [{"title", "url", "kind"}]: the meeting's reports and presentations.
    documents = models.JSONField(default=list)
    illustrative = models.BooleanField(default=False)
    last_published_at = models.DateTimeField(null=True)

    objects = PublishedEventQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["locale", "date"])]
        ordering = ["date", "position"]

    def __str__(self) -> str:
        return f"{self.state_id} {self.kind} {self.date}"

    @property
    def dates(self) -> dict:
        """As the page's block value: what country_tags.event_dates reads."""
        return {
            "date": self.date,
            "date_precision": self.date_precision,
            "end_date": self.end_date,
        }

    @property
    def uid(self) -> str:
        """A permanent id for calendars: the same for every publish of the page and in
        every language (translations keep the event's block id)."""
        digest = hashlib.sha256(f"{self.translation_key}:{self.block_id}".encode()).hexdigest()
        return f"{digest[:32]}@{site_address()[0]}"

    def url_under(self, index_url: str) -> str:
        return f"{index_url}{self.slug}/#{self.anchor}"


class ApproachRequest(models.Model):
    """A focal point asks the Committee to start their State's individualised approach;
    the ISU answers on the Committee's behalf."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ANSWERED = "answered", _("Answered")

    state = models.ForeignKey(
        StateParty,
        on_delete=models.CASCADE,
        related_name="approach_requests",
        verbose_name=_("State"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField(_("answer"), max_length=4000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request to start the individualised approach")

    def __str__(self) -> str:
        return f"{self.state} ({self.created_at:%Y-%m-%d})" if self.created_at else str(self.state)
