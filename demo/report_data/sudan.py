"""Sudan: illustrative reports for 2023–2025, consistent with its demonstration page (the
remaining contamination in South Kordofan and Blue Nile, 14.5 km² as the page's clearance
need) and the registry (stockpile destroyed on 31 March 2008, no mines retained recorded).
The 2025 report is a "nothing new" report: every form unchanged since 2024."""

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

SK, BN = "South Kordofan", "Blue Nile"
EMPLACED = (1990, 2003)

STOCKPILE = not_applicable(
    "Stockpile destruction was completed on 31 March 2008: Sudan holds no stockpiled mines."
)
RETAINED = not_applicable("Sudan retains no anti-personnel mines under Article 3.")

AREAS = [
    Area(
        "SK-CHA-011",
        SK,
        "confirmed",
        {2022: 2_400_000, 2023: 2_050_000, 2024: 1_800_000, 2025: 1_800_000},
        {"PMN": 220, "POMZ-2": 60},
        EMPLACED,
    ),
    Area(
        "SK-CHA-014",
        SK,
        "confirmed",
        {2022: 1_900_000, 2023: 1_700_000, 2024: 1_550_000, 2025: 1_550_000},
        {"PMN-2": 150, "Type 72": 90},
        EMPLACED,
    ),
    Area("SK-SHA-017", SK, "suspected", {2022: 600_000, 2023: 0}),
    Area(
        "SK-SHA-020",
        SK,
        "suspected",
        {2022: 3_600_000, 2023: 3_100_000, 2024: 2_900_000, 2025: 2_900_000},
    ),
    Area(
        "SK-SHA-023",
        SK,
        "suspected",
        {2022: 2_000_000, 2023: 2_000_000, 2024: 2_000_000, 2025: 2_000_000},
    ),
    Area(
        "BN-CHA-004",
        BN,
        "confirmed",
        {2022: 1_500_000, 2023: 1_300_000, 2024: 1_150_000, 2025: 1_150_000},
        {"PMN": 120, "POMZ-2": 40},
        EMPLACED,
    ),
    Area(
        "BN-SHA-009",
        BN,
        "suspected",
        {2022: 3_200_000, 2023: 2_700_000, 2024: 2_500_000, 2025: 2_500_000},
    ),
    Area(
        "BN-SHA-012",
        BN,
        "suspected",
        {2022: 2_700_000, 2023: 2_600_000, 2024: 2_600_000, 2025: 2_600_000},
    ),
]

ARTICLE_5_PROGRAMME = {
    "article": "article_5",
    "status": "in_progress",
    "methods": "Non-technical survey, technical survey, and manual and mechanical clearance.",
    "sites": "South Kordofan and Blue Nile.",
    "safety_standards": "National Mine Action Standards, based on the International Mine "
    "Action Standards.",
    "environmental_standards": "IMAS 07.13, environmental management in mine action.",
}

