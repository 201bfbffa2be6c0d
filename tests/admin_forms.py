"""POST data for Wagtail's page editor, built from block definitions and plain values, so
tests can submit pages through the real admin views."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from wagtail import blocks
from wagtail.test.utils.form_data import rich_text

MANAGEMENT = {
    "comments-TOTAL_FORMS": "0",
    "comments-INITIAL_FORMS": "0",
    "comments-MIN_NUM_FORMS": "0",
    "comments-MAX_NUM_FORMS": "1000",
}


def block_data(block, value, prefix: str, data: dict) -> None:
    """Write the form fields Wagtail's widget would post for `value` under `prefix`."""
    if isinstance(block, blocks.StreamBlock):
        items = list(value)
        data[f"{prefix}-count"] = str(len(items))
        for index, item in enumerate(items):
            block_type, child_value, item_id = _stream_item(item)
            data[f"{prefix}-{index}-type"] = block_type
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = item_id or ""
            block_data(block.child_blocks[block_type], child_value, f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.ListBlock):
        items = list(getattr(value, "bound_blocks", None) or value or [])
        data[f"{prefix}-count"] = str(len(items))
        for index, item in enumerate(items):
            child_value = getattr(item, "value", item)
            data[f"{prefix}-{index}-deleted"] = ""
            data[f"{prefix}-{index}-order"] = str(index)
            data[f"{prefix}-{index}-id"] = getattr(item, "id", "") or ""
            block_data(block.child_block, child_value, f"{prefix}-{index}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            block_data(child, (value or {}).get(name), f"{prefix}-{name}", data)
    elif isinstance(block, blocks.RichTextBlock):
        if isinstance(value, dict):  # raw Draftail content state, as a browser posts it
            data[prefix] = json.dumps(value)
        else:
            source = getattr(value, "source", value) or ""
            data[prefix] = rich_text(source) if source else ""
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    elif isinstance(block, blocks.MultipleChoiceBlock):
        data[prefix] = list(value or [])
    elif isinstance(block, blocks.ChooserBlock):
        data[prefix] = str(getattr(value, "pk", value) or "")
    elif isinstance(value, dt.date):
        data[prefix] = value.isoformat()
    elif value is None:
        data[prefix] = ""
    elif isinstance(value, Decimal | int):
        data[prefix] = str(value)
    else:
        data[prefix] = value


def _stream_item(item):
    if hasattr(item, "block_type"):
        return item.block_type, item.value, item.id
    block_type, value = item
    return block_type, value, None


def page_form_data(page, body=None, **fields) -> dict:
    """The editor's POST data for `page`, with `fields` and `body` replacing its values."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        **MANAGEMENT,
    }
    if getattr(page, "state_id", None):
        data["state"] = str(page.state_id)
    data.update(fields)
    if hasattr(page, "body"):
        block_data(page.body.stream_block, page.body if body is None else body, "body", data)
    return data
