"""Zimbabwe: illustrative reports for 2023–2025, consistent with its demonstration page
(the border minefields; about 12 km² remaining at the end of 2024, the page's clearance
need; casualties of 2023 and 2024) and the registry (stockpile destroyed on 15 November
2000, 450 mines retained)."""

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

MC, ME, MA, MV = "Mashonaland Central", "Mashonaland East", "Manicaland", "Masvingo"
EMPLACED = (1976, 1979)

STOCKPILE = not_applicable(
    "Stockpile destruction was completed on 15 November 2000: Zimbabwe holds no stockpiled mines."
)

AREAS = [
    Area(
        "ZW-MC-01 north-eastern border minefield",
        MC,
        "confirmed",
        {2022: 3_000_000, 2023: 2_600_000, 2024: 2_250_000, 2025: 1_900_000},
        {"R2M2": 24_000, "Ploughshare": 900},
        EMPLACED,
    ),
    Area(
        "ZW-MC-02 north-eastern border minefield",
        MC,
        "confirmed",
        {2022: 1_800_000, 2023: 1_650_000, 2024: 1_500_000, 2025: 1_350_000},
        {"R2M2": 12_000},
        EMPLACED,
    ),
    Area(
        "ZW-ME-01 eastern border minefield",
        ME,
        "confirmed",
        {2022: 2_600_000, 2023: 2_400_000, 2024: 2_150_000, 2025: 1_950_000},
        {"R2M2": 15_000, "MAPS": 4_000},
        EMPLACED,
    ),
    Area(
        "ZW-MA-01 eastern border minefield",
        MA,
        "confirmed",
        {2022: 1_700_000, 2023: 1_500_000, 2024: 1_300_000, 2025: 1_150_000},
        {"R2M2": 9_000, "Ploughshare": 500},
        EMPLACED,
    ),
    Area(
        "ZW-MA-02 eastern border minefield",
        MA,
        "confirmed",
        {2022: 2_500_000, 2023: 2_350_000, 2024: 2_200_000, 2025: 2_050_000},
        {"R2M2": 11_000},
        EMPLACED,
    ),
    Area(
        "ZW-MV-01 south-eastern border minefield",
        MV,
        "confirmed",
        {2022: 3_100_000, 2023: 2_800_000, 2024: 2_600_000, 2025: 2_400_000},
        {"R2M2": 20_000},
        EMPLACED,
    ),
]

SERVICES = "Prostheses and physical rehabilitation for survivors in remote rural districts."

