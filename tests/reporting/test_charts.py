"""The charts of a State's Article 7 figures on its country page: drawn from its public
accepted reports only, each with a table of the same figures, a sentence instead of a
chart for a single year, the years mirrored in Arabic, numbers as the language writes
them, and read in the same number of queries whatever the number of years."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from reporting.charts import svg
from reporting.charts.data import state_charts
from reporting.charts.figures import state_figures
from reporting.history import amend
from reporting.models import (
    FormBStockpile,
    FormCLandRelease,
    FormCMinedArea,
    FormDRetained,
    FormGDestroyed,
    FormJCasualties,
)
from tests.conftest import make_country
from tests.reporting.helpers import accept, build_report

pytestmark = pytest.mark.django_db

PAGE = "/{lang}/states-parties/sudan/"


@pytest.fixture
def sudan_page(states_index):
    return make_country(states_index, "SDN", languages=("fr", "ar"))


def casualty(sex, age, number, outcome="injured"):
    return FormJCasualties(
        outcome=outcome, sex=sex, age_group=age, status="civilian", number=number
    )


def year_report(state, year, mine_type, *, area_m2, cleared, casualties, stock, retained, **kw):
    """A report whose figures are known: one mined area, land released by each method,
    casualties, a stockpile, mines retained and mines destroyed."""
    return build_report(
        state,
        year,
        mined_areas=[
            FormCMinedArea(name="Ridge", region="Blue Nile", status="confirmed", size_m2=area_m2)
        ],
        land_releases=[
            FormCLandRelease(
                region="Blue Nile",
                cancelled_m2=100_000,
                reduced_m2=20_000,
                cleared_m2=cleared,
                mines_destroyed=9,
            )
        ],
        casualties=casualties,
        stockpiles=[FormBStockpile(mine_type=mine_type, quantity=stock, holder="Depot")],
        retained=[
            FormDRetained(
                institution="Engineering school",
                mine_type=mine_type,
                quantity_start=retained,
                quantity_end=retained,
                purpose="Training",
            )
        ],
        destroyed=[
            FormGDestroyed(year=year, source="article_4", mine_type=mine_type, quantity=stock),
            FormGDestroyed(year=year, source="article_5", mine_type=mine_type, quantity=40),
        ],
        **kw,
    )


@pytest.fixture
def reports(sudan, pmn2):
    first = accept(
        year_report(
            sudan,
            2023,
            pmn2,
            area_m2=2_500_000,
            cleared=350_000,
            casualties=[
                casualty("female", "adult", 2),
                casualty("male", "adult", 5, "killed"),
                casualty("male", "adult", 3),
                casualty("female", "child", 1),
                casualty("male", "child", 4),
                casualty("unknown", "adult", 1),
            ],
            stock=7_500,
            retained=300,
        )
    )
    second = accept(
        year_report(
            sudan,
            2024,
            pmn2,
            area_m2=2_130_000,
            cleared=250_000,
            casualties=[casualty("male", "child", 2), casualty("female", "unknown", 1)],
            stock=1_200,
            retained=280,
        )
    )
    return first, second


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def chart(page: str, key: str) -> str:
    """The HTML of one chart (a figure, or its text), up to the next one."""
    start = page.index(f'id="chart-{key}"')
    ends = [page.find(mark, start) for mark in ('class="chart chart--', "</section>")]
    return page[start : min(end for end in ends if end > 0)]


def table_rows(fragment: str) -> dict[str, list[str]]:
    """The table's rows: year → cells as shown (an unreported figure as "—")."""
    body = fragment.split("<tbody>")[1].split("</tbody>")[0]
    rows = {}
    for year, cells in re.findall(r'<th scope="row">(\d{4})</th>(.*?)</tr>', body, re.S):
        values = re.findall(r"<td>(.*?)</td>", cells, re.S)
        rows[year] = ["—" if "not reported" in v else v for v in values]
    return rows


def columns(fragment: str) -> list[str]:
    head = fragment.split("<thead>")[1].split("</thead>")[0]
    return re.findall(r'<th scope="col">(.*?)</th>', head)[1:]  # after "Year"


# --- What the page shows ---------------------------------------------------------------------


