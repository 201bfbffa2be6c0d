"""Finding a country page by its State's name, in any of the six languages, and the
snippet a search result shows.

Full-text search indexes a page's own words: the Chinese page of Zimbabwe may not contain
"津巴布韦" as a token (Chinese has no word boundaries), and "Sudan" matches South Sudan's
page as well as Sudan's, ranked by how often the word occurs. The registry has every
State's name in the six languages: a query that is a State's name (in any language) finds
that State's page first, an exact name before a name that only contains it. This is
plain Python over some 170 names, so it works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import strip_tags

from registry.models import NAME_FIELDS, StateParty

SNIPPET_LENGTH = 220

EXACT, PREFIX, WORD, PART = 0, 1, 2, 3


def normalise(text: str) -> str:
    """Case, accents (Côte d'Ivoire, Sénégal), Arabic vowel marks and punctuation do not
    matter when matching a name."""
    text = unicodedata.normalize("NFKD", text or "").casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\W_]+", " ", text)
    return " ".join(text.split())


def _rank(query: str, name: str) -> int | None:
    if not name or not query:
        return None
    if name == query:
        return EXACT
    if name.startswith(query + " ") or (not _spaced(query) and name.startswith(query)):
        return PREFIX
    if f" {query} " in f" {name} ":
        return WORD
    if query in name and (len(query) >= 2 or not _spaced(query)):
        return PART
    return None


def _spaced(text: str) -> bool:
    """Whether the script separates words by spaces (not Chinese)."""
    return not any("\u4e00" <= c <= "\u9fff" for c in text)


def states_named(query: str) -> list[StateParty]:
    """States whose name in some language matches `query`, best match first (exact name,
    then a name starting with it, containing it as a word, containing it)."""
    wanted = normalise(query)
    if len(wanted) < 2 and _spaced(wanted):
        return []
    ranked = []
    for state in StateParty.objects.only("pk", "iso3", *NAME_FIELDS):
        ranks = [_rank(wanted, normalise(getattr(state, field))) for field in NAME_FIELDS]
        ranks = [rank for rank in ranks if rank is not None]
        if ranks:
            ranked.append((min(ranks), len(state.name_en), state.name_en, state))
    ranked.sort(key=lambda item: item[:3])
    return [item[3] for item in ranked]


def page_text(page) -> str:
    """A country page's words, as plain text, in reading order."""
    parts: list[str] = []
    if getattr(page, "search_description", ""):
        parts.append(page.search_description)
    body = getattr(page, "body", None)
    if body is not None:
        _collect(body.stream_block.get_prep_value(body), parts)
    return " ".join(" ".join(parts).split())


_SKIPPED_KEYS = {"type", "id", "currency", "kind", "role", "goal", "date_precision", "tags"}


def _collect(value, parts: list[str]) -> None:
    if isinstance(value, dict):
        for key, child in value.items():
            if key not in _SKIPPED_KEYS:
                _collect(child, parts)
    elif isinstance(value, list | tuple):
        for child in value:
            _collect(child, parts)
    elif isinstance(value, str) and not value.startswith(("http://", "https://")):
        if re.fullmatch(r"[0-9a-f-]{36}|[\d.\-]+", value):
            return
        parts.append(strip_tags(value))


def snippet(text: str, query: str, length: int = SNIPPET_LENGTH) -> tuple[str, str, str]:
    """(before, match, after): the passage of `text` around the first place it contains
    `query` or one of its words; the start of the text when it does not."""
    if not text:
        return "", "", ""
    lowered = text.casefold()
    start = -1
    match_length = 0
    for needle in [query, *query.split()]:
        needle = needle.strip().casefold()
        if needle:
            start = lowered.find(needle)
            if start >= 0:
                match_length = len(needle)
                break
    if start < 0:
        cut = text[:length]
        return (cut + ("…" if len(text) > length else "")), "", ""
    before_start = max(0, start - length // 3)
    after_end = min(len(text), start + match_length + length - (start - before_start))
    before = ("…" if before_start else "") + text[before_start:start]
    after = text[start + match_length : after_end] + ("…" if after_end < len(text) else "")
    return before, text[start : start + match_length], after
