"""What every page of the site shares (an abstract Wagtail page)."""

from __future__ import annotations

from django.utils.translation import get_language
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from .revisions import revision_is_protected


class BasePage(Page):
    """What every page of the site shares.

    Slugs are synchronised rather than translated, so a page keeps the same path in every
    language (/en/states-parties/sudan/, /ar/states-parties/sudan/) and the language
    switcher only changes the prefix.
    """

    @property
    def localized_draft(self):
        # A Site root page kept by core.middleware.cached_site is already the version in
        # that language: no Locale query to find that out again on every request.
        if getattr(self, "_localized_for", None) == get_language():
            return self
        return super().localized_draft

    override_translatable_fields = [SynchronizedField("slug")]

    def save_revision(self, *args, overwrite_revision=None, **kwargs):
        """A revision that is live, was published or scheduled, or is or was under review
        is never overwritten in place (core.revisions): a new revision is saved beside it,
        whoever saves and by whichever path (editor, autosave, API)."""
        if overwrite_revision is not None and revision_is_protected(overwrite_revision):
            overwrite_revision = None
        return super().save_revision(*args, overwrite_revision=overwrite_revision, **kwargs)

    class Meta:
        abstract = True
