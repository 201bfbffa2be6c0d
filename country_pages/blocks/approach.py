"""6. Individualised approach: its events, their documents, highlights of cooperation."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from ..choosers import PermittedDocumentChooserBlock
from .fields import EARLIEST_YEAR, UPCOMING_EVENT_YEARS, current_year, raise_if
from .section import AnnexSectionBlock


class EventDocumentBlock(blocks.StructBlock):
    KIND_CHOICES = [("report", _("Meeting report")), ("presentation", _("Presentation"))]
    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, label=_("Kind"))
    document = PermittedDocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))

    class Meta:
        icon = "doc-full"
        label = _("Report or presentation")


class EventBlock(blocks.StructBlock):
    KIND_CHOICES = [
        ("launch", _("Launch of the individualised approach")),
        ("stakeholder_meeting", _("Stakeholder meeting")),
        ("follow_up", _("Follow-up meeting")),
    ]
    PRECISION_CHOICES = [
        ("day", _("Exact day")),
        ("month", _("Month only")),
        ("year", _("Year only")),
    ]
    date = blocks.DateBlock(label=_("Date"))
    date_precision = blocks.ChoiceBlock(
        choices=PRECISION_CHOICES,
        default="day",
        label=_("Date known to"),
        help_text=_("When only the month or year is known, the page shows only that."),
    )
    end_date = blocks.DateBlock(required=False, label=_("End date"))
    place = blocks.CharBlock(max_length=200, label=_("Place"))
    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, label=_("Kind of event"))
    summary = blocks.TextBlock(max_length=2000, label=_("Summary"))
    documents = blocks.ListBlock(
        EventDocumentBlock(), required=False, label=_("Reports and presentations")
    )
    # One example among real events (an announced meeting shown as a model): marked on
    # its own, where the section's flag would mark the real ones too.
    illustrative = blocks.BooleanBlock(
        required=False,
        label=_("Illustrative example"),
        help_text=_("Tick when this event is an example, not a real one. Visitors see a mark."),
    )

    class Meta:
        icon = "date"
        label = _("Event")

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        # Upcoming meetings are announced here too, up to a few years ahead.
        last = current_year() + UPCOMING_EVENT_YEARS
        if value["date"] and not EARLIEST_YEAR <= value["date"].year <= last:
            errors["date"] = ValidationError(
                _("Enter a date between %(first)s and %(last)s."),
                params={"first": EARLIEST_YEAR, "last": last},
            )
        if value["end_date"] and value["date"] and value["end_date"] < value["date"]:
            errors["end_date"] = ValidationError(_("The end date is before the start date."))
        raise_if(errors)
        return value


class IndividualisedApproachBlock(AnnexSectionBlock):
    events = blocks.ListBlock(EventBlock(), required=False, label=_("Events"))
    highlights = blocks.ListBlock(
        blocks.TextBlock(max_length=800, label=_("Highlight")),
        required=False,
        label=_("Highlights of cooperation"),
    )

    class Meta:
        icon = "calendar"
        label = _("Individualised approach")
        description = _(
            "Launch and stakeholder meetings of the individualised approach, their reports "
            "and presentations, and highlights of cooperation."
        )
        template = "blocks/individualised_approach.html"
        preview_value = {
            "events": [
                {
                    "date": dt.date(2017, 12, 18),
                    "place": "Vienna",
                    "kind": "launch",
                    "summary": "Launch at the Sixteenth Meeting of the States Parties.",
                }
            ],
            "highlights": ["A new partner State pledged support after the launch."],
        }

    def clean(self, value):
        value = super().clean(value)
        if not value["events"] and not value["highlights"]:
            raise StructBlockValidationError(
                non_block_errors=[ValidationError(_("Add at least one event or highlight."))]
            )
        return value

    def is_illustrative(self, value) -> bool:
        """The section, or one of its events, is an example: the page gets the notice."""
        return super().is_illustrative(value) or any(
            event.get("illustrative") for event in (value or {}).get("events") or ()
        )

    def approach_launched_on(self, value) -> dt.date | None:
        """The date of the earliest launch event, if there is one."""
        launches = [event["date"] for event in value["events"] if event["kind"] == "launch"]
        return min(launches) if launches else None
