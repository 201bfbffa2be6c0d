"""Partnerships under Action #21: written on the affected State's page, shown on its page
and on each partner's, confirmed by each partner State's focal point (and by nobody else,
by any URL), asked again when the terms change, in every language, from the derived index
in a constant number of queries."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import PageViewRestriction

from country_pages.blocks import Action21PartnershipBlock
from country_pages.models import CountryPage
from partnerships.models import PartnershipConfirmation, PublishedPartnership
from tests.conftest import login, make_country, make_user

from .data import partnership, partnerships_section, state

pytestmark = pytest.mark.django_db

ZIMBABWE = "/en/states-parties/zimbabwe/"
NORWAY = "/en/states-parties/norway/"


@pytest.fixture
def pages(states_index):
    """Zimbabwe's page states a partnership with Norway and Japan; the three have pages."""
    zimbabwe = make_country(
        states_index, "ZWE", languages=("fr",), body=[partnerships_section(partnership())]
    )
    norway = make_country(states_index, "NOR", languages=("fr",))
    japan = make_country(states_index, "JPN", languages=())
    return zimbabwe, norway, japan


@pytest.fixture
def fp_norway(db):
    return make_user("Focal point — Norway", email="fp.norway@example.org")


def row() -> PublishedPartnership:
    return PublishedPartnership.objects.get(locale__language_code="en")


def confirm_url(item: PublishedPartnership, iso3: str, action="partnership_confirm") -> str:
    return reverse(action, args=[item.translation_key, item.block_id, state(iso3).pk])


def detail_url(item: PublishedPartnership) -> str:
    return reverse("partnership", args=[item.translation_key, item.block_id])


def republish_with(page: CountryPage, change) -> None:
    """Republish the page's English version with its stored body changed by `change` (the
    blocks keep their ids, as in the editor)."""
    page = CountryPage.objects.get(pk=page.pk)
    raw = copy.deepcopy(list(page.body.raw_data))
    change(raw[0]["value"]["action21"][0]["value"])
    page.body = raw
    page.save_revision().publish()


def cold_queries(client, url: str) -> int:
    """The queries of rendering the page, once what every page reads once a process is
    warm, with nothing rendered before reused."""
    from django.core.cache import cache

    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


# --- Shown on both pages -----------------------------------------------------------------


def test_the_partnership_reads_on_the_affected_states_page_as_a_timeline(client, pages):
    html = text(client, ZIMBABWE)
    assert "Partnerships under Action #21" in html
    assert "Mine-free Zimbabwe by 2027" in html
    assert "ZIMAC sets priorities and accredits operators." in html
    # Neither partner has confirmed yet: said for each.
    assert html.count("Not confirmed by this partner yet") == 2
    # Targets with their latest progress, the age- and gender-sensitive one with its figures.
    assert "Release the Musengezi to Rwenya minefield." in html
    assert "Age- and gender-sensitive" in html and "Girls: <bdi>3,500</bdi>" in html
    assert 'progress-status--delayed">Delayed' in html  # the latest of target 1 (June 2026)
    # The timeline, year by year: Norway's 2025 commitment, Zimbabwe's 2026 one, the
    # progress of both years.
    timeline = html[html.index('class="timeline"') :]
    assert timeline.index(">2025<") < timeline.index("USD 1,500,000") < timeline.index(">2026<")
    assert timeline.index(">2026<") < timeline.index("Deploys two army demining teams.")
    assert "Progress on target 2" in timeline and "Target met" in timeline


def test_each_partners_page_shows_the_partnership_linked_to_the_affected_state(client, pages):
    html = text(client, NORWAY)
    assert "Partnerships under Action #21 with Norway as a partner" in html
    item = row()
    assert f'href="{ZIMBABWE}#partnership-{item.block_id}"' in html
    assert "Affected State: Zimbabwe" in html
    assert "Mine-free Zimbabwe by 2027" in text(client, "/en/states-parties/japan/")
    # A State that is not a partner shows no such section.
    sudan = make_country(pages[0].get_parent().specific, "SDN", languages=())
    assert sudan.live
    assert "as a partner" not in text(client, "/en/states-parties/sudan/")


def test_an_unpublished_or_restricted_page_takes_its_partnerships_away(
    client, pages, django_capture_on_commit_callbacks
):
    zimbabwe = pages[0]
    assert "Mine-free Zimbabwe" in text(client, NORWAY)  # and cached
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=zimbabwe, restriction_type=PageViewRestriction.LOGIN
        )
    assert not PublishedPartnership.objects.filter(locale__language_code="en").exists()
    assert "Mine-free Zimbabwe" not in text(client, NORWAY)
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert "Mine-free Zimbabwe" in text(client, NORWAY)
    with django_capture_on_commit_callbacks(execute=True):
        CountryPage.objects.get(pk=zimbabwe.pk).unpublish()
    assert "Mine-free Zimbabwe" not in text(client, NORWAY)


