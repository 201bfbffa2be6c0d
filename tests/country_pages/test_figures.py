"""Figures are the same in every language.

The issue: a focal point saved a draft on the French page, which silently stopped its
synchronisation; after the ISU approved a new English funding gap (USD 9.8 M), French and
Arabic still showed 9.5 M. A figure (amount, currency, area, people, year, date, choice) is
the same in every language at all times after publication; a translation differs only in
words, and is never detached from its source without saying so.
"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail_localize.models import Translation, TranslationSource

from country_pages import figures
from country_pages.models import CountryPage
from country_pages.templatetags.country_tags import money
from focal_points import status
from tests.admin_forms import page_form_data
from tests.conftest import login, make_country

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "ar")


def figure_body():
    return [
        {
            "type": "national_context",
            "id": "11111111-0000-0000-0000-000000000001",
            "value": {
                "illustrative": False,
                "text": "<p>Mines block the roads.</p>",
                "casualties": [
                    {
                        "type": "item",
                        "id": "11111111-0000-0000-0000-000000000002",
                        "value": {"year": 2020, "killed": 3, "injured": 5},
                    }
                ],
                "sdg_links": [],
                "tags": [],
            },
        },
        {
            "type": "status_of_implementation",
            "id": "11111111-0000-0000-0000-000000000003",
            "value": {"illustrative": False, "note": "A note by the State."},
        },
        {
            "type": "priorities",
            "id": "11111111-0000-0000-0000-000000000004",
            "value": {
                "illustrative": False,
                "priorities": [
                    {
                        "type": "item",
                        "id": "11111111-0000-0000-0000-000000000005",
                        "value": {"text": "Survey the east.", "target_year": 2027},
                    }
                ],
            },
        },
        {
            "type": "needs_and_challenges",
            "id": "11111111-0000-0000-0000-000000000006",
            "value": {
                "illustrative": False,
                "introduction": "What we need.",
                "needs": [
                    {
                        "type": "clearance",
                        "id": "11111111-0000-0000-0000-000000000007",
                        "value": {
                            "description": "<p>Fields to clear.</p>",
                            "funding_gap": "9500000",
                            "currency": "USD",
                            "area_remaining_m2": 120000,
                            "tags": [],
                        },
                    }
                ],
            },
        },
    ]


@pytest.fixture
def page(states_index):
    body = CountryPage.body.field.stream_block.to_python(figure_body())
    return make_country(states_index, "SDN", languages=LANGUAGES, body=body)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def latest(page):
    return CountryPage.objects.get(pk=page.pk)


def edited_body(page, funding_gap=None, year=None, currency=None, note=None):
    """The page's latest draft with some figures and words changed, as the editor posts it."""
    raw = figures.stored(latest(page).get_latest_revision_as_object().body)
    for item in raw:
        value = item["value"]
        if item["type"] == "needs_and_challenges":
            need = value["needs"][0]["value"]
            if funding_gap is not None:
                need["funding_gap"] = str(funding_gap)
            if currency is not None:
                need["currency"] = currency
        if item["type"] == "priorities" and year is not None:
            value["priorities"][0]["value"]["target_year"] = year
        if item["type"] == "status_of_implementation" and note is not None:
            value["note"] = note
    return CountryPage.body.field.stream_block.to_python(raw)


def post(client, page, action, **changes):
    page = latest(page)
    data = page_form_data(page.get_latest_revision_as_object(), body=edited_body(page, **changes))
    data[action] = "1"
    response = client.post(edit_url(page), data, follow=True)
    form = response.context and response.context.get("form")
    assert response.redirect_chain, form.errors if form else response.status_code
    return response


def approve(client, page):
    page = latest(page)
    task_state = page.current_workflow_state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    assert client.post(url, {"comment": ""}).status_code == 302
    assert not latest(page).workflow_in_progress


def versions(page):
    return {p.locale.language_code: p.specific for p in page.get_translations(inclusive=True)}


def live_figures(page):
    return figures.shown(figures.body_figures(latest(page).live_revision.as_object()))


def assert_same_figures_everywhere(page):
    pages = versions(page)
    expected = live_figures(pages["en"])
    assert expected, "the source shows figures"
    for language, version in pages.items():
        assert version.live
        assert live_figures(version) == expected, language
        # The page the public gets is its live row.
        assert figures.shown(figures.body_figures(version)) == expected, language


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []


