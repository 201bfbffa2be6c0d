"""Partnerships under Action #21 of the Maputo Action Plan: a partnership between the State
whose page this is (the affected State) and its partner States, with each side's
responsibilities, time-bound targets (age- and gender-sensitive where set), commitments
per year and progress reports over time. Part of the partnerships section: written by the
affected State's focal point, reviewed by the ISU and translated like the rest of the page.

The partner States confirm it from the admin (the `partnerships` app); a confirmation is
of the partnership's terms as `terms_digest` states them, so that a change of terms asks
the partners again."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .fields import (
    MAX_PEOPLE,
    CurrencyBlock,
    MoneyBlock,
    QuantityBlock,
    check_money,
    check_not_future,
    check_range,
    check_target_year,
    raise_if,
)

PROGRESS_STATUSES = [
    ("met", _("Target met")),
    ("on_track", _("On track")),
    ("delayed", _("Delayed")),
]
COMMITMENT_KINDS = [
    ("financial", _("Financial")),
    ("technical", _("Technical expertise")),
    ("equipment", _("Equipment")),
    ("training", _("Training")),
    ("other", _("Other")),
]
# The people a target is to reach, by sex and age, where the partnership sets them.
PEOPLE_FIELDS = ("women", "girls", "men", "boys")


class PartnerBlock(blocks.StructBlock):
    state = SnippetChooserBlock("registry.StateParty", label=_("Partner State"))
    responsibilities = blocks.TextBlock(
        max_length=1500, required=False, label=_("Responsibilities of this partner")
    )

    class Meta:
        icon = "globe"
        label = _("Partner")


class ProgressBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date of the report"))
    status = blocks.ChoiceBlock(choices=PROGRESS_STATUSES, label=_("Progress"))
    note = blocks.TextBlock(max_length=1500, required=False, label=_("Note"))

    class Meta:
        icon = "time"
        label = _("Progress report")

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        check_not_future(value["date"], "date", errors)
        raise_if(errors)
        return value


class TargetBlock(blocks.StructBlock):
    description = blocks.TextBlock(max_length=600, label=_("Target"))
    due_date = blocks.DateBlock(label=_("To be met by"))
    women = QuantityBlock(required=False, min_value=0, label=_("Women"))
    girls = QuantityBlock(required=False, min_value=0, label=_("Girls"))
    men = QuantityBlock(required=False, min_value=0, label=_("Men"))
    boys = QuantityBlock(required=False, min_value=0, label=_("Boys"))
    progress = blocks.ListBlock(ProgressBlock(), required=False, label=_("Progress reports"))

    class Meta:
        icon = "success"
        label = _("Time-bound target")
        help_text = _(
            "Where the target is age- and gender-sensitive, give the people it is to reach "
            "by sex and age."
        )

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        if value["due_date"] is not None:
            check_target_year(value["due_date"].year, "due_date", errors)
        for name in PEOPLE_FIELDS:
            check_range(value[name], MAX_PEOPLE, name, errors)
        raise_if(errors)
        return value


class CommitmentBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(label=_("Year"))
    party = SnippetChooserBlock(
        "registry.StateParty",
        label=_("Committed by"),
        help_text=_("The affected State or one of its partners."),
    )
    kind = blocks.ChoiceBlock(choices=COMMITMENT_KINDS, label=_("Kind"))
    amount = MoneyBlock(label=_("Amount"))
    currency = CurrencyBlock(required=False)
    description = blocks.TextBlock(max_length=600, required=False, label=_("What is committed"))

    class Meta:
        icon = "doc-full"
        label = _("Commitment")

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        check_target_year(value["year"], "year", errors)
        check_money(value, "amount", _("Give the currency of the amount."), errors)
        raise_if(errors)
        return value


class Action21PartnershipBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    start_year = blocks.IntegerBlock(label=_("Start year"))
    end_year = blocks.IntegerBlock(required=False, label=_("End year"))
    own_responsibilities = blocks.TextBlock(
        max_length=1500, label=_("Responsibilities of the affected State")
    )
    partners = blocks.ListBlock(PartnerBlock(), min_num=1, label=_("Partner States"))
    targets = blocks.ListBlock(TargetBlock(), required=False, label=_("Time-bound targets"))
    commitments = blocks.ListBlock(
        CommitmentBlock(), required=False, label=_("Financial and other commitments")
    )

    class Meta:
        icon = "link"
        label = _("Partnership under Action #21")

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        check_target_year(value["start_year"], "start_year", errors)
        check_target_year(value["end_year"], "end_year", errors)
        if not errors and value["end_year"] is not None and value["end_year"] < value["start_year"]:
            errors["end_year"] = ValidationError(_("The partnership ends before it starts."))
        partners = [item["state"].pk for item in value["partners"] if item["state"]]
        if len(partners) != len(set(partners)):
            errors["partners"] = ValidationError(_("Each State can be listed only once."))
        raise_if(errors)
        return value


def _iso(date) -> str | None:
    return date.isoformat() if date else None


def _number(value) -> int | None:
    return None if value is None else int(value)


def partnership_record(value, block_id: str, affected_state_id: int | None) -> dict:
    """One partnership as plain data (what the page shows, and what the derived index keeps
    for the partners' pages): States as registry ids, dates ISO, amounts whole numbers. A
    State deleted from the registry since (the chooser gives None) is left out, and so is
    the affected State named as its own partner."""
    partners = [
        {"state": item["state"].pk, "responsibilities": item["responsibilities"] or ""}
        for item in value["partners"]
        if item["state"] is not None and item["state"].pk != affected_state_id
    ]
    record = {
        "block_id": block_id,
        "title": value["title"],
        "start_year": value["start_year"],
        "end_year": value["end_year"],
        "own_responsibilities": value["own_responsibilities"] or "",
        "partners": partners,
        "targets": [
            {
                "description": target["description"],
                "due_date": _iso(target["due_date"]),
                **{name: _number(target[name]) for name in PEOPLE_FIELDS},
                "progress": [
                    {"date": _iso(item["date"]), "status": item["status"], "note": item["note"]}
                    for item in target["progress"]
                ],
            }
            for target in value["targets"]
        ],
        "commitments": [
            {
                "year": item["year"],
                "party": item["party"].pk,
                "kind": item["kind"],
                "amount": _number(item["amount"]),
                "currency": item["currency"] or "",
                "description": item["description"] or "",
            }
            for item in value["commitments"]
            if item["party"] is not None
        ],
    }
    record["terms_digest"] = terms_digest(record)
    return record


def terms_digest(record: dict) -> str:
    """What a partner confirms: who commits to what, by when, for how much — the
    partnership's figures, the same in every language (country_pages.figures), so a
    confirmation holds for every translation. Progress reports are not terms: reporting
    progress does not ask the partners again; changing a partner, a target's date or
    figures, or a commitment does. Wording is reviewed by the ISU with the page."""
    terms = {
        "years": [record["start_year"], record["end_year"]],
        "partners": sorted(item["state"] for item in record["partners"]),
        "targets": [
            [item["due_date"], *(item[name] for name in PEOPLE_FIELDS)]
            for item in record["targets"]
        ],
        "commitments": [
            [item["year"], item["party"], item["kind"], item["amount"], item["currency"]]
            for item in record["commitments"]
        ],
    }
    return hashlib.sha256(json.dumps(terms, sort_keys=True).encode()).hexdigest()


def partnership_records(items, affected_state_id: int | None) -> Iterator[dict]:
    """The records of a list of partnerships (a ListBlock's value), with their block ids:
    the ids are kept by the page's translations, so they name a partnership in every
    language."""
    for child in items.bound_blocks:
        yield partnership_record(child.value, child.id or "", affected_state_id)
