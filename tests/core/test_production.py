"""Production behaviour: the page cache, Redis failures, health, security headers,
two-factor sign-in, login throttling, deployment checks and concurrent edits."""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from country_pages.models import CountryPage
from registry.models import StateParty
from tests.admin_forms import page_form_data
from tests.conftest import login, make_country, make_user

pytestmark = pytest.mark.django_db
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


# --- Page cache ---------------------------------------------------------------------------


def test_anonymous_pages_are_cached_per_language(client, sudan):
    assert client.get("/en/states-parties/sudan/")["X-Page-Cache"] == "miss"
    assert client.get("/en/states-parties/sudan/")["X-Page-Cache"] == "hit"
    french = client.get("/fr/states-parties/sudan/")
    assert french["X-Page-Cache"] == "miss"  # another language, another entry
    assert "Soudan" in french.content.decode() or "[fr]" in french.content.decode()
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"


def test_cached_pages_are_kept_compressed_and_served_to_each_client_as_it_asks(client, sudan):
    import gzip

    url = "/en/states-parties/sudan/"
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")
    assert again["Content-Encoding"] == "gzip"
    assert "Mines block the roads." in gzip.decompress(again.content).decode()
    # A client that does not take gzip gets its own, plain copy.
    plain = [client.get(url), client.get(url)]
    assert [r["X-Page-Cache"] for r in plain] == ["miss", "hit"]
    assert not plain[1].has_header("Content-Encoding")
    assert "Mines block the roads." in plain[1].content.decode()


def test_signed_in_users_never_get_or_fill_the_cache(client, sudan, fp_sudan):
    client.get("/en/states-parties/sudan/")  # an anonymous visitor fills the cache
    login(client, fp_sudan)
    response = client.get("/en/states-parties/sudan/")
    assert "X-Page-Cache" not in response
    client.logout()
    assert client.get("/en/states-parties/sudan/")["X-Page-Cache"] == "hit"


def test_publishing_invalidates_the_page_its_translations_and_listings(
    client, states_index, sudan, django_capture_on_commit_callbacks
):
    urls = [
        "/en/states-parties/sudan/",
        "/fr/states-parties/sudan/",
        "/ar/states-parties/sudan/",
        "/en/",
        "/fr/states-parties/",
        "/en/needs-and-assistance/",
    ]
    other = make_country(states_index, "ZWE", languages=())
    for url in urls + [other.url]:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url
    sudan.title = "Sudan (new)"
    with django_capture_on_commit_callbacks(execute=True):
        sudan.save_revision().publish()
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "miss", url
    assert client.get(other.url)["X-Page-Cache"] == "hit"  # another country is untouched

    for url in urls:
        client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        CountryPage.objects.get(state__iso3="SDN", locale__language_code="fr").unpublish()
    assert client.get("/fr/states-parties/sudan/")["X-Page-Cache"] == "miss"
    assert client.get("/fr/states-parties/")["X-Page-Cache"] == "miss"