def test_each_chart_is_a_figure_with_caption_source_drawing_and_table(client, sudan_page, reports):
    page = html(client.get(PAGE.format(lang="en")))
    section = page.split('id="article-7-figures"')[1]
    assert "Article 7 reports in figures" in section
    assert '<a href="#article-7-figures">Article 7 reports in figures</a>' in page  # the nav
    for key in ("remaining", "release", "casualties", "stocks", "destroyed"):
        fragment = chart(page, key)
        assert "<figcaption" in fragment
        assert "Source: Article 7 reports 2023–2024" in fragment
        drawing = re.search(r"<svg class=\"chart__drawing\"[^>]*>", fragment).group(0)
        assert 'role="img"' in drawing
        assert f'aria-labelledby="chart-{key}-title"' in drawing
        assert f'<title id="chart-{key}-title">' in fragment
        assert f'<desc id="chart-{key}-desc">' in fragment
        assert f'<caption id="chart-{key}-caption"' in fragment
        assert f'aria-labelledby="chart-{key}-caption"' in fragment
        assert '<th scope="col">Year</th>' in fragment
        assert '<th scope="row">2023</th>' in fragment
        # No script, no image or style fetched from anywhere.
        assert "<script" not in fragment and "http" not in fragment.replace(
            'xmlns="http://www.w3.org/2000/svg"', ""
        )


def test_tables_show_the_reports_figures(client, sudan_page, reports):
    page = html(client.get(PAGE.format(lang="en")))

    remaining = chart(page, "remaining")
    assert table_rows(remaining) == {"2023": ["2,500,000"], "2024": ["2,130,000"]}
    assert "Mined area remaining at the end of each year" in remaining
    assert ">km²</text>" in remaining  # the axis in km² for millions of m²

    release = chart(page, "release")
    assert columns(release) == [
        "Cancelled by non-technical survey (m²)",
        "Reduced by technical survey (m²)",
        "Cleared (m²)",
        "Land released (m²)",
    ]
    assert table_rows(release) == {
        "2023": ["100,000", "20,000", "350,000", "470,000"],
        "2024": ["100,000", "20,000", "250,000", "370,000"],
    }
    # Each method has its own pattern in the drawing and its key in the legend.
    assert release.count('class="chart__key"') == 3
    assert len(set(re.findall(r'fill="url\(#(chart-release-fill\d)\)"', release))) == 3

    casualties = chart(page, "casualties")
    assert columns(casualties) == [
        "Women",
        "Men",
        "Girls",
        "Boys",
        "Sex or age not recorded",
        "Casualties",
    ]
    assert table_rows(casualties) == {
        "2023": ["2", "8", "1", "4", "1", "16"],
        "2024": ["0", "0", "0", "2", "1", "3"],
    }

    stocks = chart(page, "stocks")
    assert columns(stocks) == ["Mines stockpiled", "Mines retained at the end of the period"]
    assert table_rows(stocks) == {"2023": ["7,500", "300"], "2024": ["1,200", "280"]}
    assert "<polyline" in stocks  # a line per series

    destroyed = chart(page, "destroyed")
    assert "Form G" in destroyed and "(Form C) are not added" in destroyed
    assert table_rows(destroyed) == {
        "2023": ["7,500", "40", "0", "7,540"],
        "2024": ["1,200", "40", "0", "1,240"],
    }


def test_a_single_year_is_told_in_a_sentence(client, sudan_page, sudan, pmn2):
    accept(
        year_report(
            sudan,
            2024,
            pmn2,
            area_m2=1_250_000,
            cleared=350_000,
            casualties=[casualty("male", "adult", 3)],
            stock=0,
            retained=0,
        )
    )
    page = html(client.get(PAGE.format(lang="en")))
    assert "<figure" not in page.split('id="article-7-figures"')[1]
    assert "chart__drawing" not in page
    remaining = chart(page, "remaining")
    assert "In the report for 2024:" in remaining
    assert "<dt>Mined area remaining (m²)</dt><dd>1,250,000</dd>" in remaining
    assert "Source: Article 7 report for 2024" in remaining


def test_no_report_no_charts(client, sudan_page):
    page = html(client.get(PAGE.format(lang="en")))
    assert 'id="article-7-figures"' not in page and "#article-7-figures" not in page


# --- Only public reports ----------------------------------------------------------------------


def restricted(report):
    report.visibility = "parties"
    return report


def test_restricted_reports_never_feed_the_charts(client, sudan_page, sudan, pmn2, reports):
    accept(
        restricted(
            year_report(
                sudan,
                2025,
                pmn2,
                area_m2=9_876_543,
                cleared=123_457,
                casualties=[casualty("female", "child", 77)],
                stock=4_321,
                retained=99,
            )
        )
    )
    page = html(client.get(PAGE.format(lang="en")))
    section = page.split('id="article-7-figures"')[1].split("</section>")[0]
    for figure in ("9,876,543", "123,457", "4,321", ">77<", ">99<", "2025"):
        assert figure not in section, figure
    assert table_rows(chart(page, "remaining")) == {"2023": ["2,500,000"], "2024": ["2,130,000"]}


