"""Offers of assistance on the country pages and in the organisations' profiles: what the
editor accepts, what the derived index records (published offers only), what visitors
see, and who may edit them."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from country_pages import blocks, figures
from country_pages.index_models import PublishedOffer
from country_pages.indexer import index_organisation, index_page
from country_pages.models import CountryPage
from registry.models import StateParty
from tests.admin_forms import page_form_data
from tests.conftest import login, make_country
from tests.factories import OrganisationFactory

from .offers_data import needs_section, offer, offers_section

pytestmark = pytest.mark.django_db


def clean(block, raw):
    return block.clean(block.to_python(raw))


def errors_of(block, raw) -> set:
    with pytest.raises(ValidationError) as caught:
        clean(block, raw)
    return set(getattr(caught.value, "block_errors", {}))


def raw_offer(**fields) -> dict:
    return {
        "title": "Clearance support",
        "themes": ["clearance"],
        "regions": ["africa"],
        "countries": [],
        "kinds": ["funding"],
        "amount": None,
        "currency": "",
        "start_year": None,
        "end_year": None,
        "description": "",
        "contact": "",
        "contact_url": "",
        **fields,
    }


# --- The editor ------------------------------------------------------------------------


def test_an_offer_needs_a_region_or_a_country_of_focus():
    assert "regions" in errors_of(blocks.OfferBlock(), raw_offer(regions=[]))
    sudan = StateParty.objects.get(iso3="SDN")
    clean(blocks.OfferBlock(), raw_offer(regions=[], countries=[sudan.pk]))
    clean(blocks.OfferBlock(), raw_offer())


def test_an_amount_needs_a_currency_and_years_must_be_in_order():
    assert "currency" in errors_of(blocks.OfferBlock(), raw_offer(amount="5000000"))
    assert "end_year" in errors_of(blocks.OfferBlock(), raw_offer(start_year=2026, end_year=2024))
    assert "start_year" in errors_of(blocks.OfferBlock(), raw_offer(start_year=1850))
    clean(blocks.OfferBlock(), raw_offer(amount="5000000", currency="EUR", start_year=2025))


def test_offers_themes_are_the_themes_of_needs():
    themes = [name for name, _label in blocks.offer_theme_choices()]
    assert themes == list(blocks.NeedsStreamBlock().child_blocks)


def test_offers_are_a_section_of_the_page_once_at_most():
    body = CountryPage.body.field.stream_block
    assert isinstance(body.child_blocks["offers"], blocks.OffersBlock)
    assert body.meta.block_counts["offers"] == {"max_num": 1}


def test_the_offers_figures_are_kept_equal_across_languages_and_their_words_translated(
    states_index,
):
    page = make_country(
        states_index,
        "NOR",
        languages=(),
        body=[offers_section(offer("Clearance", regions=["africa"], countries=["SDN"]))],
    )
    paths = figures.body_figures(page)
    assert any(path.endswith(".themes") for path in paths)
    assert any(path.endswith(".regions") for path in paths)
    assert any(".countries/" in path for path in paths)
    assert not any(path.endswith(".title") or path.endswith(".description") for path in paths)


# --- The index -------------------------------------------------------------------------


def test_published_offers_are_indexed_one_row_each(states_index):
    page = make_country(
        states_index,
        "NOR",
        languages=("fr",),
        body=[
            offers_section(
                offer(
                    "Clearance in Africa",
                    regions=["africa"],
                    amount=Decimal("20000000"),
                    currency="NOK",
                    start_year=2025,
                    end_year=2027,
                ),
                offer("Victim assistance", themes=["victim_assistance"], countries=["SDN"]),
            )
        ],
    )
    index_page(page)
    rows = list(PublishedOffer.objects.filter(source__page=page))
    assert [row.title for row in rows] == ["Clearance in Africa", "Victim assistance"]
    assert rows[0].regions == ["africa"] and rows[0].amount == Decimal("20000000")
    assert rows[1].countries == [StateParty.objects.get(iso3="SDN").pk]
    # The French version has its own rows, with the same figures.
    french = CountryPage.objects.get(state__iso3="NOR", locale__language_code="fr")
    index_page(french)
    assert sorted(
        PublishedOffer.objects.filter(source__page=french).values_list("themes", flat=True)
    ) == sorted([["clearance"], ["victim_assistance"]])


def test_draft_and_unpublished_offers_are_not_indexed(states_index):
    page = make_country(states_index, "NOR", languages=(), body=[])
    page = CountryPage.objects.get(pk=page.pk)
    page.body = [offers_section(offer("Only a draft", regions=["asia"]))]
    page.save_revision()  # in review, not published
    index_page(page)
    assert not PublishedOffer.objects.exists()
    page.get_latest_revision().publish()
    index_page(page)
    assert PublishedOffer.objects.filter(title="Only a draft").exists()
    CountryPage.objects.get(pk=page.pk).unpublish()
    index_page(page)
    assert not PublishedOffer.objects.exists()


def test_an_organisations_offer_profile_is_indexed_on_save(db):
    organisation = OrganisationFactory(name="Demining NGO")
    organisation.offers = [
        (
            "offer",
            {
                **offer("Training of deminers", themes=["clearance"], regions=["asia"]),
                "illustrative": True,
            },
        )
    ]
    organisation.save()
    row = PublishedOffer.objects.get(organisation=organisation)
    assert row.title == "Training of deminers" and row.illustrative
    organisation.offers = []
    organisation.save()
    assert not PublishedOffer.objects.filter(organisation=organisation).exists()
    assert index_organisation(organisation) == 0


# --- What visitors see -----------------------------------------------------------------


def test_the_offers_section_shows_each_offer_and_the_needs_it_could_meet(client, states_index):
    donor = make_country(
        states_index,
        "NOR",
        languages=(),
        body=[
            offers_section(
                offer(
                    "Clearance in Africa",
                    regions=["africa"],
                    amount=Decimal("2000000"),
                    currency="NOK",
                    contact="Section for humanitarian affairs",
                )
            )
        ],
    )
    sudan = make_country(states_index, "SDN", languages=(), body=[needs_section("clearance")])
    index_page(donor)
    index_page(sudan)
    html = client.get("/en/states-parties/norway/").content.decode()
    assert 'id="offers"' in html and "Offers of assistance" in html
    assert "Clearance in Africa" in html and "NOK 2,000,000" in html
    assert "Section for humanitarian affairs" in html
    assert "1 published need this offer could meet." in html
    block_id = PublishedOffer.objects.get(source__page=donor).block_id
    assert f"{reverse('explorer')}?offer={block_id}" in html


# --- Rights ----------------------------------------------------------------------------


def test_a_focal_point_of_another_state_cannot_edit_a_states_offers(client, states_index):
    """Offers are part of the page: Zimbabwe's focal point cannot touch Sudan's."""
    from django.contrib.auth.models import Group

    from tests.conftest import make_user

    page = make_country(
        states_index,
        "SDN",
        languages=(),
        body=[offers_section(offer("South–South", regions=["africa"]))],
    )
    fp_zimbabwe = make_user(Group.objects.get(name="Focal point — Zimbabwe").name)
    login(client, fp_zimbabwe)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(url).status_code in (302, 403, 404)
    data = page_form_data(page, body=[offers_section(offer("Hijacked", regions=["asia"]))])
    data["action-submit"] = "1"
    response = client.post(url, data)
    assert response.status_code in (302, 403, 404)
    page = CountryPage.objects.get(pk=page.pk)
    latest = page.get_latest_revision().as_object()
    assert latest.body[0].value["offers"][0]["title"] == "South–South"
    assert page.revisions.count() == 1
    assert not page.workflow_in_progress


def test_a_states_focal_point_edits_its_offers_through_the_isu_review(client, states_index):
    from tests.conftest import make_user

    page = make_country(
        states_index,
        "SDN",
        languages=(),
        body=[offers_section(offer("South–South", regions=["africa"]))],
    )
    fp_sudan = make_user("Focal point — Sudan")
    login(client, fp_sudan)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(url).status_code == 200
    data = page_form_data(page, body=[offers_section(offer("Training", regions=["africa"]))])
    data["action-submit"] = "1"
    assert client.post(url, data).status_code == 302
    page = CountryPage.objects.get(pk=page.pk)
    assert page.workflow_in_progress
    # Not live until the ISU approves: the index still has the published offer.
    index_page(page)
    assert list(PublishedOffer.objects.values_list("title", flat=True)) == ["South–South"]


def test_the_isu_keeps_an_organisations_offer_profile_in_the_snippet_editor(client, isu_user):
    organisation = OrganisationFactory(name="Demining NGO")
    login(client, isu_user)
    url = reverse("wagtailsnippets_country_pages_organisation:edit", args=[organisation.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Offers of assistance" in response.content.decode()
