"""make backup / make restore: database and uploaded files round-trip through one archive."""

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model

from registry.models import StateParty
from tests.conftest import make_user
from tests.test_permission_matrix import make_document, snapshot

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