def test_a_restricted_later_version_hides_the_year(client, sudan_page, reports):
    """The latest accepted version of 2024 is for States Parties only: 2024 has no public
    figures, so one year is left, told as text."""
    accept(restricted(amend(reports[1])))
    page = html(client.get(PAGE.format(lang="en")))
    assert "2,130,000" not in page
    assert "In the report for 2023:" in chart(page, "remaining")


def test_unchanged_since_a_restricted_report_gives_no_figure(sudan, pmn2, reports):
    """2025 says Form C and Form B are unchanged since 2024 and Form D since 2023: 2024
    being restricted, its area and stockpile are not borrowed; 2023's retained mines are."""
    accept(restricted(amend(reports[1])))
    cover = {"B": ("unchanged", 2024), "C": ("unchanged", 2024), "D": ("unchanged", 2023)}
    accept(build_report(sudan, 2025, cover=cover))
    charts = {c.key: c for c in state_charts(sudan.pk)}
    assert charts["remaining"].series[0].values == {2023: 2_500_000, 2025: None}
    stockpile, retained = charts["stocks"].series
    assert stockpile.values == {2023: 7_500, 2025: None}
    assert retained.values == {2023: 300, 2025: 300}


def test_unchanged_forms_carry_what_stands_not_what_was_done(client, sudan_page, sudan, reports):
    """2025 says every form is unchanged since 2024: the area remaining carries forward,
    the land released, casualties and mines destroyed are not counted again."""
    cover = dict.fromkeys("ABCDEFGHIJ", ("unchanged", 2024))
    accept(build_report(sudan, 2025, cover=cover))
    page = html(client.get(PAGE.format(lang="en")))
    assert table_rows(chart(page, "remaining"))["2025"] == ["2,130,000"]
    assert table_rows(chart(page, "stocks"))["2025"] == ["1,200", "280"]
    assert "Source: Article 7 reports 2023–2025" in chart(page, "remaining")
    # Land released: 2023 and 2024 only.
    assert "2025" not in chart(page, "release")
    assert "Source: Article 7 reports 2023–2024" in chart(page, "release")


def test_a_gap_year_shows_as_not_reported(client, sudan_page, sudan, pmn2, reports):
    accept(
        year_report(
            sudan,
            2021,
            pmn2,
            area_m2=3_000_000,
            cleared=10_000,
            casualties=[casualty("male", "adult", 1)],
            stock=9_000,
            retained=320,
        )
    )
    page = html(client.get(PAGE.format(lang="en")))
    rows = table_rows(chart(page, "remaining"))
    assert rows == {
        "2021": ["3,000,000"],
        "2022": ["—"],
        "2023": ["2,500,000"],
        "2024": ["2,130,000"],
    }
    assert 'data-category="2022"' not in chart(page, "remaining")


# --- Languages -----------------------------------------------------------------------------


def bar_x(fragment: str, year: str) -> float:
    return float(
        re.search(
            rf'<rect class="chart__bar" x="([\d.]+)"[^>]*data-category="{year}"', fragment
        ).group(1)
    )


def value_axis_x(fragment: str) -> float:
    """The vertical line of the value axis."""
    for x1, x2 in re.findall(r'<line x1="([\d.]+)" x2="([\d.]+)"', fragment):
        if x1 == x2:
            return float(x1)
    raise AssertionError("no value axis")


def test_arabic_mirrors_the_years_and_puts_the_axis_on_the_right(client, sudan_page, reports):
    english = chart(html(client.get(PAGE.format(lang="en"))), "remaining")
    assert bar_x(english, "2023") < bar_x(english, "2024")
    assert value_axis_x(english) < bar_x(english, "2023")
    assert 'direction="ltr"' in english

    arabic = chart(html(client.get(PAGE.format(lang="ar"))), "remaining")
    assert bar_x(arabic, "2023") > bar_x(arabic, "2024")
    assert value_axis_x(arabic) > bar_x(arabic, "2023")
    assert 'direction="rtl"' in arabic
    # The value labels stand right of the axis, reading away from it.
    labels = re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="(\w+)" dominant', arabic)
    assert labels and all(float(x) > value_axis_x(arabic) for x, _ in labels)
    # Figures as UN Arabic documents write them: Western digits, grouped.
    assert "2,500,000" in arabic


