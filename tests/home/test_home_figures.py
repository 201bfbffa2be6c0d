"""The home page said "5 States Parties with a mine clearance obligation" when the
registry had Article 5 data only for five States: a count over incomplete data is not shown
as a total."""

import pytest

from registry.models import ClearanceStatus, StateParty
from tests.conftest import make_country

pytestmark = pytest.mark.django_db


def obligation_figure(html):
    start = html.index("States Parties with a mine clearance obligation (Article 5)")
    return html[start : html.index("</div>", start)]


def test_incomplete_article5_data_is_said_to_be_incomplete(client, states_index):
    for iso3 in ("SDN", "ZWE", "SEN"):
        make_country(states_index, iso3, languages=())
    StateParty.objects.filter(iso3__in=("SDN", "ZWE")).update(
        clearance_status=ClearanceStatus.OBLIGATION
    )
    StateParty.objects.filter(iso3="SEN").update(clearance_status=ClearanceStatus.UNKNOWN)
    figure = obligation_figure(client.get("/en/").content.decode())
    assert "2 recorded so far" in figure
    assert "Article 5 status not yet recorded for 1 State Party." in figure
    assert "<dd>2</dd>" not in figure


def test_complete_article5_data_is_shown_as_a_total(client, states_index):
    for iso3 in ("SDN", "ZWE"):
        make_country(states_index, iso3, languages=())
    StateParty.objects.filter(iso3="SDN").update(clearance_status=ClearanceStatus.OBLIGATION)
    StateParty.objects.filter(iso3="ZWE").update(clearance_status=ClearanceStatus.COMPLETED)
    figure = obligation_figure(client.get("/en/").content.decode())
    assert "<dd>1</dd>" in figure and "not yet recorded" not in figure
