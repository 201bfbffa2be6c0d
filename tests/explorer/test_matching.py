"""Needs meet offers, on data built to give known answers: a need of theme X in a State of
region Y is met by an offer covering X and Y, or X and that State; not by one covering X
and another region, nor by one covering another theme; never by a draft or unpublished
offer. Read from the derived index in a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from country_pages import matching
from country_pages.index_models import PublishedNeed, PublishedOffer
from country_pages.indexer import index_page
from country_pages.models import CountryPage
from tests.conftest import make_country
from tests.country_pages.offers_data import (
    needs_section,
    offer,
    offers_section,
    partnerships_section,
)
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def publish_offers(states_index, iso3, *offers):
    page = make_country(states_index, iso3, languages=(), body=[offers_section(*offers)])
    index_page(page)
    return page


@pytest.fixture
def known(states_index):
    """Sudan (Africa) needs clearance; Norway covers clearance in Africa, Germany clearance
    in Sudan itself, Japan clearance in Asia, Canada victim assistance in Africa; Sudan's
    partnerships section names Switzerland."""
    sudan = make_country(
        states_index,
        "SDN",
        languages=(),
        body=[needs_section("clearance"), partnerships_section("CHE")],
    )
    index_page(sudan)
    publish_offers(states_index, "NOR", offer("Norway: clearance", regions=["africa"]))
    publish_offers(states_index, "DEU", offer("Germany: clearance", countries=["SDN"]))
    publish_offers(states_index, "JPN", offer("Japan: clearance", regions=["asia"]))
    publish_offers(
        states_index,
        "CAN",
        offer("Canada: victim assistance", themes=["victim_assistance"], regions=["africa"]),
    )
    return sudan


def names(providers) -> list[str]:
    return [provider.name for provider in providers]


def test_a_need_is_met_by_its_theme_and_region_or_its_country_only(known):
    need = PublishedNeed.objects.select_related("source__state").get(source__page=known)
    matching.attach_to_needs([need], known.locale_id, "/en/states-parties/")
    assert names(need.match.offers) == ["Germany", "Norway"]
    assert names(need.match.partners) == ["Switzerland"]
    norway = next(p for p in need.match.offers if p.name == "Norway")
    assert norway.url.startswith("/en/states-parties/norway/#offer-")


def test_need_cards_list_matching_offers_and_partners_on_the_page_and_in_the_explorer(
    client, known
):
    for url in ("/en/states-parties/sudan/", "/en/needs-and-assistance/"):
        html = client.get(url).content.decode()
        matches = html.split('class="need-matches"')[1].split("</div>")[0]
        assert ">Germany</a>" in matches and ">Norway</a>" in matches, url
        assert "Japan" not in matches and "Canada" not in matches, url
        assert "Already active in this country:" in matches and "Switzerland" in matches


def test_each_offer_counts_the_needs_it_could_meet(client, known):
    for slug, expected in (("norway", 1), ("germany", 1), ("japan", 0), ("canada", 0)):
        html = client.get(f"/en/states-parties/{slug}/").content.decode()
        if expected == 1:
            assert "1 published need this offer could meet." in html, slug
        else:
            assert "0 published needs this offer could meet." in html, slug


def test_the_explorer_filtered_by_an_offer_lists_the_needs_it_could_meet(client, known):
    norway = PublishedOffer.objects.get(title="Norway: clearance")
    html = client.get(f"{reverse('explorer')}?offer={norway.block_id}").content.decode()
    assert "1 need shown." in html and "Norway: clearance" in html
    japan = PublishedOffer.objects.get(title="Japan: clearance")
    html = client.get(f"{reverse('explorer')}?offer={japan.block_id}").content.decode()
    assert "0 needs shown." in html


def test_a_state_s_offer_never_meets_its_own_need(states_index):
    page = make_country(
        states_index,
        "SDN",
        languages=(),
        body=[needs_section("clearance"), offers_section(offer("Ours", regions=["africa"]))],
    )
    index_page(page)
    need = PublishedNeed.objects.select_related("source__state").get()
    matching.attach_to_needs([need], page.locale_id, "/")
    assert need.match.offers == []


def test_draft_and_unpublished_offers_are_never_matched(client, states_index):
    sudan = make_country(states_index, "SDN", languages=(), body=[needs_section("clearance")])
    index_page(sudan)
    norway = make_country(states_index, "NOR", languages=(), body=[])
    norway = CountryPage.objects.get(pk=norway.pk)
    norway.body = [offers_section(offer("Draft offer", regions=["africa"]))]
    norway.save_revision()
    index_page(norway)
    germany = publish_offers(states_index, "DEU", offer("Withdrawn", regions=["africa"]))
    CountryPage.objects.get(pk=germany.pk).unpublish()
    index_page(germany)
    html = client.get("/en/states-parties/sudan/").content.decode()
    matches = html.split('class="need-matches"')[1].split("</div>")[0]
    assert "Norway" not in matches and "Germany" not in matches
    assert "none published yet." in matches


def test_an_organisations_offer_meets_needs_like_a_states(client, states_index):
    sudan = make_country(states_index, "SDN", languages=(), body=[needs_section("clearance")])
    index_page(sudan)
    organisation = OrganisationFactory(name="Demining NGO", acronym="DNGO")
    organisation.offers = [
        ("offer", {**offer("Deminers", regions=["africa"]), "illustrative": False})
    ]
    organisation.save()
    html = client.get("/en/states-parties/sudan/").content.decode()
    assert "Demining NGO (DNGO)" in html.split('class="need-matches"')[1]


def test_the_needs_offers_view_shows_counts_and_marks_gaps(client, known):
    from django.core.cache import cache

    html = client.get(reverse("needs_offers")).content.decode()
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    clearance = table.split("<tr>")[1]
    cells = clearance.split("<td")[1:]
    africa, asia = cells[0], cells[2]
    assert "1 need" in africa and "2 offers" in africa and "No offer" not in africa
    assert "0 needs" in asia and "1 offer" in asia
    assert "1 offer" in table.split("<tr>")[3].split("<td")[1]  # victim assistance, Africa
    # A need with no offer: marked in words, not only by colour, and listed.
    make_country(
        client_states_index(), "AGO", languages=(), body=[needs_section("stockpile_destruction")]
    )
    index_page(CountryPage.objects.get(state__iso3="AGO"))
    cache.clear()  # the invalidation runs after the commit, which a test never reaches
    html = client.get(reverse("needs_offers")).content.decode()
    assert "matching-cell--gap" in html and "No offer" in html
    gaps = html.split('id="gaps"')[1].split("</section>")[0]
    assert "Stockpile destruction in Africa: 1 need, no offer" in gaps


def client_states_index():
    from country_pages.models import StatesPartiesIndexPage

    return StatesPartiesIndexPage.objects.get(locale__language_code="en")


def test_the_explorer_links_to_the_needs_offers_view(client, known):
    html = client.get(reverse("explorer")).content.decode()
    assert f'href="{reverse("needs_offers")}"' in html


# --- Query counts ----------------------------------------------------------------------


def count_queries(client, url) -> int:
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def measure(client) -> dict[str, int]:
    return {
        "country page with needs": count_queries(client, "/en/states-parties/sudan/"),
        "country page with offers": count_queries(client, "/en/states-parties/norway/"),
        "explorer": count_queries(client, reverse("explorer")),
        "needs ↔ offers": count_queries(client, reverse("needs_offers")),
    }


def test_query_counts_do_not_grow_with_the_number_of_offers(client, states_index):
    from django.conf import settings

    sudan = make_country(
        states_index, "SDN", languages=(), body=[needs_section("clearance", "victim_assistance")]
    )
    index_page(sudan)
    norway = publish_offers(states_index, "NOR", offer("Offer 0", regions=["africa"]))
    organisation = OrganisationFactory(name="Demining NGO")

    def offer_count(count):
        page = CountryPage.objects.get(pk=norway.pk)
        page.body = [
            offers_section(
                *(
                    offer(f"Offer {n}", regions=["africa"], countries=["SDN", "AGO"])
                    for n in range(count)
                )
            )
        ]
        page.save_revision().publish()
        index_page(page)
        organisation.offers = [
            ("offer", {**offer(f"NGO offer {n}", regions=["africa"]), "illustrative": False})
            for n in range(count)
        ]
        organisation.save()
        assert PublishedOffer.objects.count() == 2 * count

    offer_count(1)
    with_one = measure(client)
    offer_count(100)
    with_hundred = measure(client)
    artifacts = settings.BASE_DIR / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "matching-queries.txt").write_text(
        "".join(
            f"{name}: {with_one[name]} queries with 1 offer per provider (2 in all), "
            f"{with_hundred[name]} with 100 per provider (200 in all)\n"
            for name in with_one
        ),
        encoding="utf-8",
    )
    assert with_one == with_hundred


def test_publishing_offers_or_needs_names_the_pages_on_the_other_side(known):
    """The page cache: an offer published makes the pages whose needs it could meet stale,
    and a need published the pages of offers (which count the needs)."""
    from country_pages.indexer import matching_slugs

    norway = CountryPage.objects.get(state__iso3="NOR")
    assert "sudan" in matching_slugs([norway.pk])
    assert {"norway", "germany", "japan", "canada"} <= matching_slugs([known.pk])
