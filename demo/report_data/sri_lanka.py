"""Sri Lanka: illustrative reports for 2023–2025, consistent with its demonstration page
(the mined areas of the Northern Province; 20 km² remaining at the end of 2024, the
page's clearance need; casualties of 2023 and 2024) and the registry (stockpile destroyed
on 30 September 2021, 21,153 mines retained). The 2025 report is shared with the States
Parties and the ISU only."""

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

JAFFNA, KILINOCHCHI, MULLAITIVU = "Jaffna", "Kilinochchi", "Mullaitivu"
MANNAR, VAVUNIYA = "Mannar", "Vavuniya"
EMPLACED = (1985, 2009)

STOCKPILE = not_applicable(
    "Stockpile destruction was completed on 30 September 2021: Sri Lanka holds no stockpiled mines."
)


def years(*sizes: int) -> dict[int, int]:
    return dict(zip((2022, 2023, 2024, 2025), sizes, strict=True))


AREAS = [
    Area(
        "JAF-01",
        JAFFNA,
        "confirmed",
        years(2_600_000, 2_300_000, 2_050_000, 1_800_000),
        {"Type 72": 1_800, "P4 Mk1": 600},
        EMPLACED,
    ),
    Area(
        "KIL-01 former defence line",
        KILINOCHCHI,
        "confirmed",
        years(5_200_000, 4_800_000, 4_450_000, 4_100_000),
        {"Type 72": 3_500, "Jony 95": 1_200},
        EMPLACED,
    ),
    Area("KIL-02", KILINOCHCHI, "suspected", years(1_500_000, 1_200_000, 1_000_000, 800_000)),
    Area(
        "MUL-01 former defence line",
        MULLAITIVU,
        "confirmed",
        years(5_600_000, 5_200_000, 4_900_000, 4_550_000),
        {"Type 72": 3_000, "Jony 95": 2_000, "P4 Mk1": 500},
        EMPLACED,
    ),
    Area("MUL-02", MULLAITIVU, "suspected", years(2_300_000, 2_100_000, 1_900_000, 1_700_000)),
    Area(
        "MAN-01",
        MANNAR,
        "confirmed",
        years(3_400_000, 3_200_000, 3_000_000, 2_800_000),
        {"P4 Mk1": 1_400, "Type 72": 800},
        EMPLACED,
    ),
    Area("VAV-01", VAVUNIYA, "suspected", years(3_000_000, 2_850_000, 2_700_000, 2_550_000)),
]

INSTITUTION = "Sri Lanka Army, Humanitarian Demining Unit"
RETAINED_PURPOSE = "Training of deminers and mine detection dogs, and testing of detectors."


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
        for designation, quantity in (("Type 72", 12_000), ("P4 Mk1", 6_153), ("Jony 95", 3_000))
    ]


RISK_EDUCATION = "Sessions in Tamil and Sinhala for schools, returning families and farmers."
REHABILITATION = "Prostheses and rehabilitation for survivors."
DONORS = [
    ("Japan", "Clearance and mechanical equipment.", "USD"),
    ("United Kingdom", "Clearance in Kilinochchi and Mullaitivu.", "GBP"),
    ("Australia", "Survey and clearance of land needed for resettlement.", "AUD"),
]


def donors(*amounts: int) -> list[dict]:
    return [
        cooperation(partner, "survey_clearance", amount, currency, description)
        for (partner, description, currency), amount in zip(DONORS, amounts, strict=True)
    ]


