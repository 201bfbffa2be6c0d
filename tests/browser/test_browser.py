"""What a visitor does in a real browser: change language, filter the States Parties, move
through a country page by keyboard, read a page in Arabic."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

SUDAN = "/{lang}/states-parties/sudan/"


def test_language_switcher_stays_on_the_same_country(open_browser):
    page = open_browser()
    page.goto(SUDAN.format(lang="en"))
    switcher = page.get_by_role("navigation", name="Languages of this page")
    switcher.get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/states-parties/sudan/$"))
    expect(page.locator("h1")).to_have_text("Soudan")
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_states_parties_filters_by_region(open_browser):
    page = open_browser()
    page.goto("/en/states-parties/")
    rows = page.locator(".states-table tbody tr")
    all_states = rows.count()
    page.get_by_label("Region").select_option(label="Africa")
    page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"/en/states-parties/\?(.+&)?region=africa(&|$)"))
    expect(page.get_by_label("Region")).to_have_value("africa")
    regions = rows.locator("td:nth-of-type(1)").all_inner_texts()
    assert 1 < len(regions) < all_states
    assert set(regions) == {"Africa"}
    states = rows.locator("th").all_inner_texts()
    assert {"Sudan", "Zimbabwe", "Senegal"} <= set(states)
    assert "Serbia" not in states
    expect(page.locator(".results-count")).to_have_text(f"{len(regions)} States shown.")


def test_section_navigation_works_by_keyboard(open_browser):
    page = open_browser()
    page.goto(SUDAN.format(lang="en"))
    section_links = page.get_by_role("navigation", name="Sections of this page").get_by_role("link")
    assert section_links.count() >= 8
    link = section_links.nth(4)  # far enough down the page to need a scroll
    anchor = link.get_attribute("href")
    assert anchor.startswith("#")

    for _ in range(80):
        page.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail(f"Tab never reached the section link {anchor}")
    heading = page.locator(f"{anchor}-heading")
    expect(heading).not_to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(f"{anchor}$"))
    expect(heading).to_be_in_viewport()
    # The section is the new starting point of keyboard navigation: the next Tab goes on
    # from there, not back to the list of sections.
    page.keyboard.press("Tab")
    assert page.locator(anchor).evaluate(
        """section => {
            const focused = document.activeElement;
            return section.contains(focused)
                || Boolean(section.compareDocumentPosition(focused)
                           & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )


def test_arabic_page_reads_right_to_left(open_browser):
    page = open_browser()
    page.goto(SUDAN.format(lang="ar"))
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    expect(page.locator("h1")).to_have_text("السودان")
    # The heading's text (not its box, which spans the column) starts on the right.
    text_box = page.locator("h1").evaluate(
        """h1 => {
            const range = document.createRange();
            range.selectNodeContents(h1);
            const box = range.getBoundingClientRect();
            return {left: box.left, right: box.right};
        }"""
    )
    middle = page.viewport_size["width"] / 2
    assert text_box["left"] > middle, text_box
    box = page.locator("h1").bounding_box()
    assert box["x"] + box["width"] / 2 > middle, box
    # The artefact shows the whole page: load the images that wait to be scrolled to.
    for image in page.locator("img[loading=lazy]").all():
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
    page.evaluate("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "ar-sudan.png", full_page=True)
