"""A visitor's search words, made safe for every search backend."""

from __future__ import annotations

import unicodedata

SEARCH_MAX_LENGTH = 200


def search_text(text: str) -> str:
    """A visitor's search as the search backends can take it: SQLite's full-text syntax
    breaks on a double quote, PostgreSQL refuses NUL, and control characters are never
    part of a word. Whitespace collapsed, length capped. The API's ?search= uses it too."""
    text = "".join(" " if c == '"' or unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(text.split())[:SEARCH_MAX_LENGTH]