def test_naming_a_donor_invalidates_the_donors_page(
    client, states_index, sudan, django_capture_on_commit_callbacks
):
    """Norway's page lists the assistance other pages say it gives: when Sudan's page starts
    or stops naming Norway, Norway's cached page changes too."""
    from tests.country_pages.test_public import needs_body

    norway = make_country(states_index, "NOR", languages=())
    client.get(norway.url)
    assert client.get(norway.url)["X-Page-Cache"] == "hit"
    sudan.body = needs_body(donors=("NOR",))
    with django_capture_on_commit_callbacks(execute=True):
        sudan.save_revision().publish()
    response = client.get(norway.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Support from NOR" in response.content.decode()

    assert client.get(norway.url)["X-Page-Cache"] == "hit"
    sudan.body = needs_body(donors=("JPN",))
    with django_capture_on_commit_callbacks(execute=True):
        sudan.save_revision().publish()
    response = client.get(norway.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Support from NOR" not in response.content.decode()


def context_body(text: str) -> list:
    return [
        ("national_context", {"text": text, "casualties": [], "sdg_links": [], "tags": []}),
        ("status_of_implementation", {"note": ""}),
    ]


def test_rendered_articles_are_reused_but_never_stale_for_editors(
    client, sudan, fp_sudan, django_capture_on_commit_callbacks
):
    """Signed-in people bypass the page cache, but the rendered article is kept between
    their requests: a publication, a registry change or a preview must still show at once."""
    login(client, fp_sudan)
    url = "/en/states-parties/sudan/"
    assert "Mines block the roads." in client.get(url).content.decode()
    assert "Mines block the roads." in client.get(url).content.decode()

    page = CountryPage.objects.get(pk=sudan.pk)
    page.body = context_body("<p>Roads are open again.</p>")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    html = client.get(url).content.decode()
    assert "Roads are open again." in html and "Mines block the roads." not in html

    state = StateParty.objects.get(iso3="SDN")
    state.mines_retained, state.mines_retained_year = 4321, 2025
    with django_capture_on_commit_callbacks(execute=True):
        state.save()
    assert "4,321 in 2025" in client.get(url).content.decode()

    draft = CountryPage.objects.get(pk=sudan.pk)
    draft.body = context_body("<p>Only in a draft.</p>")
    preview = draft.make_preview_request()
    assert "Only in a draft." in preview.content.decode()
    html = client.get(url).content.decode()
    assert "Only in a draft." not in html and "Roads are open again." in html


def test_home_page_and_site_changes_show_at_once(
    client, home, states_index, fp_sudan, django_capture_on_commit_callbacks
):
    """The Site (and the home page it points to) is looked up once per process, not per
    request: publishing the home page or changing the Site must still show at once, for
    anonymous visitors and for signed-in ones."""
    from wagtail.models import Site

    client.get("/en/")
    home.intro = "<p>A new introduction.</p>"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert "A new introduction." in client.get("/en/").content.decode()
    login(client, fp_sudan)
    assert "A new introduction." in client.get("/en/").content.decode()

    assert "Sort by" not in client.get("/en/").content.decode()
    site = Site.objects.get(is_default_site=True)
    site.root_page = states_index  # the index now answers at the site's root
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    assert "Sort by" in client.get("/en/").content.decode()


def test_nothing_kept_in_memory_outlives_a_lost_cache(client, home, states_index):
    """Redis restarted (or flushed): what a process kept for itself, such as its Site
    lookups, must not come back as current."""
    from wagtail.models import Site

    assert "Sort by" not in client.get("/en/").content.decode()
    Site.objects.filter(is_default_site=True).update(root_page=states_index)  # no signal
    cache.clear()
    assert "Sort by" in client.get("/en/").content.decode()


def test_registry_changes_invalidate_everything(client, sudan, django_capture_on_commit_callbacks):
    client.get("/en/states-parties/sudan/")
    state = StateParty.objects.get(iso3="SDN")
    state.mines_retained, state.mines_retained_year = 1234, 2025
    with django_capture_on_commit_callbacks(execute=True):
        state.save()
    response = client.get("/en/states-parties/sudan/")
    assert response["X-Page-Cache"] == "miss"
    assert "1,234 in 2025" in response.content.decode()


def test_responses_with_cookies_or_errors_are_not_cached(client):
    assert client.get("/en/states-parties/atlantis/").status_code == 404
    assert "X-Page-Cache" not in client.get("/en/states-parties/atlantis/")


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "test-page-cache",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
)
def test_page_cache_in_redis(client, sudan):
    from django.core.cache import caches

    caches["default"].clear()
    assert client.get("/en/states-parties/sudan/")["X-Page-Cache"] == "miss"
    assert client.get("/en/states-parties/sudan/")["X-Page-Cache"] == "hit"
    assert client.get("/healthz").status_code == 200


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.1,
                "SOCKET_TIMEOUT": 0.1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    },
    DJANGO_REDIS_IGNORE_EXCEPTIONS=True,
    SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
)
def test_site_keeps_serving_when_redis_is_down(client, sudan, fp_sudan):
    for url in (
        "/en/",
        "/en/states-parties/",
        "/en/states-parties/sudan/",
        "/fr/needs-and-assistance/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Page-Cache"] == "miss"
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}
    login(client, fp_sudan)  # sessions fall back to the database
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@pytest.fixture
def closed_redis():
    """The cache as production configures it, pointing at a port where nothing listens."""
    from core import redis_breaker

    redis_breaker.reset()
    with override_settings(
        CACHES={
            "default": {
                **settings.CACHES["default"],
                "BACKEND": "django_redis.cache.RedisCache",
                # django-redis keeps one pool per URL for the process: a URL of its own,
                # so that no pool made by another test (without the breaker) is reused.
                "LOCATION": "redis://127.0.0.1:1/3",
                "OPTIONS": {
                    "SOCKET_CONNECT_TIMEOUT": 0.25,
                    "SOCKET_TIMEOUT": 0.25,
                    "IGNORE_EXCEPTIONS": True,
                    "CONNECTION_POOL_KWARGS": {
                        "connection_class": redis_breaker.CircuitBreakerConnection
                    },
                },
            }
        },
        DJANGO_REDIS_IGNORE_EXCEPTIONS=True,
        DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS=False,
    ):
        yield redis_breaker
    redis_breaker.reset()


