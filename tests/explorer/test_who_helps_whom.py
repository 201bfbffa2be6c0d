"""Who helps whom, on data built to give known answers: Zimbabwe (Africa) names Norway
(land release) and Japan (capacity building) in its partnerships section, Sri Lanka (Asia)
names Japan (land release) in a section marked illustrative. A link is shown for its theme
and region and not for others, in the diagram and in the table; never from a page that is
restricted or unpublished. Read from the derived index in a constant number of queries."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from core import page_cache
from country_pages.indexer import index_page
from country_pages.models import CountryPage
from explorer import diagram_svg, who_helps_whom
from registry.models import StateParty
from tests.conftest import make_country
from tests.country_pages.offers_data import partnerships_section

pytestmark = pytest.mark.django_db

URL = "/{lang}/who-helps-whom/"


def assisting(*donors, illustrative=False) -> tuple:
    """A partnerships section naming `donors`: (ISO3, themes (tag slugs), support)."""
    name, value = partnerships_section(*(iso3 for iso3, _themes, _support in donors))
    # No partnership under Action #21: an absent list is given a blank default one.
    value = {"action21": [], **value, "illustrative": illustrative}
    for item, (_iso3, themes, support) in zip(value["assisting_states"], donors, strict=True):
        item.update(themes=list(themes), support=support)
    return name, value


def publish(states_index, iso3, *donors, illustrative=False):
    page = make_country(
        states_index, iso3, languages=(), body=[assisting(*donors, illustrative=illustrative)]
    )
    index_page(page)
    return page


@pytest.fixture
def known(states_index):
    publish(
        states_index,
        "ZWE",
        ("NOR", ["land-release"], "Funds clearance of minefields in the north-east."),
        ("JPN", ["capacity-building"], "Trains the national authority's staff."),
    )
    publish(
        states_index,
        "LKA",
        ("JPN", ["land-release"], "Provides mechanical clearance equipment."),
        illustrative=True,
    )


def get(client, query: str = "", lang: str = "en") -> str:
    cache.clear()  # the invalidation after a publish runs after a commit, never in a test
    response = client.get(URL.format(lang=lang) + query)
    assert response.status_code == 200
    return response.content.decode()


def diagram(html: str) -> str:
    return html.split("<svg", 1)[1].split("</svg>", 1)[0] if "<svg" in html else ""


def table(html: str) -> str:
    return html.split('class="data-table whw-table"', 1)[1].split("</table>", 1)[0]


def line_titles(html: str) -> set[str]:
    """The tooltips of the diagram's lines (one per link)."""
    return set(re.findall(r'<path class="whw-diagram__link"[^>]*><title>([^<]*)</title>', html))


def rows(html: str) -> set[tuple[str, str]]:
    """(assisting State, State supported) of each row of the table."""
    found = set()
    for group in table(html).split("<tbody>")[1:]:
        donor = re.search(r'<th scope="rowgroup"[^>]*>([^<]*)</th>', group)[1]
        recipients = re.findall(r'"whw-table__recipient"><a href="[^"]*">([^<]*)</a>', group)
        found.update((donor, recipient) for recipient in recipients)
    return found


NOR_ZWE = "Norway → Zimbabwe: Land release"
JPN_ZWE = "Japan → Zimbabwe: Capacity building"
JPN_LKA = "Japan → Sri Lanka: Land release (Illustrative)"


