"""Two people saving at the same moment on the default SQLite database (say an autosave and
"Save draft"): both saves go through, one after the other, instead of one failing with
"database is locked" (a 500, and the typed text lost).

Runs in a subprocess against a real database file: the test database is in memory, where
SQLite's locking is not the one the site meets."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import threading, time
    import django
    django.setup()
    from django.db import connection, connections, transaction

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE draft (id INTEGER PRIMARY KEY, saves INTEGER)")
        cursor.execute("INSERT INTO draft VALUES (1, 0)")
        cursor.execute("PRAGMA journal_mode")
        print("journal", cursor.fetchone()[0])
    errors = []

    def editor():
        try:
            for _ in range(15):
                # What a save does: read the page, then write a revision.
                with transaction.atomic():
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT saves FROM draft WHERE id = 1")
                        saves = cursor.fetchone()[0]
                        time.sleep(0.01)
                        cursor.execute("UPDATE draft SET saves = %s WHERE id = 1", [saves + 1])
        except Exception as exc:
            errors.append(repr(exc))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=editor) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with connection.cursor() as cursor:
        cursor.execute("SELECT saves FROM draft WHERE id = 1")
        print("saves", cursor.fetchone()[0])
    print("errors", len(errors), errors[:1])
    """
)


def run(tmp_path, settings_module="cms.settings.test"):
    db = tmp_path / "office.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": f"sqlite:///{db}",
    }
    result = subprocess.run(  # noqa: S603 (our own script)
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return dict(line.split(" ", 1) for line in result.stdout.splitlines())


def test_concurrent_saves_on_a_sqlite_file_all_go_through(tmp_path):
    out = run(tmp_path)
    assert out["journal"] == "wal"
    assert out["errors"].startswith("0 "), out["errors"]
    # No save lost either: each read-then-write waited for the one before.
    assert out["saves"] == "45"


def test_development_settings_use_the_same_sqlite_options(tmp_path):
    """The settings the threads above ran with are the ones the site uses on SQLite."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the suite runs on PostgreSQL: no SQLite options to check")

    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]
    assert options["timeout"] >= 5
