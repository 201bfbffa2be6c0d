"""What each kind of change sets in motion, in one place: a publish makes the translations
show the source's figures, updates the derived index and invalidates the cache groups that
showed the page (the page in every language, the listings, the donors and the partner States
named before and after); an unpublish, a privacy, slug, file, registry, site, organisation
or tag change likewise; a partner State's confirmation of a partnership refreshes the pages
of the States in it. Every invalidation goes through pipeline.invalidate, so it is applied
after the commit and retried until the cache has taken it."""

from __future__ import annotations

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail import signals
from wagtail.models import Page, PageViewRestriction

from approach import indexer as event_indexer
from core.page_cache import ALL, LISTINGS, country_group
from country_pages import figures, indexer
from country_pages.index_models import PublishedAssistance
from country_pages.models import CountryPage, Organisation
from country_pages.tags import ThematicTag
from focal_points.files import used_on_live_page
from partnerships import indexer as partnership_indexer
from partnerships.models import PartnershipConfirmation
from registry.models import Article5Deadline, Article7Report, MembershipEvent, StateParty
from reporting.models import Article7Report as OnlineReport

from . import privacy
from .pipeline import invalidate


def _matching_groups(page_ids) -> set[str]:
    """Needs list the offers that could meet them, offers count the needs: the pages on
    the other side are stale too (country_pages.indexer.matching_slugs)."""
    return {country_group(slug) for slug in indexer.matching_slugs(page_ids)}


def _donor_groups(page_ids) -> set[str]:
    """A donor's page lists the assistance other pages credit it with: when a page names
    or stops naming a donor, the donor's page is stale too."""
    donors = PublishedAssistance.objects.filter(source__page_id__in=page_ids).values("donor_id")
    slugs = CountryPage.objects.filter(state_id__in=donors).values_list("slug", flat=True)
    return {country_group(slug) for slug in slugs}


def _partner_groups(page_ids) -> set[str]:
    """A partner State's page shows the partnerships under Action #21 it is part of: when
    a page states, changes or drops one, the partners' pages are stale too."""
    return {country_group(slug) for slug in partnership_indexer.partner_slugs(page_ids)}


def reindex(pages) -> set[str]:
    """Index these country pages from their live, public content (dropping those that are
    not), and name the groups that showed or now show them."""
    pages = list(pages)
    ids = [page.pk for page in pages]
    groups = {LISTINGS, *(country_group(page.slug) for page in pages), *_donor_groups(ids)}
    groups |= _matching_groups(ids) | _partner_groups(ids)
    for page in pages:
        indexer.index_page(page)
        event_indexer.index_page(page)  # the individualised approach's calendar
        partnership_indexer.index_page(page)  # its partnerships under Action #21
    return groups | _donor_groups(ids) | _matching_groups(ids) | _partner_groups(ids)


def page_published(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, CountryPage):
        # A figure is the same in every language: the translations take the source's
        # (each one republished comes back through here).
        figures.propagate(page)
        invalidate(*reindex([page]))
    else:
        invalidate(ALL)


def page_unpublished(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, CountryPage):
        invalidate(*reindex([page]))
    else:
        invalidate(ALL)


def slug_changed(sender, instance, instance_before, **kwargs):
    """Sent after the commit. The old URLs must stop serving the old page; pages below a
    renamed page have new URLs in the index."""
    page = instance.specific
    if isinstance(page, CountryPage):
        invalidate(country_group(instance_before.slug), *reindex([page]))
    else:
        invalidate(ALL, *reindex(CountryPage.objects.descendant_of(page)))


def _privacy_changed(restriction) -> None:
    """The index drops or takes back what is no longer or again public, and every page
    that showed it is invalidated."""
    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is not None:
        invalidate(ALL, *reindex(CountryPage.objects.filter(path__startswith=page.path)))


def restriction_saved(sender, instance, **kwargs):
    privacy.mirror(instance)
    _privacy_changed(instance)


def restriction_deleted(sender, instance, origin=None, **kwargs):
    # Deleting a page deletes its restrictions: its translations keep theirs.
    if isinstance(origin, PageViewRestriction) or getattr(origin, "model", None) is (
        PageViewRestriction
    ):
        privacy.unmirror(instance)
    _privacy_changed(instance)


