"""A partnership as its readers see it, on the affected State's page and on each partner's:
who is in it and whether each partner has confirmed the current terms, the targets with
their latest progress, and a timeline of the commitments and progress year by year. Built
from the plain records (country_pages.blocks.action21.partnership_record) — of the page's
own body on the affected State's page, of the index on the partners' — with the
confirmations and the States read in two queries whatever the number of partnerships."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.i18n import bcp47, text_direction
from country_pages.blocks import COMMITMENT_KINDS, PEOPLE_FIELDS, PROGRESS_STATUSES
from registry.models import StateParty

from .models import PartnershipConfirmation

KIND_LABELS = dict(COMMITMENT_KINDS)
STATUS_LABELS = dict(PROGRESS_STATUSES)

PEOPLE_LABELS = {"women": _("Women"), "girls": _("Girls"), "men": _("Men"), "boys": _("Boys")}

CONFIRMED, EARLIER, PENDING = "confirmed", "earlier", "pending"


@dataclass
class Partner:
    state: StateParty
    responsibilities: str
    # CONFIRMED (these terms), EARLIER (terms since changed) or PENDING (never).
    status: str
    confirmed_at: dt.datetime | None = None


@dataclass
class Target:
    number: int
    description: str
    due_date: dt.date | None
    people: list[tuple[str, int]]  # (label, number): an age- and gender-sensitive target
    latest: dict | None  # the latest progress report: date, status, label, note


@dataclass
class Entry:
    """One line of the timeline."""

    kind: str  # "commitment", "due" (a target's date) or "progress"
    date: dt.date | None
    text: str = ""
    party: StateParty | None = None
    commitment_kind: str = ""
    amount: int | None = None
    currency: str = ""
    status: str = ""
    status_label: str = ""
    target: int | None = None


@dataclass
class Partnership:
    block_id: str
    title: str
    start_year: int
    end_year: int | None
    affected: StateParty | None
    own_responsibilities: str
    illustrative: bool
    partners: list[Partner] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    timeline: list[tuple[int, list[Entry]]] = field(default_factory=list)
    url: str = ""  # the affected State's page, on a partner's page
    lang: str = ""  # the record's language where it is not the visitor's

    @property
    def anchor(self) -> str:
        return f"partnership-{self.block_id}"

    @property
    def content_lang(self) -> str:
        """The attributes of the partnership's own words where they are not in the
        visitor's language (the labels around them are)."""
        if not self.lang:
            return ""
        return format_html(' lang="{}" dir="{}"', bcp47(self.lang), text_direction(self.lang))

    @property
    def unconfirmed(self) -> list[Partner]:
        return [partner for partner in self.partners if partner.status != CONFIRMED]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def partner_status(confirmation, digest: str) -> tuple[str, dt.datetime | None]:
    if confirmation is None:
        return PENDING, None
    status = CONFIRMED if confirmation.terms_digest == digest else EARLIER
    return status, confirmation.confirmed_at


def _targets(record: dict) -> list[Target]:
    found = []
    for number, item in enumerate(record["targets"], start=1):
        reports = sorted(item["progress"], key=lambda report: report["date"] or "")
        latest = None
        if reports:
            last = reports[-1]
            latest = {
                "date": _date(last["date"]),
                "status": last["status"],
                "label": STATUS_LABELS.get(last["status"], last["status"]),
                "note": last["note"],
            }
        set_ = [name for name in PEOPLE_FIELDS if item.get(name) is not None]
        people = [(PEOPLE_LABELS[name], item[name]) for name in set_]
        found.append(Target(number, item["description"], _date(item["due_date"]), people, latest))
    return found


def _timeline(record: dict, states: dict) -> list[tuple[int, list[Entry]]]:
    """Year by year: the year's commitments first, then the targets due and the progress
    reported, by date."""
    years: dict[int, list[tuple]] = defaultdict(list)
    for index, item in enumerate(record["commitments"]):
        entry = Entry(
            "commitment",
            None,
            text=item["description"],
            party=states.get(item["party"]),
            commitment_kind=KIND_LABELS.get(item["kind"], item["kind"]),
            amount=item["amount"],
            currency=item["currency"],
        )
        years[item["year"]].append((0, dt.date.min, index, entry))
    for number, target in enumerate(record["targets"], start=1):
        due = _date(target["due_date"])
        if due is not None:
            entry = Entry("due", due, text=target["description"], target=number)
            years[due.year].append((1, due, number, entry))
        for index, report in enumerate(target["progress"]):
            date = _date(report["date"])
            if date is None:
                continue
            entry = Entry(
                "progress",
                date,
                text=report["note"],
                status=report["status"],
                status_label=STATUS_LABELS.get(report["status"], report["status"]),
                target=number,
            )
            years[date.year].append((1, date, index, entry))
    return [
        (year, [item[-1] for item in sorted(years[year], key=lambda item: item[:3])])
        for year in sorted(years)
    ]


def build(items: list[tuple[dict, dict]]) -> list[Partnership]:
    """The partnerships of these (record, context) pairs, the context giving the
    translation key of the page, the affected State's id, and optionally the page's URL,
    the record's language and whether it is illustrative. Two queries."""
    if not items:
        return []
    state_ids: set[int] = set()
    for record, context in items:
        state_ids.add(context["state_id"])
        state_ids.update(item["state"] for item in record["partners"])
        state_ids.update(item["party"] for item in record["commitments"])
    states = StateParty.objects.in_bulk(state_ids)
    keys = {context["translation_key"] for _record, context in items}
    confirmations = {
        (str(row.translation_key), row.block_id, row.state_id): row
        for row in PartnershipConfirmation.objects.filter(translation_key__in=keys)
    }
    found = []
    for record, context in items:
        partnership = Partnership(
            block_id=record["block_id"],
            title=record["title"],
            start_year=record["start_year"],
            end_year=record["end_year"],
            affected=states.get(context["state_id"]),
            own_responsibilities=record["own_responsibilities"],
            illustrative=context.get("illustrative", False),
            targets=_targets(record),
            timeline=_timeline(record, states),
            url=context.get("url", ""),
            lang=context.get("lang", ""),
        )
        key = str(context["translation_key"])
        for item in record["partners"]:
            if item["state"] not in states:
                continue
            confirmation = confirmations.get((key, record["block_id"], item["state"]))
            status, confirmed_at = partner_status(confirmation, record["terms_digest"])
            partnership.partners.append(
                Partner(states[item["state"]], item["responsibilities"], status, confirmed_at)
            )
        found.append(partnership)
    return found


def from_index(rows, index_url: str, language: str) -> list[Partnership]:
    """The partnerships of index rows (PublishedPartnership, with `locale`), each
    linked to its place on the affected State's page under the States Parties index's
    URL, marked with its language where it is not the visitor's (a page shown in place of
    an untranslated one)."""
    items = []
    for row in rows:
        row_language = row.locale.language_code
        context = {
            "translation_key": row.translation_key,
            "state_id": row.state_id,
            "illustrative": row.illustrative,
            "url": row.url_under(index_url),
            "lang": "" if row_language == language else row_language,
        }
        items.append((row.record, context))
    return build(items)
