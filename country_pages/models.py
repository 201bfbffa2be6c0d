from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField

from core import page_cache
from core.fields import LeanStreamField
from core.i18n import active_language, active_locale, page_alternates
from core.pages import BasePage
from core.translation import fallback_version, is_outdated, original_locale_id
from registry.models import StateParty

from . import matching
from .blocks import CountryPageBodyBlock, OrganisationOffersBlock
from .choosers import CountryPageForm
from .contact_api import BodyField
from .directory import DirectoryFilterForm, listings

# The derived index and the tags are models of this app kept in modules of their own.
from .index_models import (  # noqa: F401
    PublishedAssistance,
    PublishedNeed,
    PublishedOffer,
    PublishedPage,
    TaggedNeed,
)
from .panels import RegistryFactsPanel, TranslationStatusPanel
from .tags import ThematicTag  # noqa: F401


class Organisation(TranslatableMixin, models.Model):
    """A partner organisation. Translatable: UNDP is PNUD in French and Spanish."""

    class Kind(models.TextChoices):
        INTERNATIONAL_NGO = "international_ngo", _("International NGO")
        NATIONAL_NGO = "national_ngo", _("National NGO")
        UN_ENTITY = "un_entity", _("United Nations entity")
        OTHER = "other", _("Other organisation")

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    website = models.URLField(
        _("website"),
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )

    # The offer profile, kept by the ISU: matched with the needs like a State's offers
    # (country_pages.matching), indexed on save (publishing.receivers).
    offers = LeanStreamField(
        OrganisationOffersBlock(), blank=True, verbose_name=_("offers of assistance")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("offers"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class StatesPartiesIndexPage(BasePage):
    intro = RichTextField(
        blank=True, features=["bold", "italic", "link"], verbose_name=_("introduction")
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["country_pages.CountryPage"]

    class Meta:
        verbose_name = _("States Parties index")

    def route(self, request, path_components):
        if len(path_components) != 1:
            return super().route(request, path_components)
        # Wagtail's own route reads the child, then its specific row: one query here, with
        # what the page shows beside (its locale and State).
        child = (
            CountryPage.objects.child_of(self)
            .filter(slug=path_components[0])
            .select_related("locale", "state")
            .first()
        )
        if child is not None and child.live:
            return RouteResult(child)
        # A country page not (yet) translated into this language: serve the source language
        # version under this language's URL, with a notice (CountryPage.serve).
        fallback = self.untranslated_child(path_components[0])
        if fallback is None:
            raise Http404
        return RouteResult(fallback, kwargs={"shown_in_locale": self.locale})

    def country_pages(self):
        """Live country pages under this index or any of its translations."""
        under_any_translation = Q()
        for path in self.get_translations(inclusive=True).values_list("path", flat=True):
            under_any_translation |= Q(path__startswith=path)
        return CountryPage.objects.live().filter(under_any_translation, depth=self.depth + 1)

    def untranslated_child(self, slug: str) -> CountryPage | None:
        """The version of this country page shown where this language is missing, as the
        derived index chose it at publish time (`indexer.mark_fallback`): one query."""
        return (
            self.country_pages()
            .filter(slug=slug, published_index__is_source=True)
            .select_related("locale", "state")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = DirectoryFilterForm(request.GET or None)
        page_cache.accept_query(request, form)
        context["form"] = form
        context["listings"] = listings(self.get_url(request), self.locale_id, form.filters())
        context["filtered"] = bool(form.filters().keys() - {"sort"})
        return context


def states_index_url(request: HttpRequest | None) -> str:
    """URL of the States Parties index in the visitor's language, read once a request."""
    return states_index_urls(request).get(active_language(), "")


def states_index_urls(request: HttpRequest | None) -> dict[str, str]:
    """{language: URL} of the States Parties index in every language it is live in, read
    once a request (every page's menu shows one, the switcher's fallbacks use the others)."""
    cached = getattr(request, "_states_index_urls", None)
    if cached is not None:
        return cached
    # Kept in the cache until a page other than a country page is published or
    # unpublished (which bumps the "all" generation).
    host = request.get_host() if request is not None else ""
    key = f"states-index-urls:{host}:{page_cache.generations(page_cache.ALL)[0]}"
    urls = cache.get(key)
    if urls is None:
        urls = {}
        indexes = StatesPartiesIndexPage.objects.live().select_related("locale").order_by("path")
        for index in indexes:
            urls.setdefault(index.locale.language_code, index.get_url(request) or "")
        cache.set(key, urls, settings.PAGE_CACHE_SECONDS)  # the key dies with its generation
    if request is not None:
        request._states_index_urls = urls
    return urls


class Section:
    """One annex section of a country page, as the template shows it."""

    __slots__ = ("name", "block", "child")

    def __init__(self, name: str, block, child):
        self.name, self.block, self.child = name, block, child

    @property
    def anchor(self) -> str:
        return self.name.replace("_", "-")

    @property
    def title(self) -> str:
        return self.block.label

    @property
    def value(self):
        return self.child.value if self.child is not None else None

    @property
    def is_status(self) -> bool:
        """The status of implementation: the registry's facts, with the State's note."""
        return self.block.registry_facts


class CountryPage(BasePage):
    """A State Party's page. Its sections follow the annex to the Committee's conclusions;
    the status of implementation comes live from the registry, never from the revision."""

    state = models.ForeignKey(
        StateParty,
        on_delete=models.PROTECT,
        related_name="country_pages",
        verbose_name=_("State"),
    )
    body = LeanStreamField(CountryPageBodyBlock(), blank=True, verbose_name=_("sections"))

    # Validates the body's image and document choices against the editor's rights.
    base_form_class = CountryPageForm
    content_panels = BasePage.content_panels + [
        # Only the ISU says which State a page speaks for.
        FieldPanel("state", permission="registry.change_stateparty"),
        RegistryFactsPanel(),
        TranslationStatusPanel(),
        HelpPanel(
            content=_(
                "Sections follow the annex of the Committee's conclusions. All are optional "
                "and each appears once; visitors see them in the annex order."
            )
        ),
        FieldPanel("body"),
    ]
    parent_page_types = ["country_pages.StatesPartiesIndexPage"]
    subpage_types: list[str] = []
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    # The body through BodyField: contact blocks link to this page's reveal form.
    api_fields = [
        APIField("iso3"),
        APIField("state_name"),
        APIField("body", serializer=BodyField()),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("state")
    ]

    class Meta:
        verbose_name = _("country page")

    def clean(self) -> None:
        super().clean()
        if self.state_id:
            others = CountryPage.objects.filter(state_id=self.state_id, locale_id=self.locale_id)
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {"state": _("This State already has a page in this language.")}
                )
            if (
                self.translation_key
                and CountryPage.objects.filter(translation_key=self.translation_key)
                .exclude(state_id=self.state_id)
                .exists()
            ):
                raise ValidationError({"state": _("Translations of a page cover the same State.")})

    @property
    def iso3(self) -> str:
        return self.state.iso3

    @property
    def state_name(self) -> str:
        return self.state.name_in(self.locale.language_code)

    def sections(self) -> list[Section]:
        """The body's sections in the annex order, whatever order they were added in.
        The status of implementation is always there: the ISU publishes it on every page,
        whether or not the State added a note."""
        stream_block = self.body.stream_block
        present = {child.block_type: child for child in self.body}
        sections = []
        for name, block in stream_block.child_blocks.items():
            child = present.get(name)
            if child is not None or block.registry_facts:
                sections.append(Section(name, block, child))
        return sections

    def assistance_given(self, request) -> list:
        """What this State provides to others, as the other States' pages say."""
        base = states_index_url(request)
        items = list(
            PublishedAssistance.objects.filter(
                donor_id=self.state_id,
                source__in=PublishedPage.objects.visible_in(active_locale(request).pk),
            ).select_related("source__state", "source__locale")
        )
        for item in items:
            item.url = f"{item.source.url_under(base)}#partnerships"
        return items

    def fallback_paths(self, language_codes, request) -> dict[str, tuple[str, str]]:
        """{language: (path, language shown)} for languages this page is not translated
        into: the index's address in that language serves the page anyway, in the language
        the derived index chose (StatesPartiesIndexPage.untranslated_child), with a notice."""
        live = [a.page for a in page_alternates(self, request)]
        # The same rule (core.translation.fallback_version), on the translations already read.
        shown = fallback_version(live, self.source_locale_id(request)) if live else None
        if shown is None:
            return {}
        # The index's addresses in every language, as the menu reads them (no query more).
        index_urls = states_index_urls(request)
        return {
            code: (f"{index_urls[code]}{self.slug}/", shown.locale.language_code)
            for code in language_codes
            if index_urls.get(code)
        }

    def source_locale_id(self, request) -> int | None:
        """The locale this page was written in, as wagtail-localize records it (None if
        it did not translate it; core.translation.original_locale_id), read once a
        request: the language switcher and the translation note both ask."""
        cache = getattr(request, "_source_locale_ids", None)
        if cache is None:
            cache = {}
            if request is not None:
                request._source_locale_ids = cache
        if self.translation_key not in cache:
            cache[self.translation_key] = original_locale_id(self.translation_key)
        return cache[self.translation_key]

    def translation_note(self, request) -> dict | None:
        """For a translation: the language it was translated from, and whether that
        version was published since. Uses the live translations already read for the
        language switcher."""
        source_locale_id = self.source_locale_id(request)
        if source_locale_id is None or source_locale_id == self.locale_id:
            return None
        original = next(
            (
                a.page
                for a in page_alternates(self, request)
                if a.page.locale_id == source_locale_id
            ),
            None,
        )
        if original is None:
            return None
        return {
            "language": original.locale.language_code,
            "outdated": is_outdated(self, original),
            "url": original.get_url(request),
        }

    def serve(self, request, *args, shown_in_locale: Locale | None = None, **kwargs):
        request.shown_in_locale = shown_in_locale
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        shown_in = getattr(request, "shown_in_locale", None)
        context["is_fallback"] = shown_in is not None and shown_in.pk != self.locale_id
        context["content_language"] = self.locale.language_code
        context["fragment_key"] = self.fragment_key(request)
        context["state_name"] = self.state.name
        # Lazy: when the article comes from the fragment cache, none of this is read.
        context["sections"] = SimpleLazyObject(self.sections)
        context["state"] = SimpleLazyObject(
            lambda: StateParty.objects.with_related().get(pk=self.state_id)
        )
        context["assistance_given"] = SimpleLazyObject(lambda: self.assistance_given(request))
        context["translation_note"] = SimpleLazyObject(lambda: self.translation_note(request))
        # Offers that could meet each need, needs each offer could meet (the index only).
        context["matches"] = SimpleLazyObject(
            lambda: matching.for_page(
                self, active_locale(request).pk, states_index_url(request) or "/"
            )
        )
        return context

    def fragment_key(self, request) -> str | None:
        """Names the rendered article (and the language links) of this published version,
        in this language, today. The article also shows the registry, organisations and
        tags, other pages' partnerships and the translations' dates: whatever changes them
        bumps the page cache's generations, which are part of the name. None in previews
        (the template tag also skips the cache there)."""
        if getattr(request, "is_preview", False) or not self.live:
            return None
        shown_in = getattr(request, "shown_in_locale", None)
        parts = [
            self.pk,
            self.live_revision_id,
            self.last_published_at.isoformat() if self.last_published_at else "",
            get_language(),
            shown_in.pk if shown_in is not None else "",
            request.get_host(),
            timezone.localdate().isoformat(),  # "time remaining" to deadlines
            *page_cache.generations(page_cache.country_group(self.slug), page_cache.ALL),
        ]
        return ":".join(map(str, parts))
