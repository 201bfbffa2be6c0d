"""A country page in a language it is not translated into: the visitor gets the version in
the language the page was written in (its wagtail-localize source), else English, never
another translation; the same at every entry point (the language switcher, the page's
address, the States Parties index, search, the needs explorer). And the switcher says so
in the words of each of its entries."""

import re

import pytest
from django.utils import translation
from wagtail.models import Locale

from country_pages.models import CountryPage
from registry.models import StateParty
from tests.conftest import make_country, translate_everything
from tests.factories import published_country_page

pytestmark = pytest.mark.django_db

ENGLISH_TEXT = "Mines block the roads."
SPANISH_TEXT = "Las minas bloquean los caminos."
FRENCH_TEXT = "Les mines bloquent les routes."


def body(text: str):
    return [
        (
            "national_context",
            {"text": f"<p>{text}</p>", "casualties": [], "sdg_links": [], "tags": []},
        ),
        (
            "needs_and_challenges",
            {
                "introduction": "",
                "needs": [
                    ("clearance", {"description": f"<p>Need: {text}</p>", "tags": []}),
                ],
            },
        ),
    ]


def switcher_entry(html: str, lang: str) -> str:
    """The text of the switcher's entry for this language (tags removed)."""
    nav = html.split('<nav class="language-switcher"')[1].split("</nav>")[0]
    entries = re.findall(r'<li><a href="[^"]*" lang="([^"]+)"[^>]*>(.*?)</a></li>', nav, re.S)
    (text,) = [text for code, text in entries if code == lang]
    return re.sub(r"<[^>]+>", "", text).strip()


def django_language_name(code: str, in_language: str) -> str:
    from core.templatetags.site_tags import language_name

    with translation.override(in_language):
        return language_name(code)


def what_the_visitor_gets(client, page: CountryPage, language: str) -> dict[str, str]:
    """Which text the visitor reading in `language` is shown, at each entry point."""

    def shown(html: str) -> str:
        texts = [t for t in (FRENCH_TEXT, SPANISH_TEXT, ENGLISH_TEXT) if t in html]
        assert len(texts) == 1, texts
        return texts[0]

    lang = "zh-Hans" if language == "zh-hans" else language
    slug = page.slug
    seen = {}
    # The switcher, from every live version of the page.
    for version in page.get_translations(inclusive=True).live():
        html = client.get(version.url).content.decode()
        entry = switcher_entry(html, lang)
        seen[f"switcher on /{version.locale.language_code}/"] = entry
    # The page's address in the visitor's language.
    response = client.get(f"/{language}/states-parties/{slug}/")
    assert response.status_code == 200
    seen["page"] = shown(response.content.decode().split('class="country__body"')[1])
    # The States Parties index links there, and says it in the listing's language.
    index = client.get(f"/{language}/states-parties/")
    assert f'href="/{language}/states-parties/{slug}/"' in index.content.decode()
    listings = {listing.state.iso3: listing for listing in index.context["listings"]}
    listing = listings[page.state.iso3]
    seen["index"] = Locale.objects.get(pk=listing.published.locale_id).language_code
    # Search by the State's name.
    results = client.get(f"/{language}/search/", {"q": page.state.name_en}).content.decode()
    assert f'href="/{language}/states-parties/{slug}/"' in results
    seen["search"] = shown(results.split('class="search-results"')[1])
    # The needs explorer.
    explorer = client.get(f"/{language}/needs-and-assistance/").content.decode()
    seen["explorer"] = shown(explorer.split("<main")[1])
    return seen


def expect(text: str, language_code: str, language: str, versions: list[str]) -> dict:
    """What every entry point should show: `text`, in `language_code`."""
    note = django_language_name(language_code, language)
    expected = {
        f"switcher on /{code}/": f"{switcher_name(language)} ({shown_in(language, note)})"
        for code in versions
    }
    expected.update(page=text, index=language_code, search=text, explorer=text)
    return expected


def switcher_name(code: str) -> str:
    from django.conf import settings

    return dict(settings.LANGUAGES)[code]


def shown_in(language: str, name: str) -> str:
    with translation.override(language):
        return translation.gettext("shown in %(language)s") % {"language": name}


