"""Illustrative demo content carries the same small mark wherever it appears (country
page, explorer), with one notice per page instead of a heavy notice in every section."""

from decimal import Decimal

import pytest

from country_pages.index_models import PublishedAssistance, PublishedNeed
from country_pages.indexer import index_page
from registry.models import StateParty
from tests.conftest import make_country

pytestmark = pytest.mark.django_db

MARK = 'class="illustrative-mark"'
NOTICE = 'class="illustrative-note"'


def body(illustrative):
    return [
        (
            "national_context",
            {
                "illustrative": illustrative,
                "text": "<p>Mines block the roads.</p>",
                "casualties": [],
                "sdg_links": [],
                "tags": [],
            },
        ),
        (
            "needs_and_challenges",
            {
                "illustrative": illustrative,
                "introduction": "",
                "needs": [
                    (
                        "clearance",
                        {
                            "description": "<p>Example fields to clear.</p>",
                            "funding_gap": Decimal("9500000"),
                            "currency": "USD",
                            "tags": [],
                        },
                    )
                ],
            },
        ),
        (
            "partnerships",
            {
                "illustrative": illustrative,
                "assisting_states": [
                    {
                        "state": StateParty.objects.get(iso3="NOR"),
                        "support": "Example support.",
                        "themes": [],
                    }
                ],
                "organisations": [],
                "projects": [],
                "stories": [],
            },
        ),
    ]


def test_illustrative_sections_have_one_notice_and_a_mark_each(client, states_index):
    page = make_country(states_index, "SDN", languages=(), body=body(True))
    index_page(page)
    html = client.get("/en/states-parties/sudan/").content.decode()
    assert html.count(NOTICE) == 1
    assert html.count(MARK) >= 3  # one per illustrative section (and one in the notice)
    assert "Illustrative example." not in html  # the old notice, repeated per section


def test_the_explorer_marks_illustrative_needs_and_assistance(client, states_index):
    page = make_country(states_index, "SDN", languages=(), body=body(True))
    index_page(page)
    assert PublishedNeed.objects.get(source__page=page).illustrative
    assert PublishedAssistance.objects.get(source__page=page).illustrative
    html = client.get("/en/needs-and-assistance/").content.decode()
    needs = html.split('id="needs"')[1].split('id="assistance"')[0]
    assistance = html.split('id="assistance"')[1]
    assert MARK in needs and MARK in assistance
    assert html.count(NOTICE) == 1
    # The donor's own page lists the assistance with the mark too.
    make_country(states_index, "NOR", languages=(), body=[])
    html = client.get("/en/states-parties/norway/").content.decode()
    assert MARK in html.split('id="assistance-given"')[1]


def test_official_content_has_no_mark(client, states_index):
    page = make_country(states_index, "SDN", languages=(), body=body(False))
    index_page(page)
    for url in ("/en/states-parties/sudan/", "/en/needs-and-assistance/"):
        html = client.get(url).content.decode()
        assert MARK not in html and NOTICE not in html
