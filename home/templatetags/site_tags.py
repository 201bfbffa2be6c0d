from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from home import i18n
from home.i18n import Alternate, bcp47, page_alternates, text_direction, x_default

register = template.Library()


@register.filter
def html_lang(language_code: str) -> str:
    return bcp47(language_code)


@register.filter
def direction(language_code: str) -> str:
    return text_direction(language_code)


@register.simple_tag(takes_context=True)
def language_links(context, page=None) -> dict:
    """Alternate-language links for the current page: live translations only for
    Wagtail pages; the same view under every prefix for other views."""
    request = context.get("request")
    if page is not None and getattr(page, "pk", None):
        alternates = page_alternates(page, request)
    else:
        path = request.get_full_path() if request else "/"
        alternates = [
            Alternate(code, request.build_absolute_uri(translate_url(path, code)), None)
            for code, _name in settings.LANGUAGES
        ]
    return {"alternates": alternates, "x_default": x_default(alternates)}


@register.simple_tag
def home_url(language_code: str | None = None) -> str:
    return f"/{language_code or get_language()}/"


@register.simple_tag(takes_context=True)
def states_index_url(context) -> str:
    """URL of the States Parties index in the visitor's language."""
    return i18n.states_index_url(context.get("request"))


@register.filter
def og_locale(language_code: str) -> str:
    """Open Graph wants ll_TT: one representative territory per site language."""
    return {
        "en": "en_GB",
        "fr": "fr_FR",
        "es": "es_ES",
        "ar": "ar_AR",
        "ru": "ru_RU",
        "zh-hans": "zh_CN",
    }.get(language_code, "en_GB")


# Languages whose writers do not capitalise the names of languages in running text.
LOWERCASE_LANGUAGE_NAMES = {"fr", "es", "ru"}


@register.filter
def language_name(language_code: str) -> str:
    """The name of a language in the active language, as written inside a sentence
    ("anglais" in French, "English" in English)."""
    from django.utils.translation import get_language, get_language_info

    name = get_language_info(language_code)["name_translated"]
    if (get_language() or "en").split("-")[0] in LOWERCASE_LANGUAGE_NAMES:
        return name.lower()
    return name
