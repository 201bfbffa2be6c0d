"""make backup / make restore: database and uploaded files round-trip through one archive."""

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model

from registry.models import StateParty
from tests.conftest import make_user
from tests.focal_points.test_permission_matrix import make_document, snapshot

pytestmark = pytest.mark.django_db


def test_backup_and_restore_round_trip(tmp_path, sudan, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    from wagtail.models import Collection

    document = make_document(Collection.get_first_root_node(), None)
    original_file = document.file.read()
    document.file.close()
    make_user("Focal point — Sudan", email="kept@example.org")
    sudan.title = "Draft kept in the backup"
    sudan.save_revision()
    state = StateParty.objects.get(iso3="SDN")
    state.mines_retained, state.mines_retained_year = 321, 2024
    state.save()
    before = snapshot()

    archive = tmp_path / "site.tar.gz"
    call_command("backup_site", str(archive), verbosity=0)

    # Lose things: a page's revisions, a registry fact, a user, the document's file.
    sudan.revisions.all().delete()
    StateParty.objects.filter(iso3="SDN").update(mines_retained=None, mines_retained_year=None)
    make_user(email="intruder@example.org")
    get_document_model().objects.get(pk=document.pk).file.delete(save=False)
    assert snapshot() != before

    call_command("restore_site", str(archive), "--yes", verbosity=0)
    # JSON fixtures keep times to the millisecond.
    assert to_milliseconds(snapshot()) == to_milliseconds(before)
    restored = get_document_model().objects.get(pk=document.pk)
    assert restored.file.read() == original_file
    assert StateParty.objects.get(iso3="SDN").mines_retained == 321


def to_milliseconds(value):
    import datetime as dt

    if isinstance(value, dict):
        return {k: to_milliseconds(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_milliseconds(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


# --- The archive is private; every storage is backed up ---------------------------------------


def test_backup_is_readable_by_its_owner_only(tmp_path, settings):
    """It holds password hashes and two-factor secrets."""
    import os
    import stat

    settings.MEDIA_ROOT = tmp_path / "media"
    folder = tmp_path / "backups" / "nightly"
    archive = folder / "site.tar.gz"
    previous = os.umask(0o022)
    try:
        call_command("backup_site", str(archive), verbosity=0)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "backups").stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == ["site.tar.gz"]  # no temporary file left


IN_MEMORY = {"BACKEND": "django.core.files.storage.InMemoryStorage"}


def test_uploaded_files_in_any_storage_are_backed_up_and_restored(tmp_path, settings):
    """As with S3 (django-storages): files that are not in MEDIA_ROOT."""
    import io
    import tarfile

    from django.core.files.storage import default_storage
    from wagtail.models import Collection

    settings.STORAGES = {**settings.STORAGES, "default": IN_MEMORY}
    settings.MEDIA_ROOT = tmp_path / "no-media-here"
    document = make_document(Collection.get_first_root_node(), None)
    name = document.file.name
    assert default_storage.exists(name) and not settings.MEDIA_ROOT.exists()

    archive = tmp_path / "site.tar.gz"
    out = io.StringIO()
    call_command("backup_site", str(archive), stdout=out)
    assert "1 uploaded files" in out.getvalue()
    with tarfile.open(archive) as tar:
        assert tar.extractfile(f"media/{name}").read() == b"%PDF-1.4 b"

    default_storage.delete(name)
    call_command("restore_site", str(archive), "--yes", verbosity=0)
    restored = get_document_model().objects.get(pk=document.pk)
    assert restored.file.name == name
    assert restored.file.read() == b"%PDF-1.4 b"


class UnreachableStorage:
    """A storage whose listing fails, as S3 does without credentials or network."""

    def __new__(cls, **kwargs):
        from django.core.files.storage import InMemoryStorage

        class Unreachable(InMemoryStorage):
            def listdir(self, path):
                raise OSError("Could not connect to the endpoint URL")

        return Unreachable(**kwargs)


def test_a_storage_that_cannot_be_listed_stops_the_backup(tmp_path, settings):
    from django.core.management import CommandError

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.core.test_backup.UnreachableStorage"},
    }
    archive = tmp_path / "site.tar.gz"
    with pytest.raises(CommandError, match="Cannot list the uploaded files.*endpoint URL"):
        call_command("backup_site", str(archive), verbosity=0)
    assert not archive.exists()
