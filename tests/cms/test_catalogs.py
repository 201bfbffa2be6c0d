"""Every UI string is translated into the five other languages, and the catalogs are
exactly what makemessages extracts from the code (no string left out or stale)."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
CATALOG_LANGUAGES = ["fr", "es", "ar", "ru", "zh_Hans"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def catalog(language: str) -> polib.POFile:
    path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"missing catalog {path}"
    return polib.pofile(str(path))


@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_catalog_is_complete(language):
    po = catalog(language)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated in {language}: {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy in {language}: {fuzzy[:5]}"
    assert "fuzzy" not in po.metadata_as_entry().flags


@pytest.mark.parametrize("language", CATALOG_LANGUAGES)
def test_translations_keep_their_placeholders(language):
    for entry in catalog(language).translated_entries():
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        targets = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for target in targets:
            assert sorted(PLACEHOLDER.findall(target)) == expected, (language, entry.msgid, target)


def strip_volatile(text: str) -> str:
    return re.sub(r'"POT-Creation-Date: [^"]*"\n', "", text)


def test_makemessages_would_not_change_the_catalogs(tmp_path):
    """Run the Makefile's extraction on a copy of the code and compare."""
    assert shutil.which("xgettext"), "GNU gettext is needed for this check: apt install gettext"
    source = Path(settings.BASE_DIR)
    copy = tmp_path / "project"
    shutil.copytree(
        source,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "media",
            "static_collected",
            "test-artifacts",
            "node_modules",
            "__pycache__",
            "*.mo",
            "db.sqlite3",
        ),
    )
    makefile = (source / "Makefile").read_text()
    args = re.search(r"^MAKEMESSAGES_ARGS := (.+)$", makefile, re.M).group(1).split()
    for domain in ("django", "djangojs"):
        subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
            [sys.executable, "manage.py", "makemessages", "-d", domain, *args],
            cwd=copy,
            check=True,
            capture_output=True,
        )
    for language in CATALOG_LANGUAGES:
        for po_path in sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.po")):
            fresh = copy / "locale" / language / "LC_MESSAGES" / po_path.name
            message = f"{po_path} is out of date: `make update-messages`, then translate"
            assert strip_volatile(fresh.read_text()) == strip_volatile(po_path.read_text()), message
