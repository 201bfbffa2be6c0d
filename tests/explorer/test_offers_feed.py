"""The Atom feed of the offers of assistance (explorer.feeds.OffersFeed): valid against RFC
4287's schema in English, French and Arabic; the offers the needs ↔ offers view lists,
filtered by theme and region as that view counts them (a region named, or a country of it);
only offers of live, public pages and of the organisations' profiles; entry ids that
survive a republish and a new translation; a constant number of queries; refreshed by a
publish; linked, with the filters, from the needs ↔ offers view."""

import datetime as dt
from decimal import Decimal

import pytest
from wagtail.models import PageViewRestriction

from core.page_cache import LISTINGS, bump, group_of
from country_pages.index_models import PublishedOffer, PublishedPage
from country_pages.models import CountryPage, Organisation
from tests.conftest import make_country, translate_everything
from tests.country_pages.offers_data import offer, offers_section
from tests.explorer.test_feeds import (
    PUBLIC,
    feed_queries,
    head_feed_links,
    republish,
    visible_feed_links,
)
from tests.factories import OrganisationFactory
from tests.feeds.atom import XML_LANG, entries, text, valid_feed

pytestmark = pytest.mark.django_db

FEED = "/{lang}/feeds/offers/"
LANGUAGES = ["en", "fr", "ar"]
ARABIC_TITLE = "عروض المساعدة · اتفاقية حظر الألغام المضادة للأفراد"


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = PUBLIC


def dated(page, day: str) -> None:
    """Give a page's published offers a known date (its indexed publication, in every
    language)."""
    PublishedPage.objects.filter(translation_key=page.translation_key).update(
        last_published_at=dt.datetime.fromisoformat(f"{day}T10:00:00+00:00")
    )


def org_offer(title: str, **fields) -> tuple:
    return ("offer", {**offer(title, **fields), "illustrative": False})


@pytest.fixture
def offers(states_index):
    """Norway (in Europe, English and French): clearance in Africa, with every fact.
    Germany (an illustrative section): victim assistance in Sudan. Japan: stockpile
    destruction in Asia. An organisation: clearance in Angola. Oldest first."""
    norway = make_country(
        states_index,
        "NOR",
        languages=("fr",),
        body=[
            offers_section(
                offer(
                    "Land release",
                    regions=["africa"],
                    kinds=["funding", "technical_expertise"],
                    amount=Decimal("5000000"),
                    currency="EUR",
                    start_year=2025,
                    end_year=2027,
                    description="Support to national operators.",
                )
            )
        ],
    )
    germany = make_country(
        states_index,
        "DEU",
        languages=(),
        body=[
            offers_section(
                offer("Victim support", themes=["victim_assistance"], countries=["SDN"]),
                illustrative=True,
            )
        ],
    )
    japan = make_country(
        states_index,
        "JPN",
        languages=(),
        body=[
            offers_section(
                offer("Stockpile help", themes=["stockpile_destruction"], regions=["asia"])
            )
        ],
    )
    for page, day in ((norway, "2026-01-10"), (germany, "2026-02-10"), (japan, "2026-03-10")):
        dated(page, day)
    ngo = OrganisationFactory(name="Demining NGO", acronym="DNGO")
    ngo.offers = [org_offer("Deminers", countries=["AGO"])]
    ngo.save()
    PublishedOffer.objects.filter(organisation=ngo).update(
        updated_at=dt.datetime(2026, 4, 10, 10, tzinfo=dt.UTC)
    )
    return {"norway": norway, "germany": germany, "japan": japan, "ngo": ngo}


def titles(url: str, client) -> list[str]:
    return [e["title"] for e in entries(valid_feed(client.get(url)))]