def test_numbers_follow_the_language(client, sudan_page, reports):
    page = html(client.get(PAGE.format(lang="fr")))
    with translation.override("fr"):
        from django.utils.formats import get_format

        separator = get_format("THOUSAND_SEPARATOR")
    assert table_rows(chart(page, "remaining"))["2023"] == [f"2{separator}500{separator}000"]
    # The axis in km², with the French decimal comma.
    assert ">2,5</text>" in chart(page, "remaining")


# --- Cache and queries -------------------------------------------------------------------


def test_accepting_a_report_redraws_the_cached_article(
    client, sudan_page, sudan, pmn2, reports, django_capture_on_commit_callbacks
):
    """The article (with its charts) is kept in the fragment cache under a key that the
    acceptance of a report changes (publishing.receivers.report_changed)."""
    client.cookies["sessionid"] = "not-signed-in"  # past the page cache, to the fragment's
    url = PAGE.format(lang="en")
    assert "2025" not in chart(html(client.get(url)), "remaining")
    new = year_report(
        sudan,
        2025,
        pmn2,
        area_m2=1_990_000,
        cleared=140_000,
        casualties=[],
        stock=0,
        retained=250,
    )
    with django_capture_on_commit_callbacks(execute=True):
        accept(new)
    assert table_rows(chart(html(client.get(url)), "remaining"))["2025"] == ["1,990,000"]


def reports_for(state, mine_type, years):
    for year in years:
        accept(
            year_report(
                state,
                year,
                mine_type,
                area_m2=1_000_000 + year,
                cleared=year,
                casualties=[casualty("female", "child", 1), casualty("male", "adult", 2)],
                stock=year,
                retained=10,
                cover={"A": ("unchanged", year - 1)} if year > years[0] else None,
            )
        )


def test_query_count_does_not_grow_with_the_years(
    sudan, zimbabwe_state, pmn2, django_assert_max_num_queries
):
    reports_for(sudan, pmn2, [2023, 2024])
    reports_for(zimbabwe_state, pmn2, [2019, 2020, 2021, 2022, 2023])
    # Zimbabwe's 2024 says Form C and B are unchanged since 2023: followed back in memory.
    accept(
        build_report(
            zimbabwe_state, 2024, cover={"B": ("unchanged", 2023), "C": ("unchanged", 2023)}
        )
    )
    with CaptureQueriesContext(connection) as two_years:
        small = state_figures(sudan.pk)
    assert all(f.drawn for f in small)
    with django_assert_max_num_queries(len(two_years.captured_queries)):
        large = state_figures(zimbabwe_state.pk)
    remaining = next(f for f in large if f.key == "remaining")
    assert [year for year, _ in remaining.rows] == [2019, 2020, 2021, 2022, 2023, 2024]
    assert remaining.rows[-1][1] == remaining.rows[-2][1]
    assert len(two_years.captured_queries) <= 8


# --- The drawing -----------------------------------------------------------------------------


def test_nice_ticks():
    assert svg.ticks(33) == [0, 10, 20, 30, 40]
    assert svg.ticks(87) == [0, 20, 40, 60, 80, 100]
    assert svg.ticks(7) == [0, 2, 4, 6, 8]
    assert svg.ticks(3) == [0, 1, 2, 3]
    assert svg.ticks(0) == [0, 1]
    assert svg.ticks(2.45, integer=False) == [0, 0.5, 1.0, 1.5, 2.0, 2.5]
    assert svg.ticks(15.45, integer=False) == [0, 5, 10, 15, 20]
    assert svg.ticks(1_544_909) == [0, 500_000, 1_000_000, 1_500_000, 2_000_000]


def test_series_differ_by_more_than_colour():
    patterns = [style.pattern for style in svg.STYLES]
    dashes = [style.dash for style in svg.STYLES]
    markers = [style.marker for style in svg.STYLES]
    for marks in (patterns, dashes, markers):
        assert len(set(marks)) == len(marks)


def test_many_years_keep_their_labels_apart():
    years = [str(y) for y in range(1999, 2025)]
    drawing = svg.bar_chart(
        uid="t",
        title="T",
        desc="D",
        categories=years,
        series=[svg.Series("A", [1] * len(years))],
        fmt=str,
    )
    shown = re.findall(r'text-anchor="middle">(\d{4})</text>', drawing)
    assert shown[0] == "1999" and shown[-1] == "2024"
    assert 2 < len(shown) < len(years)
