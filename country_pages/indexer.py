"""Keeps the derived index (index_models.py) in step with the live country pages."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from core.translation import fallback_version, original_locale_id

from .index_models import PublishedAssistance, PublishedNeed, PublishedOffer, PublishedPage
from .models import CountryPage, Organisation
from .tags import ThematicTag

SUMMARY_WORDS = 60


def _plain(rich_text) -> str:
    source = getattr(rich_text, "source", rich_text) or ""
    return Truncator(" ".join(strip_tags(source).split())).words(SUMMARY_WORDS)


@transaction.atomic
def index_page(page: CountryPage) -> PublishedPage | None:
    """(Re)index one country page from its live content; drop it if not public."""
    PublishedPage.objects.filter(page_id=page.pk).delete()
    page = CountryPage.objects.select_related("state").get(pk=page.pk)
    if not page.live or page.get_view_restrictions().exists():
        mark_fallback(page.translation_key)
        return None
    entry = PublishedPage.objects.create(
        page=page,
        locale_id=page.locale_id,
        translation_key=page.translation_key,
        state_id=page.state_id,
        url_path=page.url_path,
        last_published_at=page.last_published_at,
    )
    tags = {tag.slug: tag for tag in ThematicTag.objects.all()}
    themes: list[str] = []
    launches = []
    partnerships: list[dict] = []
    # Each section says what it states (blocks.section.AnnexSectionBlock): needs, the
    # States providing assistance, the launch of the individualised approach.
    for section in page.body:
        block, value = section.block, section.value
        for record in block.index_needs(value):
            slugs = record.pop("tags")
            need = PublishedNeed.objects.create(
                source=entry, **{**record, "summary": _plain(record["summary"])}
            )
            need.tags.set([tags[slug] for slug in slugs if slug in tags])
            themes.append(need.theme)
        for record in block.assistance(value):
            PublishedAssistance.objects.create(source=entry, **record)
        PublishedOffer.objects.bulk_create(
            PublishedOffer(source=entry, **record) for record in block.index_offers(value)
        )
        partnerships += [
            {"block_id": record["block_id"], "title": record["title"]}
            for record in block.action21_partnerships(value, page.state_id)
        ]
        launched_on = block.approach_launched_on(value)
        if launched_on is not None:
            launches.append(launched_on)
    entry.approach_launched_on = min(launches, default=None)
    entry.need_themes = sorted(set(themes))
    entry.section_count = len(page.body)
    entry.partnerships = partnerships
    entry.save(
        update_fields=["need_themes", "approach_launched_on", "section_count", "partnerships"]
    )
    mark_fallback(page.translation_key)
    entry.refresh_from_db(fields=["is_source"])
    return entry


def mark_fallback(translation_key) -> None:
    """Flag (is_source) the version of a page that visitors get where their language is
    missing, chosen among its indexed (live, public) versions as everywhere else
    (core.translation.fallback_version): the original, else English, else none. The
    choice depends on the other versions too (the original unpublished, English is shown),
    so all of a page's entries are set again whenever one of them changes."""
    entries = PublishedPage.objects.filter(translation_key=translation_key)
    versions = list(entries.select_related("locale"))
    shown = fallback_version(versions, original_locale_id(translation_key))
    entries.exclude(pk=getattr(shown, "pk", None)).update(is_source=False)
    if shown is not None:
        entries.filter(pk=shown.pk).update(is_source=True)


# What an organisation's offer says: a change to any of these dates it anew (updated_at).
OFFER_FIELDS = (
    "title",
    "description",
    "themes",
    "regions",
    "countries",
    "kinds",
    "amount",
    "currency",
    "start_year",
    "end_year",
    "contact",
    "contact_url",
    "illustrative",
)


@transaction.atomic
def index_organisation(organisation: Organisation) -> int:
    """(Re)index an organisation's offer profile (each language version on its own, as
    it is saved). Returns the number of offers. An offer keeps the date of its last
    change when it is saved (or the index rebuilt) unchanged, so that its feed entry is
    not announced again."""
    rows = PublishedOffer.objects.filter(organisation_id=organisation.pk)
    before = {row.block_id: row for row in rows}
    rows.delete()
    now = timezone.now()
    offers = []
    for position, item in enumerate(organisation.offers):
        offer = PublishedOffer(
            organisation_id=organisation.pk,
            block_id=item.id or "",
            position=position,
            **item.block.index_record(item.value),
        )
        old = before.get(offer.block_id)
        unchanged = old is not None and all(
            getattr(old, name) == getattr(offer, name) for name in OFFER_FIELDS
        )
        offer.updated_at = old.updated_at if unchanged and old.updated_at else now
        offers.append(offer)
    PublishedOffer.objects.bulk_create(offers)
    return len(offers)


def remove_page(page: CountryPage) -> None:
    PublishedPage.objects.filter(page_id=page.pk).delete()
    mark_fallback(page.translation_key)


def rebuild() -> int:
    PublishedPage.objects.all().delete()
    count = 0
    for page in CountryPage.objects.live().iterator():
        if index_page(page) is not None:
            count += 1
    for organisation in Organisation.objects.all().iterator():
        index_organisation(organisation)
    return count


def matching_slugs(page_ids) -> set[str]:
    """The slugs of the pages whose matching (country_pages.matching) shows what these
    pages state: with offers, every page with needs (their cards list the offers); with
    needs, every page with offers (each counts the needs it could meet). Asked before and
    after a reindex, like the donors. Three queries at most."""
    page_ids = list(page_ids)
    slugs: set[str] = set()
    mine = PublishedPage.objects.filter(page_id__in=page_ids)
    if PublishedOffer.objects.filter(source__in=mine).exists():
        slugs |= _slugs(PublishedPage.objects.filter(needs__isnull=False))
    if PublishedNeed.objects.filter(source__in=mine).exists():
        slugs |= _slugs(PublishedPage.objects.filter(offers__isnull=False))
    return slugs


def _slugs(entries) -> set[str]:
    return {
        path.rstrip("/").rsplit("/", 1)[-1]
        for path in entries.values_list("url_path", flat=True).distinct()
    }
