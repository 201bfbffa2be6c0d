"""`scripts/bench.py reports [DATABASE_FILE]` (`make bench-reports`): the online Article 7
report on the development stack, as a focal point meets it. Prints p50/p95 for saving the
editor's form ("Save draft" and autosave), opening the report's summary, and rendering
the PDF, and records them in docs/benchmarks.md under "Article 7 reports".

The stack is bench_saves's: `manage.py runserver` (cms.settings.dev) on a copy of an SQLite
database built by `make data` (the file given, never changed; else one built here with the
same commands), the demo focal point signed in with their password (REQUIRE_TWO_FACTOR=0,
as in development), real HTTP over loopback, one request at a time.

The report measured is the largest one (by rows) that a demo focal point's State has
filed, amended through the admin's own "amend" URL by that focal point: a draft holding
a copy of everything the accepted version says. The PDF is that of the largest accepted
public report and of an Arabic one; the demo data has no Arabic report, so then the
largest is rendered in Arabic in this process (reporting.pdf.render_pdf), not over HTTP.

Counts: BENCH_REPORT_SAVES (each kind, default 60), BENCH_REPORT_OPENS (20),
BENCH_REPORT_PDFS (10). A script printing figures, not a test.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench import PYTHON, ROOT, Browser, percentile, status_of_url

PORT = int(os.environ.get("BENCH_REPORT_PORT", "8132"))
SAVES = int(os.environ.get("BENCH_REPORT_SAVES", "60"))
OPENS = int(os.environ.get("BENCH_REPORT_OPENS", "20"))
PDFS = int(os.environ.get("BENCH_REPORT_PDFS", "10"))
# `make data`, in its order (the demo accounts after the content, as there).
DATA_COMMANDS = [
    ["migrate", "--noinput", "-v0"],
    ["load_registry", "-v0"],
    ["load_demo_content"],
    ["rebuild_explorer_index", "-v0"],
    ["sync_roles", "-v0"],
    ["load_demo_accounts"],
]
HEADING = "## Article 7 reports"
NOTES = """\
- "PDF rendered" asks with a query string the page cache does not know, so each request
  lays the PDF out again (WeasyPrint's layout is nearly all of it; the HTML is rendered in
  tens of ms). Without one, a public PDF is stored by the page cache after its first
  visitor: "PDF from the page cache" (locmem here, Redis in production).
- The editor shows every form of the report in one page: the size column is its HTML.
- No demo report is in Arabic: the Arabic row renders the same report with its language
  set to Arabic, in the benchmark's process (labels, direction and fonts of an Arabic
  PDF; the answers stay in the language they were written in).
"""


@dataclass
class Series:
    label: str
    timings: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    size_kb: float | None = None

    def row(self) -> str:
        values = self.timings or [0.0]
        size = f"{self.size_kb:,.0f}" if self.size_kb is not None else "–"
        return (
            f"| {self.label} | {len(self.timings)} | {percentile(values, 0.5):,.0f} | "
            f"{percentile(values, 0.95):,.0f} | {max(values):,.0f} | {size} | "
            f"{len(self.failures)} |"
        )


def copy_database(source: Path, target: Path) -> None:
    with (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src,
        sqlite3.connect(target) as dst,
    ):
        src.backup(dst)


def build_database(env: dict) -> None:
    started = time.monotonic()
    for command in DATA_COMMANDS:
        subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)  # noqa: S603
    print(f"Database built with the commands of `make data` ({time.monotonic() - started:.0f} s)")


def row_count(report) -> int:
    """Every row the report holds: cover lines, each form's rows and the mines of each
    mined area (the editor's nested rows)."""
    from modelcluster.models import get_all_child_relations

    total = 0
    for relation in get_all_child_relations(type(report)):
        rows = list(getattr(report, relation.get_accessor_name()).all())
        total += len(rows)
        total += sum(row.mines.count() for row in rows if hasattr(row, "mines"))
    return total


def timed(browser: Browser, path: str, data: dict | None = None, headers: dict | None = None):
    """One request; (milliseconds, status, response headers, body)."""
    body = None
    if data is not None:
        fields = {**data, "csrfmiddlewaretoken": browser.csrf()}
        body = urllib.parse.urlencode(fields, doseq=True).encode()
    request = urllib.request.Request(browser.base + path, data=body, headers=headers or {})  # noqa: S310
    started = time.perf_counter()
    try:
        response = browser.opener.open(request, timeout=120)
        status, answer, content = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, answer, content = error.code, error.headers, error.read()
    return (time.perf_counter() - started) * 1000, status, answer, content


def form_errors(html: bytes) -> str:
    """The first error messages of a re-displayed form, for the failure list."""
    text = html.decode(errors="replace")
    found = re.findall(r'class="error-message"[^>]*>\s*(?:<span>)?([^<]+)', text)
    return "; ".join(message.strip() for message in found[:3]) or text[:120]


def host() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists() and (match := re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())):
        cpu = match.group(1).strip()
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists() and (match := re.search(r"MemTotal:\s+(\d+) kB", meminfo.read_text())):
        memory = f", {int(match.group(1)) / 1024 / 1024:.0f} GiB RAM"
    import weasyprint

    return (
        f"{os.cpu_count()} × {cpu}{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; SQLite {sqlite3.sqlite_version}; "
        f"WeasyPrint {weasyprint.__version__}"
    )


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


