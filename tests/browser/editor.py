"""The page editor in the browser tests: a focal point signed in, a section opened.

Sign-in: the account is made as the ISU makes one (`assign_focal_point`), and the browser is
given the session of a sign-in that has also passed the second factor (tests.conftest.login;
the two-factor flow itself is tested on its own). All of this queries the database: call it
before `open_browser()` starts Playwright.
"""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import login


def sudan_focal_point(email: str = "focal.point.sudan@example.org", language: str = "en"):
    """Sudan's focal point, whose admin is in `language`."""
    from focal_points.accounts import assign_focal_point
    from registry.models import StateParty

    state = StateParty.objects.get(iso3="SDN")
    return assign_focal_point(
        state, email, first_name="Sudan", last_name="Focal point", invite=False, language=language
    ).user


def session_cookies(user, server_url: str) -> list[dict]:
    """Cookies that sign the browser in as `user` (password and second factor passed)."""
    client = Client()
    login(client, user)
    session = client.cookies[settings.SESSION_COOKIE_NAME]
    return [{"name": settings.SESSION_COOKIE_NAME, "value": session.value, "url": server_url}]


def sudan_page(language: str = "en"):
    from country_pages.models import CountryPage

    return CountryPage.objects.get(state__iso3="SDN", locale__language_code=language)


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def open_section_of(page, field):
    """Unfolds the panels around `field` (the editor opens with every section folded),
    outermost first, and returns the field."""
    panels = page.locator("section.w-panel", has=field)
    for index in range(panels.count()):
        toggle = panels.nth(index).locator(":scope > .w-panel__header [data-panel-toggle]")
        if toggle.count() and toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
    return field
