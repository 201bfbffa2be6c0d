"""Fixtures of the reporting tests: a real State of the registry (Sudan) and approved mine
types."""

import pytest

from registry.models import StateParty
from reporting.models import MineType


@pytest.fixture
def sudan(db) -> StateParty:
    """From the registry the test database loads once (tests/conftest.py)."""
    return StateParty.objects.get(iso3="SDN")


@pytest.fixture
def pmn2(db) -> MineType:
    return MineType.objects.create(
        designation="PMN-2", origin="USSR", status=MineType.Status.APPROVED
    )


@pytest.fixture
def pomz(db) -> MineType:
    return MineType.objects.create(
        designation="POMZ-2M", origin="USSR", status=MineType.Status.APPROVED
    )


@pytest.fixture
def zimbabwe_state(db) -> StateParty:
    return StateParty.objects.get(iso3="ZWE")
