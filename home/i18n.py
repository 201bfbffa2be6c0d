"""The one place that computes a page's alternate-language URLs. The language switcher,
the hreflang links and the sitemap all use it, so they always agree: only live
translations are listed, never a language the page does not exist in."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page

LANGUAGE_NAMES = dict(settings.LANGUAGES)
LANGUAGE_ORDER = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
RTL_LANGUAGES = frozenset({"ar"})


def bcp47(language_code: str) -> str:
    """Django's "zh-hans" is "zh-Hans" in HTML lang and hreflang attributes."""
    parts = language_code.split("-")
    return "-".join(
        [parts[0].lower()]
        + [part.title() if len(part) == 4 else part.upper() for part in parts[1:]]
    )


def text_direction(language_code: str) -> str:
    return "rtl" if language_code.split("-")[0] in RTL_LANGUAGES else "ltr"


@dataclass(frozen=True)
class Alternate:
    language_code: str
    url: str
    page: Page

    @property
    def hreflang(self) -> str:
        return bcp47(self.language_code)

    @property
    def language_name(self) -> str:
        return LANGUAGE_NAMES.get(self.language_code, self.language_code)


def page_alternates(page: Page, request: HttpRequest | None = None) -> list[Alternate]:
    """Live translations of the page (itself included), in the site's language order."""
    cache = getattr(request, "_page_alternates", None) if request is not None else None
    if cache is not None and page.pk in cache:
        return cache[page.pk]
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    alternates = []
    for translation in translations:
        url = translation.get_full_url(request)
        if url:
            alternates.append(Alternate(translation.locale.language_code, url, translation))
    alternates.sort(key=lambda alternate: LANGUAGE_ORDER.get(alternate.language_code, 99))
    if request is not None:
        if cache is None:
            cache = request._page_alternates = {}
        cache[page.pk] = alternates
    return alternates


def x_default(alternates: list[Alternate]) -> Alternate | None:
    """English when it exists (the site's default language), else the first language."""
    for alternate in alternates:
        if alternate.language_code == settings.LANGUAGE_CODE:
            return alternate
    return alternates[0] if alternates else None