# --- The reported case --------------------------------------------------------------------


def test_funding_gap_approved_in_english_shows_in_french_and_arabic_after_a_french_draft(
    client, page, fp_sudan, isu_user
):
    french = versions(page)["fr"]
    login(client, fp_sudan)
    response = post(client, french, "action-submit", note="Une correction du texte.")
    assert response.status_code == 200
    # The focal point is told that the French page no longer follows the English text …
    assert any("stops the synchronisation" in text for text in messages_of(response))
    # … and the ISU sees it on its dashboard.
    assert [item.page.pk for item in status.detached_translations()] == [french.pk]
    login(client, isu_user)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Translations no longer synchronised" in dashboard and french.title in dashboard

    login(client, fp_sudan)
    post(client, page, "action-submit", funding_gap=9_800_000)
    login(client, isu_user)
    approve(client, page)
    assert_same_figures_everywhere(page)
    for version in versions(page).values():
        html = client.get(version.url).content.decode()
        with translation.override(version.locale.language_code):
            shown = money(Decimal("9800000"), "USD")
        assert shown in html and "9500000" not in html, version.locale.language_code
    # The French correction in review kept its words and now carries the new figure.
    french = latest(french)
    draft = french.get_latest_revision_as_object()
    assert "Une correction du texte." in str(draft.body.raw_data)
    assert figures.shown(figures.body_figures(draft)) == live_figures(latest(page))
    # The ISU approves the correction: the same figures, the French words.
    approve(client, french)
    assert_same_figures_everywhere(page)
    assert "Une correction du texte." in str(latest(french).body.raw_data)


def test_a_figure_changed_in_a_translation_is_set_back_with_a_message(client, page, fp_sudan):
    arabic = versions(page)["ar"]
    login(client, fp_sudan)
    response = post(client, arabic, "action-submit", funding_gap=1, currency="EUR")
    messages = messages_of(response)
    assert any("2 figures were set back" in text for text in messages), messages
    draft = latest(arabic).get_latest_revision_as_object()
    assert figures.shown(figures.body_figures(draft)) == live_figures(page)
    # Only figures changed, no words: the translation still follows its source.
    assert Translation.objects.get(
        source__object_id=page.translation_key, target_locale=arabic.locale
    ).enabled
    assert not any("stops the synchronisation" in text for text in messages)


# --- Random sequences ---------------------------------------------------------------------


def sync_translations(client, page, capture):
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with capture(execute=True):
        assert client.post(url, {"publish_translations": "on"}).status_code == 302


@pytest.mark.parametrize("seed", range(30))
def test_random_edits_approvals_and_syncs_keep_figures_equal_in_every_language(
    client, page, fp_sudan, isu_user, seed, django_capture_on_commit_callbacks
):
    rng = random.Random(seed)
    steps = rng.randint(3, 6)
    for step in range(steps):
        action = rng.choice(
            ["fp_source", "fp_translation", "approve", "sync", "isu_publish", "approve"]
        )
        pages = versions(page)
        changes = {
            "funding_gap": Decimal(rng.randint(1, 20)) * 500_000,
            "year": rng.randint(2026, 2040),
            "currency": rng.choice(["USD", "EUR", "CHF"]),
            "note": f"Text {seed}-{step}",
        }
        published = False
        if action in ("fp_source", "fp_translation"):
            target = pages["en"] if action == "fp_source" else pages[rng.choice(LANGUAGES)]
            if latest(target).workflow_in_progress:
                continue
            if rng.random() < 0.5:
                changes.pop("note")  # figures only
            login(client, fp_sudan)
            post(client, target, rng.choice(["action-submit", "action-save"]), **changes)
            if target.locale.language_code != "en":
                draft = latest(target).get_latest_revision_as_object()
                assert figures.shown(figures.body_figures(draft)) == live_figures(pages["en"])
        elif action == "approve":
            login(client, isu_user)
            for version in pages.values():
                if latest(version).workflow_in_progress:
                    approve(client, version)
                    published = True
        elif action == "sync":
            login(client, isu_user)
            sync_translations(client, pages["en"], django_capture_on_commit_callbacks)
            published = True
        elif action == "isu_publish":
            if latest(pages["en"]).workflow_in_progress:
                continue
            login(client, isu_user)
            post(client, pages["en"], "action-publish", **changes)
            published = True
        if published:
            assert_same_figures_everywhere(page)
    assert_same_figures_everywhere(page)
