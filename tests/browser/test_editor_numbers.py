"""Large numbers in the page editor: each quantity says its unit, and what is typed is
repeated beside the input grouped by thousands in the admin's language ("9,800,000";
"9 800 000" in French), as it is typed, for the figures already there and for blocks added
later. What is saved stays the plain number (static/js/admin.js, country_pages/blocks/fields.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .editor import edit_url, open_section_of, session_cookies, sudan_focal_point, sudan_page

pytestmark = pytest.mark.browser

FIRST_FUNDING_GAP = "input[name$='-value-needs-0-value-funding_gap']"
NARROW_NBSP = "\u202f"  # French groups thousands with a narrow no-break space


def readout_of(page, field):
    return page.locator(f"#{field.get_attribute('id')}-grouped")


def open_editor(open_browser, server_url: str, language: str = "en"):
    """Sudan's English page in the editor of its focal point, whose admin is in `language`."""
    user = sudan_focal_point(email=f"focal.point.sudan.{language}@example.org", language=language)
    cookies = session_cookies(user, server_url)
    url = edit_url(sudan_page("en"))
    page = open_browser()
    page.context.add_cookies(cookies)
    response = page.goto(url)
    assert response.status == 200, page.url
    expect(page.locator("html")).to_have_attribute("lang", language)
    return page


def test_numbers_are_grouped_as_they_are_typed_with_their_unit(open_browser, site_content):
    page = open_editor(open_browser, site_content)
    funding_gap = open_section_of(page, page.locator(FIRST_FUNDING_GAP))
    expect(funding_gap).to_be_visible()
    readout = readout_of(page, funding_gap)

    # The figure already there, grouped from the start.
    expect(funding_gap).to_have_value("9500000")
    expect(readout).to_have_text("9,500,000")
    expect(readout).to_be_visible()
    expect(readout).to_have_attribute("aria-live", "polite")

    # Emptied: nothing to show.
    funding_gap.fill("")
    expect(readout).to_have_text("")
    expect(readout).to_be_hidden()

    # Typed key by key: grouped as it grows.
    funding_gap.press_sequentially("9800")
    expect(readout).to_have_text("9,800")
    funding_gap.press_sequentially("000")
    expect(readout).to_have_text("9,800,000")
    expect(readout).to_be_visible()
    # The input, and so what is saved, keeps the plain number.
    expect(funding_gap).to_have_value("9800000")

    # The unit hint is shown, and a screen reader gives it with the grouped figure.
    hint = "Whole amount in the currency chosen below."
    expect(page.get_by_text(hint).first).to_be_visible()
    expect(funding_gap).to_have_accessible_description(f"{hint} 9,800,000")
    area = page.get_by_label("Area remaining to be addressed (m²)")
    expect(page.get_by_text("In square metres, as a whole number.")).to_be_visible()
    expect(area).to_have_accessible_description("In square metres, as a whole number. 14,500,000")
    people = page.locator("input[name$='-value-people_to_reach']").first
    expect(people).to_have_accessible_description("Number of people. 250,000")

    # Small numbers gain nothing from grouping: no readout.
    funding_gap.fill("980")
    expect(readout).to_be_hidden()

    # A block added after the page loaded: a new year of casualties.
    killed = page.locator("input[name$='-value-killed']")
    years = killed.count()
    assert years >= 1
    open_section_of(page, killed.first)
    expect(page.get_by_text("Numbers of people, as whole numbers.").first).to_be_visible()
    page.locator("[data-contentpath='casualties'] [data-streamfield-list-add]").last.click()
    expect(killed).to_have_count(years + 1)
    new_killed = killed.last
    expect(new_killed).to_have_value("")
    new_killed.press_sequentially("1234")
    expect(readout_of(page, new_killed)).to_have_text("1,234")


def test_numbers_are_grouped_in_the_admin_language(open_browser, site_content):
    page = open_editor(open_browser, site_content, language="fr")
    funding_gap = open_section_of(page, page.locator(FIRST_FUNDING_GAP))
    readout = readout_of(page, funding_gap)
    expect(readout).to_have_text(f"9{NARROW_NBSP}500{NARROW_NBSP}000")
    funding_gap.fill("")
    funding_gap.press_sequentially("9800000")
    expect(readout).to_have_text(f"9{NARROW_NBSP}800{NARROW_NBSP}000")
    expect(funding_gap).to_have_value("9800000")