def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        privacy.mirror_groups(instance)


def file_changed(sender, instance, raw=False, **kwargs):
    """A file a live page shows was changed or is being deleted (by the ISU: the only ones
    who may, focal_points.files): every page showing it is stale."""
    if not raw and used_on_live_page(instance):
        invalidate(ALL)


def report_changed(sender, instance, signal=None, **kwargs):
    """An Article 7 report accepted, withdrawn or deleted (a draft's deletion shows
    nowhere): its State's country pages list the accepted reports, and its own page
    (with the version it amends) is in the listings' group."""
    if signal is post_delete and not instance.live:
        return
    pages = CountryPage.objects.filter(state_id=instance.state_id)
    invalidate(LISTINGS, *(country_group(slug) for slug in pages.values_list("slug", flat=True)))


def confirmation_changed(sender, instance, raw=False, **kwargs):
    """A partner confirmed a partnership or withdrew its confirmation: the affected
    State's page, the partner's and the list of partnerships show it."""
    if raw:
        return
    pages = CountryPage.objects.filter(
        Q(translation_key=instance.translation_key) | Q(state_id=instance.state_id)
    )
    slugs = set(pages.values_list("slug", flat=True))
    invalidate(LISTINGS, *(country_group(slug) for slug in slugs))


def country_page_deleted(sender, instance, **kwargs):
    """Wagtail unpublishes a live page it deletes (its pre_delete handler) on a copy read
    from the database, still live there: page_unpublished then indexed it again after
    Django had collected what to delete with it. Drop those rows once the page is gone
    (the foreign keys are checked at commit)."""
    indexer.remove_page(instance)
    event_indexer.remove_page(instance)
    partnership_indexer.remove_page(instance)


def organisation_saved(sender, instance, raw=False, **kwargs):
    """An organisation's offer profile is indexed as it is saved (the ISU keeps it); every
    page may show the organisation, so everything_changed follows."""
    if not raw:
        indexer.index_organisation(instance)


def everything_changed(sender, instance=None, **kwargs):
    """The registry, the site tree, organisations and tags: every page may show them."""
    invalidate(ALL)


def connect() -> None:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Site

    signals.page_published.connect(page_published, dispatch_uid="publishing-published")
    signals.page_unpublished.connect(page_unpublished, dispatch_uid="publishing-unpublished")
    signals.page_slug_changed.connect(slug_changed, dispatch_uid="publishing-slug")
    signals.published.connect(report_changed, sender=OnlineReport, dispatch_uid="pub-report")
    signals.unpublished.connect(report_changed, sender=OnlineReport, dispatch_uid="pub-report-u")
    post_delete.connect(report_changed, sender=OnlineReport, dispatch_uid="pub-report-d")
    post_save.connect(restriction_saved, sender=PageViewRestriction, dispatch_uid="pub-pvr")
    post_delete.connect(restriction_deleted, sender=PageViewRestriction, dispatch_uid="pub-pvr-d")
    m2m_changed.connect(
        restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="pub-pvr-groups",
    )
    post_save.connect(organisation_saved, sender=Organisation, dispatch_uid="pub-org-offers")
    post_delete.connect(country_page_deleted, sender=CountryPage, dispatch_uid="pub-page-del")
    for signal in (post_save, post_delete):
        signal.connect(
            confirmation_changed,
            sender=PartnershipConfirmation,
            dispatch_uid=f"pub-confirmation-{signal is post_save}",
        )
    for model in (get_image_model(), get_document_model()):
        name = model.__name__
        post_save.connect(file_changed, sender=model, dispatch_uid=f"pub-file-{name}")
        pre_delete.connect(file_changed, sender=model, dispatch_uid=f"pub-file-del-{name}")
    for model in (
        Site,  # also drops the Site lookups kept by core.middleware.cached_site
        Locale,
        StateParty,
        MembershipEvent,
        Article5Deadline,
        Article7Report,
        Organisation,
        ThematicTag,
    ):
        name = model.__name__
        post_save.connect(everything_changed, sender=model, dispatch_uid=f"pub-{name}")
        post_delete.connect(everything_changed, sender=model, dispatch_uid=f"pub-del-{name}")
