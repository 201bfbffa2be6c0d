"""Serbia: illustrative reports for 2023–2025, consistent with its demonstration page (the
mined areas of Bujanovac, one more recorded after the burnt slopes were surveyed again;
0.8 km² remaining at the end of 2024, the page's clearance need; no casualties in 2023,
two in 2024) and the registry (stockpile destroyed on 27 December 2006, 3,134 mines
retained)."""

import datetime as dt

from .spec import (
    Area,
    Contact,
    StateReports,
    Year,
    casualties,
    cooperation,
    not_applicable,
    service,
    unchanged,
    warning,
)

BUJANOVAC = "Bujanovac"
EMPLACED = (1999, 2001)

STOCKPILE = not_applicable(
    "Stockpile destruction was completed on 27 December 2006: Serbia holds no stockpiled mines."
)

AREAS = [
    Area(
        "BUJ-01",
        BUJANOVAC,
        "confirmed",
        {2022: 420_000, 2023: 360_000, 2024: 300_000, 2025: 210_000},
        {"PMA-2": 300, "PROM-1": 40},
        EMPLACED,
    ),
    Area(
        "BUJ-02",
        BUJANOVAC,
        "confirmed",
        {2022: 310_000, 2023: 280_000, 2024: 250_000, 2025: 190_000},
        {"PMA-3": 180, "PMR-2A": 30},
        EMPLACED,
    ),
    Area(
        "BUJ-03",
        BUJANOVAC,
        "suspected",
        {2022: 200_000, 2023: 170_000, 2024: 130_000, 2025: 100_000},
    ),
    # Recorded in 2024, when survey teams walked the burnt slopes again.
    Area("BUJ-04", BUJANOVAC, "suspected", {2024: 120_000, 2025: 100_000}),
]

RETAINED_PURPOSE = "Training of deminers and mine detection dogs, and testing of equipment."
INSTITUTION = "Ministry of Defence, Serbian Armed Forces"


def retained(actual_use: str) -> list[dict]:
    return [
        {
            "institution": INSTITUTION,
            "mine_type": designation,
            "quantity_start": quantity,
            "quantity_end": quantity,
            "purpose": RETAINED_PURPOSE,
            "actual_use": actual_use,
        }
        for designation, quantity in (("PMA-2", 1_200), ("PMA-3", 1_100), ("PROM-1", 834))
    ]


RISK_EDUCATION = "Sessions for villagers, forest workers, hunters and firefighters."

