"""A partnership under Action #21 built to give known answers: Zimbabwe with Norway and
Japan, two targets (one age- and gender-sensitive), commitments in 2025 and 2026, and
progress reported in both years."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from registry.models import StateParty


def state(iso3: str) -> StateParty:
    return StateParty.objects.get(iso3=iso3)


def partnership(title="Mine-free Zimbabwe by 2027", partners=("NOR", "JPN"), amount=1_500_000):
    return {
        "title": title,
        "start_year": 2025,
        "end_year": 2027,
        "own_responsibilities": "ZIMAC sets priorities and accredits operators.",
        "partners": [
            {"state": state(iso3), "responsibilities": f"{iso3} funds clearance teams."}
            for iso3 in partners
        ],
        "targets": [
            {
                "description": "Release the Musengezi to Rwenya minefield.",
                "due_date": dt.date(2026, 12, 31),
                "women": None,
                "girls": None,
                "men": None,
                "boys": None,
                "progress": [
                    {"date": dt.date(2025, 11, 30), "status": "on_track", "note": "Half done."},
                    {"date": dt.date(2026, 6, 30), "status": "delayed", "note": "Rains."},
                ],
            },
            {
                "description": "Risk education for people living near minefields.",
                "due_date": dt.date(2027, 6, 30),
                "women": 4000,
                "girls": 3500,
                "men": 3800,
                "boys": 3600,
                "progress": [
                    {"date": dt.date(2025, 12, 15), "status": "met", "note": ""},
                ],
            },
        ],
        "commitments": [
            {
                "year": 2025,
                "party": state(partners[0]),
                "kind": "financial",
                "amount": Decimal(amount),
                "currency": "USD",
                "description": "",
            },
            {
                "year": 2026,
                "party": state("ZWE"),
                "kind": "other",
                "amount": None,
                "currency": "",
                "description": "Deploys two army demining teams.",
            },
        ],
    }


def partnerships_section(*items) -> tuple:
    return (
        "partnerships",
        {
            "illustrative": False,
            "assisting_states": [],
            "organisations": [],
            "projects": [],
            "action21": list(items),
            "stories": [],
        },
    )