REPORTS = StateReports(
    iso3="ZWE",
    language="en",
    contact=Contact(
        organisation="Zimbabwe Mine Action Centre (ZIMAC)",
        name="Office of the Director",
        email="director@zimac.example.org",
        phone="+263 00 000 0000",
    ),
    page_year=2024,
    areas=AREAS,
    years={
        2023: Year(
            submitted_on=dt.date(2024, 4, 29),
            cover={
                "B": STOCKPILE,
                "E": not_applicable(
                    "Zimbabwe has not produced anti-personnel mines since 1980 and has no "
                    "production facility."
                ),
            },
            measures=[
                {
                    "kind": "legislation",
                    "title": "Anti-Personnel Mines (Prohibition) Act [Chapter 11:19]",
                    "url": "https://www.law.co.zw/download/1803/",
                },
                {
                    "kind": "administrative",
                    "title": "National Mine Action Standards, updated chapter on land release",
                    "adopted_on": dt.date(2023, 8, 1),
                },
            ],
            retained=[
                {
                    "institution": "Zimbabwe Defence Forces, engineer training",
                    "mine_type": "R2M2",
                    "quantity_start": 450,
                    "quantity_end": 450,
                    "purpose": "Training of deminers and mine detection dogs, and testing "
                    "of detectors.",
                    "actual_use": "No mines were used during the year.",
                }
            ],
            programmes=[
                {
                    "article": "article_4",
                    "status": "completed",
                    "completed_on": dt.date(2000, 11, 15),
                    "methods": "Destruction of the stockpile, as reported in 2000.",
                },
                {
                    "article": "article_5",
                    "status": "in_progress",
                    "methods": "Technical survey, and manual and mechanical clearance of "
                    "the border minefields.",
                    "sites": "Minefields along the border with Mozambique in Mashonaland "
                    "Central, Mashonaland East, Manicaland and Masvingo.",
                    "safety_standards": "Zimbabwe National Mine Action Standards, based on "
                    "the International Mine Action Standards.",
                    "environmental_standards": "IMAS 07.13, environmental management in "
                    "mine action.",
                },
            ],
            characteristics=["R2M2", "Ploughshare", "MAPS"],
            warnings=[
                warning(
                    MC,
                    "risk_education",
                    "Sessions in schools and villages next to the minefields.",
                    dt.date(2023, 5, 8),
                    (2_400, 2_600, 2_900, 2_100),
                ),
                warning(
                    MA,
                    "risk_education",
                    "Sessions for herders and children near the minefields.",
                    dt.date(2023, 9, 18),
                    (1_300, 1_500, 1_600, 1_200),
                ),
                warning(
                    ME,
                    "fencing",
                    "Fencing of minefield sections next to villages and water points.",
                    dt.date(2023, 3, 13),
                    (0, 0, 0, 0),
                ),
            ],
            casualties=casualties(
                ("killed", "male", "adult", "civilian", 1),
                ("injured", "male", "adult", "civilian", 1),
                ("injured", "female", "adult", "civilian", 1),
                ("injured", "female", "child", "civilian", 1),
                ("injured", "male", "child", "civilian", 2),
                ("injured", "unknown", "unknown", "unknown", 1),
            ),
            services=[
                service("rehabilitation", SERVICES, (4, 9, 22, 61)),
                service(
                    "inclusion",
                    "Small livelihood grants for survivors and their families.",
                    (0, 0, 14, 23),
                ),
            ],
            cooperation=[
                cooperation(
                    "Norway",
                    "survey_clearance",
                    20_000_000,
                    "NOK",
                    "Clearance of minefields in the north-east.",
                ),
                cooperation(
                    "Ireland",
                    "survey_clearance",
                    1_000_000,
                    "EUR",
                    "Clearance and community liaison along the eastern border.",
                ),
                cooperation(
                    "Japan", "capacity", 900_000, "USD", "Clearance equipment and vehicles."
                ),
            ],
            other_matters="Clearance of the border minefields continued with the national "
            "army's engineers and international operators; released land returned to crops "
            "and grazing.",
        ),
        2024: Year(
            submitted_on=dt.date(2025, 4, 30),
            cover={
                "A": unchanged(2023),
                "B": STOCKPILE,
                "D": unchanged(2023),
                "E": unchanged(2023),
                "F": unchanged(2023),
                "H": unchanged(2023),
            },
            warnings=[
                warning(
                    MC,
                    "risk_education",
                    "Sessions in schools and villages next to the minefields.",
                    dt.date(2024, 5, 6),
                    (2_200, 2_300, 2_600, 1_900),
                ),
                warning(
                    MV,
                    "risk_education",
                    "Sessions in villages near the south-eastern minefield.",
                    dt.date(2024, 8, 19),
                    (900, 1_000, 1_100, 800),
                ),
            ],
            casualties=casualties(
                ("killed", "male", "child", "civilian", 1),
                ("injured", "male", "adult", "civilian", 2),
                ("injured", "female", "child", "civilian", 1),
                ("injured", "male", "child", "civilian", 1),
            ),
            services=[service("rehabilitation", SERVICES, (3, 8, 20, 57))],
            cooperation=[
                cooperation(
                    "Norway",
                    "survey_clearance",
                    20_000_000,
                    "NOK",
                    "Clearance of minefields in the north-east.",
                ),
                cooperation(
                    "Ireland",
                    "survey_clearance",
                    1_000_000,
                    "EUR",
                    "Clearance and community liaison along the eastern border.",
                ),
            ],
            other_matters="About 12 km² remained to be released at the end of the year, in "
            "six minefield sections along the border with Mozambique.",
        ),
        2025: Year(
            submitted_on=dt.date(2026, 4, 29),
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
                    MC,
                    "risk_education",
                    "Sessions in schools and villages next to the minefields.",
                    dt.date(2025, 5, 12),
                    (2_000, 2_100, 2_400, 1_700),
                ),
                warning(
                    ME,
                    "marking",
                    "Replacement of damaged warning signs along the eastern minefield.",
                    dt.date(2025, 7, 7),
                    (0, 0, 0, 0),
                ),
            ],
            casualties=casualties(
                ("injured", "male", "adult", "civilian", 1),
                ("injured", "male", "child", "civilian", 2),
            ),
            services=[service("rehabilitation", SERVICES, (3, 10, 19, 55))],
            cooperation=[
                cooperation(
                    "Norway",
                    "survey_clearance",
                    18_000_000,
                    "NOK",
                    "Clearance of minefields in the north-east.",
                ),
                cooperation(
                    "Ireland",
                    "survey_clearance",
                    1_000_000,
                    "EUR",
                    "Clearance and community liaison along the eastern border.",
                ),
            ],
            other_matters="Zimbabwe's deadline under Article 5 was 31 December 2025; the "
            "work plan for the remaining minefields aims to finish clearance by 2028.",
        ),
    },
)