def test_every_link_is_drawn_and_listed_with_its_themes(client, known):
    html = get(client)
    assert line_titles(html) == {NOR_ZWE, JPN_ZWE, JPN_LKA}
    assert rows(html) == {("Norway", "Zimbabwe"), ("Japan", "Zimbabwe"), ("Japan", "Sri Lanka")}
    assert "3 links between States. Assisting States: 2. States supported: 2." in html
    # The State with the most links first in its column.
    drawing = diagram(html)
    assert drawing.index(">Japan<") < drawing.index(">Norway<")
    assert "Funds clearance of minefields in the north-east." in table(html)
    assert '<li class="tag">Capacity building</li>' in table(html)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?tag=land-release", {NOR_ZWE, JPN_LKA}),
        ("?tag=capacity-building", {JPN_ZWE}),
        ("?region=africa", {NOR_ZWE, JPN_ZWE}),
        ("?region=asia", {JPN_LKA}),
        ("?tag=land-release&region=asia", {JPN_LKA}),
        ("?region=europe", set()),
    ],
)
def test_a_link_is_shown_for_its_theme_and_region_only(client, known, query, expected):
    html = get(client, query)
    assert line_titles(html) == expected
    if expected:
        assert rows(html) == {tuple(t.split(":")[0].split(" → ")) for t in expected}
    else:
        assert "whw-table" not in html and "<svg" not in html
        assert "No assistance between States matches these filters." in html


def test_illustrative_links_are_marked_and_dashed(client, known):
    html = get(client)
    assert 'class="illustrative-note"' in html
    sri_lanka = table(html).split(">Sri Lanka</a>")[1].split("</td>")[0]
    zimbabwe = table(html).split(">Zimbabwe</a>")[1].split("</td>")[0]
    assert 'class="illustrative-mark"' in sri_lanka
    assert 'class="illustrative-mark"' not in zimbabwe
    paths = re.findall(r'<path class="whw-diagram__link"([^>]*)><title>([^<]*)</title>', html)
    dashed = {title for attributes, title in paths if "stroke-dasharray" in attributes}
    assert dashed == {JPN_LKA}
    assert "Dashed lines are illustrative examples." in html
    # Without illustrative links, no notice.
    assert 'class="illustrative-note"' not in get(client, "?region=africa")


def test_the_supported_state_links_to_its_page(client, known):
    html = get(client)
    assert '<a href="/en/states-parties/zimbabwe/#partnerships">Zimbabwe</a>' in table(html)
    assert '<a href="/fr/states-parties/zimbabwe/#partnerships">' in get(client, lang="fr")


def test_restricted_or_unpublished_pages_assistance_is_never_shown(client, known, states_index):
    angola = publish(states_index, "AGO", ("DEU", ["land-release"], "Restricted support."))
    PageViewRestriction.objects.create(
        page=angola, restriction_type=PageViewRestriction.PASSWORD, password="who-pass"
    )
    index_page(angola)
    senegal = publish(states_index, "SEN", ("FRA", ["land-release"], "Withdrawn support."))
    CountryPage.objects.get(pk=senegal.pk).unpublish()
    index_page(senegal)
    html = get(client)
    for hidden in ("Germany", "Angola", "France", "Senegal", "Restricted", "Withdrawn"):
        assert hidden not in diagram(html) and hidden not in table(html), hidden
    assert len(line_titles(html)) == 3


def test_bad_filter_values_are_ignored_not_an_error(client, known):
    cache.clear()
    response = client.get(URL.format(lang="en") + "?tag=atlantis&region=%27;drop")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some filters were not understood and were ignored." in html
    assert line_titles(html) == {NOR_ZWE, JPN_ZWE, JPN_LKA}
    # Served, never stored: made-up parameters cannot fill the cache.
    assert response["X-Page-Cache"] == "bypass"
    assert client.get(URL.format(lang="en") + "?region=africa")["X-Page-Cache"] == "miss"


def test_the_page_is_in_the_listings_cache_group_every_publish_refreshes():
    for lang in ("en", "ar", "zh-hans"):
        assert page_cache.group_of(URL.format(lang=lang)) == page_cache.LISTINGS


def test_in_arabic_the_assisting_states_stand_on_the_right(client, known):
    html = get(client, lang="ar")
    drawing = diagram(html)
    assert 'direction="rtl"' in drawing
    norway, zimbabwe = (StateParty.objects.get(iso3=iso3).name_ar for iso3 in ("NOR", "ZWE"))
    assert f">{norway}<" in drawing and f">{zimbabwe}<" in drawing

    def dot_x(name: str) -> float:
        label = drawing.split(f">{name}</tspan></text>")[1]
        return float(re.match(r'<circle cx="([\d.]+)"', label)[1])

    assert dot_x(norway) > diagram_svg.WIDTH / 2 > dot_x(zimbabwe)
    assert f"{norway} ← {zimbabwe}" in html
    # The support text is the English page's (no Arabic version): marked as English.
    assert '<span lang="en" dir="ltr">Funds clearance of minefields' in html


