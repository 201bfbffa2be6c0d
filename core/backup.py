"""Back up the database and the uploaded files to one archive, and restore them.

The database goes in as a Django fixture (natural keys for content types and
permissions), so an archive made on SQLite restores on PostgreSQL and the other way
round. The search and reference indexes are derived, so they are rebuilt after a
restore rather than copied.

Uploaded files are read and written through Django's default storage, whatever it is
(the local MEDIA_ROOT, or S3 with django-storages): a storage that cannot be listed stops
the backup with an error rather than leaving the files out. The archive holds password
hashes and two-factor secrets: it is only ever readable by its owner (0600), from the
moment it is created, in a folder made private (0700) when the backup creates it.
"""

from __future__ import annotations

import io
import os
import posixpath
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, Storage, default_storage
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


class BackupError(Exception):
    """The backup or restore cannot be made complete: nothing is reported as done."""


def stored_files(storage: Storage) -> list[str]:
    """Every file in the storage, by name, through the storage API (listdir)."""
    if isinstance(storage, FileSystemStorage) and not os.path.isdir(storage.location):
        return []  # nothing uploaded yet: the folder is made with the first upload
    try:
        return sorted(_walk(storage, ""))
    except Exception as error:
        raise BackupError(
            f"Cannot list the uploaded files in {type(storage).__name__}: {error}"
        ) from error


def _walk(storage: Storage, folder: str) -> Iterator[str]:
    folders, files = storage.listdir(folder)
    for name in files:
        yield posixpath.join(folder, name) if folder else name
    for name in folders:
        yield from _walk(storage, posixpath.join(folder, name) if folder else name)


def _private_folder(folder: Path) -> None:
    """Create the folder (and its missing parents) readable by the owner only; an
    existing folder is left as it is."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for created in reversed(missing):
        created.mkdir(mode=0o700)
        created.chmod(0o700)  # whatever the umask


def backup(path: Path, storage: Storage | None = None) -> dict:
    storage = storage or default_storage
    names = stored_files(storage)  # before anything is written: a failure leaves nothing
    _private_folder(path.parent)
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
    # Written to a private temporary file beside the archive (mkstemp: mode 0600), then
    # renamed: the archive is never readable by others, nor ever half-written.
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            with tarfile.open(fileobj=handle, mode="w:gz") as archive:
                info = tarfile.TarInfo(DATA_MEMBER)
                info.size = len(encoded)
                info.mode = 0o600
                archive.addfile(info, io.BytesIO(encoded))
                for name in names:
                    info = tarfile.TarInfo(MEDIA_PREFIX + name)
                    info.mode = 0o600
                    try:
                        info.size = storage.size(name)
                        with storage.open(name, "rb") as stored:
                            archive.addfile(info, stored)  # streamed, not read into memory
                    except Exception as error:
                        raise BackupError(
                            f"Cannot read the uploaded file {name}: {error}"
                        ) from error
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return {"bytes": path.stat().st_size, "media_files": len(names)}


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


def restore(path: Path, storage: Storage | None = None) -> dict:
    """Replace the database content and the uploaded files with the archive's. Files are
    written through the storage API, to the names they had."""
    storage = storage or default_storage
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
        restored = 0
        for member in _safe_members(archive, MEDIA_PREFIX):
            name = member.name[len(MEDIA_PREFIX) :]
            if storage.exists(name):
                storage.delete(name)
            saved = storage.save(name, File(archive.extractfile(member), name=name))
            if saved != name:
                raise BackupError(f"The storage saved {name} as {saved}")
            restored += 1
    call_command("update_index", verbosity=0)
    call_command("rebuild_references_index", verbosity=0)
    return {"media_files": restored}