# --- Confirmation ------------------------------------------------------------------------


def test_a_partners_focal_point_confirms_and_both_pages_say_so_in_every_language(
    client, pages, fp_norway, django_capture_on_commit_callbacks
):
    # Both pages are cached before the confirmation: it must refresh them.
    for url in (ZIMBABWE, NORWAY, "/fr/states-parties/norway/"):
        client.get(url)
    item = row()
    login(client, fp_norway)
    listing = text(client, reverse("partnerships"))
    assert "Mine-free Zimbabwe by 2027" in listing and "your confirmation is awaited" in listing
    assert "Partnerships waiting for your State" in text(client, "/admin/")
    assert "Confirm on behalf of Norway" in text(client, detail_url(item))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_url(item, "NOR"))
    assert response.status_code == 302
    confirmation = PartnershipConfirmation.objects.get()
    assert (confirmation.state, confirmation.confirmed_by) == (state("NOR"), fp_norway)
    assert "Partnerships waiting for your State" not in text(client, "/admin/")
    client.logout()
    zimbabwe_html = text(client, ZIMBABWE)
    assert "✓ Confirmed on" in zimbabwe_html
    assert zimbabwe_html.count("Not confirmed by this partner yet") == 1  # Japan
    assert "✓ Confirmed on" in text(client, NORWAY)
    # The French versions: the partnership as translated, the same confirmation.
    for url in ("/fr/states-parties/zimbabwe/", "/fr/states-parties/norway/"):
        html = text(client, url)
        assert "[fr] Mine-free Zimbabwe by 2027" in html
        assert "✓ Confirmé le" in html and 'class="badge badge--confirmed"' in html


