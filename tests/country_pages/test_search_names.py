"""A State's page is found by the State's name in every language, the exact name first,
with a snippet: "苏丹" found only South Sudan, "津巴布韦" nothing, and "Sudan" ranked
South Sudan first."""

import re

import pytest
from django.core.management import call_command

from country_pages.search_names import normalise, snippet, states_named
from registry.models import StateParty
from tests.conftest import make_country

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh-hans")


def body(text):
    return [
        (
            "national_context",
            {"text": f"<p>{text}</p>", "casualties": [], "sdg_links": [], "tags": []},
        )
    ]


@pytest.fixture
def countries(states_index):
    pages = {}
    for iso3, text in (
        ("SDN", "Mines block the roads to Kassala."),
        ("SSD", "Sudan and South Sudan share a contaminated border."),
        ("ZWE", "Minefields along the border with Mozambique."),
    ):
        pages[iso3] = make_country(states_index, iso3, languages=LANGUAGES[1:], body=body(text))
    call_command("update_index", verbosity=0)
    return pages


def result_links(html):
    return re.findall(r'<h2><a href="([^"]+)">', html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_state_is_found_by_its_name_in_each_language(client, countries, language):
    for iso3, slug in (("SDN", "sudan"), ("SSD", "south-sudan"), ("ZWE", "zimbabwe")):
        name = StateParty.objects.get(iso3=iso3).name_in(language)
        html = client.get(f"/{language}/search/", {"q": name}).content.decode()
        links = result_links(html)
        assert links, (language, name)
        # The exact name first: "Sudan" is Sudan, not South Sudan.
        assert links[0] == f"/{language}/states-parties/{slug}/", (language, name, links)
        # With a snippet of the page.
        first = html.split('<ol class="search-results">')[1].split("</li>")[0]
        assert 'class="search-results__snippet"' in first, (language, name)


def test_chinese_names_of_sudan_and_zimbabwe(client, countries):
    html = client.get("/zh-hans/search/", {"q": "苏丹"}).content.decode()
    links = result_links(html)
    assert links[:2] == ["/zh-hans/states-parties/sudan/", "/zh-hans/states-parties/south-sudan/"]
    html = client.get("/zh-hans/search/", {"q": "津巴布韦"}).content.decode()
    assert result_links(html)[0] == "/zh-hans/states-parties/zimbabwe/"


def test_a_name_in_another_language_finds_the_page_in_the_visitors_language(client, countries):
    html = client.get("/fr/search/", {"q": "Zimbabwe"}).content.decode()
    assert result_links(html)[0] == "/fr/states-parties/zimbabwe/"
    html = client.get("/ru/search/", {"q": "السودان"}).content.decode()
    assert result_links(html)[0] == "/ru/states-parties/sudan/"


def test_a_word_of_the_text_shows_where_it_occurs(client, countries):
    html = client.get("/en/search/", {"q": "Kassala"}).content.decode()
    assert "<mark>Kassala</mark>" in html


def test_name_matching_ignores_case_and_accents():
    assert normalise("CÔTE D’IVOIRE") == normalise("cote d'ivoire")
    ranked = [state.iso3 for state in states_named("sudan")]
    assert ranked[:2] == ["SDN", "SSD"]
    assert snippet("Mines block the roads.", "roads") == ("Mines block the ", "roads", ".")
