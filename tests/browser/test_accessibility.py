"""WCAG 2.2 AA checks of the main public pages in English, French and Arabic: axe-core in
chromium and the Nu HTML Checker on the HTML the server sent. The counts per page and
language are written to test-artifacts/accessibility.txt; any violation or HTML error fails
the test, listed."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from django.conf import settings

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

NODE_MODULES = settings.BASE_DIR / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANGUAGES = ["en", "fr", "ar"]
PAGES = {
    "home": "/{lang}/",
    "states-parties": "/{lang}/states-parties/",
    "sudan": "/{lang}/states-parties/sudan/",
    "needs": "/{lang}/needs-and-assistance/",
    "needs-offers": "/{lang}/needs-and-offers/",
    "who-helps-whom": "/{lang}/who-helps-whom/",
    # Its partnership under Action #21, with a timeline (the page is in en and fr; Arabic
    # visitors get the English page, marked so).
    "zimbabwe": "/{lang}/states-parties/zimbabwe/",
    "partnerships": "/{lang}/partnerships/",
    "search": "/{lang}/search/?q=mine",
    "reporting-status": "/{lang}/article-7-reports/status/",
    "approach-calendar": "/{lang}/individualised-approach/calendar/",
}


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    results = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]
        })""",
        AXE_TAGS,
    )
    return results["violations"]


def run_nu_checker(files: list) -> dict[str, list[dict]]:
    """Errors of the Nu HTML Checker, by file name."""
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML Checker"
    completed = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert completed.stdout.strip(), f"The Nu HTML Checker did not run: {completed.stderr}"
    report = json.loads(completed.stdout)
    errors: dict[str, list[dict]] = {path.name: [] for path in files}
    for message in report["messages"]:
        if message["type"] in ("error", "non-document-error"):
            name = message.get("url", "").rsplit("/", 1)[-1]
            assert name in errors, f"The Nu HTML Checker failed: {message}"
            errors[name].append(message)
    return errors


def describe_violation(violation: dict) -> str:
    targets = "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
    more = len(violation["nodes"]) - 5
    if more > 0:
        targets += f" … and {more} more"
    return (
        f"  axe {violation['id']} ({violation['impact']}): {violation['help']} — "
        f"{len(violation['nodes'])} element(s): {targets}"
    )


def describe_html_error(error: dict) -> str:
    return f"  html line {error.get('lastLine', '?')}: {error['message']}"


def test_main_pages_meet_wcag_22_aa(open_browser):
    assert AXE.exists() and VNU.exists(), "Run `npm ci` first: axe-core and vnu-jar are missing"
    html_dir = ARTIFACTS / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    # The site's Content-Security-Policy forbids injected scripts such as axe.
    page = open_browser(bypass_csp=True)

    axe_results: dict[tuple[str, str], list[dict]] = {}
    files = {}
    for lang in LANGUAGES:
        for name, path in PAGES.items():
            url = path.format(lang=lang)
            response = page.goto(url)
            assert response.status == 200, url
            html_file = html_dir / f"{lang}-{name}.html"
            html_file.write_bytes(response.body())
            files[(name, lang)] = html_file
            axe_results[(name, lang)] = run_axe(page)
    axe_version = page.evaluate("axe.version")
    html_errors = run_nu_checker(list(files.values()))

    rows = [f"{'page':<16}{'language':<10}{'axe rules':>10}{'axe elements':>14}{'HTML errors':>13}"]
    problems = []
    for (name, lang), violations in axe_results.items():
        errors = html_errors[files[(name, lang)].name]
        elements = sum(len(v["nodes"]) for v in violations)
        rows.append(f"{name:<16}{lang:<10}{len(violations):>10}{elements:>14}{len(errors):>13}")
        if violations or errors:
            problems.append(f"{PAGES[name].format(lang=lang)}")
            problems += [describe_violation(v) for v in violations]
            problems += [describe_html_error(e) for e in errors]
    summary = "\n".join(rows)
    (ARTIFACTS / "accessibility.txt").write_text(
        f"axe-core {axe_version} (tags {', '.join(AXE_TAGS)}): rules violated and elements "
        f"concerned; Nu HTML Checker: errors.\n\n"
        f"{summary}\n" + ("\n" + "\n".join(problems) + "\n" if problems else ""),
        encoding="utf-8",
    )
    assert not problems, "\n".join([summary, "", *problems])
