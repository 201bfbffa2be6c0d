"""The list of States Parties as the public sees it: the registry's facts joined with what
the published pages say (explorer's index), filtered and sorted from GET parameters. A
constant number of queries whatever the number of States."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from functools import cache

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.forms import FilterForm
from registry.models import (
    ClearanceStatus,
    MembershipStatus,
    Region,
    StateParty,
)

from .blocks import NeedsStreamBlock
from .index_models import PublishedPage

STATUSES_SHOWN = [
    MembershipStatus.STATE_PARTY,
    MembershipStatus.NOT_YET_IN_FORCE,
    MembershipStatus.WITHDRAWAL_PENDING,
    MembershipStatus.WITHDRAWN,
]


def collation_key(text: str) -> str:
    """Alphabetical order that ignores accents (Égypte with the Es, Côte with the Cs)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def _need_blocks():
    return NeedsStreamBlock().child_blocks


def need_theme_choices():
    """(theme, label in the active language) of each theme of need."""
    return [(name, block.label) for name, block in _need_blocks().items()]


class DirectoryFilterForm(FilterForm):
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions"))] + list(Region.choices)
    )
    status = forms.ChoiceField(
        label=_("Membership"),
        required=False,
        choices=[("", _("All"))] + [(s.value, s.label) for s in STATUSES_SHOWN],
    )
    article5 = forms.ChoiceField(
        label=_("Mine clearance (Article 5)"),
        required=False,
        choices=[
            ("", _("All")),
            ("obligation", _("Clearance obligation under way")),
            ("completed", _("Clearance completed")),
        ],
    )
    approach = forms.BooleanField(label=_("Individualised approach launched"), required=False)
    theme = forms.ChoiceField(label=_("Needs in"), required=False, choices=())
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", pgettext_lazy("sort States by", "Name")),
            ("deadline", _("Article 5 deadline")),
            ("entry_into_force", _("Entry into force")),
            ("updated", _("Last update of the page")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("Any theme"))] + need_theme_choices()


@dataclass
class Listing:
    state: StateParty
    url: str
    published: PublishedPage
    status: MembershipStatus
    deadline: dt.date | None

    @property
    def translated(self) -> bool:
        return self.published.locale_id == self._locale_id

    _locale_id: int = 0

    @property
    def days_to_deadline(self) -> int | None:
        if self.deadline is None:
            return None
        return (self.deadline - timezone.localdate()).days


def listings(index_url: str, locale_id: int, filters: dict | None = None) -> list[Listing]:
    filters = filters or {}
    published = {
        entry.state_id: entry
        for entry in PublishedPage.objects.visible_in(locale_id).only(
            "state_id",
            "locale_id",
            "translation_key",
            "approach_launched_on",
            "need_themes",
            "url_path",
            "last_published_at",
            "page_id",
            "section_count",
        )
    }
    states = StateParty.objects.with_related().filter(pk__in=published.keys())
    today = timezone.localdate()
    result = []
    for state in states:
        entry = published[state.pk]
        status = state.membership_status(today)
        if filters.get("region") and state.region != filters["region"]:
            continue
        if filters.get("status") and status != filters["status"]:
            continue
        if (
            filters.get("article5") == "obligation"
            and state.clearance_status != ClearanceStatus.OBLIGATION
        ):
            continue
        if (
            filters.get("article5") == "completed"
            and state.clearance_status != ClearanceStatus.COMPLETED
        ):
            continue
        if filters.get("approach") and entry.approach_launched_on is None:
            continue
        if filters.get("theme") and filters["theme"] not in entry.need_themes:
            continue
        result.append(
            Listing(
                state=state,
                url=entry.url_under(index_url),
                published=entry,
                status=status,
                deadline=state.clearance_deadline_in_force,
                _locale_id=locale_id,
            )
        )
    sort = filters.get("sort") or "name"
    by_name = lambda listing: collation_key(listing.state.name)  # noqa: E731
    result.sort(key=by_name)
    if sort == "deadline":
        result.sort(key=lambda listing: (listing.deadline is None, listing.deadline or dt.date.max))
    elif sort == "entry_into_force":
        result.sort(key=lambda listing: listing.state.entry_into_force or dt.date.max)
    elif sort == "updated":
        sort_newest_first(result)
    return result


def sort_newest_first(listings: list[Listing]) -> None:
    """Most recently published version first; a page with no publication date (live but
    never published through a revision: an import, a restore) last. In place; stable, so
    pages updated at the same moment keep the order they had (by name)."""
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    listings.sort(key=lambda listing: listing.published.last_published_at or epoch, reverse=True)
