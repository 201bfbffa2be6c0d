"""What the loader (demo/loader.py) and the full pages (demo/pages/) both use. It imports
neither, so imports run one way: loader → pages → helpers."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.text import slugify
from wagtail.models import Locale, Page

from registry.models import StateParty


@dataclass
class DemoReport:
    created: list[str] = field(default_factory=list)

    def add(self, page: Page) -> None:
        self.created.append(f"{page.locale.language_code}: {page.title}")


def locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


def country_slug(state: StateParty) -> str:
    return slugify(state.name_en)


def publish(page: Page) -> None:
    page.save_revision().publish()
