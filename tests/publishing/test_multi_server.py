"""Two app servers (gunicorn, production settings) sharing one PostgreSQL database and one
Redis, as a deployment with several servers runs: a publish made by another process while
they serve, a publish whose transaction stays open (as with a slow notification), and a
publish while Redis is paused — afterwards both serve the new page.

Runs in the SQLite pass of `make test` (it makes its own PostgreSQL database, whatever the
suite's database is, so a second run in the PostgreSQL pass would test nothing more)."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)
PG = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15").rsplit("/", 1)[0] + "/11"
URL = "/en/states-parties/sudan/"

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="runs once, in the SQLite pass (own PostgreSQL db)"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(env: dict, *args: str, timeout: float = 300) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def shell(env: dict, code: str, timeout: float = 120) -> str:
    return run(env, "shell", "-c", code, timeout=timeout)


SETUP = """
from django.core.management import call_command
from demo.loader import DemoReport, ensure_home, ensure_states_index
from tests.conftest import make_country
call_command("load_registry", verbosity=0)
report = DemoReport()
make_country(ensure_states_index(ensure_home(report), report), "SDN", languages=())
"""

PUBLISH = """
import os, time
import redis
from django.db import transaction
from country_pages.models import CountryPage
from publishing.models import PendingInvalidation
page = CountryPage.objects.get(state__iso3="SDN", locale__language_code="en")
page.body = [("national_context", {{"text": "<p>{text}</p>", "casualties": [],
              "sdg_links": [], "tags": []}})]
if {pause_ms}:  # Redis stops answering every client, this one included
    redis.Redis.from_url(os.environ["REDIS_URL"]).execute_command(
        "CLIENT", "PAUSE", {pause_ms}, "ALL")
with transaction.atomic():
    page.save_revision().publish()
    time.sleep({hold})  # still in the transaction, as with a notification sent inside it
print("pending", PendingInvalidation.objects.count())
"""


def publish(env: dict, text: str, hold: float = 0.0, pause_ms: int = 0) -> int:
    """Publish from a process of its own; the invalidations it left pending."""
    out = shell(env, PUBLISH.format(text=text, hold=hold, pause_ms=pause_ms))
    return int(out.split("pending", 1)[1].split()[0])


def fetch(port: int) -> tuple[str, str]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{URL}", timeout=10) as response:  # noqa: S310
        return response.read().decode(), response.headers.get("X-Page-Cache", "")


@pytest.fixture(scope="module")
def deployment():
    name = f"aplc_multiserver_{os.getpid()}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DATABASE_URL": f"{PG}/{name}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"multiserver-{secrets.token_hex(4)}",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "PUBLIC_BASE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "PUBLISH_RETRY_SECONDS": "1",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESS_LOG": "",
    }
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True)  # noqa: S603, S607
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)  # noqa: S603, S607
    servers = []
    try:
        run(env, "migrate", "--noinput", "-v0")
        run(env, "collectstatic", "--noinput", "-v0")
        shell(env, SETUP)
        ports = [free_port(), free_port()]
        log = (BASE_DIR / "test-artifacts").joinpath("multi-server.log")
        log.parent.mkdir(exist_ok=True)
        with log.open("w") as handle:
            for port in ports:
                servers.append(
                    subprocess.Popen(  # noqa: S603
                        [str(Path(sys.executable).parent / "gunicorn"), "cms.wsgi:application"]
                        + ["-c", "gunicorn.conf.py"],
                        cwd=BASE_DIR,
                        env={**env, "BIND": f"127.0.0.1:{port}"},
                        stdout=handle,
                        stderr=subprocess.STDOUT,
                    )
                )
        for port in ports:
            for _ in range(200):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)  # noqa: S310
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                pytest.fail(f"server on {port} did not start: see {log}")
        yield env, ports
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
        subprocess.run(  # noqa: S603
            ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", name],  # noqa: S607
            check=False,
        )


def pending(env: dict) -> int:
    out = shell(
        env,
        "from publishing.models import PendingInvalidation as P; print(P.objects.count())",
    )
    return int(out.strip().splitlines()[-1])


def both_serve(ports, text: str, within: float) -> float:
    """Seconds until both servers serve `text` (and keep serving it), or fail."""
    start = time.monotonic()
    while time.monotonic() - start < within:
        if all(text in fetch(port)[0] for port in ports):
            elapsed = time.monotonic() - start
            for _ in range(5):  # and from their cache too
                for port in ports:
                    assert text in fetch(port)[0]
            return elapsed
        time.sleep(0.2)
    pages = {port: fetch(port) for port in ports}
    pytest.fail(f"after {within} s, not every server serves {text!r}: {pages}")


def test_a_publish_in_a_slow_transaction_shows_on_every_server(deployment):
    env, ports = deployment
    for port in ports:
        fetch(port)
        assert fetch(port)[1] == "hit"

    # Server B is busy serving the page during the whole publish, transaction included.
    stop = threading.Event()
    seen = []

    def visitor():
        while not stop.is_set():
            seen.append(fetch(ports[1])[1])

    thread = threading.Thread(target=visitor)
    thread.start()
    try:
        assert publish(env, "Published from another process", hold=1.5) == 0
    finally:
        stop.set()
        thread.join()
    assert len(seen) > 10  # B really served during the transaction
    both_serve(ports, "Published from another process", within=1.0)
    assert pending(env) == 0


def test_a_publish_while_redis_is_paused_shows_on_every_server(deployment):
    env, ports = deployment
    for port in ports:
        fetch(port)
    # The bump times out: the invalidation is kept, not lost.
    assert publish(env, "Published while Redis was paused", pause_ms=2000) == 1
    time.sleep(1)  # the rest of the pause
    # Each server's breaker stays open 5 s after a timeout, then the retry applies it.
    elapsed = both_serve(ports, "Published while Redis was paused", within=15)
    assert pending(env) == 0
    (BASE_DIR / "test-artifacts" / "multi-server.txt").write_text(
        f"publish during a 2 s Redis pause: both servers serve it {elapsed:.1f} s after\n"
    )