REPORTS = StateReports(
    iso3="SRB",
    language="en",
    contact=Contact(
        organisation="Serbian Mine Action Centre",
        name="Office of the Director",
        email="director@smac.example.org",
        phone="+381 00 000 0000",
    ),
    page_year=2024,
    areas=AREAS,
    years={
        2023: Year(
            submitted_on=dt.date(2024, 4, 15),
            cover={
                "B": STOCKPILE,
                "E": not_applicable("No facility produces anti-personnel mines in Serbia."),
            },
            measures=[
                {
                    "kind": "other",
                    "title": "Existing legislation, including the Criminal Code, considered "
                    "sufficient to implement the Convention",
                },
                {
                    "kind": "administrative",
                    "title": "Procedure for surveying burnt areas again after forest fires",
                    "adopted_on": dt.date(2023, 4, 10),
                },
            ],
            retained=retained("No mines were used during the year."),
            programmes=[
                {
                    "article": "article_4",
                    "status": "completed",
                    "completed_on": dt.date(2006, 12, 27),
                    "methods": "Destruction of the stockpile, as reported in 2006.",
                },
                {
                    "article": "article_5",
                    "status": "in_progress",
                    "methods": "Non-technical and technical survey, manual clearance, and "
                    "machines to remove vegetation.",
                    "sites": "The municipality of Bujanovac.",
                    "safety_standards": "National mine action standards, based on the "
                    "International Mine Action Standards.",
                    "environmental_standards": "IMAS 07.13; cleared forest is replanted.",
                },
            ],
            characteristics=["PMA-2", "PMA-3", "PROM-1", "PMR-2A"],
            warnings=[
                warning(
                    BUJANOVAC,
                    "risk_education",
                    RISK_EDUCATION,
                    dt.date(2023, 4, 24),
                    (310, 340, 420, 560),
                ),
                warning(
                    BUJANOVAC,
                    "marking",
                    "Marking of BUJ-01 and BUJ-02 along forest paths.",
                    dt.date(2023, 6, 5),
                    (0, 0, 0, 0),
                ),
            ],
            services=[
                service(
                    "rehabilitation",
                    "Rehabilitation and psychological support for survivors.",
                    (0, 2, 6, 38),
                ),
                service(
                    "inclusion",
                    "Help with employment for survivors and their families.",
                    (0, 0, 4, 17),
                ),
            ],
            cooperation=[
                cooperation(
                    "Germany",
                    "survey_clearance",
                    600_000,
                    "EUR",
                    "Clearance of mined areas in Bujanovac.",
                ),
                cooperation(
                    "Switzerland",
                    "victim_assistance",
                    150_000,
                    "CHF",
                    "Risk education and victim assistance in the south of Serbia.",
                ),
            ],
            other_matters="No mine casualties were recorded during the year. Clearance went "
            "on in the months without snow.",
        ),
        2024: Year(
            submitted_on=dt.date(2025, 4, 14),
            cover={
                "A": unchanged(2023),
                "B": STOCKPILE,
                "E": unchanged(2023),
                "F": unchanged(2023),
                "H": unchanged(2023),
            },
            retained=retained("No mines were used during the year."),
            warnings=[
                warning(
                    BUJANOVAC,
                    "risk_education",
                    RISK_EDUCATION,
                    dt.date(2024, 4, 22),
                    (290, 330, 400, 540),
                ),
                warning(
                    BUJANOVAC,
                    "marking",
                    "Marking of BUJ-04, recorded after the burnt slopes were surveyed again.",
                    dt.date(2024, 9, 16),
                    (0, 0, 0, 0),
                ),
            ],
            casualties=casualties(
                ("killed", "male", "adult", "civilian", 1),
                ("injured", "male", "child", "civilian", 1),
            ),
            services=[
                service(
                    "emergency",
                    "Emergency care for the child injured during the year.",
                    (0, 1, 0, 0),
                ),
                service(
                    "rehabilitation",
                    "Rehabilitation and psychological support for survivors.",
                    (0, 3, 6, 37),
                ),
            ],
            cooperation=[
                cooperation(
                    "Germany",
                    "survey_clearance",
                    650_000,
                    "EUR",
                    "Clearance of mined areas in Bujanovac.",
                ),
                cooperation(
                    "Switzerland",
                    "victim_assistance",
                    150_000,
                    "CHF",
                    "Risk education and victim assistance in the south of Serbia.",
                ),
            ],
            other_matters="In March 2024 Serbia submitted a request to extend its deadline of "
            "31 December 2024 for clearing all mined areas, because mined areas were found "
            "after the forest fires of 2019 and 2021.",
        ),
        2025: Year(
            submitted_on=dt.date(2026, 4, 15),
            cover={
                "A": unchanged(2023),
                "B": STOCKPILE,
                "D": unchanged(2024),
                "E": unchanged(2024),
                "F": unchanged(2023),
                "H": unchanged(2023),
            },
            warnings=[
                warning(
                    BUJANOVAC,
                    "risk_education",
                    RISK_EDUCATION,
                    dt.date(2025, 4, 28),
                    (280, 310, 390, 520),
                ),
            ],
            services=[
                service(
                    "rehabilitation",
                    "Rehabilitation and psychological support for survivors.",
                    (0, 3, 6, 36),
                ),
            ],
            cooperation=[
                cooperation(
                    "Germany",
                    "survey_clearance",
                    400_000,
                    "EUR",
                    "Clearance of mined areas in Bujanovac.",
                ),
            ],
            other_matters="No mine casualties were recorded during the year.",
        ),
    },
)