def main(argv: list[str]) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    database = workdir / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "REQUIRE_TWO_FACTOR": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    if argv:
        copy_database(Path(argv[0]), database)
        source = f"a copy of a `make data` database ({Path(argv[0]).name})"
    else:
        build_database(env)
        source = "a database built by the commands of `make data`"
    os.environ.update({k: env[k] for k in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")})
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connections
    from django.urls import reverse

    from demo.management.commands.load_demo_accounts import DEMO_ACCOUNTS
    from reporting.models import Article7Report, Visibility
    from reporting.reading import public_path
    from tests.reporting.admin_data import report_form_data

    accounts = {iso3: email for email, _first, _last, iso3 in DEMO_ACCOUNTS if iso3}
    accepted = list(Article7Report.objects.accepted().select_related("state"))
    sizes = {report.pk: row_count(report) for report in accepted}
    ours = [r for r in accepted if r.state.iso3 in accounts]
    public = [r for r in accepted if r.visibility == Visibility.PUBLIC]
    if not ours or not public:
        raise SystemExit(f"No accepted demo reports in {source}: run `make data`.")
    largest = max(ours, key=lambda r: sizes[r.pk])
    largest_public = max(public, key=lambda r: sizes[r.pk])
    arabic = max((r for r in public if r.language == "ar"), key=lambda r: sizes[r.pk], default=None)
    email = accounts[largest.state.iso3]
    user = get_user_model().objects.get(username=email)
    urls = "wagtailsnippets_reporting_article7report"
    connections.close_all()

    log = (workdir / "server.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{PORT}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{PORT}"
    load_before = load()
    series: list[Series] = []
    try:
        for _ in range(150):
            if status_of_url(base + "/admin/login/") == 200:
                break
            time.sleep(0.2)
        browser = Browser(base)
        browser.sign_in(email)

        # The report measured: a new version of the largest, started as the focal point
        # starts one (the amend URL), so it is theirs with its revision and log entry.
        _ms, status, _h, _b = timed(browser, reverse(f"{urls}:amend", args=[largest.pk]), {})
        draft = Article7Report.objects.filter(amends_id=largest.pk).first()
        if status != 302 or draft is None:
            raise SystemExit(f"Amending report {largest.pk} failed ({status}).")
        rows = row_count(draft)
        data = report_form_data(draft, user)
        connections.close_all()
        edit = reverse(f"{urls}:edit", args=[draft.pk])
        body_kb = len(urllib.parse.urlencode(data, doseq=True)) / 1024

        opened = Series("Open the editor (GET edit page)")
        for _ in range(OPENS):
            ms, status, _h, content = timed(browser, edit)
            opened.timings.append(ms)
            opened.size_kb = len(content) / 1024
            if status != 200:
                opened.failures.append(f"{status}")

        saved = Series('"Save draft" (POST of the whole form)')
        for i in range(SAVES):
            posted = {**data, "contact_name": f"{data['contact_name']} #S{i}"}
            ms, status, headers, content = timed(browser, edit, posted, {"Accept": "text/html"})
            saved.timings.append(ms)
            # Saved: back to the editor. A 200 is the form shown again with its errors.
            if status != 302 or not headers.get("Location", "").endswith(edit):
                saved.failures.append(f"{status} {form_errors(content)}")

        # Autosave as the editor's script sends it: the revision it loaded first, then
        # the revision its previous autosave wrote, which each autosave overwrites.
        latest = Article7Report.objects.get(pk=draft.pk).latest_revision
        revision = {
            "loaded_revision_id": str(latest.pk),
            "loaded_revision_created_at": latest.created_at.isoformat(),
        }
        connections.close_all()
        autosaved = Series("Autosave (POST, Accept: application/json)")
        for i in range(SAVES):
            posted = {**data, **revision, "contact_name": f"{data['contact_name']} #A{i}"}
            ms, status, _h, content = timed(browser, edit, posted, {"Accept": "application/json"})
            autosaved.timings.append(ms)
            answer = json.loads(content) if status == 200 else {}
            if answer.get("success") is True:
                revision = {"overwrite_revision_id": str(answer["revision_id"])}
            else:
                autosaved.failures.append(f"{status} {content[:120]!r}")

        summary = Series("Open the summary (inspect view)")
        inspect = reverse(f"{urls}:inspect", args=[draft.pk])
        for _ in range(OPENS):
            ms, status, _h, content = timed(browser, inspect)
            summary.timings.append(ms)
            summary.size_kb = len(content) / 1024
            if status != 200:
                summary.failures.append(f"{status}")

        # The PDF as a visitor gets it: no session. A query string the page cache does
        # not know makes it render every time; without one, the first visitor's PDF is
        # stored and the next are served from the page cache.
        visitor = Browser(base)
        pdf_path = public_path(largest_public, pdf=True)
        label = f"{largest_public.state.iso3} {largest_public.year}, {largest_public.language}"
        rendered = Series(f"PDF rendered ({label})")
        cached = Series("PDF from the page cache (same URL)")
        for target, suffix in [(rendered, "?bench={i}"), (cached, "")]:
            timed(visitor, pdf_path)  # the first: fonts loaded, and the cache filled
            for i in range(PDFS):
                ms, status, headers, content = timed(visitor, pdf_path + suffix.format(i=i))
                target.timings.append(ms)
                target.size_kb = len(content) / 1024
                expected = "bypass" if suffix else "hit"
                if status != 200 or not content.startswith(b"%PDF"):
                    target.failures.append(f"{status}")
                elif headers.get("X-Page-Cache") != expected:
                    target.failures.append(f"X-Page-Cache: {headers.get('X-Page-Cache')}")
        series += [opened, saved, autosaved, summary, rendered, cached]
        if arabic is not None:
            arabic_series = Series(f"PDF rendered ({arabic.state.iso3} {arabic.year}, ar)")
            for i in range(PDFS):
                ms, status, _h, content = timed(
                    visitor, public_path(arabic, pdf=True) + f"?bench={i}"
                )
                arabic_series.timings.append(ms)
                arabic_series.size_kb = len(content) / 1024
                if status != 200 or not content.startswith(b"%PDF"):
                    arabic_series.failures.append(f"{status}")
            series.append(arabic_series)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        log.close()

    if arabic is None:
        series.append(render_in_arabic(largest_public))

    lines = [
        f"Run on {dt.date.today().isoformat()}; machine: {host()}; load average "
        f"{load_before} before the runs, {load()} after.",
        "",
        f"The development stack: `manage.py runserver` (cms.settings.dev), {source} in "
        f"SQLite, one request at a time over loopback. The report measured: a draft "
        f"amendment of {largest.state.iso3} {largest.year} (the largest demo report, "
        f"{sizes[largest.pk]} rows) by its focal point, {rows} rows (cover lines, every "
        f"form's rows and the mines of each mined area); its editor's POST body is "
        f"{len(data)} fields, {body_kb:,.0f} KB.",
        "",
        "| Request | Requests | p50 (ms) | p95 (ms) | Max (ms) | Size (KB) | Failed |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *[s.row() for s in series],
        "",
    ]
    text = "\n".join(lines)
    print(text)
    failures = [f"{s.label}: {f}" for s in series for f in s.failures]
    for failure in failures[:10]:
        print("  " + failure)
    print(f"Server log: {workdir / 'server.log'}")
    record(text)
    return 1 if failures else 0


def render_in_arabic(report) -> Series:
    """The demo data has no Arabic report: the same report in Arabic, rendered in this
    process (the labels, direction and fonts of an Arabic report; the answers stay in
    the language they were written in). Not saved."""
    import logging

    from django.db import connections

    from reporting.models import Article7Report
    from reporting.pdf import render_pdf

    # WeasyPrint logs each layout step at INFO, and the settings log INFO to the console.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)

    copy = Article7Report.objects.select_related("state").get(pk=report.pk)
    copy.language = "ar"
    series = Series(f"PDF of {report.state.iso3} {report.year} in Arabic (render_pdf, in process)")
    render_pdf(copy)  # the first: fonts loaded
    for _ in range(PDFS):
        started = time.perf_counter()
        pdf = render_pdf(copy)
        series.timings.append((time.perf_counter() - started) * 1000)
        series.size_kb = len(pdf) / 1024
        if not pdf.startswith(b"%PDF"):
            series.failures.append("not a PDF")
    connections.close_all()
    return series


def record(text: str) -> None:
    """Replace this section of docs/benchmarks.md (or add it at the end)."""
    doc = ROOT / "docs" / "benchmarks.md"
    existing = doc.read_text() if doc.exists() else "# Benchmarks\n"
    start = existing.find(HEADING + "\n")
    if start >= 0:
        following = existing.find("\n## ", start + len(HEADING))
        rest = existing[following + 1 :] if following >= 0 else ""
        existing = existing[:start].rstrip("\n") + ("\n\n" + rest if rest else "")
    doc.write_text(
        existing.rstrip("\n")
        + f"\n\n{HEADING}\n\nMade by `make bench-reports` (`scripts/bench.py reports`, "
        "scripts/bench_reports.py): saving the report editor, opening the summary of a "
        "full report, rendering its PDF. On this shared 2-vCPU machine figures vary from "
        "run to run: compare runs, not one figure.\n\n" + text + "\n" + NOTES
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
