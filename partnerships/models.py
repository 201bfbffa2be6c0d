"""Partnerships under Action #21 (Maputo Action Plan): a derived index of the partnerships
the published country pages state (PublishedPartnership and its PublishedPartner rows,
rewritten for a page by partnerships.indexer whenever the publish pipeline reindexes it),
so that a partner State's page shows the partnerships it is part of without reading other
pages; and the partner States' confirmations (PartnershipConfirmation), made by their focal
points in the admin."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from registry.models import StateParty


class PublishedPartnershipQuerySet(models.QuerySet):
    def visible_in(self, locale_id: int):
        """The partnerships of the page version a visitor in this language sees (theirs,
        or the one shown in its place): the country pages' index decides, as for needs."""
        from country_pages.index_models import PublishedPage

        return self.filter(page__published_index__in=PublishedPage.objects.visible_in(locale_id))


class PublishedPartnership(models.Model):
    """One partnership of a live, public country page (one language): the page's record
    of it (country_pages.blocks.action21.partnership_record) as it reads in that language.
    Hangs on the page, not on its entry in the country pages' index, which is rebuilt on
    its own (`rebuild_explorer_index`)."""

    page = models.ForeignKey(
        "country_pages.CountryPage", on_delete=models.CASCADE, related_name="partnerships"
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    # The affected State, and the page's slug (the same in every language).
    state = models.ForeignKey(StateParty, on_delete=models.CASCADE, related_name="+")
    slug = models.SlugField(max_length=255)
    # The page's translation key and the partnership's block id: the same in every
    # language, they name the partnership in URLs and confirmations.
    translation_key = models.UUIDField(db_index=True)
    block_id = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    terms_digest = models.CharField(max_length=64)
    record = models.JSONField()
    illustrative = models.BooleanField(default=False)

    objects = PublishedPartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("partnership under Action #21")

    def __str__(self) -> str:
        return self.title

    @property
    def anchor(self) -> str:
        return f"partnership-{self.block_id}"

    def url_under(self, index_url: str) -> str:
        """Its place on the affected State's page, under the States Parties index's URL
        in the visitor's language."""
        return f"{index_url}{self.slug}/#{self.anchor}"


class PublishedPartner(models.Model):
    """A partner State of an indexed partnership: what finds the partnerships a State is
    part of, for its page and its focal points."""

    partnership = models.ForeignKey(
        PublishedPartnership, on_delete=models.CASCADE, related_name="partners"
    )
    state = models.ForeignKey(StateParty, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.state_id} in {self.partnership_id}"


class PartnershipConfirmation(models.Model):
    """A partner State's confirmation of a partnership's terms, by one of its focal points.
    It stays with the partnership across republications and languages; it counts only while
    the terms are those confirmed (terms_digest), else the page says the partner confirmed
    earlier terms."""

    translation_key = models.UUIDField()
    block_id = models.CharField(max_length=64)
    state = models.ForeignKey(StateParty, on_delete=models.CASCADE, related_name="+")
    terms_digest = models.CharField(max_length=64)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    confirmed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("confirmation of a partnership")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "block_id", "state"],
                name="one_confirmation_per_partner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.state_id} confirmed {self.block_id}"
