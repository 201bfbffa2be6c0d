#!/usr/bin/env python3
"""make bench: the production stack on loopback (gunicorn, PostgreSQL, Redis), loaded with
the demo data and driven by wrk. Prints requests per second, p50 and p99 latency and
errors for each page and for a static file, and records them in docs/benchmarks.md. Then
the faults: Redis stopped, PostgreSQL restarted during a load run.

Run from the project root with the project's virtualenv: `make bench`.
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
    doc.write_text(
        "# Benchmarks\n\n"
        "Made by `make bench` (scripts/bench.py): the production settings behind gunicorn, "
        "PostgreSQL and Redis on loopback, the demo data, wrk as the load generator. "
        "Each row is the median of interleaved rounds; on this shared 2-vCPU machine a "
        "single run can be off by half (the static file alone measured 1,340 to 3,800 "
        "requests/s on different runs of the same day), so compare runs, not one figure.\n\n"
        f"Run on {dt.date.today().isoformat()}; machine: {machine()}.\n\n" + report + "\n"
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


if __name__ == "__main__":
    sys.exit(main())
