from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from core.pages import BasePage
from country_pages.directory import listings, sort_newest_first
from country_pages.models import StatesPartiesIndexPage
from registry.models import PARTY_STATUSES, ClearanceStatus


class HomePage(BasePage):
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["country_pages.StatesPartiesIndexPage"]

    def route(self, request, path_components):
        # The only kind of child: read it as its specific type at once (one query where
        # Wagtail's route makes two), on the way to every country page.
        if path_components:
            child = (
                StatesPartiesIndexPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .first()
            )
            if child is not None:
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index = StatesPartiesIndexPage.objects.child_of(self).live().first()
        context["states_index"] = index
        states = listings(index.get_url(request), self.locale_id) if index else []
        today = timezone.localdate()
        parties = [s for s in states if s.status in PARTY_STATUSES]
        context["states"] = states
        context["party_count"] = len(parties)
        context["obligation_count"] = sum(1 for s in parties if s.state.has_clearance_obligation)
        # A count over a registry that is not complete is not a total: say how many States
        # Parties have no Article 5 status recorded yet (templates/home/home_page.html).
        context["obligation_unrecorded"] = sum(
            1 for s in parties if s.state.clearance_status == ClearanceStatus.UNKNOWN
        )
        upcoming = [s for s in states if s.deadline and s.deadline >= today]
        context["next_deadlines"] = sorted(upcoming, key=lambda s: s.deadline)[:5]
        # A page never published through a revision has no date: not "recently updated".
        with_content = [
            s for s in states if s.published.section_count and s.published.last_published_at
        ]
        sort_newest_first(with_content)
        context["recently_updated"] = with_content[:6]
        return context