def test_unreachable_redis_is_tried_once_then_bypassed(client, sudan, closed_redis, monkeypatch):
    """After one failed connection the cache is skipped for a few seconds instead of being
    retried by every cache call of every request (each costing up to the connect timeout)."""
    import redis.connection

    attempts = []
    real_connect = redis.connection.Connection._connect

    def counting_connect(self):
        attempts.append(self.port)
        return real_connect(self)

    monkeypatch.setattr(redis.connection.Connection, "_connect", counting_connect)
    for url in ("/en/", "/en/states-parties/sudan/", "/fr/states-parties/sudan/"):
        assert client.get(url).status_code == 200, url
    assert attempts == [1]
    assert closed_redis.is_open()
    assert client.get("/healthz").status_code == 503

    closed_redis.reset()  # once the pause is over, Redis is tried again
    client.get("/en/")
    assert attempts == [1, 1]


def test_health_check(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


# --- Security headers -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/fr/states-parties/sudan/",
        "/en/needs-and-assistance/",
        "/api/v2/pages/",
        "/healthz",
        "/admin/login/",
        "/robots.txt",
    ],
)
def test_security_headers_on_every_response(client, sudan, url):
    response = client.get(url, secure=True)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "geolocation=()" in response["Permissions-Policy"]
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors" in csp
    if not url.startswith("/admin/"):
        assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY" or url.startswith("/admin/")


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_over_https(client):
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_cached_pages_keep_their_headers(client, sudan):
    client.get("/en/states-parties/sudan/")
    response = client.get("/en/states-parties/sudan/")
    assert response["X-Page-Cache"] == "hit"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["Permissions-Policy"]


def test_session_cookie_is_http_only(client, fp_sudan):
    response = sign_in(client, fp_sudan)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


# --- Deployment -------------------------------------------------------------------------------


def run_manage(*args, **env):
    full_env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "PUBLIC_BASE_URL")
    }
    full_env.update(env)
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="k" * 20 + "-production-secret-for-the-check-only-0123456789",
        ALLOWED_HOSTS="www.apminebanconvention.org",
        PUBLIC_BASE_URL="https://www.apminebanconvention.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


PUBLIC = "https://example.org"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "example.org", "PUBLIC_BASE_URL": PUBLIC}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "s" * 60, "PUBLIC_BASE_URL": PUBLIC}, "ALLOWED_HOSTS must list"),
        ({"SECRET_KEY": "s" * 60, "ALLOWED_HOSTS": "example.org"}, "PUBLIC_BASE_URL must be set"),
        (
            {
                "SECRET_KEY": "s" * 60,
                "ALLOWED_HOSTS": "example.org",
                "PUBLIC_BASE_URL": "example.org",
            },
            "PUBLIC_BASE_URL must be set",
        ),
    ],
)
def test_production_refuses_to_start_without_secrets(env, message):
    result = run_manage("check", DJANGO_SETTINGS_MODULE="cms.settings.production", **env)
    assert result.returncode != 0
    assert message in result.stderr


