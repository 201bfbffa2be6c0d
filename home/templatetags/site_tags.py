from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

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
    """URL of the States Parties index in the visitor's language (one query a request)."""
    from wagtail.models import Locale

    from country_pages.models import StatesPartiesIndexPage

    request = context.get("request")
    cached = getattr(request, "_states_index_url", None)
    if cached is not None:
        return cached
    index = StatesPartiesIndexPage.objects.live().filter(locale=Locale.get_active()).first()
    url = index.get_url(request) if index else ""
    if request is not None:
        request._states_index_url = url
    return url
