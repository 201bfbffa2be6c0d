"""A page's privacy is the same in every language, like its slug: a restriction set on one
language version is set on all of them (Wagtail keeps restrictions per page, and its
checks — serving, `.public()`, the API, the sitemap, search — then hold everywhere)."""

from __future__ import annotations

from wagtail.models import Page, PageViewRestriction


def _twin_pages(restriction: PageViewRestriction):
    page = Page.objects.filter(pk=restriction.page_id).first()
    return page.get_translations() if page is not None else Page.objects.none()


def mirror(restriction: PageViewRestriction) -> None:
    for page in _twin_pages(restriction):
        twin = PageViewRestriction.objects.filter(page=page).first() or PageViewRestriction(
            page=page
        )
        if (
            twin.pk
            and twin.restriction_type == restriction.restriction_type
            and twin.password == restriction.password
        ):
            continue  # already the same: also ends the signals' round trip
        twin.restriction_type = restriction.restriction_type
        twin.password = restriction.password
        twin.save()
        twin.groups.set(restriction.groups.all())


def mirror_groups(restriction: PageViewRestriction) -> None:
    groups = set(restriction.groups.values_list("pk", flat=True))
    for twin in PageViewRestriction.objects.filter(page__in=_twin_pages(restriction)):
        if set(twin.groups.values_list("pk", flat=True)) != groups:
            twin.groups.set(groups)


def unmirror(restriction: PageViewRestriction) -> None:
    PageViewRestriction.objects.filter(page__in=_twin_pages(restriction)).delete()