# --- Two-factor authentication and throttling -----------------------------------------------


def sign_in(client, user, password="a-long-test-password"):
    return client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": password}
    )


def test_two_factor_setup_then_verification(client, fp_sudan):
    response = sign_in(client, fp_sudan)
    assert response.status_code == 302
    # Signed in, but no admin page until the second factor is set up.
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/")
    page = client.get(response["Location"])
    assert "Set up two-step verification" in page.content.decode()
    device = TOTPDevice.objects.get(user=fp_sudan, confirmed=False)
    response = client.post(reverse("two_factor"), {"code": "000000"})
    assert "This code is not valid" in response.content.decode()
    time.sleep(1.1)  # django-otp throttles guessing: one second after a wrong code
    response = client.post(reverse("two_factor"), {"code": f"{totp(device.bin_key):06d}"})
    assert "Your recovery codes" in response.content.decode()
    assert StaticToken.objects.filter(device__user=fp_sudan).count() == 10
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    # Next time: the code is asked for; a recovery code works, once.
    client.logout()
    sign_in(client, fp_sudan)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    recovery = StaticToken.objects.filter(device__user=fp_sudan).first().token
    response = client.post(reverse("two_factor"), {"code": recovery})
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    client.logout()
    sign_in(client, fp_sudan)
    response = client.post(reverse("two_factor"), {"code": recovery})
    assert "This code is not valid" in response.content.decode()


def test_login_is_locked_after_five_failures(client):
    user = make_user("ISU", email="throttled@example.org")
    for _attempt in range(4):
        response = sign_in(client, user, password="wrong-password")
        assert response.status_code == 200
        assert "Your username and password didn" in response.content.decode()
    assert sign_in(client, user, password="wrong-password").status_code == 429  # the fifth
    response = sign_in(client, user)  # the right password, too late
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()


PROXY = "10.0.0.2"  # the reverse proxy: every request reaches gunicorn from it


def sign_in_from(client, username, password, forwarded_for):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_failed_sign_ins_from_elsewhere_do_not_lock_the_isu_out(client):
    isu = make_user("ISU", email="isu.lockout@example.org")
    attacker, isu_office = "203.0.113.5", "198.51.100.7"
    for attempt in range(5):
        # Whatever the attacker writes into X-Forwarded-For, the proxy appends its address.
        spoofed = f"192.0.2.{attempt}, {attacker}"
        response = sign_in_from(client, isu.username, "wrong-password", spoofed)
    assert response.status_code == 429
    # The attacker's address is locked for that user name, even with the right password…
    response = sign_in_from(client, isu.username, "a-long-test-password", attacker)
    assert response.status_code == 429
    # …the ISU, from its own address behind the same proxy, signs in.
    response = sign_in_from(client, isu.username, "a-long-test-password", isu_office)
    assert response.status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1, SIGNIN_FAILURES_PER_CLIENT=8)
def test_a_client_trying_many_user_names_is_throttled(client):
    user = make_user("ISU", email="isu.throttle@example.org")
    guesser, colleague = "203.0.113.9", "198.51.100.8"
    for attempt in range(8):  # never five times the same user name
        sign_in_from(client, f"guess{attempt}@example.org", "wrong-password", guesser)
    response = sign_in_from(client, user.username, "a-long-test-password", guesser)
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    response = sign_in_from(client, user.username, "a-long-test-password", colleague)
    assert response.status_code == 302


def test_without_a_trusted_proxy_forwarded_addresses_are_ignored(client):
    """Development default (TRUSTED_PROXY_COUNT=0): a client cannot pick its address."""
    from core.signin import client_ip

    assert settings.TRUSTED_PROXY_COUNT == 0
    request = type(
        "R", (), {"META": {"REMOTE_ADDR": "203.0.113.5", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}}
    )
    assert client_ip(request) == "203.0.113.5"
    with override_settings(TRUSTED_PROXY_COUNT=1):
        assert client_ip(request) == "1.2.3.4"
        request.META["HTTP_X_FORWARDED_FOR"] = "not-an-address"
        assert client_ip(request) == "203.0.113.5"


