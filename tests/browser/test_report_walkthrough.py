"""A focal point files a whole Article 7 report in chromium, in their own language: starts
it from "Reports due", fills the header and the cover page, answers forms A and C in their
steps, finds what they typed after a reload (autosave), reads the summary, submits it; the
ISU accepts it and it reads on the public site."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .editor import session_cookies, sudan_focal_point
from .test_editor_autosave import FORM_WATCHED, in_another_thread

pytestmark = pytest.mark.browser

STATEMENT = "Nothing to report this year."
AREA = "Kadugli north-east"


def accept(year: int) -> str:
    """The ISU approves the report in review (as its workflow action does); its public URL."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connections

    from reporting.models import Article7Report

    try:
        isu = get_user_model().objects.create_user(
            "isu.reviewer@example.org", "isu.reviewer@example.org"
        )
        isu.groups.add(Group.objects.get(name="ISU"))
        report = Article7Report.objects.get(state__iso3="SDN", year=year)
        assert report.workflow_in_progress
        task_state = report.current_workflow_task_state
        task_state.task.specific.on_action(task_state, isu, "approve")
        report.refresh_from_db()
        assert report.live
        return report
    finally:
        connections.close_all()


def saved(year: int) -> dict:
    """The report as last saved. The live server shares the in-memory SQLite database, whose
    tables are locked while it writes (an autosave): then read again a moment later."""
    import time

    from django.db import OperationalError, connections

    from reporting.models import Article7Report

    for _attempt in range(50):
        try:
            report = Article7Report.objects.get(state__iso3="SDN", year=year)
            latest = report.get_latest_revision_as_object()
            return {
                "phone": latest.contact_phone,
                "areas": [a.region for a in latest.land_releases.all()],
                "in_review": report.workflow_in_progress,
            }
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            time.sleep(0.2)
        finally:
            connections.close_all()
    raise AssertionError("The report's table stayed locked for 10 seconds")


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_a_focal_point_files_a_whole_report(open_browser, site_content, language):
    user = sudan_focal_point(language=language)
    cookies = session_cookies(user, site_content)
    page = open_browser()
    page.context.add_cookies(cookies)
    # Wagtail takes what the form holds when its change watcher starts as loaded, not as
    # changes to autosave: count its events to know when typing counts (as
    # test_editor_autosave does for pages).
    page.add_init_script(
        "window.formEvents = {ready: 0, watching: 0};"
        "document.addEventListener('w-unsaved:ready', () => formEvents.ready += 1);"
        "document.addEventListener('w-unsaved:watch-edits', () => formEvents.watching += 1);"
    )

    # Reports due: the 2025 report, started blank (nothing accepted yet to prefill from).
    page.goto("/admin/reporting/start/")
    if language == "ar":
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
    row = page.locator("tr", has=page.locator("input[name=period][value='2025']"))
    row.locator("button[name=blank]").click()
    expect(page).to_have_url(re.compile(r"/admin/snippets/reporting/article7report/edit/\d+/"))
    edit_url = page.url
    page.wait_for_function(FORM_WATCHED, timeout=30_000)

    # Step 1, the report's header.
    page.fill("input[name=contact_organisation]", "National Mine Action Centre")
    page.fill("input[name=contact_name]", "Amina Osman")
    page.fill("input[name=contact_email]", "amina.osman@example.org")

    # Step 2, the cover page: B and D–J do not apply this year; A and C are answered.
    page.locator("[role=tab]").nth(1).click()
    for index, letter in enumerate("ABCDEFGHIJ"):
        assert page.input_value(f"select[name=cover-{index}-letter]") == letter
        if letter not in "AC":
            page.select_option(f"select[name=cover-{index}-status]", "not_applicable")
            page.fill(f"input[name=cover-{index}-statement]", STATEMENT)

    # Form A: one law.
    page.click("a[href='#tab-a']")
    page.click("#id_measures-ADD")
    page.select_option("select[name=measures-0-kind]", "legislation")
    page.fill("input[name=measures-0-title]", "Anti-Personnel Mines Prohibition Act")
    # Form C: land released in one region.
    page.click("a[href='#tab-c']")
    page.click("#id_land_releases-ADD")
    page.fill("input[name=land_releases-0-region]", AREA)
    cleared = page.locator("input[name=land_releases-0-cleared_m2]")
    cleared.fill("125000")
    # The quantity is read back grouped in the admin's language, as in the page editor.
    grouped = {"en": "125,000", "fr": "125\u202f000", "ar": "125,000"}[language]
    readout = page.locator(f"#{cleared.get_attribute('id')}-grouped")
    expect(readout).to_have_text(re.compile(grouped.replace(",", "[,٬]")))
    page.fill("input[name=land_releases-0-mines_destroyed]", "14")
    page.locator("[role=tab]").nth(0).click()

    # Autosave: what was typed reaches the server without anyone clicking "Save" (Wagtail
    # may send several autosaves while the focal point types; the last one holds it all),
    # and is in the editor after a reload.
    page.fill("input[name=contact_phone]", "+249 11 555 0101")
    for _second in range(90):
        state = in_another_thread(saved, 2025)
        if state["phone"] == "+249 11 555 0101":
            break
        page.wait_for_timeout(1000)
    assert state["phone"] == "+249 11 555 0101" and state["areas"] == [AREA]
    page.goto(edit_url)
    expect(page.locator("input[name=contact_phone]")).to_have_value("+249 11 555 0101")
    expect(page.locator("input[name=land_releases-0-region]")).to_have_value(AREA)

    # The summary: every form ready.
    page.locator("[role=tab]").last.click()
    summary = page.locator("section[role=tabpanel]:not([hidden]) .report-progress")
    expect(summary.locator("progress")).to_have_attribute("value", "10")

    # Submit to the ISU (the action menu's "Submit to ISU review").
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()
    page.locator("button[name=action-submit]").click()
    expect(page.locator(".messages li.success")).to_be_visible()
    assert in_another_thread(saved, 2025)["in_review"]

    # The ISU accepts it; anyone reads it on the public site, in the visitor's language.
    in_another_thread(accept, 2025)
    page.goto(f"/{language}/article-7-reports/sdn/2025/")
    expect(page.locator("main")).to_contain_text("Anti-Personnel Mines Prohibition Act")
    expect(page.locator("main")).to_contain_text(AREA)
