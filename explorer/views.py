from collections import defaultdict
from urllib.parse import urlencode

from django import forms
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import page_cache
from core.forms import FilterForm
from core.i18n import active_locale
from country_pages import matching
from country_pages.directory import collation_key, need_theme_choices
from country_pages.index_models import (
    PublishedNeed,
    PublishedOffer,
    PublishedPage,
)
from country_pages.models import states_index_url
from country_pages.tags import tag_choices
from registry.models import Region, StateParty


class ThemeRegionFilterForm(FilterForm):
    """Needs and offers by theme and region: the filters the explorer's needs and the
    offers (the needs ↔ offers view's list and the offers' feed) share."""

    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=())
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions"))] + list(Region.choices)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + need_theme_choices()

    def chosen_labels(self, filters: dict) -> list[str]:
        """The labels of the valid filters chosen, in the form's order (a feed's title)."""
        return [
            str(dict(field.choices)[filters[name]])
            for name, field in self.fields.items()
            if filters.get(name) and isinstance(field, forms.ChoiceField)
        ]


class ExplorerFilterForm(ThemeRegionFilterForm):
    tag = forms.ChoiceField(label=_("Cross-cutting issue"), required=False, choices=())
    # The needs an offer could meet (an offer's block id, the same in every language):
    # the link under each offer.
    offer = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def clean_offer(self):
        """Only a published offer's id: made-up values are not kept in the page cache."""
        value = self.cleaned_data["offer"]
        if value and not PublishedOffer.objects.filter(block_id=value).exists():
            raise forms.ValidationError(_("No such offer."))
        return value

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
    if filters.get("offer"):
        offer = matching.offer_filter(locale_id, filters["offer"])
        needs = needs.filter(matching.needs_met_filter(offer)) if offer else needs.none()
    return needs


def needs_feed_path(filters: dict) -> str:
    """The address of the needs' feed with these filters, in the active language."""
    return feed_path("needs_feed", filters)


def feed_path(name: str, filters: dict) -> str:
    """The address of a feed (its URL name) with these filters, in the active language."""
    query = urlencode(sorted((key, value) for key, value in filters.items() if value))
    return reverse(name) + (f"?{query}" if query else "")


def matching_offers(locale_id: int, filters: dict) -> tuple[list, dict]:
    """The published offers a visitor in this language sees, filtered by theme and region
    as the needs ↔ offers view counts and lists them (matching.offers_covering), with the
    States they name (matching.focus_states): the offers' feed (explorer.feeds). Two
    queries."""
    offers = matching.visible_offers(locale_id)
    states = matching.focus_states(offers)
    chosen = matching.offers_covering(
        offers, states, filters.get("theme", ""), filters.get("region", "")
    )
    return chosen, states


def explorer(request):
    """Every published need, across all countries, and the assistance each State gives."""
    locale = active_locale(request)
    form = ExplorerFilterForm(request.GET or None)
    page_cache.accept_query(request, form)
    filters = form.filters()
    index_url = states_index_url(request) or "/"

    needs = matching_needs(locale.pk, filters).prefetch_related("tags")
    needs = sorted(needs, key=lambda n: (collation_key(n.source.state.name), n.position))
    for need in needs:
        need.url = f"{need.source.url_under(index_url)}#need-{need.block_id}"
    offer = matching.offer_filter(locale.pk, filters["offer"]) if filters.get("offer") else None

    # Assistance, by the State that gives it.
    given = defaultdict(list)
    assistance = list(matching.visible_assistance(locale.pk))
    # The offers that could meet each need, and the States already active there.
    matching.attach_to_needs(needs, locale.pk, index_url, assistance)
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
            "offer": offer,
            "offer_provider": matching.provider_of(offer, index_url) if offer else None,
            "feed_url": needs_feed_path(filters),
            "theme_labels": dict(need_theme_choices()),
            # One notice for the page; each illustrative item carries a mark.
            "has_illustrative": any(n.illustrative for n in needs)
            or any(item.illustrative for _donor, items in donor_rows for item in items),
        },
    )


def needs_and_offers(request):
    """Needs and offers by theme and region, from the derived index: the gaps (needs and
    no offer) marked; every published offer with the number of needs it could meet."""
    locale = active_locale(request)
    index_url = states_index_url(request) or "/"
    # The list of offers filters as the offers' feed does, and links to it.
    form = ThemeRegionFilterForm(request.GET or None)
    page_cache.accept_query(request, form)
    filters = form.filters()
    table = matching.gap_table(locale.pk, need_theme_choices())
    needs = table["needs"]
    states = table["states"]
    listed = matching.offers_covering(
        table["offers"], states, filters.get("theme", ""), filters.get("region", "")
    )
    offers = []
    for offer in listed:
        offer.provider = matching.provider_of(offer, index_url)
        offer.need_count = len(
            matching.needs_met_by(offer, needs, matching.provider_state_id(offer))
        )
        offer.explorer_url = matching.explorer_url_for_offer(offer.block_id)
        offer.states = [states[pk] for pk in offer.countries if pk in states]
        offers.append(offer)
    offers.sort(key=lambda o: (o.organisation_id is not None, collation_key(o.provider.name)))
    return TemplateResponse(
        request,
        "explorer/needs_offers.html",
        {
            "rows": table["rows"],
            "gaps": table["gaps"],
            "regions": list(Region.choices),
            "offers": offers,
            "form": form,
            "filtered": bool(filters),
            "feed_url": feed_path("offers_feed", filters),
            "theme_labels": dict(need_theme_choices()),
            "region_labels": dict(Region.choices),
            "has_illustrative": any(o.illustrative for o in offers),
        },
    )
