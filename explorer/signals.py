from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from country_pages.models import CountryPage
from home import cache as page_cache

from . import indexer
from .models import PublishedAssistance


def _donors_named_by(page: CountryPage) -> set[int]:
    return set(
        PublishedAssistance.objects.filter(source__page_id=page.pk).values_list(
            "donor_id", flat=True
        )
    )


def _forget_donor_pages(state_ids: set[int]) -> None:
    """A donor's page lists the assistance other pages name it for: when a page names or
    stops naming a donor, the donor's cached page is stale too."""
    if state_ids:
        slugs = CountryPage.objects.filter(state_id__in=state_ids).values_list("slug", flat=True)
        page_cache.bump(*{f"country:{slug}" for slug in slugs})


@receiver(page_published)
def index_published_page(sender, instance, **kwargs):
    if isinstance(instance, CountryPage):
        before = _donors_named_by(instance)
        indexer.index_page(instance)
        _forget_donor_pages(before | _donors_named_by(instance))


@receiver(page_unpublished)
def drop_unpublished_page(sender, instance, **kwargs):
    if isinstance(instance, CountryPage):
        before = _donors_named_by(instance)
        indexer.remove_page(instance)
        _forget_donor_pages(before)