def test_too_many_links_to_draw_says_so_and_keeps_the_table(client, known, monkeypatch):
    monkeypatch.setattr(who_helps_whom, "MAX_LINKS", 2)
    html = get(client)
    assert "<svg" not in html
    assert "With 3 links, the diagram would be too dense to read." in html
    assert len(rows(html)) == 3
    assert line_titles(get(client, "?region=africa")) == {NOR_ZWE, JPN_ZWE}


def test_the_explorer_and_the_needs_offers_view_link_here(client, known):
    for name in ("explorer", "needs_offers"):
        cache.clear()
        html = client.get(reverse(name)).content.decode()
        assert f'href="{reverse("who_helps_whom")}"' in html, name


# --- The drawing ---------------------------------------------------------------------------


def test_long_names_wrap_within_their_column_and_the_longest_are_shortened():
    lines = diagram_svg.wrap("United Kingdom of Great Britain and Northern Ireland")
    assert lines == ["United Kingdom of", "Great Britain and", "Northern Ireland"]
    russian = "Соединенное Королевство Великобритании и Северной Ирландии"
    shortened = diagram_svg.wrap(russian)
    assert len(shortened) == 3 and shortened[-1].endswith("…")
    assert all(diagram_svg.text_width(line) <= diagram_svg.LABEL_WIDTH for line in shortened)
    # Chinese has no spaces: it breaks between characters.
    chinese = diagram_svg.wrap("大不列颠及北爱尔兰联合王国")
    assert len(chinese) == 2 and "".join(chinese) == "大不列颠及北爱尔兰联合王国"
    # A shortened name keeps its whole name in a tooltip.
    svg = diagram_svg.bipartite(
        uid="t",
        title="T",
        desc="D",
        headings=("A", "B"),
        sources=[diagram_svg.Node(1, russian)],
        targets=[diagram_svg.Node(2, "Zimbabwe")],
        links=[diagram_svg.Link(1, 2, "x")],
    )
    assert f"<g><title>{russian}</title>" in svg


def test_the_drawing_grows_with_the_number_of_names():
    def height(count: int) -> float:
        svg = diagram_svg.bipartite(
            uid="t",
            title="T",
            desc="D",
            headings=("A", "B"),
            sources=[diagram_svg.Node(n, f"State {n}") for n in range(count)],
            targets=[diagram_svg.Node(100, "Zimbabwe")],
            links=[diagram_svg.Link(n, 100, "x") for n in range(count)],
        )
        return float(re.search(r'viewBox="0 0 \d+ ([\d.]+)"', svg)[1])

    assert height(40) > 4 * height(5) > 0


# --- Query counts -------------------------------------------------------------------------


def count_queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_the_number_of_links(client, states_index):
    zimbabwe = publish(states_index, "ZWE", ("NOR", ["land-release"], "One."))

    def measure() -> dict[str, int]:
        return {
            url: count_queries(client, url)
            for url in (
                URL.format(lang="en"),
                URL.format(lang="ar"),
                URL.format(lang="en") + "?tag=land-release&region=africa",
            )
        }

    with_one = measure()
    assert "1 link between States." in get(client)
    donors = list(
        StateParty.objects.exclude(iso3__in=["ZWE", "AGO", "SDN"]).values_list("iso3", flat=True)[
            :40
        ]
    )
    page = CountryPage.objects.get(pk=zimbabwe.pk)
    page.body = [assisting(*((iso3, ["land-release"], f"Support {iso3}.") for iso3 in donors))]
    page.save_revision().publish()
    index_page(page)
    publish(states_index, "AGO", *((iso3, ["land-release"], "") for iso3 in donors[:30]))
    publish(states_index, "SDN", *((iso3, [], "") for iso3 in donors[10:35]))
    assert "95 links between States." in get(client)
    assert with_one == measure()
