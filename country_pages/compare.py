"""Readable revision comparisons of the country page's sections.

Wagtail compares a StreamField block it has no comparison for by its `render_basic` text:
thematic tags showed as a Python list ("['clearance', 'mre']"), a tick box added to a
section after a revision was made showed "None → False" (a change nobody made), and a
changed number showed the old and new digits side by side with nothing between them
("95000009800000"). Wagtail takes a block's comparison from its `get_comparison_class()`
when it has one (wagtail.admin.compare.get_comparison_class_for_block): `install()` gives
one to every value block (numbers, dates, tick boxes, choices, tags, links) of the page's
sections. Set on the block instances, so block definitions and migrations are unchanged.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.admin.compare import BlockComparison
from wagtail.blocks.field_block import BaseChoiceBlock

from .models import CountryPage

VALUE_BLOCKS = (
    blocks.IntegerBlock,
    blocks.DecimalBlock,
    blocks.FloatBlock,
    blocks.BooleanBlock,
    BaseChoiceBlock,  # ChoiceBlock, MultipleChoiceBlock (thematic tags)
    blocks.DateBlock,
    blocks.DateTimeBlock,
    blocks.TimeBlock,
    blocks.URLBlock,  # an empty optional link showed "None"
    blocks.EmailBlock,
)


class ValueBlockComparison(BlockComparison):
    """A value shown as people write it: "Yes"/"No", labels, 9,500,000, a date; a change
    as the old value struck out, an arrow, the new value."""

    def choice_labels(self) -> dict[str, str]:
        field = getattr(self.block, "field", None)
        labels = {}
        for value, label in getattr(field, "choices", None) or []:
            if isinstance(label, list | tuple):  # an option group
                labels.update({str(v): str(lbl) for v, lbl in label})
            else:
                labels[str(value)] = str(label)
        return labels

    def display(self, value) -> str:
        if isinstance(self.block, blocks.BooleanBlock):
            return _("Yes") if value else _("No")
        if value is None or value == "" or value == []:
            return ""
        if isinstance(self.block, BaseChoiceBlock):
            labels = self.choice_labels()
            values = value if isinstance(value, list | tuple) else [value]
            return ", ".join(labels.get(str(v), str(v)) for v in values)
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, int | float | Decimal):
            if "year" in (self.block.name or ""):  # 2030, not 2,030
                return str(value)
            return formats.number_format(value, force_grouping=True)
        if isinstance(value, dt.datetime | dt.date):
            return formats.date_format(value, "SHORT_DATE_FORMAT")
        return str(value)

    def has_changed(self):
        return self.display(self.val_a) != self.display(self.val_b)

    def htmlvalue(self, val):
        return format_html("{}", self.display(val))

    def htmldiff(self):
        before, after = self.display(self.val_a), self.display(self.val_b)
        if before == after:
            return format_html("{}", after)
        if not before:
            return format_html('<span class="addition">{}</span>', after)
        if not after:
            return format_html('<span class="deletion">{}</span>', before)
        return format_html(
            '<span class="deletion">{}</span> → <span class="addition">{}</span>', before, after
        )


def _comparison_class():
    return ValueBlockComparison


def install(block) -> None:
    """Give every value block under `block` (a StreamBlock, StructBlock or ListBlock) the
    readable comparison."""
    if isinstance(block, blocks.StreamBlock | blocks.StructBlock):
        children = block.child_blocks.values()
    elif isinstance(block, blocks.ListBlock):
        children = [block.child_block]
    else:
        children = []
    for child in children:
        if isinstance(child, VALUE_BLOCKS):
            child.get_comparison_class = _comparison_class
        else:
            install(child)


def install_on_country_pages() -> None:
    install(CountryPage._meta.get_field("body").stream_block)
