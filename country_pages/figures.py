"""Figures are the same in every language.

A figure is a value of a country page's body that is not words: an amount, a currency, an
area, a number of people, a year, a date, a choice (kinds, themes, the illustrative flag)
or a State. wagtail-localize extracts only text as translatable segments and copies the
rest from the source on a sync; but a translation that is not synced (edited by a focal
point, or not yet synced by the ISU) would keep old figures. So:

- when the source page is published, its figures (and the structure that carries them:
  which needs, which years, …) are copied into every translation, and the translations'
  live versions are republished with them, as part of the same publication;
- a translation's own edits keep their words, never their figures: on save the figures
  are taken from the source again (the form says so, `enforce_on_form`);
- a translation published by itself (its review approved) is checked against the source
  and corrected in the same way.
"""

from __future__ import annotations

import copy
import json
import re

from django.db.models import Q
from wagtail import blocks
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import TranslatableMixin
from wagtail.snippets.blocks import SnippetChooserBlock

from core.translation import source_page_of

FIGURE_BLOCKS = (
    blocks.IntegerBlock,
    blocks.DecimalBlock,
    blocks.FloatBlock,
    blocks.DateBlock,
    blocks.DateTimeBlock,
    blocks.TimeBlock,
    blocks.ChoiceBlock,
    blocks.MultipleChoiceBlock,
    blocks.BooleanBlock,
)


def is_figure(block) -> bool:
    if isinstance(block, FIGURE_BLOCKS):
        return True
    # A State chosen from the registry is a fact; organisations are translatable snippets
    # (UNDP is PNUD in French), images and documents may be localised.
    if isinstance(block, SnippetChooserBlock):
        return not issubclass(block.target_model, TranslatableMixin)
    return False


# --- On the stored (JSON) form of a body ------------------------------------------------


def _items(raw) -> list:
    return list(raw or [])


def _item_id(item):
    return item.get("id") if isinstance(item, dict) and item.get("type") == "item" else None


def _list_value(item):
    """A list item in the current format ({"type": "item", "value", "id"}) or the old one."""
    if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
        return item["value"]
    return item


EMPTY = (None, "", [], False)


def shown(found: dict) -> dict:
    """The figures a visitor sees: without empty values (and unticked boxes)."""
    return {key: value for key, value in found.items() if value not in EMPTY}


def _has_figures(block, raw) -> bool:
    return bool(shown(figures(block, raw)))


def merge(block, source, target):
    """`source`'s figures with `target`'s words, on stored values. Items only the source
    has are added when they carry figures (their words are the source's until the next
    sync); items only the target has are dropped when they carry figures the source no
    longer states, kept (at the end) when they are only words."""
    if target is None:
        return copy.deepcopy(source)
    if isinstance(block, blocks.StreamBlock):
        return _merge_sequence(
            source,
            target,
            lambda item: block.child_blocks.get(item.get("type")),
            lambda item: item.get("value"),
            key=lambda item: (item.get("type"), item.get("id")) if item.get("id") else None,
        )
    if isinstance(block, blocks.ListBlock):
        return _merge_sequence(
            source,
            target,
            lambda item: block.child_block,
            _list_value,
            key=_item_id,
        )
    if isinstance(block, blocks.StructBlock):
        if not isinstance(source, dict) or not isinstance(target, dict):
            return copy.deepcopy(source)
        merged = dict(target)
        for name, child in block.child_blocks.items():
            if name not in source and name not in target:
                # A field added to the block since both were stored: absent, Wagtail gives
                # it its default; a None in its place would not load (a list's, say).
                continue
            merged[name] = merge(child, source.get(name), target.get(name))
        return merged
    if is_figure(block):
        return copy.deepcopy(source)
    return copy.deepcopy(target)


def _merge_sequence(source, target, child_of, value_of, key):
    source_items, target_items = _items(source), _items(target)
    by_key = {key(item): item for item in target_items if key(item)}
    # Items stored without ids (an old format) are matched by position.
    by_position = len(source_items) == len(target_items)
    merged, used = [], set()
    for index, item in enumerate(source_items):
        match = by_key.get(key(item)) if key(item) else None
        if match is None and not key(item) and by_position:
            match = target_items[index]
        child = child_of(item)
        if child is None:
            continue
        if match is None:
            if _has_figures(child, value_of(item)):
                merged.append(copy.deepcopy(item))
            continue
        used.add(id(match))
        value = merge(child, value_of(item), value_of(match))
        wrapped = value_of(item) is not item
        merged.append({**item, "value": value} if wrapped else value)
    for item in target_items:
        child = child_of(item)
        if id(item) in used or child is None:
            continue
        if not _has_figures(child, value_of(item)):
            merged.append(copy.deepcopy(item))
    return merged


def figures(block, raw, path: str = "") -> dict[str, object]:
    """Every figure of a stored value, by its path (stream and list items by id)."""
    found: dict[str, object] = {}
    if isinstance(block, blocks.StreamBlock):
        for index, item in enumerate(_items(raw)):
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                key = f"{path}/{item.get('type')}:{item.get('id') or index}"
                found.update(figures(child, item.get("value"), key))
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(_items(raw)):
            key = f"{path}/{_item_id(item) or index}"
            found.update(figures(block.child_block, _list_value(item), key))
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            found.update(figures(child, (raw or {}).get(name), f"{path}.{name}"))
    elif is_figure(block):
        found[path] = raw
    return found


