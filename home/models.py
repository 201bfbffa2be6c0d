from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField


class BasePage(Page):
    """What every page of the site shares.

    Slugs are synchronised rather than translated, so a page keeps the same path in every
    language (/en/states-parties/sudan/, /ar/states-parties/sudan/) and the language
    switcher only changes the prefix.
    """

    override_translatable_fields = [SynchronizedField("slug")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["country_pages.StatesPartiesIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from country_pages.models import StatesPartiesIndexPage

        context = super().get_context(request, *args, **kwargs)
        context["states_index"] = StatesPartiesIndexPage.objects.child_of(self).live().first()
        return context
