"""Country pages with individualised-approach events on known dates."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.documents import get_document_model

from tests.conftest import make_country


def days(n: int) -> dt.date:
    """n days from today (negative: ago)."""
    return timezone.localdate() + dt.timedelta(days=n)


def event(date, place, kind="stakeholder_meeting", precision="day", end=None, summary="", docs=()):
    return {
        "date": date,
        "date_precision": precision,
        "end_date": end,
        "place": place,
        "kind": kind,
        "summary": summary or f"Meeting in {place}.",
        "documents": [
            {"kind": "report", "document": document, "title": f"Report of {place}"}
            for document in docs
        ],
    }


def approach_body(*events) -> list:
    return [("individualised_approach", {"events": list(events), "highlights": []})]


def make_document(title: str = "Meeting report"):
    document = get_document_model()(title=title)
    document.file.save("report.pdf", SimpleUploadedFile("report.pdf", b"%PDF-1.4 r"), save=False)
    document.save()
    return document


def country_with_events(states_index, iso3: str, *events, languages=()):
    return make_country(states_index, iso3, languages=languages, body=approach_body(*events))


def republish(page, **changes):
    page = page.specific.__class__.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page
