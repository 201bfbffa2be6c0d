"""What a publish, an unpublish, a privacy change or a slug change does to what visitors see:
applied once the change is committed, retried when the cache was unreachable, on every
server, and with cache keys an anonymous visitor cannot multiply."""

from __future__ import annotations

import os
import time
import uuid

import pytest
import redis
from django.core.cache import caches
from django.db import transaction
from django.urls import reverse
from wagtail.models import PageViewRestriction

from country_pages.models import CountryPage
from publishing.models import PendingInvalidation
from tests.conftest import login, make_country, make_user
from tests.country_pages.test_public import needs_body

pytestmark = pytest.mark.django_db
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_cache_settings(database: int) -> dict:
    """The cache as production configures it (timeouts, ignored errors, the breaker), on
    a Redis database and key prefix of this test's own."""
    from core import redis_breaker

    base = REDIS_URL.rsplit("/", 1)[0]
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"{base}/{database}",
            "KEY_PREFIX": f"pipeline-{uuid.uuid4().hex[:8]}",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.25,
                "IGNORE_EXCEPTIONS": True,
                "CONNECTION_POOL_KWARGS": {
                    "connection_class": redis_breaker.CircuitBreakerConnection
                },
            },
        }
    }


def publish(page, text: str | None = None, **changes):
    """Publish a new revision; `text` replaces the national context shown on the page."""
    if text is not None:
        changes["body"] = [
            (
                "national_context",
                {"text": f"<p>{text}</p>", "casualties": [], "sdg_links": [], "tags": []},
            )
        ]
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


# --- After commit -------------------------------------------------------------------------


def test_visitors_see_the_old_page_until_the_publish_commits_then_the_new_one(
    client, sudan, django_capture_on_commit_callbacks
):
    """A visitor served while the publish is still in its transaction must not re-cache
    the old page under the new generation: nothing is invalidated before the commit."""
    url = "/en/states-parties/sudan/"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    # Fixtures publish outside any on_commit capture: what they left pending is not ours.
    pending = PendingInvalidation.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        publish(sudan, "Sudan (after the commit)")
        # Still in the transaction: the committed (old) version is what is served.
        during = client.get(url)
        assert during["X-Page-Cache"] == "hit"
        assert "Sudan (after the commit)" not in during.content.decode()
    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert "Sudan (after the commit)" in after.content.decode()
    assert PendingInvalidation.objects.count() == pending


def test_a_rolled_back_publish_invalidates_nothing(client, sudan):
    url = "/en/states-parties/sudan/"
    client.get(url)
    pending = PendingInvalidation.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        publish(sudan, "Never published")
        raise RuntimeError("the approval failed")
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert PendingInvalidation.objects.count() == pending


# --- A cache that stalls during a publish ----------------------------------------------------


def test_an_invalidation_lost_to_a_redis_stall_is_retried(
    client, sudan, django_capture_on_commit_callbacks, settings
):
    """Redis stops answering for longer than the socket timeout while a page is published:
    the invalidation is kept in the database and applied once Redis answers again, by
    whichever server handles the next request."""
    from core import redis_breaker

    settings.CACHES = redis_cache_settings(13)
    settings.PUBLISH_RETRY_SECONDS = 0
    redis_breaker.reset()
    caches["default"].clear()
    url = "/en/states-parties/sudan/"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    server = redis.Redis.from_url(REDIS_URL)
    server.execute_command("CLIENT", "PAUSE", 1000, "ALL")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            publish(sudan, "Sudan (published during a stall)")
        assert PendingInvalidation.objects.count() == 1
    finally:
        time.sleep(1.05)
        server.execute_command("CLIENT", "UNPAUSE")
        redis_breaker.reset()  # the breaker's pause is over (it would be after 5 s)

    response = client.get(url)
    assert "Sudan (published during a stall)" in response.content.decode()
    assert not PendingInvalidation.objects.exists()
    assert client.get(url)["X-Page-Cache"] == "hit"


# --- Keys an anonymous visitor cannot multiply -----------------------------------------------


