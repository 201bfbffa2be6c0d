"""The individualised-approach events added to the full demonstration pages (demo/pages/)
after a site was first loaded: the upcoming meetings of 2027, so that the calendar has an
"Upcoming" part. A fresh load builds them with the rest of the page (ensure_full_pages);
a page kept from an earlier load gets here the events of its spec it lacks, with the same
block ids a fresh load gives them (each flagged "illustrative" on its own), then its
translations take the new strings from the PO files (demo/translations/).

Idempotent: a page that has every event of its spec is left as it is, so a second run
changes nothing. Only events are added, never changed or removed: an editor's changes to
the section stay (an event an editor deleted comes back, as a donor's offers section
does, demo/offers.py)."""

from __future__ import annotations

from core.translation import missing_strings, strings_from_po, translate, translation_of
from country_pages.models import CountryPage

from .content import RawBuilder, block_id
from .helpers import DemoReport, locales, publish
from .pages import FULL_PAGES, page_resolver, po_path

SECTION = "individualised_approach"


def _section_of(spec: dict) -> tuple[int, dict] | None:
    """The position and value of the spec's individualised-approach section, if any."""
    for position, (block_type, value) in enumerate(spec["body"]):
        if block_type == SECTION:
            return position, value
    return None


def ensure_new_events(report: DemoReport) -> None:
    all_locales = locales()
    stream_block = CountryPage.body.field.stream_block
    for spec in FULL_PAGES:
        found = _section_of(spec)
        page = CountryPage.objects.filter(
            state__iso3=spec["iso3"], locale=all_locales[spec["language"]]
        ).first()
        if found is None or page is None:
            continue
        position, value = found
        # The section as a fresh load writes it: its block ids come from its path.
        path = f"/{SECTION}{position}"
        builder = RawBuilder(spec["key"], page_resolver(spec, {}))
        wanted = builder.value(stream_block.child_blocks[SECTION], value, path)
        section_id = block_id(spec["key"], path)
        body = [dict(item) for item in page.body.raw_data]
        section = next((item for item in body if item.get("id") == section_id), None)
        if section is None:  # an editor removed the section: leave the page alone
            continue
        section["value"] = current = dict(section["value"])
        present = {event.get("id") for event in current.get("events") or []}
        missing = [event for event in wanted["events"] if event["id"] not in present]
        if not missing:
            continue
        current["events"] = [*(current.get("events") or []), *missing]
        page.body = body
        publish(page)
        report.add(page)
        for language in spec["translations"]:
            locale = all_locales[language]
            if translation_of(page, locale) is None:
                continue
            strings = strings_from_po(po_path(spec["key"], language))
            # A source an editor changed since has strings the PO file lacks: its
            # translations are left for the translators (shown as out of date).
            if not missing_strings(page, strings):
                report.add(translate(page, locale, strings))