def block_id(page) -> str:
    return PublishedOffer.objects.filter(source__page=page).get().block_id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_offers_feed_is_valid_atom_in_the_visitors_language(client, offers, lang):
    root = valid_feed(client.get(FEED.format(lang=lang)))
    assert root.get(XML_LANG) == lang
    assert text(root, "atom:link[@rel='self']/@href") == f"{PUBLIC}/{lang}/feeds/offers/"
    assert text(root, "atom:link[@rel='alternate']/@href") == (
        f"{PUBLIC}/{lang}/needs-and-offers/#offers"
    )
    found = entries(root)
    assert len(found) == 4
    assert all(e["id"].startswith("tag:mine-ban.example.org,2025:") for e in found)
    if lang == "ar":
        assert text(root, "atom:title") == ARABIC_TITLE
    if lang == "fr":  # Norway's French translation; the others in English, in its place
        # "Provider: offer" as French writes it (a non-breaking space before the colon).
        assert "Norvège\xa0: [fr] Land release" in {e["title"] for e in found}
        assert "Japon\xa0: Stockpile help" in {e["title"] for e in found}


def test_entries_name_the_provider_link_to_the_offer_and_list_its_facts(client, offers):
    found = entries(valid_feed(client.get(FEED.format(lang="en"))))
    # The most recently changed first: the organisation, then the pages by publication.
    assert [e["title"] for e in found] == [
        "Demining NGO (DNGO): Deminers",
        "Japan: Stockpile help",
        "Germany: Victim support (Illustrative)",
        "Norway: Land release",
    ]
    assert [e["updated"][:10] for e in found] == [
        "2026-04-10",
        "2026-03-10",
        "2026-02-10",
        "2026-01-10",
    ]
    ngo, _japan, germany, norway = found
    # A State's offer on its page, at the offer; an organisation's in the needs ↔ offers view.
    assert norway["link"] == (
        f"{PUBLIC}/en/states-parties/norway/#offer-{block_id(offers['norway'])}"
    )
    ngo_block = PublishedOffer.objects.get(organisation=offers["ngo"]).block_id
    assert ngo["link"] == f"{PUBLIC}/en/needs-and-offers/#offer-{ngo_block}"
    assert norway["summary"].split("\n") == [
        "Themes: Clearance.",
        "Regions of focus: Africa.",
        "Kinds of assistance: Funding, Technical expertise.",
        "Indicative amount: EUR 5,000,000.",
        "Years: 2025–2027.",
        "Support to national operators.",
    ]
    assert "Countries of focus: Sudan." in germany["summary"].split("\n")
    assert germany["summary"].startswith("Illustrative example, not official information.")
    assert "Countries of focus: Angola." in ngo["summary"].split("\n")
    # The links lead to the offers: each anchor is on the page it names.
    page = client.get(f"/en/states-parties/norway/#offer-{block_id(offers['norway'])}")
    assert f'id="offer-{block_id(offers["norway"])}"' in page.content.decode()
    assert f'id="offer-{ngo_block}"' in client.get("/en/needs-and-offers/").content.decode()


def test_the_feed_filters_by_theme_and_region_as_the_needs_offers_view_counts(client, offers):
    url = FEED.format(lang="en")
    assert titles(f"{url}?theme=clearance", client) == [
        "Demining NGO (DNGO): Deminers",
        "Norway: Land release",
    ]
    # A region named, or a country of it: Germany covers Sudan, the organisation Angola.
    assert titles(f"{url}?region=africa", client) == [
        "Demining NGO (DNGO): Deminers",
        "Germany: Victim support (Illustrative)",
        "Norway: Land release",
    ]
    assert titles(f"{url}?region=asia", client) == ["Japan: Stockpile help"]
    # Norway is in Europe, but offers nothing there.
    assert titles(f"{url}?region=europe", client) == []
    assert titles(f"{url}?theme=victim_assistance&region=africa", client) == [
        "Germany: Victim support (Illustrative)"
    ]
    assert titles(f"{url}?theme=clearance&region=asia", client) == []
    root = valid_feed(client.get(f"{url}?region=asia&theme=stockpile_destruction"))
    assert text(root, "atom:title").startswith("Offers of assistance — Stockpile destruction, Asia")
    assert text(root, "atom:link[@rel='self']/@href") == (
        f"{PUBLIC}/en/feeds/offers/?region=asia&theme=stockpile_destruction"
    )
    assert text(root, "atom:link[@rel='alternate']/@href") == (
        f"{PUBLIC}/en/needs-and-offers/?region=asia&theme=stockpile_destruction#offers"
    )


