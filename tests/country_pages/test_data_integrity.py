"""Breaches found by an attack, each reproduced: contact emails in the public API,
deleted organisations on published pages."""

import json
import re

import pytest
from django.conf import settings

from tests.conftest import contact_body, make_country

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


EMAIL = "director@centre.example.org"

CONTACT_BODY = contact_body(EMAIL, phone="+249 1 234 567")


# --- Contact emails in the public API -------------------------------------------------------


def test_api_does_not_give_away_the_emails_the_page_hides(client, states_index):
    page = make_country(states_index, "SDN", languages=(), body=CONTACT_BODY)
    for url in (
        f"/api/v2/pages/{page.pk}/",
        "/api/v2/pages/?iso3=SDN&fields=body",
        "/api/v2/pages/?fields=*",
        f"/api/v2/pages/find/?id={page.pk}",
    ):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        text = json.dumps(response.json())
        assert "centre.example.org" not in text, url
        assert "director" not in text, url

    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    contact = data["body"][0]["value"]["contacts"][0]
    # What the page shows is there; the email is behind the same button as on the page.
    assert contact["organisation"] == "Centre"
    assert contact["phone"] == "+249 1 234 567"
    assert "email" not in contact
    reveal = contact["email_reveal_url"]
    assert re.fullmatch(rf"{settings.PUBLIC_BASE_URL}/en/contact/{page.pk}/[\w-]+/", reveal)
    reveal = reveal.removeprefix(settings.PUBLIC_BASE_URL)
    assert client.get(reveal).status_code == 405  # a form's POST, as on the page
    revealed = client.post(reveal)
    assert f'href="mailto:{EMAIL}"' in revealed.content.decode()


def test_api_contact_without_email_has_no_reveal_link(client, states_index):
    body = json.loads(json.dumps(CONTACT_BODY))
    body[0][1]["contacts"][0]["email"] = ""
    page = make_country(states_index, "SDN", languages=(), body=body)
    contact = client.get(f"/api/v2/pages/{page.pk}/").json()["body"][0]["value"]["contacts"][0]
    assert contact["email_reveal_url"] is None
    assert "email" not in contact


def test_the_contact_block_never_puts_an_email_in_an_api_representation():
    """The cause: whatever serialises a body (another API field, an export) goes through
    the block's API representation."""
    from country_pages.blocks import ContactBlock, ContactInformationBlock

    block = ContactBlock()
    value = block.to_python(CONTACT_BODY[0][1]["contacts"][0])
    assert EMAIL not in json.dumps(block.get_api_representation(value))
    section = ContactInformationBlock()
    value = section.to_python(CONTACT_BODY[0][1])
    assert EMAIL not in json.dumps(section.get_api_representation(value, context={}))


# --- Deleted organisations on published pages --------------------------------------------


def partnership_body(organisations, states=()):
    return [
        (
            "partnerships",
            {
                "assisting_states": [
                    {"state": state, "support": f"Support {state.pk}", "themes": []}
                    for state in states
                ],
                "organisations": [
                    {"organisation": organisation, "role": f"Role of {organisation.pk}"}
                    for organisation in organisations
                ],
                "projects": [],
                "stories": [],
            },
        )
    ]


def visible_text(html: str) -> str:
    article = html.split("<main", 1)[-1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


def test_a_deleted_organisation_disappears_from_published_pages(client, states_index):
    from django.core.cache import cache
    from wagtail.models import Locale

    from country_pages.models import Organisation

    english = Locale.objects.get(language_code="en")
    kept = Organisation.objects.create(name="Kept Aid", kind="international_ngo", locale=english)
    gone = Organisation.objects.create(name="Gone Aid", kind="national_ngo", locale=english)
    page = make_country(states_index, "SDN", languages=(), body=partnership_body([gone, kept]))
    html = client.get(page.url).content.decode()
    assert "Gone Aid" in html and "Kept Aid" in html

    gone_pk = gone.pk
    gone.delete()
    cache.clear()
    text = visible_text(client.get(page.url).content.decode())
    assert "None" not in text
    assert "Kept Aid" in text and f"Role of {kept.pk}" in text
    # The role written for the deleted organisation goes with it: it describes nobody.
    assert f"Role of {gone_pk}" not in text

    # All of them gone: no empty "Organisations" heading either.
    kept.delete()
    cache.clear()
    text = visible_text(client.get(page.url).content.decode())
    assert "None" not in text and "Organisations" not in text


def test_a_deleted_assisting_state_disappears_from_published_pages(client, states_index):
    from django.core.cache import cache

    from registry.models import StateParty

    norway = StateParty.objects.get(iso3="NOR")
    page = make_country(states_index, "SDN", languages=(), body=partnership_body([], [norway]))
    assert f"Support {norway.pk}" in client.get(page.url).content.decode()
    norway_pk = norway.pk
    norway.delete()
    cache.clear()
    text = visible_text(client.get(page.url).content.decode())
    assert "None" not in text and f"Support {norway_pk}" not in text
    assert "States providing assistance" not in text


def test_deleting_an_organisation_used_on_a_page_warns_the_isu(client, states_index, isu_user):
    from django.urls import reverse
    from wagtail.models import Locale

    from country_pages.models import Organisation
    from tests.conftest import login

    organisation = Organisation.objects.create(
        name="Used Aid", kind="un_entity", locale=Locale.objects.get(language_code="en")
    )
    make_country(states_index, "SDN", languages=(), body=partnership_body([organisation]))
    login(client, isu_user)
    url = reverse("wagtailsnippets_country_pages_organisation:delete", args=[organisation.pk])
    html = client.get(url).content.decode()
    assert "This organisation is referenced 1 time." in html


def test_deleting_a_live_country_page_leaves_nothing_in_the_index(states_index):
    """Wagtail unpublishes a live page it deletes without saving it first: the index must
    not write the page again (a row pointing to a deleted page fails at commit)."""
    from country_pages.index_models import PublishedNeed, PublishedPage

    page = make_country(states_index, "SDN", languages=())
    assert PublishedPage.objects.filter(page_id=page.pk).exists()
    page_id = page.pk
    page.delete()
    assert not PublishedPage.objects.filter(page_id=page_id).exists()
    assert not PublishedNeed.objects.filter(source__page_id=page_id).exists()
