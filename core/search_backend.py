"""PostgreSQL full-text search in the language of each page.

modelsearch's PostgreSQL backend indexes and queries everything with one text search
configuration. Here each object is indexed with its own language's configuration, and
queries use the visitor's: French and Spanish words match their plural and inflected
forms. Arabic and Russian use PostgreSQL's Snowball stemmers too. Chinese has no word
boundaries and PostgreSQL ships no segmenter, so it uses the "simple" configuration
(exact tokens); country_pages.search adds a substring match on titles for it.
"""

from __future__ import annotations

import threading
from collections import defaultdict

from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

TEXT_SEARCH_CONFIGS = {
    "en": "english",
    "fr": "french",
    "es": "spanish",
    "ar": "arabic",
    "ru": "russian",
    "zh-hans": "simple",
}


def config_for(language_code: str | None) -> str:
    return TEXT_SEARCH_CONFIGS.get((language_code or "en").lower(), "simple")


class LanguageAwareIndex(PostgresIndex):
    def add_items(self, model, objs):
        by_config = defaultdict(list)
        for obj in objs:
            locale = getattr(obj, "locale", None)
            by_config[config_for(locale.language_code if locale else None)].append(obj)
        for config, group in by_config.items():
            self.backend._indexing.config = config
            try:
                super().add_items(model, group)
            finally:
                self.backend._indexing.config = None


class MultilingualPostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguageAwareIndex

    def __init__(self, params):
        self._indexing = threading.local()
        super().__init__(params)

    @property
    def config(self) -> str:
        """While indexing, the object's language; while searching, the visitor's."""
        return getattr(self._indexing, "config", None) or config_for(get_language())

    @config.setter
    def config(self, value) -> None:
        # The base class stores SEARCH_CONFIG here; the language decides instead.
        pass


SearchBackend = MultilingualPostgresSearchBackend
