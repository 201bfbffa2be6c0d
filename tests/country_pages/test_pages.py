"""Pages render in every language, with the right language, direction and alternates."""

import io
import re

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from country_pages.models import CountryPage
from registry.models import Article5Deadline, ClearanceStatus, MembershipEvent
from tests.conftest import contact_body, translate_everything
from tests.factories import StatePartyFactory, published_country_page

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def make_image(title="Map"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "white").save(buffer, "PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(buffer, name="map.png")
    image.save()
    return image


def make_document(title="Report"):
    document = get_document_model()(title=title)
    document.file.save("report.pdf", SimpleUploadedFile("report.pdf", b"%PDF-1.4 test"), save=False)
    document.save()
    return document


def html_attrs(html: str) -> tuple[str, str]:
    match = re.search(r'<html lang="([^"]+)" dir="([^"]+)"', html)
    assert match, "no <html lang dir>"
    return match.group(1), match.group(2)


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


def switcher_languages(html: str) -> list[str]:
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    return re.findall(r'hreflang="([^"]+)"', switcher.group(0)) if switcher else []


def country_page(states_index, body=None, **state_fields):
    return published_country_page(
        states_index, state=StatePartyFactory(**state_fields), body=body or []
    )


def translate_title(page, language):
    return translate_everything(page, language)


EXPECTED_HTML_LANG = {
    "en": "en",
    "fr": "fr",
    "es": "es",
    "ar": "ar",
    "ru": "ru",
    "zh-hans": "zh-Hans",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_in_every_language(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html_attrs(html) == (
        EXPECTED_HTML_LANG[language],
        "rtl" if language == "ar" else "ltr",
    )
    # The home page exists in all six languages: six alternates plus x-default.
    alternates = hreflangs(html)
    assert set(alternates) == {*EXPECTED_HTML_LANG.values(), "x-default"}
    assert alternates["x-default"].endswith("/en/")
    assert switcher_languages(html) == list(EXPECTED_HTML_LANG.values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_states_index_in_every_language(client, states_index, language):
    page = country_page(states_index)
    response = client.get(f"/{language}/states-parties/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html_attrs(html)[0] == EXPECTED_HTML_LANG[language]
    assert f"/{language}/states-parties/{page.slug}/" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_country_page_in_every_language(client, states_index, language):
    page = country_page(states_index)
    for other in LANGUAGES[1:]:
        translate_title(page, other)
    response = client.get(f"/{language}/states-parties/{page.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html_attrs(html) == (EXPECTED_HTML_LANG[language], "rtl" if language == "ar" else "ltr")
    # The heading is the registry's name in the reader's language.
    name = page.state.name_in(language)
    assert f"<h1>{name}</h1>" in html
    assert 'class="notice notice--language"' not in html


def test_alternates_list_only_existing_translations(client, states_index):
    page = country_page(states_index)
    translate_title(page, "fr")
    html = client.get(f"/en/states-parties/{page.slug}/").content.decode()
    alternates = hreflangs(html)
    assert set(alternates) == {"en", "fr", "x-default"}
    base = settings.PUBLIC_BASE_URL
    assert alternates["fr"] == f"{base}/fr/states-parties/{page.slug}/"
    assert alternates["x-default"] == f"{base}/en/states-parties/{page.slug}/"
    # The switcher lists every language; only the translations carry hreflang.
    assert switcher_languages(html) == ["en", "fr"]


def test_switcher_link_lands_on_the_same_country(client, states_index):
    page = country_page(states_index)
    french = translate_title(page, "fr")
    html = client.get(f"/en/states-parties/{page.slug}/").content.decode()
    french_url = hreflangs(html)["fr"]
    response = client.get(french_url.removeprefix(settings.PUBLIC_BASE_URL))
    assert response.status_code == 200
    assert response.context["page"].pk == french.pk


def test_draft_translation_is_not_an_alternate(client, states_index):
    page = country_page(states_index)
    french = translate_title(page, "fr")
    french.unpublish()
    html = client.get(f"/en/states-parties/{page.slug}/").content.decode()
    assert "fr" not in hreflangs(html)


def body_with_text(text: str):
    return [
        (
            "national_context",
            {"text": f"<p>{text}</p>", "casualties": [], "sdg_links": [], "tags": []},
        ),
    ]


def test_untranslated_page_shows_source_with_notice(client, states_index):
    page = country_page(states_index, body=body_with_text("Mines block the roads."))
    translate_title(page, "fr")
    response = client.get(f"/ar/states-parties/{page.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    # The interface is Arabic, right to left; the content keeps its own language.
    assert html_attrs(html) == ("ar", "rtl")
    assert 'class="notice notice--language"' in html
    # The notice is in the visitor's language (its first words, before any placeholder).
    with translation.override("ar"):
        opening = (
            gettext(
                "This page has not been translated into %(visitor)s yet. Its content is shown in "
                "%(source)s, the language it was written in."
            )
            .split("%(")[0]
            .strip()
        )
    assert opening and opening in html
    assert 'lang="en" dir="ltr">' in html
    assert "Mines block the roads." in html
    # No hreflang for a language the page does not exist in; canonical to the source.
    assert "ar" not in hreflangs(html)
    canonical = f"{settings.PUBLIC_BASE_URL}/en/states-parties/{page.slug}/"
    assert f'<link rel="canonical" href="{canonical}">' in html


def test_unpublished_translation_falls_back_to_the_source(client, states_index):
    page = country_page(states_index, body=body_with_text("Published English text."))
    spanish = translate_title(page, "es")
    spanish.unpublish()
    response = client.get(f"/es/states-parties/{page.slug}/")
    assert response.status_code == 200
    assert response.context["page"].pk == page.pk
    assert "Published English text." in response.content.decode()


def test_unknown_country_is_404(client):
    assert client.get("/fr/states-parties/atlantis/").status_code == 404


def test_sections_render_in_annex_order(client, states_index):
    body = [
        (
            "additional_resources",
            {
                "links": [
                    {
                        "kind": "other",
                        "title": "Site",
                        "url": "https://example.org",
                        "document": None,
                    }
                ]
            },
        ),
        ("priorities", {"priorities": [{"text": "Survey first", "target_year": 2030}]}),
    ]
    page = country_page(states_index, body=body)
    html = client.get(page.url).content.decode()
    # Stored as resources then priorities; shown in the annex order, with the status of
    # implementation that every page has.
    anchors = ("status-of-implementation", "priorities", "additional-resources")
    positions = [html.index(f'<section class="annex-section annex-section--{a}"') for a in anchors]
    assert positions == sorted(positions)


def test_status_comes_live_from_the_registry(client, states_index):
    page = country_page(states_index, clearance_status=ClearanceStatus.OBLIGATION)
    old_revision = page.latest_revision
    # The ISU records a deadline after the page was published…
    from datetime import date

    Article5Deadline.objects.create(state=page.state, kind="original", deadline=date(2031, 3, 1))
    assert "1 March 2031" in client.get(page.url).content.decode()
    # …and publishing an old revision of the page does not take it away.
    old_revision.publish()
    assert "1 March 2031" in client.get(page.url).content.decode()


def test_withdrawn_state_is_clearly_marked(client, states_index):
    page = country_page(states_index)
    from datetime import date

    MembershipEvent.objects.create(
        state=page.state, kind="withdrawal_effective", date=date(2026, 1, 10)
    )
    html = client.get(page.url).content.decode()
    assert "badge--withdrawn" in html
    assert "withdrew from the Convention with effect from 10 January 2026" in html


CONTACT_BODY = contact_body("director@centre.example.org")


def reveal_action(client, page) -> str:
    html = client.get(page.url).content.decode()
    return re.search(r'<form class="contact__reveal" method="post" action="([^"]+)"', html).group(1)


def test_contact_email_is_not_in_the_page_but_can_be_revealed(client, states_index):
    page = country_page(states_index, body=CONTACT_BODY)
    html = client.get(page.url).content.decode()
    assert "director@centre.example.org" not in html
    assert "centre.example.org" not in html
    action = reveal_action(client, page)
    assert client.get(action).status_code == 405
    revealed = client.post(action)
    assert revealed.status_code == 200
    assert 'href="mailto:director@centre.example.org"' in revealed.content.decode()
    assert revealed["X-Robots-Tag"] == "noindex"


def test_reveal_refuses_unknown_contacts(client, states_index):
    page = country_page(states_index, body=CONTACT_BODY)
    assert client.post(reveal_action(client, page)).status_code == 200
    assert client.post(f"/en/contact/{page.pk}/nonexistent/").status_code == 404


def test_reveal_refuses_a_contact_of_an_unpublished_page(client, states_index):
    """The contact's real id, which revealed the address while the page was live."""
    page = country_page(states_index, body=CONTACT_BODY)
    action = reveal_action(client, page)
    assert client.post(action).status_code == 200
    page.unpublish()
    response = client.post(action)
    assert response.status_code == 404
    assert "director@centre.example.org" not in response.content.decode()


def test_country_page_clean_refuses_second_page_for_state_in_a_locale(states_index):
    from django.core.exceptions import ValidationError

    page = country_page(states_index)
    duplicate = CountryPage(title="Again", slug="again", state=page.state)
    with pytest.raises(ValidationError, match="already has a page in this language"):
        states_index.add_child(instance=duplicate)
