from collections import defaultdict
from urllib.parse import urlencode

from django import forms
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import page_cache
from core.forms import FilterForm
from core.i18n import active_locale
from country_pages.directory import collation_key, need_theme_choices
from country_pages.index_models import PublishedAssistance, PublishedNeed, PublishedPage
from country_pages.models import states_index_url
from country_pages.tags import tag_choices
from registry.models import Region, StateParty


class ExplorerFilterForm(FilterForm):
    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=())
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions"))] + list(Region.choices)
    )
    tag = forms.ChoiceField(label=_("Cross-cutting issue"), required=False, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + need_theme_choices()
        self.fields["tag"].choices = [("", _("All"))] + tag_choices()


def matching_needs(locale_id: int, filters: dict):
    """The published needs a visitor in this language sees, filtered as the explorer's
    form says (its valid filters): the explorer and its feed (explorer.feeds) read these."""
    needs = PublishedNeed.objects.filter(
        source__in=PublishedPage.objects.visible_in(locale_id)
    ).select_related("source__state", "source__locale")
    if filters.get("theme"):
        needs = needs.filter(theme=filters["theme"])
    if filters.get("region"):
        needs = needs.filter(source__state__region=filters["region"])
    if filters.get("tag"):
        needs = needs.filter(tags__slug=filters["tag"])
    return needs


def needs_feed_path(filters: dict) -> str:
    """The address of the needs' feed with these filters, in the active language."""
    query = urlencode(sorted((name, value) for name, value in filters.items() if value))
    return reverse("needs_feed") + (f"?{query}" if query else "")


def explorer(request):
    """Every published need, across all countries, and the assistance each State gives."""
    locale = active_locale(request)
    form = ExplorerFilterForm(request.GET or None)
    page_cache.accept_query(request, form)
    filters = form.filters()
    index_url = states_index_url(request) or "/"
    visible = PublishedPage.objects.visible_in(locale.pk)

    needs = matching_needs(locale.pk, filters).prefetch_related("tags")
    needs = sorted(needs, key=lambda n: (collation_key(n.source.state.name), n.position))
    for need in needs:
        need.url = f"{need.source.url_under(index_url)}#need-{need.block_id}"

    # Assistance, by the State that gives it.
    given = defaultdict(list)
    assistance = PublishedAssistance.objects.filter(source__in=visible).select_related(
        "source__state", "source__locale"
    )
    for item in assistance:
        item.url = f"{item.source.url_under(index_url)}#partnerships"
        given[item.donor_id].append(item)
    donors = StateParty.objects.filter(pk__in=given.keys())
    donor_rows = sorted(
        (
            (donor, sorted(given[donor.pk], key=lambda i: collation_key(i.source.state.name)))
            for donor in donors
        ),
        key=lambda row: collation_key(row[0].name),
    )
    return TemplateResponse(
        request,
        "explorer/explorer.html",
        {
            "form": form,
            "needs": needs,
            "donor_rows": donor_rows,
            "filtered": bool(filters),
            "feed_url": needs_feed_path(filters),
            "theme_labels": dict(need_theme_choices()),
            # One notice for the page; each illustrative item carries a mark.
            "has_illustrative": any(n.illustrative for n in needs)
            or any(item.illustrative for _donor, items in donor_rows for item in items),
        },
    )
