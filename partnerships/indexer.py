"""Keeps the partnerships' index (models.PublishedPartnership) in step with the live country
pages: called by the publish pipeline (publishing.receivers.reindex) for every page it
reindexes, inside the publishing transaction; `manage.py rebuild_partnership_index`
rebuilds all of it. A page that is not live and public has none indexed."""

from __future__ import annotations

from django.db import transaction

from country_pages.models import CountryPage

from .models import PublishedPartner, PublishedPartnership


def records_of(page: CountryPage):
    """(record, illustrative) of each partnership the page's body states."""
    for section in page.body:
        illustrative = section.block.is_illustrative(section.value)
        for record in section.block.action21_partnerships(section.value, page.state_id):
            yield record, illustrative


@transaction.atomic
def index_page(page: CountryPage) -> int:
    """(Re)index one country page's partnerships from its live content (none if the page is
    not live, or not public). Returns how many."""
    PublishedPartnership.objects.filter(page_id=page.pk).delete()
    page = CountryPage.objects.filter(pk=page.pk).first()
    if page is None or not page.live or page.get_view_restrictions().exists():
        return 0
    count = 0
    for position, (record, illustrative) in enumerate(records_of(page)):
        partnership = PublishedPartnership.objects.create(
            page=page,
            locale_id=page.locale_id,
            state_id=page.state_id,
            slug=page.slug,
            translation_key=page.translation_key,
            block_id=record["block_id"],
            position=position,
            title=record["title"][:200],
            terms_digest=record["terms_digest"],
            record=record,
            illustrative=illustrative,
        )
        PublishedPartner.objects.bulk_create(
            PublishedPartner(partnership=partnership, state_id=item["state"], position=index)
            for index, item in enumerate(record["partners"])
        )
        count += 1
    return count


def remove_page(page: CountryPage) -> None:
    PublishedPartnership.objects.filter(page_id=page.pk).delete()


def partner_slugs(page_ids) -> set[str]:
    """The slugs of the partner States' pages of the partnerships these pages state (their
    pages show those partnerships): asked before and after a reindex, like the donors."""
    partners = PublishedPartner.objects.filter(partnership__page_id__in=list(page_ids)).values(
        "state_id"
    )
    return set(CountryPage.objects.filter(state_id__in=partners).values_list("slug", flat=True))


def rebuild() -> int:
    PublishedPartnership.objects.all().delete()
    return sum(index_page(page) for page in CountryPage.objects.live().iterator())
