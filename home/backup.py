"""Back up the database and the uploaded files to one archive, and restore them.

The database goes in as a Django fixture (natural keys for content types and
permissions), so an archive made on SQLite restores on PostgreSQL and the other way
round. The search and reference indexes are derived, so they are rebuilt after a
restore rather than copied.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

DATA_MEMBER = "data.json"
MEDIA_PREFIX = "media/"
# Derived or disposable tables: rebuilt, or meaningless after a restore.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "wagtailcore.referenceindex",
    "axes",
]


def backup(path: Path) -> dict:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = io.StringIO()
    call_command(
        "dumpdata",
        natural_foreign=True,
        exclude=EXCLUDED,
        stdout=data,
        indent=None,
        verbosity=0,
    )
    encoded = data.getvalue().encode("utf-8")
    media_root = Path(settings.MEDIA_ROOT)
    media_files = [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo(DATA_MEMBER)
        info.size = len(encoded)
        archive.addfile(info, io.BytesIO(encoded))
        for file in media_files:
            archive.add(file, arcname=MEDIA_PREFIX + file.relative_to(media_root).as_posix())
    return {"bytes": path.stat().st_size, "media_files": len(media_files)}


# Made by migrations, referred to by natural key: kept, so the fixture's references to
# them resolve (some permissions are created by migrations, not from model options).
KEPT_TABLES = {"django_migrations", "django_content_type", "auth_permission"}


def _empty_tables() -> None:
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True)
        if table not in KEPT_TABLES
    ]
    statements = connection.ops.sql_flush(
        no_style(), tables, reset_sequences=True, allow_cascade=True
    )
    if connection.vendor == "postgresql":
        # PostgreSQL refuses to TRUNCATE a table with deferred foreign key checks still
        # pending in the transaction: run them now, then defer again for loaddata, whose
        # rows refer to each other in no particular order.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        connection.ops.execute_sql_flush(statements)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    else:
        connection.ops.execute_sql_flush(statements)


def _safe_members(archive: tarfile.TarFile, prefix: str):
    for member in archive.getmembers():
        name = member.name
        if not name.startswith(prefix) or ".." in Path(name).parts or name.startswith("/"):
            continue
        if member.isfile():
            yield member


def restore(path: Path) -> dict:
    """Replace the database content and the uploaded files with the archive's."""
    with tarfile.open(path, "r:gz") as archive:
        data = archive.extractfile(DATA_MEMBER)
        if data is None:
            raise ValueError(f"{path} has no {DATA_MEMBER}")
        with tempfile.TemporaryDirectory() as tmp:
            fixture = Path(tmp) / DATA_MEMBER
            fixture.write_bytes(data.read())
            with transaction.atomic():
                _empty_tables()
                call_command("loaddata", str(fixture), verbosity=0)
        media_root = Path(settings.MEDIA_ROOT)
        restored = 0
        for member in _safe_members(archive, MEDIA_PREFIX):
            target = media_root / member.name[len(MEDIA_PREFIX) :]
            target.parent.mkdir(parents=True, exist_ok=True)
            source = archive.extractfile(member)
            target.write_bytes(source.read())
            restored += 1
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)
    return {"media_files": restored}
