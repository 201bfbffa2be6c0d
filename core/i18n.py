"""The one place that computes a page's alternate-language URLs. The hreflang links and
the sitemap list live translations only, never a language the page does not exist in; the
language switcher lists every language, marking those where the page is shown in another
language (`switcher_links`). Absolute URLs start with PUBLIC_BASE_URL; the switcher's
links are relative."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page

from core.public_url import public_url

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
    path: str  # relative: for in-page links (the switcher)
    page: Page | None
    # Switcher only: the language the page is shown in there, when not translated into it.
    shown_in: str | None = None

    @property
    def url(self) -> str:
        """Absolute, from PUBLIC_BASE_URL: for hreflang, the sitemap and Open Graph."""
        return public_url(self.path)

    @property
    def hreflang(self) -> str:
        return bcp47(self.language_code)

    @property
    def language_name(self) -> str:
        return LANGUAGE_NAMES.get(self.language_code, self.language_code)


def alternates_by_key(pages, request: HttpRequest | None = None) -> dict:
    """{translation_key: [Alternate, …]} for these pages (live ones, in one query), each
    list in the site's language order. The switcher, hreflang and the sitemap use it."""
    grouped: dict = {}
    for translation in pages.live().select_related("locale"):
        parts = translation.get_url_parts(request)
        if parts:
            grouped.setdefault(translation.translation_key, []).append(
                Alternate(translation.locale.language_code, parts[2], translation)
            )
    for alternates in grouped.values():
        alternates.sort(key=lambda alternate: LANGUAGE_ORDER.get(alternate.language_code, 99))
    return grouped


def page_alternates(page: Page, request: HttpRequest | None = None) -> list[Alternate]:
    """Live translations of the page (itself included), in the site's language order."""
    cache = getattr(request, "_page_alternates", None) if request is not None else None
    if cache is not None and page.pk in cache:
        return cache[page.pk]
    alternates = alternates_by_key(page.get_translations(inclusive=True), request).get(
        page.translation_key, []
    )
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


def active_locale(request: HttpRequest | None = None):
    """The Locale of the active language, read once a request."""
    from wagtail.models import Locale

    cached = getattr(request, "_active_locale", None)
    if cached is not None and cached.language_code == active_language():
        return cached
    locale = Locale.get_active()
    if request is not None:
        request._active_locale = locale
    return locale


def active_language() -> str:
    from django.utils.translation import get_language

    return get_language() or settings.LANGUAGE_CODE


def switcher_links(page: Page | None, request: HttpRequest | None = None) -> list[Alternate]:
    """The language switcher: every site language, always, so that a reader can get back to
    theirs. Where the page has no live translation, the address that shows it there anyway
    (a country page's fallback, `fallback_paths`), marked with the language it is shown in;
    failing that, that language's home page. hreflang links keep `page_alternates`."""
    alternates = {a.language_code: a for a in page_alternates(page, request)}
    missing = [code for code, _name in settings.LANGUAGES if code not in alternates]
    fallbacks = {}
    if missing and hasattr(page, "fallback_paths"):
        fallbacks = page.fallback_paths(missing, request)
    links = []
    for code, _name in settings.LANGUAGES:
        if code in alternates:
            links.append(alternates[code])
        elif code in fallbacks:
            path, shown_in = fallbacks[code]
            links.append(Alternate(code, path, None, shown_in))
        else:
            links.append(Alternate(code, f"/{code}/", None))
    return links
