"""The demonstration's offers of assistance: five donor States and two organisations, all
marked illustrative, matched with the demo's needs, loaded once."""

import pytest

from country_pages.index_models import PublishedOffer
from demo.loader import DemoReport
from demo.offers import DONOR_OFFERS, ensure_donor_offers, ensure_organisation_offers
from demo.pages import ensure_full_pages, ensure_organisations

pytestmark = pytest.mark.django_db


def test_five_donors_and_two_organisations_offer_assistance(client, states_index):
    report = DemoReport()
    ensure_full_pages(states_index, report)
    ensure_donor_offers(states_index, report)
    ensure_organisation_offers(ensure_organisations(report))
    from_pages = PublishedOffer.objects.filter(source__locale__language_code="en")
    assert set(from_pages.values_list("source__state__iso3", flat=True)) == set(DONOR_OFFERS)
    assert len(DONOR_OFFERS) >= 5
    from_organisations = PublishedOffer.objects.filter(organisation__isnull=False)
    assert from_organisations.values("organisation").distinct().count() == 2
    assert not PublishedOffer.objects.filter(illustrative=False).exists()
    # The demo's needs meet some of these offers.
    html = client.get("/en/states-parties/zimbabwe/").content.decode()
    assert "Offers that could meet this need:" in html and ">Norway</a>" in html
    html = client.get("/en/states-parties/norway/").content.decode()
    assert "Offers of assistance" in html and "published needs this offer could meet" in html

    again = DemoReport()
    ensure_donor_offers(states_index, again)
    ensure_organisation_offers(ensure_organisations(again))
    assert again.created == []
    assert PublishedOffer.objects.filter(organisation__isnull=False).count() == 2