def stored(body) -> list:
    """The stored form of a StreamField value."""
    return json.loads(json.dumps(body.stream_block.get_prep_value(body), default=str))


def body_figures(page) -> dict[str, object]:
    return figures(page.body.stream_block, stored(page.body))


# --- Pages ----------------------------------------------------------------------------


def source_of(page):
    return source_page_of(page).specific


def reference_body(source):
    """The figures every language shows: the source's live version (its latest draft
    while it has never been published)."""
    if source.live and source.live_revision_id:
        return source.live_revision.as_object().body
    return source.get_latest_revision_as_object().body


def with_figures_of(source_body, target_body):
    """`target_body` with the figures of `source_body`, as a StreamValue, and whether
    that changed it."""
    stream_block = source_body.stream_block
    before = stored(target_body)
    merged = merge(stream_block, stored(source_body), before)
    return stream_block.to_python(merged), merged != before


def _republish(target, body, user=None) -> bool:
    """Put `body` into the live version of `target` and publish it, keeping a newer
    draft (a correction in review) as the latest revision, with the same figures."""
    changed = False
    draft_revision = None
    if target.has_unpublished_changes and target.latest_revision_id != target.live_revision_id:
        draft_revision = target.latest_revision
    if target.live and target.live_revision_id:
        live = target.live_revision.as_object()
        live.body, live_changed = with_figures_of(body, live.body)
        if live_changed:
            published_at = target.last_published_at
            revision = live.save_revision(user=user, clean=False, log_action=False)
            # Part of a publication already allowed (the source's approval, or this
            # translation's own): no new permission check for whoever wrote it.
            FiguresPublish(revision, user=user, log_action=False).execute(
                skip_permission_checks=True
            )
            # Its words are as old as they were: the ISU's "translations out of date" still
            # lists it until it is synced.
            type(target).objects.filter(pk=target.pk).update(last_published_at=published_at)
            changed = True
    if draft_revision is not None:
        draft = draft_revision.as_object()
        draft.body, draft_changed = with_figures_of(body, draft.body)
        if draft_changed or changed:
            _save_draft(draft, draft_revision, user)
            changed = True
    return changed


class FiguresPublish(PublishPageRevisionAction):
    """Wagtail's publication, except that a review in progress on the page (a focal
    point's correction) goes on: the figures are not the correction's concern."""

    def _after_publish(self):
        from wagtail.signals import page_published, published

        page_published.send(
            sender=self.object.specific_class, instance=self.object.specific, revision=self.revision
        )
        published.send(sender=type(self.object), instance=self.object, revision=self.revision)
        self.object.update_aliases(revision=self.revision, _content=self.revision.content)


def _save_draft(draft, previous, user) -> None:
    """A new latest revision with the draft's content; a review in progress moves to it
    (Wagtail publishes the task's revision on approval)."""
    from wagtail.models import TaskState

    revision = draft.save_revision(user=previous.user or user, clean=False, log_action=False)
    TaskState.objects.filter(revision=previous, status=TaskState.STATUS_IN_PROGRESS).update(
        revision=revision
    )


def propagate(page, user=None) -> list:
    """After the country page `page` was published: make every live language version show
    the source's figures. Returns the pages changed."""
    page = page.specific
    source = source_of(page)
    body = reference_body(source)
    if page.pk == source.pk:
        others = page.get_translations().filter(Q(live=True) | Q(has_unpublished_changes=True))
        targets = [target.specific for target in others]
    else:
        targets = [page]
    return [target for target in targets if _republish(target, body, user)]


def enforce_on_form(form) -> int:
    """A translation's edit keeps its words, not its figures: the body's figures are the
    source's. Returns how many figures the edit had changed (0 for a source page)."""
    page = form.instance
    body = form.cleaned_data.get("body")
    if body is None or not page.pk or not page.translation_key:
        return 0
    source = source_of(page)
    if source.pk == page.pk:
        return 0
    reference = reference_body(source)
    merged, changed = with_figures_of(reference, body)
    if not changed:
        return 0
    posted = body_figures_of(body)
    kept = body_figures_of(merged)
    differing = sum(1 for key, value in posted.items() if key in kept and kept[key] != value)
    form.cleaned_data["body"] = merged
    return differing or 1


def body_figures_of(body) -> dict[str, object]:
    return figures(body.stream_block, stored(body))


def words_changed(page) -> bool:
    """Whether the latest revision of `page` changed words (not only figures) since the
    revision before it."""
    revisions = list(page.revisions.order_by("-created_at", "-id")[:2])
    if len(revisions) < 2:
        return True
    new, old = (revision.as_object() for revision in revisions)
    fields = ("title", "seo_title", "search_description")
    if any((getattr(new, name) or "") != (getattr(old, name) or "") for name in fields):
        return True
    stream_block = new.body.stream_block
    reference = stored(reference_body(source_of(page)))

    def words(body) -> str:
        # The editor's rich text round trip adds block keys, which are not words.
        text = json.dumps(merge(stream_block, reference, stored(body)), sort_keys=True)
        return BLOCK_KEY.sub("", text)

    return words(new.body) != words(old.body)


BLOCK_KEY = re.compile(r' data-block-key=\\"[^"\\]*\\"')
