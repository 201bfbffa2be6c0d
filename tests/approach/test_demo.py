"""The demonstration pages' individualised-approach events are in the calendar, after the
publish pipeline and after `rebuild_event_index` alike."""

import pytest
from django.core.management import call_command

from approach.models import PublishedEvent
from core.page_cache import bump
from demo.loader import DemoReport
from demo.pages import ensure_full_pages

pytestmark = pytest.mark.django_db


def test_the_demo_states_events_are_in_the_calendar(client, states_index):
    ensure_full_pages(states_index, DemoReport())
    indexed = set(PublishedEvent.objects.values_list("pk", "block_id"))
    states = set(PublishedEvent.objects.values_list("state__iso3", flat=True))
    assert states == {"SDN", "ZWE", "LKA", "SEN", "SRB"}
    call_command("rebuild_event_index", verbosity=0)
    assert {b for _pk, b in PublishedEvent.objects.values_list("pk", "block_id")} == {
        b for _pk, b in indexed
    }
    bump("all")
    html = client.get("/en/individualised-approach/calendar/").content.decode()
    for name in ("Sudan", "Zimbabwe", "Sri Lanka", "Senegal", "Serbia"):
        assert f">{name}</a>" in html
