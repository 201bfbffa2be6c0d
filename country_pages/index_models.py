"""A derived index of what the published country pages say: needs by theme, assistance
between States, and a few facts used to filter the States Parties index. Rebuilt for a page
when it is published or unpublished (country_pages.indexer, called by the publish
pipeline), never by scanning pages per request; `manage.py rebuild_explorer_index`
rebuilds all of it.

The tables keep the names they had when the index lived in the explorer app
(`explorer_*`): the move changed no data (migrations country_pages 0003, explorer 0003)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase
from wagtail.models import Locale

from registry.models import StateParty

from .tags import ThematicTag


class PublishedPageQuerySet(models.QuerySet):
    def visible_in(self, locale_id: int):
        """For each country, the version a visitor in this language sees: theirs, or the
        source language version where theirs is missing. One query."""
        own = PublishedPage.objects.filter(locale_id=locale_id).values("translation_key")
        return self.filter(Q(locale_id=locale_id) | Q(is_source=True) & ~Q(translation_key__in=own))


class PublishedPage(models.Model):
    """One live country page (one language) and what the explorer needs to know of it."""

    page = models.OneToOneField(
        "country_pages.CountryPage", on_delete=models.CASCADE, related_name="published_index"
    )
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField(db_index=True)
    # The version the others are translated from: shown where a language is missing.
    is_source = models.BooleanField(default=False)
    state = models.ForeignKey(StateParty, on_delete=models.CASCADE, related_name="+")
    approach_launched_on = models.DateField(null=True, blank=True)
    need_themes = models.JSONField(default=list)
    section_count = models.PositiveSmallIntegerField(default=0)
    # The partnerships under Action #21 the page states: [{"block_id", "title"}], so that
    # a need's card links to them without reading the partnerships' own index.
    partnerships = models.JSONField(default=list)
    url_path = models.CharField(max_length=400)
    last_published_at = models.DateTimeField(null=True)

    objects = PublishedPageQuerySet.as_manager()

    class Meta:
        db_table = "explorer_publishedpage"
        indexes = [models.Index(fields=["locale", "state"])]

    def __str__(self) -> str:
        return f"{self.state_id} ({self.locale_id})"

    @property
    def slug(self) -> str:
        """The page's slug: the last segment of its url_path (the same in every language)."""
        return self.url_path.rstrip("/").rsplit("/", 1)[-1]

    def url_under(self, index_url: str) -> str:
        """The page's address under the States Parties index's URL in the visitor's
        language: what every listing of published pages links to."""
        return f"{index_url}{self.slug}/"


class TaggedNeed(ItemBase):
    tag = models.ForeignKey(ThematicTag, on_delete=models.CASCADE, related_name="tagged_needs")
    content_object = models.ForeignKey(
        "PublishedNeed", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        db_table = "explorer_taggedneed"


class PublishedNeed(models.Model):
    source = models.ForeignKey(PublishedPage, on_delete=models.CASCADE, related_name="needs")
    block_id = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField()
    theme = models.CharField(max_length=40, db_index=True)
    title = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    area_remaining_m2 = models.BigIntegerField(null=True)
    people_to_reach = models.BigIntegerField(null=True)
    mines_to_destroy = models.BigIntegerField(null=True)
    funding_gap = models.DecimalField(max_digits=14, decimal_places=0, null=True)
    currency = models.CharField(max_length=3, blank=True)
    # From a section ticked "Illustrative example": shown with the same mark as on the page.
    illustrative = models.BooleanField(default=False)
    tags = TaggableManager(through=TaggedNeed, blank=True)

    class Meta:
        db_table = "explorer_publishedneed"
        ordering = ["source__state__name_en", "position"]

    def __str__(self) -> str:
        return f"{self.theme} ({self.source})"


class PublishedAssistance(models.Model):
    """A State named as providing assistance on another State's page."""

    source = models.ForeignKey(PublishedPage, on_delete=models.CASCADE, related_name="assistance")
    donor = models.ForeignKey(StateParty, on_delete=models.CASCADE, related_name="+")
    support = models.TextField(blank=True)
    themes = models.JSONField(default=list)
    position = models.PositiveSmallIntegerField()
    illustrative = models.BooleanField(default=False)

    class Meta:
        db_table = "explorer_publishedassistance"
        ordering = ["position"]
        verbose_name = _("assistance provided")

    def __str__(self) -> str:
        return f"{self.donor_id} → {self.source}"


class PublishedOfferQuerySet(models.QuerySet):
    def visible_in(self, locale_id: int):
        """The offers a visitor in this language sees: those of the published pages they
        see (PublishedPage.visible_in), and the offer profile of each organisation in
        their language, or in the site's default language where the organisation's version
        in theirs has none (not translated yet). One query."""
        from django.conf import settings

        in_language = PublishedOffer.objects.filter(organisation__locale_id=locale_id).values(
            "organisation__translation_key"
        )
        return self.filter(
            Q(source__in=PublishedPage.objects.visible_in(locale_id))
            | Q(organisation__locale_id=locale_id)
            | Q(organisation__locale__language_code=settings.LANGUAGE_CODE)
            & ~Q(organisation__translation_key__in=in_language)
        )


class PublishedOffer(models.Model):
    """An offer of assistance: on a published country page (`source`) or in an
    organisation's profile (`organisation`), one row per offer. Needs and offers are
    matched on these rows (country_pages.matching), never on the pages."""

    source = models.ForeignKey(
        PublishedPage, on_delete=models.CASCADE, null=True, blank=True, related_name="offers"
    )
    organisation = models.ForeignKey(
        "country_pages.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="published_offers",
    )
    block_id = models.CharField(max_length=64, db_index=True)
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    # Theme keys (those of needs), UN M49 region codes, StateParty ids, kinds.
    themes = models.JSONField(default=list)
    regions = models.JSONField(default=list)
    countries = models.JSONField(default=list)
    kinds = models.JSONField(default=list)
    amount = models.DecimalField(max_digits=14, decimal_places=0, null=True)
    currency = models.CharField(max_length=3, blank=True)
    start_year = models.PositiveSmallIntegerField(null=True)
    end_year = models.PositiveSmallIntegerField(null=True)
    contact = models.CharField(max_length=300, blank=True)
    contact_url = models.URLField(max_length=500, blank=True)
    illustrative = models.BooleanField(default=False)
    # When an organisation's offer was last added or changed (the offers' feed dates its
    # entries by it; an organisation has no publication date). None for a page's offers,
    # which date from the page's publication (PublishedPage.last_published_at).
    updated_at = models.DateTimeField(null=True, blank=True)

    objects = PublishedOfferQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("offer of assistance")
        constraints = [
            models.CheckConstraint(
                condition=Q(source__isnull=True) ^ Q(organisation__isnull=True),
                name="published_offer_one_provider",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.source or self.organisation_id})"

    def covers(self, theme: str, region: str, state_id: int) -> bool:
        """Whether this offer could meet a need of this theme in this State (of this
        region): its theme, and the region or the State among those it focuses on."""
        return theme in self.themes and (region in self.regions or state_id in self.countries)