REPORTS = StateReports(
    iso3="LKA",
    language="en",
    contact=Contact(
        organisation="National Mine Action Centre",
        name="Office of the Director",
        email="director@slnmac.example.org",
        phone="+94 00 000 0000",
    ),
    page_year=2024,
    areas=AREAS,
    years={
        2023: Year(
            submitted_on=dt.date(2024, 4, 29),
            cover={
                "B": STOCKPILE,
                "E": not_applicable("Sri Lanka has no facility producing anti-personnel mines."),
            },
            measures=[
                {
                    "kind": "legislation",
                    "title": "Prohibition of Anti-Personnel Mines Act, No. 3 of 2022",
                    "url": "https://www.srilankalaw.lk/revised-statutes/volume-vi/"
                    "1974-prohibition-of-anti-personnel-mines-act.html",
                },
                {
                    "kind": "administrative",
                    "title": "National Mine Action Standards, revised chapters on land release",
                    "adopted_on": dt.date(2023, 7, 3),
                },
            ],
            retained=retained("No mines were used during the year."),
            programmes=[
                {
                    "article": "article_4",
                    "status": "completed",
                    "completed_on": dt.date(2021, 9, 30),
                    "methods": "Destruction of the stockpile, as reported in 2021.",
                },
                {
                    "article": "article_5",
                    "status": "in_progress",
                    "methods": "Non-technical and technical survey, and manual and mechanical "
                    "clearance of former defence lines.",
                    "sites": "Northern Province: Jaffna, Kilinochchi, Mullaitivu, Mannar and "
                    "Vavuniya.",
                    "safety_standards": "Sri Lanka National Mine Action Standards, based on "
                    "the International Mine Action Standards.",
                    "environmental_standards": "IMAS 07.13, environmental management in "
                    "mine action.",
                },
            ],
            characteristics=["Type 72", "P4 Mk1", "Jony 95"],
            warnings=[
                warning(
                    KILINOCHCHI,
                    "risk_education",
                    RISK_EDUCATION,
                    dt.date(2023, 2, 13),
                    (3_400, 3_600, 4_100, 3_200),
                ),
                warning(
                    MULLAITIVU,
                    "risk_education",
                    "Sessions for fishing communities near the lagoons.",
                    dt.date(2023, 6, 19),
                    (1_900, 2_000, 2_600, 2_300),
                ),
                warning(
                    MANNAR,
                    "marking",
                    "Marking of MAN-01 next to paddy fields.",
                    dt.date(2023, 3, 6),
                    (0, 0, 0, 0),
                ),
            ],
            casualties=casualties(
                ("killed", "male", "adult", "civilian", 1),
                ("injured", "male", "adult", "civilian", 4),
                ("injured", "female", "adult", "civilian", 1),
                ("injured", "male", "child", "civilian", 1),
                ("injured", "unknown", "unknown", "unknown", 1),
            ),
            services=[
                service("rehabilitation", REHABILITATION, (6, 14, 48, 132)),
                service(
                    "inclusion",
                    "Livelihood support for survivors, many of them women heads of household.",
                    (0, 0, 64, 41),
                ),
            ],
            cooperation=donors(2_000_000, 1_500_000, 1_000_000),
            other_matters="Released land was handed over to district authorities so that "
            "displaced families could resettle and farm.",
        ),
        2024: Year(
            submitted_on=dt.date(2025, 4, 28),
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
                    KILINOCHCHI,
                    "risk_education",
                    RISK_EDUCATION,
                    dt.date(2024, 2, 12),
                    (3_100, 3_300, 3_800, 3_000),
                ),
                warning(
                    VAVUNIYA,
                    "risk_education",
                    RISK_EDUCATION,
                    dt.date(2024, 7, 22),
                    (1_200, 1_300, 1_500, 1_100),
                ),
            ],
            casualties=casualties(
                ("killed", "male", "adult", "civilian", 1),
                ("injured", "male", "adult", "civilian", 3),
                ("injured", "female", "adult", "civilian", 1),
                ("injured", "male", "child", "civilian", 1),
            ),
            services=[service("rehabilitation", REHABILITATION, (5, 12, 45, 126))],
            cooperation=donors(1_800_000, 1_200_000, 900_000),
            other_matters="Funding for clearance fell during the year while dense minefields "
            "on former defence lines remained.",
        ),
        2025: Year(
            submitted_on=dt.date(2026, 4, 24),
            visibility="parties",
            cover={
                "A": unchanged(2023),
                "B": STOCKPILE,
                "E": unchanged(2024),
                "F": unchanged(2023),
                "H": unchanged(2023),
            },
            retained=retained("No mines were used during the year."),
            warnings=[
                warning(
                    MULLAITIVU,
                    "risk_education",
                    "Sessions for fishing communities near the lagoons.",
                    dt.date(2025, 6, 16),
                    (1_700, 1_800, 2_300, 2_100),
                ),
            ],
            casualties=casualties(
                ("injured", "male", "adult", "civilian", 3),
                ("injured", "female", "adult", "civilian", 1),
            ),
            services=[service("rehabilitation", REHABILITATION, (5, 11, 44, 120))],
            cooperation=donors(1_600_000, 1_000_000, 800_000),
            other_matters="The deadline of 1 June 2028 cannot be met: Sri Lanka will submit a "
            "request to extend it by March 2027.",
        ),
    },
)
