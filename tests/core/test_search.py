"""Search in the visitor's language, with each language's own stemming on PostgreSQL."""

import pytest
from django.core.management import call_command
from django.db import connection

from tests.conftest import make_country, translate_now

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming is the PostgreSQL backend's"
)


def country_with_text(states_index, iso3, text, language_strings=None):
    body = [
        (
            "national_context",
            {"text": f"<p>{text}</p>", "casualties": [], "sdg_links": [], "tags": []},
        )
    ]
    page = make_country(states_index, iso3, languages=(), body=body)
    for language, translated in (language_strings or {}).items():
        strings = {
            ("title", page.title): translated["title"],
            (page.body[0].id and f"body.{page.body[0].id}.text", text): translated["text"],
        }
        translate_now(page, language, strings)
    call_command("update_index", verbosity=0)
    return page


@postgresql_only
def test_french_and_spanish_searches_find_inflected_forms(client, states_index):
    country_with_text(
        states_index,
        "SEN",
        "Land is cleared.",
        {
            "fr": {"title": "Sénégal", "text": "Les zones minées sont déminées."},
            "es": {"title": "Senegal", "text": "Las minas antipersonal fueron destruidas."},
        },
    )
    assert (
        "/fr/states-parties/senegal/"
        in client.get("/fr/search/", {"q": "zone minée"}).content.decode()
    )
    assert (
        "/es/states-parties/senegal/"
        in client.get("/es/search/", {"q": "mina destruida"}).content.decode()
    )
    # English stemming does not apply to French text.
    assert "senegal" not in client.get("/fr/search/", {"q": "zonage"}).content.decode()


def test_results_come_from_the_visitors_language_only(client, states_index):
    country_with_text(
        states_index,
        "SEN",
        "Demining teams.",
        {"fr": {"title": "Sénégal", "text": "Équipes de déminage."}},
    )
    french = client.get("/fr/search/", {"q": "Sénégal"}).content.decode()
    assert "/fr/states-parties/senegal/" in french and "/en/states-parties/senegal/" not in french


def test_chinese_search_matches_part_of_a_title(client, states_index):
    country_with_text(
        states_index, "SDN", "Mines.", {"zh-hans": {"title": "苏丹共和国", "text": "地雷。"}}
    )
    html = client.get("/zh-hans/search/", {"q": "苏丹"}).content.decode()
    assert "/zh-hans/states-parties/sudan/" in html


def test_empty_and_long_queries(client):
    assert client.get("/en/search/").status_code == 200
    response = client.get("/en/search/", {"q": "x" * 5000, "page": "abc"})
    assert response.status_code == 200