def test_production_trusts_one_proxy_by_default():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT)",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="k" * 60,
        ALLOWED_HOSTS="example.org",
        PUBLIC_BASE_URL="https://example.org",
    )
    assert result.stdout.strip().splitlines()[-1] == "1", result.stderr


def test_password_validators():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password123", "12345678901234", "short"):
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("correct horse battery staple 42")


# --- Concurrent editing ----------------------------------------------------------------------


def test_second_save_does_not_silently_overwrite_the_first(client, sudan, fp_sudan, isu_user):
    from django.test import Client

    edit = reverse("wagtailadmin_pages:edit", args=[sudan.pk])
    first, second = Client(), client
    login(first, fp_sudan)
    login(second, isu_user)
    loaded = str(sudan.get_latest_revision().pk)

    # Both open the editor on the same version; the focal point saves first.
    data = page_form_data(sudan, title="Sudan — focal point's version")
    data["loaded_revision_id"] = loaded
    assert first.post(edit, data).status_code == 302
    # The second save, from a form loaded before that, is refused: the form comes back
    # with what was typed, the reason and a link comparing the two versions.
    data = page_form_data(sudan, title="Sudan — ISU's version")
    data["loaded_revision_id"] = loaded
    response = second.post(edit, data, follow=True)
    html = response.content.decode()
    assert "saved a newer version of this page while you were editing it" in html
    assert "/revisions/compare/" in html
    assert "Sudan — ISU&#x27;s version" in html or "Sudan — ISU's version" in html
    titles = [r.content["title"] for r in sudan.revisions.order_by("created_at")]
    assert titles[-1] == "Sudan — focal point's version"


def test_autosave_refuses_to_overwrite_a_newer_version(client, sudan, fp_sudan):
    login(client, fp_sudan)
    edit = reverse("wagtailadmin_pages:edit", args=[sudan.pk])
    stale = str(sudan.get_latest_revision().pk)
    sudan.save_revision()  # someone else saved since
    data = page_form_data(sudan, title="Autosaved")
    data["loaded_revision_id"] = stale
    response = client.post(edit, data, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"


# --- Failures leave nothing half done -----------------------------------------------------------


def test_a_broken_upload_leaves_no_document(client, sudan, fp_sudan, monkeypatch):
    from django.core.files.storage import FileSystemStorage
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents import get_document_model

    from focal_points.models import StateGroup

    def disk_full(self, name, content, max_length=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "save", disk_full)
    client.raise_request_exception = False
    login(client, fp_sudan)
    collection = StateGroup.objects.get(state__iso3="SDN").collection
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "report",
            "collection": collection.pk,
            "file": SimpleUploadedFile("report.pdf", b"%PDF-1.7 report"),
        },
    )
    assert response.status_code == 500
    assert not get_document_model().objects.exists()


def test_a_failed_approval_leaves_the_workflow_and_page_as_they_were(
    client, sudan, fp_sudan, isu_user, monkeypatch
):
    from wagtail.models import Revision, TaskState

    data = page_form_data(sudan, title="Sudan — proposed")
    data["action-submit"] = "1"
    login(client, fp_sudan)
    client.post(reverse("wagtailadmin_pages:edit", args=[sudan.pk]), data)
    sudan.refresh_from_db()
    task_state = sudan.current_workflow_state.current_task_state

    def publish_fails(self, *args, **kwargs):
        raise RuntimeError("database went away during publication")

    monkeypatch.setattr(Revision, "publish", publish_fails)
    client.raise_request_exception = False
    login(client, isu_user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[sudan.pk, "approve", task_state.pk])
    assert client.post(url, {"comment": ""}).status_code == 500
    sudan.refresh_from_db()
    assert sudan.title != "Sudan — proposed"
    assert sudan.workflow_in_progress
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
