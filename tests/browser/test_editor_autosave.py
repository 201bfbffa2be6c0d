"""A save during an autosave keeps what was typed.

The focal point types into a priority; Wagtail's autosave sends the form and, while it is
still running (the server has saved it, the editor waits for the answer), they type more
and click "Save draft". The save goes through (no error, no "someone saved a newer
version" refusal, although the form was loaded before the autosave's revision), the
editor shows everything typed after the reload, and so does the page's latest revision.
"""

from __future__ import annotations

import contextlib
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from .editor import edit_url, open_section_of, session_cookies, sudan_focal_point, sudan_page

pytestmark = pytest.mark.browser

PRIORITY = "textarea[name$='-value-priorities-0-value-text']"
TYPED = "Clear the road from Kadugli to Dilling first"
TYPED_DURING_AUTOSAVE = ", then the market of Talodi."
# Wagtail notes what the form holds two seconds after its change watcher starts (it starts
# twice): what is typed before then counts as loaded, not as a change to autosave.
COUNT_FORM_EVENTS = """
window.formEvents = {ready: 0, watching: 0};
document.addEventListener("w-unsaved:ready", (event) => {
    if (event.target.id === "page-edit-form") formEvents.ready += 1;
});
document.addEventListener("w-unsaved:watch-edits", (event) => {
    if (event.target.id === "page-edit-form") formEvents.watching += 1;
});
"""
FORM_WATCHED = "() => formEvents.ready > 0 && formEvents.watching >= formEvents.ready"


def is_autosave(request) -> bool:
    return request.method == "POST" and "application/json" in (request.headers.get("accept") or "")


def first_priority_of_revisions(page_pk: int) -> dict[int, str]:
    """The first priority's text in each revision of the page, newest first."""
    from django.db import connections

    from country_pages.models import CountryPage

    try:
        page = CountryPage.objects.get(pk=page_pk)
        texts = {}
        for revision in page.revisions.order_by("-created_at", "-pk"):
            body = revision.as_object().body
            section = next(block for block in body if block.block_type == "priorities")
            texts[revision.pk] = section.value["priorities"][0]["text"]
        return texts
    finally:
        connections.close_all()


def in_another_thread(function, *args):
    """Django refuses database queries in a thread where Playwright's event loop runs: ask
    from a thread of its own (the in-memory test database is shared between threads)."""
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(function, *args).result()


def test_save_draft_during_an_autosave_keeps_what_was_typed(open_browser, site_content):
    user = sudan_focal_point()
    cookies = session_cookies(user, site_content)
    sudan = sudan_page("en")
    url = edit_url(sudan)
    before = sudan.get_latest_revision()

    page = open_browser()
    page.context.add_cookies(cookies)

    # Each autosave reaches the server, which saves it; the editor is kept waiting for the
    # answer, so the autosave is still running when "Save draft" is clicked. Autosaves
    # started after the first are held back altogether (the live server's threads share
    # one connection to the in-memory test database).
    autosaves = []

    def hold_autosave(route, request):
        if not is_autosave(request):
            route.continue_()
        elif autosaves:
            autosaves.append((route, None))
        else:
            autosaves.append((route, route.fetch()))

    page.route(f"**{url}", hold_autosave)
    page.add_init_script(COUNT_FORM_EVENTS)
    response = page.goto(url)
    assert response.status == 200, page.url

    priority = open_section_of(page, page.locator(PRIORITY))
    page.wait_for_function(FORM_WATCHED)
    priority.fill(TYPED)
    indicator = page.locator("#w-autosave-indicator")
    expect(indicator).to_have_attribute("data-w-autosave-state-value", "saving", timeout=10_000)
    while not autosaves:
        page.wait_for_timeout(50)
    _route, autosaved = autosaves[0]
    assert autosaved.status == 200, autosaved.text()
    autosave = json.loads(autosaved.text())
    assert autosave["success"], autosave
    # Still running, from the editor's point of view.
    expect(indicator).to_have_attribute("data-w-autosave-state-value", "saving")

    priority.press_sequentially(TYPED_DURING_AUTOSAVE)
    with (
        page.expect_response(
            lambda r: r.request.method == "POST" and url in r.url and not is_autosave(r.request)
        ) as saved,
        page.expect_navigation(),
    ):
        page.get_by_role("button", name="Save draft").click()
    # A redirect to the editor: saved. The form shown again (200) would mean it was refused.
    assert saved.value.status == 302, saved.value.status
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_contain_text("has been updated")
    expect(page.locator(".messages")).not_to_contain_text("not been saved")
    expect(page.locator(PRIORITY)).to_have_value(TYPED + TYPED_DURING_AUTOSAVE)

    for held, _response in autosaves:  # the editor they belonged to is gone
        with contextlib.suppress(PlaywrightError):
            held.abort()

    texts = in_another_thread(first_priority_of_revisions, sudan.pk)
    latest_pk, latest_text = next(iter(texts.items()))
    assert latest_text == TYPED + TYPED_DURING_AUTOSAVE
    # The autosave made its own revision, with what had been typed by then, and "Save
    # draft" a newer one rather than being refused as a stale form.
    assert texts[autosave["revision_id"]] == TYPED
    assert latest_pk not in (autosave["revision_id"], before.pk)
