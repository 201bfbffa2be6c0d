"""The language switcher from every kind of page: each language it offers opens, in that
language, a page that answers 200 — also for a country page not translated into it (shown
in another language, with a notice)."""

from __future__ import annotations

import pytest
from django.conf import settings
from playwright.sync_api import expect

from core.i18n import bcp47

pytestmark = pytest.mark.browser

START_PAGES = {
    "home": "/en/",
    "States Parties index": "/en/states-parties/",
    "country page": "/en/states-parties/sudan/",
    "country page shown in another language": "/ru/states-parties/sudan/",
    "explorer": "/en/needs-and-assistance/",
    "search": "/en/search/?q=mines",
    "open data": "/en/open-data/",
}


@pytest.mark.parametrize("start", START_PAGES.values(), ids=START_PAGES.keys())
def test_every_language_of_the_switcher_opens_in_that_language(open_browser, start):
    from country_pages.models import CountryPage

    # The demo's Sudan page is not translated into every language: some links fall back.
    translated = set(
        CountryPage.objects.live()
        .filter(slug="sudan")
        .values_list("locale__language_code", flat=True)
    )
    assert set(dict(settings.LANGUAGES)) - translated, "Sudan is translated into every language"

    page = open_browser()
    for code, _name in settings.LANGUAGES:
        page.goto(start)
        switcher = page.locator("nav.language-switcher")
        links = switcher.locator("a")
        expect(links).to_have_count(len(settings.LANGUAGES))
        link = switcher.locator(f'a[lang="{bcp47(code)}"]')
        assert link.get_attribute("href").startswith(f"/{code}/")
        with page.expect_navigation() as navigation:
            link.click()
        response = navigation.value
        assert response.status == 200, (start, code, page.url)
        assert page.url.split("://", 1)[1].split("/", 1)[1].startswith(f"{code}/"), page.url
        expect(page.locator("html")).to_have_attribute("lang", bcp47(code))
        current = page.locator("nav.language-switcher a[aria-current='page']")
        expect(current).to_have_attribute("lang", bcp47(code))
        if "sudan" in start and code not in translated:
            # The page itself, in another language, with the notice that says so.
            expect(page.locator(".notice--language")).to_be_visible()