def test_random_slugs_and_query_strings_do_not_grow_the_cache(client, sudan, settings):
    settings.CACHES = redis_cache_settings(12)
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    caches["default"].clear()
    server = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])

    def keys() -> int:
        return len(server.keys(f"{prefix}:*"))

    for url in ("/en/states-parties/sudan/", "/en/states-parties/", "/en/"):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url
    before = keys()
    for n in range(40):
        assert client.get(f"/en/states-parties/no-such-state-{n}/").status_code == 404
        client.get(f"/en/states-parties/sudan/?utm_source={n}")
        client.get(f"/en/states-parties/?region=nowhere-{n}")
        client.get(f"/en/?q={n}")
    assert keys() == before

    # Filters a visitor can choose are cached, whatever the order or empty fields.
    filtered = "/en/states-parties/?region=africa&sort=deadline"
    assert client.get(filtered)["X-Page-Cache"] == "miss"
    assert client.get(filtered)["X-Page-Cache"] == "hit"
    assert client.get("/en/states-parties/?sort=deadline&status=&region=africa")[
        "X-Page-Cache"
    ] == ("hit")
    for n in range(3):  # an unknown parameter is served, never stored
        response = client.get(f"{filtered}&x={n}")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "bypass"


def test_generation_keys_expire(sudan, django_capture_on_commit_callbacks, settings):
    settings.CACHES = redis_cache_settings(12)
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    server = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    with django_capture_on_commit_callbacks(execute=True):
        publish(sudan, "Sudan again")
    ttls = [server.ttl(key) for key in server.keys(f"{prefix}:*gen:country:*")]
    assert ttls and all(0 < ttl <= 3 * 86400 for ttl in ttls), ttls


# --- Privacy -----------------------------------------------------------------------------------


def test_making_a_page_private_hides_it_in_every_language_and_every_listing(
    client, states_index, django_capture_on_commit_callbacks
):
    """The ISU makes Sudan's page private: neither its English nor its French version, nor
    its needs in the explorer, nor the assistance it credits Norway with on Norway's page,
    nor search, stay public — cached or not. Making it public again brings all back."""
    norway = make_country(states_index, "NOR", languages=())
    sudan = make_country(states_index, "SDN", languages=("fr",), body=needs_body(donors=("NOR",)))
    isu = make_user("ISU", email="isu.privacy@example.org")
    public_urls = {
        "/en/states-parties/sudan/": "Need number 0",
        "/fr/states-parties/sudan/": "Need number 0",
        "/en/needs-and-assistance/": "Need number 0",
        norway.url: "Support from NOR",
        "/en/search/?q=Sudan": "/en/states-parties/sudan/",
    }
    for url, text in public_urls.items():
        client.get(url)
        response = client.get(url)
        assert text in response.content.decode(), url

    staff = client.__class__()
    login(staff, isu)
    privacy = reverse("wagtailadmin_pages:set_privacy", args=[sudan.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(privacy, {"restriction_type": "login"})
    assert response.status_code == 200
    french = CountryPage.objects.get(
        translation_key=sudan.translation_key, locale__language_code="fr"
    )
    assert PageViewRestriction.objects.filter(page=french).exists()
    for url, text in public_urls.items():
        response = client.get(url)
        assert text not in response.content.decode(), url
    listed = client.get("/api/v2/pages/?type=country_pages.CountryPage").json()["items"]
    assert {item["id"] for item in listed} & {sudan.pk, french.pk} == set()

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(privacy, {"restriction_type": "none"})
    assert not PageViewRestriction.objects.filter(page=french).exists()
    for url, text in public_urls.items():
        assert text in client.get(url).content.decode(), url


# --- Slugs -----------------------------------------------------------------------------------


def test_old_urls_stop_serving_the_old_page_after_a_slug_change(
    client, sudan, django_capture_on_commit_callbacks
):
    old = "/en/states-parties/sudan/"
    client.get(old)
    assert client.get(old)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        publish(sudan, "Renamed and rewritten", slug="the-sudan")
    response = client.get(old)
    assert response.get("X-Page-Cache") != "hit"
    # The French version keeps the old slug until it is synchronised: shown as such.
    assert "Mines block the roads." not in response.content.decode() or (
        'lang="fr"' in response.content.decode()
    )
    assert "Renamed and rewritten" in client.get("/en/states-parties/the-sudan/").content.decode()
