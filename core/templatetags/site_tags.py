from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import i18n
from core.i18n import Alternate, bcp47, page_alternates, text_direction, x_default
from core.public_url import public_url

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
            Alternate(code, view_path(path, code), None) for code, _name in settings.LANGUAGES
        ]
    return {"alternates": alternates, "x_default": x_default(alternates)}


def view_path(path: str, language_code: str) -> str:
    """This view's path in another language (relative). A path Django cannot resolve (a
    404) keeps its rest under the other language's prefix."""
    translated = translate_url(path, language_code)
    current = get_language()
    if translated == path and language_code != current and path.startswith(f"/{current}/"):
        translated = f"/{language_code}/{path[len(current) + 2 :]}"
    return translated


@register.simple_tag(takes_context=True)
def switcher_links(context, page=None) -> list:
    """The language switcher's links: relative, every language, each marked (in its own
    language: "以英语显示" on the Chinese entry, "affichée en anglais" on the French one)
    when the page is shown there in another language."""
    request = context.get("request")
    if page is not None and getattr(page, "pk", None):
        links = i18n.switcher_links(page, request)
    else:
        links = language_links(context, None)["alternates"]
    return [{"alternate": alternate, "note": shown_in_note(alternate)} for alternate in links]


def shown_in_note(alternate: Alternate) -> str:
    """The note of a switcher entry for a language the page is not translated into, all
    in that entry's language (the link's lang): the sentence and the name of the language
    the page is shown in, "(以英语显示)" on the Chinese entry, "(affichée en anglais)" on the
    French one; never that language's own name for itself ("English") inside another
    language's sentence."""
    if not alternate.shown_in:
        return ""
    with translation.override(alternate.language_code):
        template = _("shown in %(language)s")
        name = language_name(alternate.shown_in)
    return mark_safe(  # noqa: S308
        conditional_escape(template) % {"language": conditional_escape(name)}
    )


@register.simple_tag(takes_context=True)
def canonical_url(context, page=None) -> str:
    """The absolute URL of this page (of a Wagtail page, its own address, also when it is
    shown under another language's), from PUBLIC_BASE_URL."""
    request = context.get("request")
    if page is not None and getattr(page, "pk", None):
        parts = page.get_url_parts(request)
        if parts:
            return public_url(parts[2])
    return public_url(request.path if request is not None else "/")


@register.simple_tag(takes_context=True)
def visited_url(context) -> str:
    """The absolute URL the visitor is reading (the printout's line), from PUBLIC_BASE_URL."""
    request = context.get("request")
    return public_url(request.get_full_path() if request is not None else "/")


@register.simple_tag
def home_url(language_code: str | None = None) -> str:
    return f"/{language_code or get_language()}/"


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

    # Django's names of languages (LANG_INFO), through its catalogs: read now, in the
    # active language, not when the template (or the caller) prints it.
    name = str(get_language_info(language_code)["name_translated"])
    if (get_language() or "en").split("-")[0] in LOWERCASE_LANGUAGE_NAMES:
        return name.lower()
    return name