REPORTS = StateReports(
    iso3="SDN",
    language="en",
    contact=Contact(
        organisation="National Mine Action Center",
        name="Office of the Director",
        email="director@nmac.example.org",
        phone="+249 00 000 0000",
    ),
    page_year=2025,
    areas=AREAS,
    years={
        2023: Year(
            submitted_on=dt.date(2024, 4, 26),
            cover={
                "B": STOCKPILE,
                "D": RETAINED,
                "E": not_applicable("Sudan has no facility producing anti-personnel mines."),
            },
            measures=[
                {
                    "kind": "legislation",
                    "title": "Implementing legislation, as described in Sudan's earlier "
                    "Article 7 reports",
                },
                {
                    "kind": "administrative",
                    "title": "National Mine Action Standards, revised edition",
                    "adopted_on": dt.date(2023, 5, 15),
                },
            ],
            programmes=[
                {
                    "article": "article_4",
                    "status": "completed",
                    "completed_on": dt.date(2008, 3, 31),
                    "methods": "Destruction of the stockpile, as reported in 2008.",
                },
                ARTICLE_5_PROGRAMME,
            ],
            characteristics=["PMN", "PMN-2", "POMZ-2", "Type 72"],
            warnings=[
                warning(
                    SK,
                    "risk_education",
                    "Sessions in villages next to hazardous areas, in Arabic and local languages.",
                    dt.date(2023, 3, 20),
                    (5_200, 5_900, 6_100, 4_300),
                ),
                warning(
                    BN,
                    "risk_education",
                    "Sessions for returning families and nomadic communities.",
                    dt.date(2023, 10, 9),
                    (3_100, 3_600, 3_900, 2_800),
                ),
                warning(
                    BN,
                    "marking",
                    "Perimeter marking of BN-CHA-004 before clearance.",
                    dt.date(2023, 2, 6),
                    (0, 0, 0, 0),
                ),
            ],
            casualties=casualties(
                ("killed", "male", "adult", "civilian", 4),
                ("killed", "male", "child", "civilian", 3),
                ("killed", "female", "adult", "civilian", 1),
                ("killed", "female", "child", "civilian", 1),
                ("injured", "male", "adult", "civilian", 8),
                ("injured", "male", "child", "civilian", 7),
                ("injured", "female", "adult", "civilian", 4),
                ("injured", "female", "child", "civilian", 4),
                ("injured", "unknown", "unknown", "unknown", 1),
            ),
            services=[
                service(
                    "rehabilitation",
                    "Prostheses and physiotherapy at regional centres.",
                    (40, 85, 120, 310),
                ),
                service(
                    "psychological",
                    "Peer support groups for survivors and their families.",
                    (25, 40, 90, 150),
                ),
                service(
                    "inclusion",
                    "Small grants for survivors to start an income-generating activity.",
                    (0, 0, 45, 80),
                ),
            ],
            cooperation=[
                cooperation(
                    "Japan",
                    "survey_clearance",
                    1_500_000,
                    "USD",
                    "Survey and clearance in Blue Nile.",
                ),
                cooperation(
                    "United Nations Mine Action Service (UNMAS)",
                    "capacity",
                    600_000,
                    "USD",
                    "Coordination and quality management support to the National Mine "
                    "Action Center.",
                ),
                cooperation(
                    "United Nations Development Programme (UNDP)",
                    "capacity",
                    400_000,
                    "USD",
                    "National capacity development.",
                ),
            ],
            other_matters="Insecurity limited access to parts of South Kordofan and Blue Nile "
            "during the year; survey and clearance teams worked where access allowed, and "
            "risk education reached families returning to affected villages.",
        ),
        2024: Year(
            submitted_on=dt.date(2025, 4, 28),
            cover={
                "A": unchanged(2023),
                "B": STOCKPILE,
                "D": RETAINED,
                "E": unchanged(2023),
                "F": unchanged(2023),
                "H": unchanged(2023),
            },
            warnings=[
                warning(
                    SK,
                    "risk_education",
                    "Sessions in villages next to hazardous areas.",
                    dt.date(2024, 4, 15),
                    (3_800, 4_200, 4_500, 3_100),
                ),
                warning(
                    BN,
                    "risk_education",
                    "Sessions for returning families.",
                    dt.date(2024, 11, 4),
                    (2_200, 2_500, 2_700, 1_900),
                ),
            ],
            casualties=casualties(
                ("killed", "male", "adult", "civilian", 3),
                ("killed", "male", "child", "civilian", 2),
                ("killed", "female", "adult", "civilian", 1),
                ("killed", "female", "child", "civilian", 1),
                ("injured", "male", "adult", "civilian", 7),
                ("injured", "male", "child", "civilian", 5),
                ("injured", "female", "adult", "civilian", 3),
                ("injured", "female", "child", "civilian", 3),
                ("injured", "unknown", "unknown", "unknown", 1),
            ),
            services=[
                service(
                    "rehabilitation",
                    "Prostheses and physiotherapy at regional centres.",
                    (30, 70, 105, 260),
                ),
                service(
                    "psychological",
                    "Peer support groups for survivors and their families.",
                    (20, 30, 75, 120),
                ),
            ],
            cooperation=[
                cooperation(
                    "Japan",
                    "survey_clearance",
                    1_200_000,
                    "USD",
                    "Survey and clearance in Blue Nile.",
                ),
                cooperation(
                    "United Nations Development Programme (UNDP)",
                    "capacity",
                    350_000,
                    "USD",
                    "National capacity development.",
                ),
            ],
            other_matters="Operations slowed during the year: less land was released than "
            "in 2023, and clearance concentrated on confirmed areas close to villages.",
        ),
        2025: Year(submitted_on=dt.date(2026, 4, 27), nothing_new=True),
    },
)
