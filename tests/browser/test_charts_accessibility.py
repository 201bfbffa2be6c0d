"""The charts of Sudan's country page (built from its demonstration Article 7 reports) in
English, French and Arabic: axe-core in chromium and the Nu HTML Checker find nothing, and
in the browser the value axis and its labels stand on the left in English and on the right
in Arabic, the years running the other way."""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS
from .test_accessibility import (
    AXE,
    VNU,
    describe_html_error,
    describe_violation,
    run_axe,
    run_nu_checker,
)

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "fr", "ar"]
URL = "/{lang}/states-parties/sudan/"

# Where the years and the value labels of a chart stand, as the browser lays them out.
LAYOUT = """id => {
    const svg = document.querySelector(`#${id} svg.chart__drawing`);
    const box = element => element.getBoundingClientRect();
    const upright = line => line.getAttribute("x1") === line.getAttribute("x2");
    const axis = [...svg.querySelectorAll("line")].find(upright);
    const texts = [...svg.querySelectorAll("text:not(.chart__unit)")];
    const isYear = text => /^\\d{4}$/.test(text.textContent);
    const years = texts.filter(isYear).map(t => [t.textContent, box(t).x]);
    const labels = texts.filter(t => !isYear(t)).map(t => [box(t).left, box(t).right]);
    return {axis: box(axis).x, years, labels};
}"""


@pytest.fixture
def sudan_reports(site_content):
    """Sudan's demonstration reports for 2023–2025, accepted (and the other demo States')."""
    from demo.helpers import DemoReport
    from demo.reports import ensure_demo_reports

    assert ensure_demo_reports(DemoReport())
    return site_content


def test_country_page_charts_meet_wcag_22_aa(sudan_reports, open_browser):
    assert AXE.exists() and VNU.exists(), "Run `npm ci` first: axe-core and vnu-jar are missing"
    html_dir = ARTIFACTS / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    page = open_browser(bypass_csp=True)
    files, problems, layouts = {}, [], {}
    for lang in LANGUAGES:
        url = URL.format(lang=lang)
        response = page.goto(url)
        assert response.status == 200, url
        assert page.locator("figure.chart svg[role=img]").count() >= 3, url
        html_file = html_dir / f"{lang}-sudan-charts.html"
        html_file.write_bytes(response.body())
        files[lang] = html_file
        violations = run_axe(page)
        if violations:
            problems.append(url)
            problems += [describe_violation(v) for v in violations]
        layouts[lang] = page.evaluate(LAYOUT, "chart-remaining")
    for lang, errors in zip(LANGUAGES, run_nu_checker(list(files.values())).values(), strict=True):
        if errors:
            problems.append(URL.format(lang=lang))
            problems += [describe_html_error(e) for e in errors]
    assert not problems, "\n".join(problems)

    english, arabic = layouts["en"], layouts["ar"]
    years = [year for year, _ in english["years"]]
    assert years == ["2023", "2024", "2025"]
    # English: the years left to right, the value labels left of the axis.
    assert [x for _, x in english["years"]] == sorted(x for _, x in english["years"])
    assert all(right <= english["axis"] + 1 for _, right in english["labels"])
    # Arabic: the years right to left, the value labels right of the axis.
    assert [x for _, x in arabic["years"]] == sorted((x for _, x in arabic["years"]), reverse=True)
    assert all(left >= arabic["axis"] - 1 for left, _ in arabic["labels"])
