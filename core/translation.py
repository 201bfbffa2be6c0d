"""Creating translations the way wagtail-localize does in the admin, from code: the
translated strings go into translation memory and the target page is built from the
source by wagtail-localize, so later syncs, the translation editor and the "outdated"
report all work on these pages as on any other."""

from __future__ import annotations

import polib
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Subquery
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.strings import StringValue


class IncompleteTranslation(Exception):
    pass


def source_strings(instance) -> list[tuple[str, str]]:
    """(context path, source text) of every translatable string of the instance."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    return [
        (segment.context.path, segment.string.data)
        for segment in StringSegment.objects.filter(source=source)
        .select_related("context", "string")
        .order_by("order")
    ]


def missing_strings(instance, strings: dict[tuple[str, str], str]) -> list[tuple[str, str]]:
    return [key for key in source_strings(instance) if not strings.get(key)]


@transaction.atomic
def translate(
    instance,
    target_locale: Locale,
    strings: dict[tuple[str, str], str],
    *,
    publish: bool = True,
    user=None,
):
    """Translate the instance into target_locale with the given strings, keyed by
    (context path, source text). Every string must be translated."""
    missing = missing_strings(instance, strings)
    if missing:
        raise IncompleteTranslation(
            f"{len(missing)} string(s) of {instance} have no {target_locale} translation, "
            f"first: {missing[0]!r}"
        )
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=target_locale
    )
    po = polib.POFile()
    for (context, msgid), msgstr in strings.items():
        po.append(polib.POEntry(msgctxt=context, msgid=msgid, msgstr=msgstr))
    translation.import_po(po, user=user)
    if not isinstance(instance, Page):
        translation.save_target(user=user)
        return instance.get_translation(target_locale)
    # wagtail-localize publishes pages when the transaction commits, from the page object it
    # had in memory; inside a longer transaction that stale copy would overwrite tree
    # changes made since (a parent's child count). Save a draft, then publish it now.
    translation.save_target(user=user, publish=False)
    target = instance.get_translation(target_locale)
    if publish:
        target.get_latest_revision().publish(user=user)
        target.refresh_from_db()
    return target


def plain_strings(strings: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """Strings of plain-text fields as wagtail-localize stores them (HTML-escaped)."""
    return {
        (context, StringValue.from_plaintext(source).data): StringValue.from_plaintext(text).data
        for (context, source), text in strings.items()
    }


def strings_from_po(path) -> dict[tuple[str, str], str]:
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.obsolete
    }


def translation_of(page: Page, locale: Locale) -> Page | None:
    return page.get_translations(inclusive=True).filter(locale=locale).first()


# --- How up to date each language version of a page is ------------------------------

UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
MISSING = "missing"
SOURCE = "source"


def original_locale_id(translation_key) -> int | None:
    """The id of the locale a page was written in, as wagtail-localize records it; None
    when no version of it was translated with wagtail-localize.

    Every version something was translated from has a TranslationSource, not only the
    original: a French translation later used to translate the page into Arabic ("sync
    from French") has one too, and it can even be the older one (French copied before the
    English was first sent for translation). So the order the sources were made in does
    not say which is the original. The original is the source that is not itself a
    translation (no Translation of the page targets its language); if several are, the
    one whose version was created first. One query."""
    translations_into_it = Translation.objects.filter(
        source__object_id=translation_key, target_locale_id=OuterRef("locale_id")
    )
    version = Page.objects.filter(
        translation_key=translation_key, locale_id=OuterRef("locale_id")
    ).order_by("pk")
    return (
        TranslationSource.objects.filter(object_id=translation_key)
        .annotate(
            is_translation=Exists(translations_into_it),
            version_id=Subquery(version.values("pk")[:1]),
        )
        .order_by("is_translation", F("version_id").asc(nulls_last=True), "created_at", "pk")
        .values_list("locale_id", flat=True)
        .first()
    )


def fallback_version(versions, original_id: int | None):
    """Of these versions of a page (pages, or anything with a `locale_id` and a
    `locale`), the one shown where a language is missing: the one in the language the page
    was written in (original_id, from `original_locale_id`), else the one in the site's
    default language (English), else none: never another translation. Every place that
    shows a page in a language it is not translated into chooses with this."""
    from django.conf import settings

    if original_id is not None:
        for version in versions:
            if version.locale_id == original_id:
                return version
    for version in versions:
        if version.locale.language_code == settings.LANGUAGE_CODE:
            return version
    return None


def source_page_of(page: Page) -> Page:
    """The version the others are translated from (live or not): the original language
    when wagtail-localize made the translations (`original_locale_id`), else the site's
    default language."""
    translations = list(page.get_translations(inclusive=True).select_related("locale"))
    return fallback_version(translations, original_locale_id(page.translation_key)) or page


def is_outdated(version: Page, source: Page) -> bool:
    """Whether this translation was published before the latest publication of the
    version it is translated from: the one test behind every "outdated" the site shows
    (the editor's language panel, the ISU's dashboard, the note on a public page)."""
    return bool(
        source.last_published_at
        and version.last_published_at
        and source.last_published_at > version.last_published_at
    )


def translation_status(page: Page) -> list[tuple[Locale, str, Page | None]]:
    """Every site language with the state of this page in it: the source, up to date,
    outdated (the source was published after it) or missing (no live version)."""
    source = source_page_of(page)
    by_locale = {p.locale_id: p for p in page.get_translations(inclusive=True)}
    rows = []
    for locale in Locale.objects.all():
        version = by_locale.get(locale.pk)
        if version is not None and version.pk == source.pk:
            status = SOURCE
        elif version is None or not version.live:
            status = MISSING
        elif is_outdated(version, source):
            status = OUTDATED
        else:
            status = UP_TO_DATE
        rows.append((locale, status, version))
    return rows
