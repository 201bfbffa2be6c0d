#!/usr/bin/env python3
"""make bench: the production stack on loopback (gunicorn, PostgreSQL, Redis), loaded with
the demo data and driven by wrk. Prints requests per second, p50 and p99 latency and
errors for each page and for a static file, and records them in docs/benchmarks.md. Then
the faults: Redis stopped, PostgreSQL restarted during a load run.

Run from the project root with the project's virtualenv: `make bench`.
`scripts/bench.py saves [DATABASE_FILE]` measures saves instead ("Save draft" and autosave,
p50/p95) on the development stack: see bench_saves().
`scripts/bench.py reports [DATABASE_FILE]` (`make bench-reports`) measures the Article 7
report editor's saves, its summary and its PDF: see scripts/bench_reports.py.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import page_weight

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PORT = int(os.environ.get("BENCH_PORT", "8100"))
BASE = f"http://127.0.0.1:{PORT}"
DATABASE = os.environ.get("BENCH_DATABASE", "aplc_bench")
DURATION = os.environ.get("BENCH_DURATION", "6s")
# Each target is run this many times, the rounds interleaved, and the median run (by
# requests per second) is reported: on a shared 2-core machine one run can be off by half.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "10"))
SERVER_LOG = ROOT / "test-artifacts" / "bench-server.log"
REDIS_DB = "1"  # a database of its own: the cold-render runs empty it

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
    "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
    "SECRET_KEY": "bench-only-" + "x" * 60,
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "PUBLIC_BASE_URL": f"http://127.0.0.1:{PORT}",
    "SECURE_SSL_REDIRECT": "0",
    "BIND": f"127.0.0.1:{PORT}",
    "GUNICORN_ACCESS_LOG": "",
    # No worker recycling during the runs: at thousands of requests a second it would
    # restart workers mid-run, which a real site at its real traffic does once in hours.
    "GUNICORN_MAX_REQUESTS": "0",
    "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
}


def run(*args, check=True, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=ENV, check=check, text=True, **kwargs)  # noqa: S603


def ensure_services() -> None:
    if run("pg_isready", "-h", "127.0.0.1", "-q", check=False).returncode != 0:
        clusters = sorted(os.listdir("/etc/postgresql"))
        run("pg_ctlcluster", "--skip-systemctl-redirect", clusters[-1], "main", "start")
    if run("redis-cli", "ping", check=False, capture_output=True).returncode != 0:
        start_redis()
    if shutil.which("wrk") is None:
        run("apt-get", "install", "-y", "-qq", "wrk")


def start_redis() -> None:
    run(
        "redis-server",
        "--daemonize",
        "yes",
        "--bind",
        "127.0.0.1",
        "-::1",
        "--port",
        "6379",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        "/var/lib/redis",
        "--logfile",
        "/var/log/redis/ci.log",
    )
    for _ in range(50):
        if run("redis-cli", "ping", check=False, capture_output=True).returncode == 0:
            return
        time.sleep(0.1)


def prepare_database() -> None:
    exists = run(
        "psql",
        "-h",
        "127.0.0.1",
        "-U",
        "postgres",
        "-tAc",
        f"SELECT 1 FROM pg_database WHERE datname='{DATABASE}'",  # noqa: S608 (our own setting)
        capture_output=True,
    ).stdout.strip()
    if not exists:
        run("createdb", "-h", "127.0.0.1", "-U", "postgres", DATABASE)
    run(PYTHON, "manage.py", "migrate", "--noinput", "-v0")
    run(PYTHON, "manage.py", "load_registry", "-v0")
    started = time.monotonic()
    run(PYTHON, "manage.py", "load_demo_content")
    print(f"Demo content ready ({time.monotonic() - started:.0f} s)")
    run(PYTHON, "manage.py", "rebuild_explorer_index", "-v0")
    run(PYTHON, "manage.py", "compile_catalogs", "-v0")
    run(PYTHON, "manage.py", "collectstatic", "--noinput", "-v0")


def start_gunicorn() -> subprocess.Popen:
    SERVER_LOG.parent.mkdir(exist_ok=True)
    process = subprocess.Popen(  # noqa: S603
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "cms.wsgi:application",
            "-c",
            "gunicorn.conf.py",
        ],
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        # A file, not a pipe: nobody reads a pipe during the runs, and once its buffer is
        # full (the tracebacks of the PostgreSQL restart fill it) every worker blocks.
        stderr=SERVER_LOG.open("w"),
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/healthz", timeout=2)  # noqa: S310 - loopback
            return process
        except OSError:  # refused, reset or timed out while the workers warm up
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not start:\n" + SERVER_LOG.read_text())


def static_css_url() -> str:
    html = urllib.request.urlopen(f"{BASE}/en/", timeout=10).read().decode()  # noqa: S310
    return re.search(r'href="(/static/css/site\.[0-9a-f]+\.css)"', html).group(1)


def wrk(path: str, headers: dict | None = None, duration: str = DURATION) -> dict:
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}", "--latency", "--timeout", "5s"]
    # As browsers do: compressed responses (HTML gzipped per response, static precompressed).
    for name, value in {"Accept-Encoding": "gzip", **(headers or {})}.items():
        args += ["-H", f"{name}: {value}"]
    output = subprocess.run(  # noqa: S603
        [*args, BASE + path], capture_output=True, text=True, check=True
    ).stdout
    return parse_wrk(output)


def median_run(runs: list[dict]) -> dict:
    ordered = sorted(runs, key=lambda run: run["rps"])
    median = dict(ordered[len(ordered) // 2])
    median["errors"] = sum(run["errors"] for run in runs)  # errors of every round count
    return median


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(output: str) -> dict:
    if "Latency Distribution" not in output:
        raise SystemExit(f"wrk gave no latency figures:\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    # Anchor at line start: "+/- Stdev" columns such as "80.50%" also end in "50%".
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        errors += sum(int(n) for n in match.groups())
    return {"rps": rps, "p50": p50, "p99": p99, "requests": total, "errors": errors}


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists() and (match := re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())):
        cpu = match.group(1).strip()
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists() and (match := re.search(r"MemTotal:\s+(\d+) kB", meminfo.read_text())):
        memory = f", {int(match.group(1)) / 1024 / 1024:.0f} GiB RAM"
    pg = run("psql", "--version", capture_output=True).stdout.strip()
    redis = run("redis-server", "--version", capture_output=True).stdout.split()[2]
    return (
        f"{os.cpu_count()} × {cpu}{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {pg}; Redis {redis.removeprefix('v=')}; "
        f"gunicorn gthread ({ENV.get('WEB_CONCURRENCY', str((os.cpu_count() or 1) * 2))} "
        f"workers × {ENV.get('GUNICORN_THREADS', '2')} threads, no recycling); "
        f"wrk -t2 -c{CONNECTIONS} -d{DURATION}, median of {ROUNDS} interleaved rounds"
    )


def fault_redis_stopped() -> dict:
    run("redis-cli", "shutdown", "nosave", check=False, capture_output=True)
    time.sleep(0.5)
    try:
        result = wrk("/en/states-parties/", duration="8s")
        health = urllib.request.urlopen(f"{BASE}/healthz", timeout=5).status  # noqa: S310
    except urllib.error.HTTPError as error:
        health = error.code
    finally:
        start_redis()
    result["healthz"] = health
    return result


def fault_postgresql_restart() -> dict:
    """Restart PostgreSQL 4 s into a 15 s run; count failed requests, then check the site
    answers again without restarting gunicorn."""
    clusters = sorted(os.listdir("/etc/postgresql"))
    outcome = {}

    def restart():
        time.sleep(4)
        started = time.monotonic()
        run("pg_ctlcluster", "--skip-systemctl-redirect", clusters[-1], "main", "restart")
        outcome["downtime_s"] = round(time.monotonic() - started, 2)

    thread = threading.Thread(target=restart)
    thread.start()
    # The uncached country page needs the database on every request.
    result = wrk("/en/states-parties/sudan/", headers={"Cookie": "sessionid=bench"}, duration="15s")
    thread.join()
    time.sleep(1)
    result.update(outcome)
    result["after_restart_ok"] = sum(
        1 for i in range(20) if status_of(f"/en/states-parties/sudan/?after={i}") == 200
    )
    return result


def status_of(path: str, headers: dict | None = None) -> int | str:
    request = urllib.request.Request(BASE + path, headers=headers or {})  # noqa: S310
    try:
        return urllib.request.urlopen(request, timeout=10).status  # noqa: S310 - loopback
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError) as error:
        return type(error).__name__


def cold_renders(path: str, count: int = 20) -> dict:
    """One client, every cache emptied before each request: the page as the first visitor
    after a publication gets it (page cache, fragment caches and Wagtail's caches cold)."""
    timings = []
    for i in range(count):
        run("redis-cli", "-n", REDIS_DB, "flushdb", capture_output=True)
        started = time.perf_counter()
        status = status_of(f"{path}?cold={i}")
        timings.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise SystemExit(f"cold render of {path} answered {status}")
    timings.sort()
    return {"p50": timings[len(timings) // 2], "max": timings[-1], "count": count}


def main() -> int:
    ensure_services()
    prepare_database()
    server = start_gunicorn()
    try:
        css = static_css_url()
        targets = [
            ("Static file (CSS, whitenoise)", css, None),
            ("Home page", "/en/", None),
            ("States Parties index", "/en/states-parties/", None),
            ("Full country page, cached", "/en/states-parties/sudan/", None),
            # A session cookie bypasses the page cache: every request renders the page.
            (
                "Full country page, uncached",
                "/en/states-parties/sudan/",
                {"Cookie": "sessionid=bench"},
            ),
            ("Needs and assistance explorer", "/en/needs-and-assistance/", None),
        ]
        for _label, path, headers in targets:  # warm caches and workers
            wrk(path, headers, duration="2s")
        rounds = [[wrk(path, headers) for _label, path, headers in targets] for _ in range(ROUNDS)]
        results = [
            (label, path, median_run([runs[i] for runs in rounds]))
            for i, (label, path, _headers) in enumerate(targets)
        ]
        cold = cold_renders("/en/states-parties/sudan/")
        weights = page_weight.measure(BASE)
        redis = fault_redis_stopped()
        postgres = fault_postgresql_restart()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    static_rps = results[0][2]["rps"]
    cached_rps = results[3][2]["rps"]
    uncached_p99 = results[4][2]["p99"]
    lines = [
        "| Page | Requests/s | p50 (ms) | p99 (ms) | Errors |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, _path, r in results:
        lines.append(
            f"| {label} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} |"
        )
    ratio = cached_rps / static_rps
    summary = [
        f"Cached country page: {ratio:.0%} of the static file's throughput (target ≥ 50 %).",
        f"Uncached country page: p99 {uncached_p99:.1f} ms at {CONNECTIONS} clients "
        "(target ≤ 150 ms).",
        f"Full country page, cold (one client, every cache emptied before each of "
        f"{cold['count']} requests): p50 {cold['p50']:.0f} ms, slowest {cold['max']:.0f} ms. "
        "The uncached row above bypasses the page cache (a session cookie, as editors "
        "have) but reads the rendered article from the fragment cache, as every request "
        "after the first does.",
        f"Errors in the runs: {sum(r['errors'] for _l, _p, r in results)} (target 0).",
        f"Redis stopped: index at {redis['rps']:,.0f} requests/s, p99 {redis['p99']:.1f} ms, "
        f"{redis['errors']} errors; /healthz answered {redis['healthz']}.",
        f"PostgreSQL restarted during a 15 s run ({postgres.get('downtime_s', '?')} s restart): "
        f"{postgres['errors']} failed of {postgres['requests']} requests; afterwards "
        f"{postgres['after_restart_ok']}/20 requests answered 200 without restarting gunicorn.",
    ]
    report = "\n".join(
        [*lines, "", *[f"- {line}" for line in summary], "", "## Page weight", ""]
    ) + (
        "First visit, empty cache, in chromium (scripts/page_weight.py). Budget: a full "
        "country page ≤ 60 KB HTML+CSS+JS compressed, no third-party request, no "
        f"render-blocking script: {'met' if page_weight.within_budget(weights) else 'MISSED'}."
        "\n\n" + page_weight.report(weights)
    )
    print(report)

    doc = ROOT / "docs" / "benchmarks.md"
    # The reports' section is bench_reports.py's (make bench-reports): kept as it is.
    from bench_reports import HEADING as REPORTS_HEADING

    old = doc.read_text(encoding="utf-8") if doc.exists() else ""
    kept = old[old.index(REPORTS_HEADING) :] if REPORTS_HEADING in old else ""
    doc.write_text(
        "# Benchmarks\n\n"
        "Made by `make bench` (scripts/bench.py): the production settings behind gunicorn, "
        "PostgreSQL and Redis on loopback, the demo data, wrk as the load generator. "
        "Each row is the median of interleaved rounds; on this shared 2-vCPU machine a "
        "single run can be off by half (the static file alone measured 1,340 to 3,800 "
        "requests/s on different runs of the same day), so compare runs, not one figure.\n\n"
        f"Run on {dt.date.today().isoformat()}; machine: {machine()}.\n\n"
        + report
        + "\n"
        + ("\n" + kept if kept else "")
    )
    targets_met = (
        ratio >= 0.5
        and uncached_p99 <= 150
        and all(r["errors"] == 0 for _l, _p, r in results)
        and redis["errors"] == 0
        and postgres["after_restart_ok"] == 20
        and page_weight.within_budget(weights)
    )
    print("\nAll targets met." if targets_met else "\nSome targets were missed: see above.")
    return 0 if targets_met else 1


# --- Saves: "Save draft" and autosave, p50/p95 ------------------------------------------------
# `scripts/bench.py saves [DATABASE_FILE]`: the development stack (`manage.py runserver`,
# SQLite, cms.settings.dev) on a copy of the database (db.sqlite3 unless given), with the
# demo focal points of Sudan and Zimbabwe each saving a draft while their editor's
# autosave runs at the same time on the same page. Prints p50/p95 per kind and the
# failures (any 5xx, such as "database is locked"). A script printing figures, not a test.

SAVE_PORT = int(os.environ.get("BENCH_SAVE_PORT", "8131"))
SAVES_PER_THREAD = int(os.environ.get("BENCH_SAVES", "25"))
DEMO_PASSWORD = "demo-password-not-for-production"  # noqa: S105 (development accounts)
EDITORS = {
    "focal.point.sudan@example.org": "SDN",
    "focal.point.zimbabwe@example.org": "ZWE",
}


class Browser:
    """A signed-in admin session: cookies and the CSRF token, over urllib."""

    def __init__(self, base: str):
        import http.cookiejar

        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def csrf(self) -> str:
        return next(c.value for c in self.cookies if c.name == "csrftoken")

    def request(self, path: str, data: dict | None = None, headers: dict | None = None):
        import urllib.parse

        body = None
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf()}, True)
            body = body.encode()
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})  # noqa: S310
        try:
            response = self.opener.open(request, timeout=60)
            return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def sign_in(self, email: str) -> None:
        self.request("/admin/login/")
        status, _body = self.request(
            "/admin/login/", {"username": email, "password": DEMO_PASSWORD, "next": "/admin/"}
        )
        if status != 302:
            raise SystemExit(f"{email} could not sign in ({status})")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench_saves(source: Path) -> int:
    import json
    import sqlite3
    import tempfile

    workdir = Path(tempfile.mkdtemp(prefix="bench-saves-"))
    database = workdir / "db.sqlite3"
    with (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src,
        sqlite3.connect(database) as dst,
    ):
        src.backup(dst)
        journal = dst.execute("PRAGMA journal_mode").fetchone()[0]
    env = {
        **os.environ,
        # Another settings module (BENCH_SAVE_SETTINGS) to compare, e.g. other SQLite options.
        "DJANGO_SETTINGS_MODULE": os.environ.get("BENCH_SAVE_SETTINGS", "cms.settings.dev"),
        "DATABASE_URL": f"sqlite:///{database}",
        "REQUIRE_TWO_FACTOR": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from country_pages.models import CountryPage
    from tests.admin_forms import page_form_data

    forms = {}
    for email, iso3 in EDITORS.items():
        page = CountryPage.objects.filter(state__iso3=iso3, locale__language_code="en").first()
        if page is None:
            raise SystemExit(f"No English page for {iso3} in {source}: load the demo data.")
        forms[email] = (page.pk, page_form_data(page.get_latest_revision_as_object()))
    from django.db import connections

    connections.close_all()

    log = (workdir / "server.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{SAVE_PORT}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{SAVE_PORT}"
    timings: dict[str, list[float]] = {"Save draft": [], "Autosave": []}
    failures: list[str] = []
    lock = threading.Lock()
    try:
        for _ in range(100):
            if status_of_url(base + "/admin/login/") == 200:
                break
            time.sleep(0.2)

        def editor(email: str, kind: str) -> None:
            browser = Browser(base)
            browser.sign_in(email)
            page_id, data = forms[email]
            path = f"/admin/pages/{page_id}/edit/"
            for i in range(SAVES_PER_THREAD):
                posted = {**data, "title": f"{data['title'].split(' #')[0]} #{kind[0]}{i}"}
                headers = {"Accept": "application/json"} if kind == "Autosave" else {}
                started = time.perf_counter()
                status, body = browser.request(path, posted, headers)
                elapsed = (time.perf_counter() - started) * 1000
                ok = status == 302 if kind == "Save draft" else status == 200
                if ok and kind == "Autosave":
                    ok = json.loads(body).get("success") is True
                with lock:
                    timings[kind].append(elapsed)
                    if not ok:
                        failures.append(f"{kind} by {email}: {status} {body[:120]!r}")

        threads = [
            threading.Thread(target=editor, args=(email, kind))
            for email in EDITORS
            for kind in ("Save draft", "Autosave")
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        log.close()

    print(
        f"Saves on the development stack (runserver, SQLite file, cms.settings.dev): "
        f"{len(EDITORS)} focal points, each saving drafts while their autosave runs, "
        f"{SAVES_PER_THREAD} requests per thread, {len(threads)} threads; "
        f"{env['DJANGO_SETTINGS_MODULE']}, journal mode of the copy: {journal}."
    )
    print("| Save | Requests | p50 (ms) | p95 (ms) | Max (ms) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for kind, values in timings.items():
        print(
            f"| {kind} | {len(values)} | {percentile(values, 0.5):.0f} | "
            f"{percentile(values, 0.95):.0f} | {max(values):.0f} |"
        )
    print(f"Failed: {len(failures)}")
    for failure in failures[:10]:
        print("  " + failure)
    print(f"Server log: {workdir / 'server.log'}")
    return 1 if failures else 0


def status_of_url(url: str) -> int | str:
    try:
        return urllib.request.urlopen(url, timeout=5).status  # noqa: S310 - loopback
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, OSError) as error:
        return type(error).__name__


if __name__ == "__main__":
    if sys.argv[1:2] == ["saves"]:
        sys.exit(bench_saves(Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "db.sqlite3"))
    if sys.argv[1:2] == ["reports"]:
        import bench_reports

        sys.exit(bench_reports.main(sys.argv[2:]))
    sys.exit(main())