def test_filters_it_does_not_understand_are_ignored_and_never_cached(client, offers):
    response = client.get("/en/feeds/offers/?theme=atlantis&tag=x")
    assert len(entries(valid_feed(response))) == 4
    assert response["X-Page-Cache"] == "bypass"


def test_no_offer_of_a_draft_an_unpublished_or_a_restricted_page(client, offers):
    norway = CountryPage.objects.get(pk=offers["norway"].pk)
    norway.body = [offers_section(offer("Draft offer", regions=["africa"]))]
    norway.save_revision()  # a draft only
    PageViewRestriction.objects.create(
        page=offers["japan"], restriction_type=PageViewRestriction.PASSWORD, password="p-feed"
    )
    CountryPage.objects.get(pk=offers["germany"].pk).unpublish()
    bump("all")
    expected = {
        "en": ["Demining NGO (DNGO): Deminers", "Norway: Land release"],
        "fr": ["Demining NGO (DNGO)\xa0: Deminers", "Norvège\xa0: [fr] Land release"],
        "ar": ["Demining NGO (DNGO): Deminers", "النرويج: Land release"],
    }
    for lang in LANGUAGES:
        assert titles(FEED.format(lang=lang), client) == expected[lang]


def test_entry_ids_survive_a_republish_and_a_new_translation(client, offers):
    url = FEED.format(lang="en")
    before = {e["title"]: e for e in entries(valid_feed(client.get(url)))}
    arabic = entries(valid_feed(client.get("/ar/feeds/offers/")))
    (japan_id,) = [e["id"] for e in arabic if e["title"].endswith(": Stockpile help")]
    republish(offers["norway"])
    ngo = Organisation.objects.get(pk=offers["ngo"].pk)
    ngo.save()  # saved unchanged: not announced again
    bump("all")
    after = {e["title"]: e for e in entries(valid_feed(client.get(url)))}
    assert {t: e["id"] for t, e in after.items()} == {t: e["id"] for t, e in before.items()}
    assert len({e["id"] for e in after.values()}) == 4
    # Norway's offer republished is the newest; the organisation's keeps its date.
    assert list(after)[0] == "Norway: Land release"
    assert after["Norway: Land release"]["updated"] > before["Norway: Land release"]["updated"]
    ngo_title = "Demining NGO (DNGO): Deminers"
    assert after[ngo_title]["updated"] == before[ngo_title]["updated"]
    # The organisation's offer changed: the same entry, dated anew.
    item = ngo.offers[0]
    item.value["amount"], item.value["currency"] = Decimal("1000"), "USD"
    ngo.save()
    bump("all")
    changed = {e["title"]: e for e in entries(valid_feed(client.get(url)))}
    assert changed[ngo_title]["id"] == before[ngo_title]["id"]
    assert changed[ngo_title]["updated"] > before[ngo_title]["updated"]
    assert "Indicative amount: USD 1,000." in changed[ngo_title]["summary"]
    # Japan's page translated into Arabic: its entry in the Arabic feed is the same one.
    translate_everything(offers["japan"], "ar")
    bump("all")
    now_arabic = {e["id"]: e["title"] for e in entries(valid_feed(client.get("/ar/feeds/offers/")))}
    assert now_arabic[japan_id] == "اليابان: [ar] Stockpile help"


# --- Query counts ---------------------------------------------------------------------------

