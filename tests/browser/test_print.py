"""Printing a country page: every detail is on paper (the deadline history and the maps'
descriptions, which sit in <details>), with the site's name, the page's address and the
date, and without near-empty pages."""

from __future__ import annotations

import math
import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

# A4 less the print stylesheet's 1.6 cm margins, in CSS pixels (96 per inch).
PAGE_WIDTH = round((21.0 - 2 * 1.6) / 2.54 * 96)
PAGE_HEIGHT = round((29.7 - 2 * 1.6) / 2.54 * 96)


@pytest.mark.parametrize("country", ["sudan", "zimbabwe"])
def test_printout_shows_details_the_address_and_the_date_without_wasted_pages(
    open_browser, country
):
    url = f"/en/states-parties/{country}/"
    page = open_browser(viewport={"width": PAGE_WIDTH, "height": PAGE_HEIGHT})
    page.goto(url)
    history = page.locator(".facts__history").first
    descriptions = page.locator(".map-figure__description")
    assert descriptions.count() >= 1
    expect(history.locator("ol, ul").first).to_be_hidden()  # closed on screen

    page.emulate_media(media="print")
    # Shown by the print stylesheet alone, before any script runs.
    expect(history.locator("ol, ul").first).to_be_visible()
    expect(page.locator(".site-header")).to_be_hidden()
    line = page.locator("[data-print-line]")
    expect(line).to_be_visible()
    expect(line).to_contain_text("Anti-Personnel Mine Ban Convention")
    expect(line).to_contain_text(f"{settings.PUBLIC_BASE_URL}{url}")
    expect(line).to_contain_text(re.compile(r"page generated on \d{1,2} \w+ \d{4}"))

    # What the browser does when printing: site.js opens every <details>, then closes again
    # those the reader had closed.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details:not([open])").count() == 0
    page.screenshot(path=str(ARTIFACTS / f"print-{country}.png"), full_page=True)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(history).not_to_have_attribute("open", "")

    content_height = page.evaluate("document.documentElement.scrollHeight")
    pdf = page.pdf(format="A4")
    (ARTIFACTS / f"print-{country}.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    # No page left near-empty by a block pushed to the next one: no more pages than the
    # content fills, give or take half a page for headings kept with their text and small
    # blocks (a contact, a table row) kept whole.
    assert pages <= math.ceil(content_height / PAGE_HEIGHT + 0.5), (pages, content_height)