def test_changed_terms_ask_the_partner_again_progress_does_not(
    client, pages, fp_norway, django_capture_on_commit_callbacks
):
    item = row()
    login(client, fp_norway)
    client.post(confirm_url(item, "NOR"))
    client.logout()

    def report_progress(value):
        progress = value["targets"][0]["value"]["progress"]
        progress.append({"type": "item", "value": {**progress[-1]["value"], "date": "2026-11-20"}})

    with django_capture_on_commit_callbacks(execute=True):
        republish_with(pages[0], report_progress)
    assert "✓ Confirmed on" in text(client, ZIMBABWE)

    def raise_the_commitment(value):
        value["commitments"][0]["value"]["amount"] = "2500000"

    with django_capture_on_commit_callbacks(execute=True):
        republish_with(pages[0], raise_the_commitment)
    html = text(client, ZIMBABWE)
    assert "✓ Confirmed on" not in html
    assert "Confirmed earlier terms on" in html
    login(client, fp_norway)
    assert "your confirmation is awaited" in text(client, reverse("partnerships"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm_url(row(), "NOR"))
    client.logout()
    assert "✓ Confirmed on" in text(client, ZIMBABWE)


def test_a_partner_withdraws_its_confirmation(client, pages, fp_norway):
    item = row()
    login(client, fp_norway)
    client.post(confirm_url(item, "NOR"))
    response = client.post(confirm_url(item, "NOR", "partnership_withdraw"))
    assert response.status_code == 302
    assert not PartnershipConfirmation.objects.exists()


def test_nobody_confirms_for_a_state_they_do_not_serve(client, pages, fp_norway, fp_sudan):
    item = row()
    fp_zimbabwe = make_user("Focal point — Zimbabwe", email="fp.zw@example.org")
    isu = make_user("ISU", email="isu.member@example.org")
    attempts = [
        (fp_sudan, "NOR"),  # another State's partner
        (fp_sudan, "SDN"),  # their own State, not a partner
        (fp_zimbabwe, "NOR"),  # the affected State, for its partner
        (fp_zimbabwe, "ZWE"),  # the affected State, for itself
        (fp_norway, "JPN"),  # a partner, for the other partner
        (isu, "NOR"),  # the ISU: a State's word is its focal point's
    ]
    for user, iso3 in attempts:
        login(client, user)
        for action in ("partnership_confirm", "partnership_withdraw"):
            assert client.post(confirm_url(item, iso3, action)).status_code == 404, (user, iso3)
        client.logout()
    assert not PartnershipConfirmation.objects.exists()
    # Signed out: to the sign-in page.
    response = client.post(confirm_url(item, "NOR"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not PartnershipConfirmation.objects.exists()


def test_a_focal_point_sees_only_their_states_partnerships(client, pages, fp_sudan, fp_norway):
    item = row()
    login(client, fp_sudan)
    assert "Mine-free Zimbabwe" not in text(client, reverse("partnerships"))
    assert client.get(detail_url(item)).status_code == 404
    client.logout()
    fp_zimbabwe = make_user("Focal point — Zimbabwe", email="fp.zw@example.org")
    login(client, fp_zimbabwe)
    html = text(client, detail_url(item))
    assert "Mine-free Zimbabwe" in html and "Confirm on behalf of" not in html
    client.logout()
    isu = make_user("ISU", email="isu.member@example.org")
    login(client, isu)
    html = text(client, detail_url(item))
    assert "Mine-free Zimbabwe" in html and "Confirm on behalf of" not in html
    client.logout()
    nobody = make_user(email="nobody@example.org")
    login(client, nobody)
    assert client.get(reverse("partnerships")).status_code in (302, 403)


# --- The editor's checks -------------------------------------------------------------------


def errors_of(value) -> set[str]:
    block = Action21PartnershipBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(block.get_prep_value(block.normalize(value))))
    return set(raised.value.block_errors)


def test_the_editor_refuses_inconsistent_partnerships(db):
    # A commitment's amount without currency, a progress report dated in the future.
    value = partnership()
    value["commitments"][0]["currency"] = ""
    value["targets"][0]["progress"][0]["date"] = dt.date.today() + dt.timedelta(days=30)
    assert errors_of(value) == {"commitments", "targets"}
    # Ending before it starts, a partner listed twice.
    value = partnership(partners=("NOR", "NOR"))
    value["end_year"] = 2024
    assert errors_of(value) == {"end_year", "partners"}
    block = Action21PartnershipBlock()
    good = partnership()
    assert block.clean(block.to_python(block.get_prep_value(block.normalize(good))))


# --- Queries -------------------------------------------------------------------------------


def test_a_partners_page_takes_the_same_queries_for_one_partnership_or_five(client, states_index):
    make_country(states_index, "NOR", languages=())
    make_country(states_index, "ZWE", languages=(), body=[partnerships_section(partnership())])

    def count() -> int:
        return cold_queries(client, NORWAY)

    one = count()
    make_country(
        states_index,
        "SDN",
        languages=(),
        body=[partnerships_section(*(partnership(f"Partnership {n}") for n in range(4)))],
    )
    assert PublishedPartnership.objects.filter(partners__state__iso3="NOR").count() == 5
    assert count() == one


# --- The list across States ----------------------------------------------------------------


def test_the_list_of_partnerships_filters_by_state_and_region(client, pages, states_index):
    make_country(
        states_index,
        "SRB",
        languages=(),
        body=[partnerships_section(partnership("Serbia mine-free", partners=("DEU",)))],
    )
    everything = text(client, "/en/partnerships/")
    assert "Mine-free Zimbabwe by 2027" in everything and "Serbia mine-free" in everything
    assert "2 partnerships" in everything
    by_partner = text(client, "/en/partnerships/?state=nor")  # Norway: a partner only
    assert "Mine-free Zimbabwe by 2027" in by_partner and "Serbia mine-free" not in by_partner
    europe = text(client, "/en/partnerships/?region=europe")  # Serbia, Germany; Norway
    assert "Serbia mine-free" in europe and "Mine-free Zimbabwe by 2027" in europe
    asia = text(client, "/en/partnerships/?region=asia")  # Japan, in Zimbabwe's only
    assert "Mine-free Zimbabwe by 2027" in asia and "Serbia mine-free" not in asia
    bad = client.get("/en/partnerships/?state=atlantis&region=moon")
    assert bad.status_code == 200
    assert "Some filters were not understood" in bad.content.decode()
    arabic = client.get("/ar/partnerships/")
    assert arabic.status_code == 200 and 'dir="rtl"' in arabic.content.decode()


def test_the_list_takes_the_same_queries_for_one_partnership_or_five(client, states_index):
    make_country(states_index, "ZWE", languages=(), body=[partnerships_section(partnership())])

    def count() -> int:
        return cold_queries(client, "/en/partnerships/")

    one = count()
    make_country(
        states_index,
        "SDN",
        languages=(),
        body=[partnerships_section(*(partnership(f"Partnership {n}") for n in range(4)))],
    )
    assert count() == one


# --- From a need to the partnerships under way ----------------------------------------------


def test_a_need_leads_to_the_partnerships_under_way_in_its_country(client, states_index):
    from tests.country_pages.offers_data import needs_section

    make_country(
        states_index,
        "ZWE",
        languages=(),
        body=[needs_section("clearance"), partnerships_section(partnership())],
    )
    item = row()
    explorer = text(client, "/en/needs-and-assistance/?theme=clearance")
    assert "Partnerships under Action #21 under way:" in explorer
    assert f'href="{ZIMBABWE}#partnership-{item.block_id}">Mine-free Zimbabwe by 2027<' in explorer
    page = text(client, ZIMBABWE)
    assert f'href="#partnership-{item.block_id}">Mine-free Zimbabwe by 2027<' in page
    assert f'id="partnership-{item.block_id}"' in page
    # A State with needs and no partnership: no such line.
    make_country(states_index, "SDN", languages=(), body=[needs_section("clearance")])
    sudan = text(client, "/en/states-parties/sudan/")
    assert "Partnerships under Action #21 under way:" not in sudan