# The site, locale and index lookups every public view makes, the offers, the States
# they name, and the States Parties index the links are under.
OFFERS_FEED_QUERIES = 7


def test_feed_queries_do_not_grow_with_its_entries(
    client, states_index, django_assert_max_num_queries
):
    url = FEED.format(lang="en")
    norway = make_country(
        states_index, "NOR", languages=(), body=[offers_section(offer("Offer", countries=["SDN"]))]
    )
    bump("all")
    assert len(entries(valid_feed(client.get(url)))) == 1
    one = feed_queries(client, url)
    # Ten offers on the page, ten in an organisation's profile.
    page = CountryPage.objects.get(pk=norway.pk)
    page.body = [
        offers_section(*(offer(f"Offer {n}", countries=["SDN", "AGO"]) for n in range(10)))
    ]
    page.save_revision().publish()
    ngo = OrganisationFactory(name="Demining NGO")
    ngo.offers = [org_offer(f"NGO offer {n}", countries=["AGO"]) for n in range(10)]
    ngo.save()
    bump("all")
    assert len(entries(valid_feed(client.get(url)))) == 20
    twenty = feed_queries(client, url)
    assert one == twenty
    bump("all")
    with django_assert_max_num_queries(OFFERS_FEED_QUERIES):
        client.get(url)


# --- The page cache ------------------------------------------------------------------------


def test_the_feed_is_a_listing_refreshed_by_a_publish_and_an_organisations_change(
    client, offers, django_capture_on_commit_callbacks
):
    url = FEED.format(lang="fr")
    assert group_of(url) == LISTINGS
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        republish(offers["japan"])
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert entries(valid_feed(response))[0]["title"] == "Japon\xa0: Stockpile help"
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        ngo = Organisation.objects.get(pk=offers["ngo"].pk)
        ngo.offers = [org_offer("Deminers and dogs", countries=["AGO"])]
        ngo.save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert entries(valid_feed(response))[0]["title"] == "Demining NGO (DNGO)\xa0: Deminers and dogs"


# --- Linked from the needs ↔ offers view ----------------------------------------------------


def test_the_needs_offers_view_links_to_the_feed_of_its_filters(client, offers):
    html = client.get("/en/needs-and-offers/").content.decode()
    assert head_feed_links(html) == visible_feed_links(html) == ["/en/feeds/offers/"]
    html = client.get("/ar/needs-and-offers/?region=africa&theme=clearance").content.decode()
    feed = "/ar/feeds/offers/?region=africa&amp;theme=clearance"
    assert head_feed_links(html) == visible_feed_links(html) == [feed]
    # A filter the view does not understand is not passed on.
    html = client.get("/en/needs-and-offers/?theme=atlantis").content.decode()
    assert head_feed_links(html) == visible_feed_links(html) == ["/en/feeds/offers/"]
    assert "Some filters were not understood and were ignored." in html


def test_the_needs_offers_view_lists_the_offers_its_feed_lists(client, offers):
    for query in ("", "?region=africa", "?theme=clearance", "?region=asia", "?region=europe"):
        html = client.get(f"/en/needs-and-offers/{query}").content.decode()
        listed = html.split('id="offers"')[1].split("</section>")[0]
        shown = {
            title
            for title in ("Land release", "Victim support", "Stockpile help", "Deminers")
            if f">{title}</h3>" in listed
        }
        in_feed = {
            title.split(": ", 1)[1].removesuffix(" (Illustrative)")
            for title in titles(f"/en/feeds/offers/{query}", client)
        }
        assert shown == in_feed
        count = len(shown)
        assert f"{count} offer{'' if count == 1 else 's'} shown." in listed
    # The table of needs and offers still counts every offer.
    html = client.get("/en/needs-and-offers/?region=asia").content.decode()
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    # Clearance in Africa: Norway's offer and the organisation's (in Angola).
    assert "2 offers" in table.split("<tr>")[1].split("<td")[1]