# --- Which version ---------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "ru"])
def test_english_page_translated_into_french_and_from_french_falls_back_to_english(
    client, states_index, locales, language
):
    """Written in English, translated into French; the French version then used to
    translate the page further ("sync from French": a French TranslationSource, newer than
    the English one, and an Arabic and a Russian draft translated from it, not published).
    Arabic and Russian readers get the English, the original."""
    sudan = make_country(states_index, "SDN", languages=(), body=body(ENGLISH_TEXT))
    french = translate_everything(sudan, "fr")
    french.body = body(FRENCH_TEXT)
    french.save_revision().publish()
    translate_everything(CountryPage.objects.get(pk=french.pk), "ar", publish=False)
    translate_everything(CountryPage.objects.get(pk=french.pk), "ru", publish=False)

    assert what_the_visitor_gets(client, sudan, language) == expect(
        ENGLISH_TEXT, "en", language, ["en", "fr"]
    )


@pytest.mark.parametrize("language", ["ar", "ru"])
def test_french_source_older_than_the_english_one_does_not_make_french_the_original(
    client, states_index, locales, language
):
    """Written in English; the French version was copied from it before the English was
    first sent for translation, and then used to translate into Arabic and Russian (drafts):
    the French TranslationSource is the older one. Later the English is translated into
    Spanish. Arabic and Russian readers get the English, not the French."""
    sudan = make_country(states_index, "SDN", languages=(), body=body(ENGLISH_TEXT))
    french = sudan.copy_for_translation(locales["fr"]).specific
    french.title = "Soudan"
    french.body = body(FRENCH_TEXT)
    french.save_revision().publish()
    for draft_language in ("ar", "ru"):
        translate_everything(CountryPage.objects.get(pk=french.pk), draft_language, publish=False)
    translate_everything(sudan, "es")

    assert what_the_visitor_gets(client, sudan, language) == expect(
        ENGLISH_TEXT, "en", language, ["en", "fr", "es"]
    )


def spanish_page(states_index, locales) -> CountryPage:
    """Senegal's page, written in Spanish (its source locale is es), translated into
    English."""
    spanish_index = states_index.get_translation(locales["es"])
    page = published_country_page(
        spanish_index,
        slug="senegal",
        state=StateParty.objects.get(iso3="SEN"),
        body=body(SPANISH_TEXT),
    )
    english = translate_everything(page, "en")
    english.body = body(ENGLISH_TEXT)
    english.save_revision().publish()
    return page


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_page_written_in_spanish_falls_back_to_spanish_not_english(
    client, states_index, locales, language
):
    page = spanish_page(states_index, locales)
    assert what_the_visitor_gets(client, page, language) == expect(
        SPANISH_TEXT, "es", language, ["es", "en"]
    )


def test_original_unpublished_gives_english_everywhere(client, states_index, locales):
    """The Spanish original is taken offline: every entry point shows the English version
    (the index too, not only the page's address)."""
    page = spanish_page(states_index, locales)
    page.unpublish()
    assert what_the_visitor_gets(client, page, "ar") == expect(ENGLISH_TEXT, "en", "ar", ["en"])


# --- What the switcher says -------------------------------------------------------------


def test_switcher_names_the_language_shown_in_each_entrys_own_language(client, states_index):
    """A page in English only: each other entry says, in its own language, that the page
    will be shown in English; none names English by its English name inside another
    language's sentence ("中文 (以English显示)")."""
    make_country(states_index, "SDN", languages=())
    for visitor in ("en", "zh-hans", "fr"):
        html = client.get(f"/{visitor}/states-parties/sudan/").content.decode()
        assert switcher_entry(html, "zh-Hans") == "中文 (以英语显示)"
        assert switcher_entry(html, "fr") == "Français (affichée en anglais)"
        assert switcher_entry(html, "es") == "Español (mostrada en inglés)"
        assert switcher_entry(html, "ar") == "العربية (معروضة باللغة الإنجليزيّة)"
        assert switcher_entry(html, "ru") == "Русский (отображается на языке: английский)"
        assert switcher_entry(html, "en") == "English"


def test_switcher_of_a_spanish_page_names_spanish_in_each_entrys_language(
    client, states_index, locales
):
    page = spanish_page(states_index, locales)
    html = client.get(f"/en/states-parties/{page.slug}/").content.decode()
    assert switcher_entry(html, "zh-Hans") == "中文 (以西班牙语显示)"
    assert switcher_entry(html, "fr") == "Français (affichée en espagnol)"
    assert switcher_entry(html, "en") == "English"
    assert switcher_entry(html, "es") == "Español"
