"""The "Last update of the page" sort on the States Parties index, and the home page's
"Recently updated country pages": newest first in every language, judged on the version
the visitor reads there (their translation, or the one shown in its place), and a page
never published through a revision (no publication date: made by an import or a restore,
indexed by rebuild_explorer_index) last, on SQLite as on PostgreSQL."""

import datetime as dt
import re
from unittest import mock

import pytest
from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from country_pages import indexer
from country_pages.models import CountryPage
from registry.models import StateParty
from tests.conftest import SIMPLE_BODY, make_country, translate_everything
from tests.factories import published_country_page

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def at(day: str):
    moment = dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)
    return mock.patch.object(timezone, "now", return_value=moment)


@pytest.fixture
def pages_published_at_different_times(states_index):
    """Afghanistan published on 1 January, Sudan on 1 February (its French translation on
    1 April), Zimbabwe on 1 March; Albania's page live but never published through a
    revision (no date)."""
    with at("2025-01-01T09:00"):
        make_country(states_index, "AFG", languages=())
    with at("2025-02-01T09:00"):
        sudan = make_country(states_index, "SDN", languages=())
    with at("2025-03-01T09:00"):
        make_country(states_index, "ZWE", languages=())
    with at("2025-04-01T09:00"):
        translate_everything(sudan, "fr")
    albania = StateParty.objects.get(iso3="ALB")
    never = published_country_page(  # live, last_published_at None
        states_index, publish=False, state=albania, slug=slugify(albania.name_en), body=SIMPLE_BODY
    )
    indexer.index_page(never)
    assert CountryPage.objects.get(pk=never.pk).last_published_at is None


def listed_iso3(response) -> list[str]:
    return [listing.state.iso3 for listing in response.context["listings"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_sort_by_last_update_lists_the_newest_first_and_the_undated_last(
    client, pages_published_at_different_times, language
):
    response = client.get(f"/{language}/states-parties/", {"sort": "updated"})
    assert response.status_code == 200
    if language == "fr":
        # French readers read Sudan's French version, the newest of all.
        assert listed_iso3(response) == ["SDN", "ZWE", "AFG", "ALB"]
    else:
        assert listed_iso3(response) == ["ZWE", "SDN", "AFG", "ALB"]
    # The table shows them in that order (the names as the visitor's language has them).
    names = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', response.content.decode())
    assert names == [listing.state.name for listing in response.context["listings"]]


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_home_page_lists_the_most_recently_updated_first(
    client, pages_published_at_different_times, language
):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    updated = [listing.state.iso3 for listing in response.context["recently_updated"]]
    # Albania's page has no date: it was never updated, so not "recently".
    if language == "fr":
        assert updated == ["SDN", "ZWE", "AFG"]
    else:
        assert updated == ["ZWE", "SDN", "AFG"]
