from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField

from home.fields import LeanStreamField
from home.models import BasePage
from registry.models import NAME_LANGUAGES, StateParty

from .blocks import CountryPageBodyBlock
from .panels import RegistryFactsPanel, TranslationStatusPanel


class ThematicTag(TagBase):
    """The ISU's vocabulary of cross-cutting themes (gender and diversity, SDGs, capacity
    building, …), used to tag needs and support. A django-taggit tag whose slug is the same
    in every language, with a label per language."""

    name_fr = models.CharField(_("name (French)"), max_length=100, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=100, blank=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=100, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=100, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=100, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("name_fr"),
        FieldPanel("name_es"),
        FieldPanel("name_ar"),
        FieldPanel("name_ru"),
        FieldPanel("name_zh_hans"),
    ]

    class Meta:
        verbose_name = _("thematic tag")
        verbose_name_plural = _("thematic tags")

    @property
    def label(self) -> str:
        suffix = (get_language() or "en").replace("-", "_")
        if suffix != "en" and suffix in NAME_LANGUAGES:
            return getattr(self, f"name_{suffix}") or self.name
        return self.name


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

    panels = [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("kind"), FieldPanel("website")]

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
        try:
            return super().route(request, path_components)
        except Http404:
            # A country page not (yet) translated into this language: serve the source
            # language version under this language's URL, with a notice (CountryPage.serve).
            if len(path_components) == 1:
                fallback = self.untranslated_child(path_components[0])
                if fallback is not None:
                    return RouteResult(fallback, kwargs={"shown_in_locale": self.locale})
            raise

    def country_pages(self):
        """Live country pages under this index or any of its translations."""
        under_any_translation = Q()
        for path in self.get_translations(inclusive=True).values_list("path", flat=True):
            under_any_translation |= Q(path__startswith=path)
        return CountryPage.objects.live().filter(under_any_translation, depth=self.depth + 1)

    def untranslated_child(self, slug: str) -> CountryPage | None:
        return preferred_source(
            list(self.country_pages().filter(slug=slug).select_related("locale"))
        )

    def country_entries(self) -> list[CountryEntry]:
        """One entry per State with a page in any language: this language's live page
        when there is one, else the URL that shows the source with a notice."""
        pages: dict = {}
        for page in self.country_pages().select_related("state", "locale"):
            current = pages.get(page.translation_key)
            if current is None or page.locale_id == self.locale_id:
                pages[page.translation_key] = page
        base_url = self.url
        entries = [
            CountryEntry(
                page=page,
                url=f"{base_url}{page.slug}/",
                translated=page.locale_id == self.locale_id,
            )
            for page in pages.values()
        ]
        entries.sort(key=lambda entry: entry.page.state.name)
        return entries

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["entries"] = self.country_entries()
        return context


class CountryEntry:
    __slots__ = ("page", "url", "translated")

    def __init__(self, page: CountryPage, url: str, translated: bool):
        self.page, self.url, self.translated = page, url, translated


def preferred_source(candidates: list[CountryPage]) -> CountryPage | None:
    """Of a page's translations, the one to show where the visitor's language is missing:
    the language it was written in, else English, else any."""
    if not candidates:
        return None
    from wagtail_localize.models import TranslationSource

    source_locale_ids = set(
        TranslationSource.objects.filter(object_id=candidates[0].translation_key).values_list(
            "locale_id", flat=True
        )
    )
    for candidate in candidates:
        if candidate.locale_id in source_locale_ids:
            return candidate
    for candidate in candidates:
        if candidate.locale.language_code == settings.LANGUAGE_CODE:
            return candidate
    return candidates[0]


STATUS_SECTION = "status_of_implementation"


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
        return self.name == STATUS_SECTION


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

    def sections(self) -> list[Section]:
        """The body's sections in the annex order, whatever order they were added in.
        The status of implementation is always there: the ISU publishes it on every page,
        whether or not the State added a note."""
        stream_block = self.body.stream_block
        present = {child.block_type: child for child in self.body}
        sections = []
        for name, block in stream_block.child_blocks.items():
            child = present.get(name)
            if child is not None or name == STATUS_SECTION:
                sections.append(Section(name, block, child))
        return sections

    def serve(self, request, *args, shown_in_locale: Locale | None = None, **kwargs):
        request.shown_in_locale = shown_in_locale
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        shown_in = getattr(request, "shown_in_locale", None)
        context["is_fallback"] = shown_in is not None and shown_in.pk != self.locale_id
        context["content_language"] = self.locale.language_code
        context["sections"] = self.sections()
        context["state"] = StateParty.objects.with_related().get(pk=self.state_id)
        return context
