"""Browser tests: the demonstration site served by pytest-django's live server from the test
database, and Debian's chromium driven by Playwright (never `playwright install`).

The live server needs `transactional_db`, whose teardown flushes every table: what the
migrations and the session's `django_db_setup` made is only there for the first such test of a
worker (pytest-django runs transactional tests after the others). So `site_content` builds the
content once per worker on that base (the full demonstration pages with their translations,
the search index) and keeps a copy of the SQLite database, which it restores for the
following browser tests: a fraction of a second instead of a rebuild.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 900}

_snapshot: sqlite3.Connection | None = None


def build_content(server_url: str) -> None:
    from wagtail.models import Site

    from country_pages.models import CountryPage
    from demo.loader import DemoReport, ensure_home, ensure_states_index
    from demo.offers import ensure_donor_offers, ensure_organisation_offers
    from demo.pages import ensure_full_pages, ensure_organisations
    from demo.partnerships import ensure_zimbabwe_partnership

    call_command("load_registry", verbosity=0)
    report = DemoReport()
    states_index = ensure_states_index(ensure_home(report), report)
    # Absolute links (the language switcher's, for one) point to the live server.
    server = urlsplit(server_url)
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = server.hostname, server.port
    site.save()
    call_command("sync_roles", verbosity=0)
    ensure_full_pages(states_index, report)
    ensure_donor_offers(states_index, report)  # the needs ↔ offers view has offers
    ensure_organisation_offers(ensure_organisations(report))
    ensure_zimbabwe_partnership(report)  # Action #21: Zimbabwe with Norway and Japan
    sudan = CountryPage.objects.live().filter(state__iso3="SDN")
    assert set(sudan.values_list("locale__language_code", flat=True)) >= {"en", "fr", "ar"}
    call_command("update_index", verbosity=0)


def forget_cached_rows() -> None:
    """Caches that hold primary keys from the database as it was before the restore."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    cache.clear()


@pytest.fixture
def site_content(live_server, settings) -> str:
    """The demonstration content, served by the live server; returns the server's URL."""
    global _snapshot
    if connection.vendor != "sqlite":
        pytest.skip("The browser tests restore a copy of the SQLite test database between tests.")
    settings.ROOT_URLCONF = "tests.browser.urls"
    connection.ensure_connection()
    if _snapshot is None:
        from wagtail.models import Locale

        # What the migrations and django_db_setup made, which content is built on: a flush
        # by an earlier transactional test would have removed it.
        assert Locale.objects.exists(), "The test database was flushed before the browser tests"
        build_content(live_server.url)
        _snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(_snapshot)
    else:
        _snapshot.backup(connection.connection)
        forget_cached_rows()
    return live_server.url


@pytest.fixture
def open_browser(site_content):
    """Starts chromium and returns a new page whose relative URLs go to the live server.

    Django refuses database queries while Playwright's event loop runs in the thread: query
    the database before calling this, not after."""
    from playwright.sync_api import sync_playwright

    manager = None
    browser = None

    def start(**context_options):
        nonlocal manager, browser
        manager = sync_playwright().start()
        browser = manager.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            **{"base_url": site_content, "viewport": VIEWPORT, **context_options}
        )
        context.set_default_timeout(15_000)
        return context.new_page()

    yield start
    if browser is not None:
        browser.close()
    if manager is not None:
        manager.stop()
