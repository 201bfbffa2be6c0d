"""Senegal: illustrative reports for 2023–2025, written in French like its demonstration
page and consistent with it (1,289,946 m² remaining in 75 hazardous areas in 36 localities
of Casamance at the end of 2025; casualties of 2023–2025) and with the registry (no
stockpile held). The areas are numbered, not named: the demonstration does not say which
real village has mines."""

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

EMPLACED = (1992, 1998)
# The page's clearance need, and the figure its status note gives for December 2025.
REMAINING_END_2025 = 1_289_946
# Department (area code, name, number of localities with hazardous areas): 36 localities.
DEPARTMENTS = [("BIG", "Bignona", 14), ("ZIG", "Ziguinchor", 8), ("OUS", "Oussouye", 6)]
DEPARTMENTS += [("GOU", "Goudomp", 8)]
# Areas released completely during a year: (year, area, department, size m², confirmed).
RELEASED = [
    (2023, "BIG-05-C", "Bignona", 18_000, True),
    (2023, "GOU-02-C", "Goudomp", 12_500, False),
    (2023, "ZIG-04-C", "Ziguinchor", 9_800, True),
    (2024, "BIG-09-C", "Bignona", 15_200, False),
    (2024, "OUS-03-C", "Oussouye", 11_400, True),
    (2024, "ZIG-06-C", "Ziguinchor", 7_600, False),
    (2025, "BIG-12-C", "Bignona", 21_000, True),
    (2025, "GOU-05-C", "Goudomp", 8_900, False),
    (2025, "OUS-05-C", "Oussouye", 6_300, True),
]


def casamance_areas() -> list[Area]:
    """75 areas at the end of 2025: three in each of the first three localities, two in
    each of the other 33. Every fourth area was being cleared, losing a fifth of its size
    each year; the areas in RELEASED were released completely."""
    slots = []
    for code, department, localities in DEPARTMENTS:
        for locality in range(1, localities + 1):
            letters = "ABC" if len(slots) < 9 else "AB"
            slots += [(f"{code}-{locality:02d}-{letter}", department) for letter in letters]
    weights = [20 + (index * 37) % 53 for index in range(len(slots))]
    sizes_2025 = [REMAINING_END_2025 * weight // sum(weights) for weight in weights]
    sizes_2025[-1] += REMAINING_END_2025 - sum(sizes_2025)
    areas = []
    for index, ((name, department), size) in enumerate(zip(slots, sizes_2025, strict=True)):
        sizes = {2025: size}
        for year in (2024, 2023, 2022):
            later = sizes[year + 1]
            sizes[year] = later + later // 4 if index % 4 == 0 else later
        confirmed = index % 3 == 0
        mines = {"PRB M35": 4 + index % 5, "VS-50": 2 + index % 3} if confirmed else {}
        status = "confirmed" if confirmed else "suspected"
        areas.append(Area(name, department, status, sizes, mines, EMPLACED))
    for year, name, department, size, confirmed in RELEASED:
        sizes = dict.fromkeys(range(2022, year), size) | {year: 0}
        mines = {"PRB M35": 3, "VS-50": 1} if confirmed else {}
        status = "confirmed" if confirmed else "suspected"
        areas.append(Area(name, department, status, sizes, mines, EMPLACED))
    return areas


STOCKPILE = not_applicable("Le Sénégal ne détient pas de stocks de mines antipersonnel.")
RETAINED = not_applicable(
    "Le Sénégal ne conserve pas de mines antipersonnel au titre de l'article 3."
)
RISK_EDUCATION = "Séances en français, en wolof, en diola et en mandingue dans les localités."
REHABILITATION = "Réadaptation physique et soutien psychologique des survivants."

REPORTS = StateReports(
    iso3="SEN",
    language="fr",
    contact=Contact(
        organisation="Centre national d'action antimines au Sénégal (CNAMS)",
        name="Direction",
        email="direction@cnams.example.org",
        phone="+221 00 000 00 00",
    ),
    page_year=2025,
    areas=casamance_areas(),
    years={
        2023: Year(
            submitted_on=dt.date(2024, 4, 25),
            cover={
                "B": STOCKPILE,
                "D": RETAINED,
                "E": not_applicable(
                    "Le Sénégal n'a pas d'installation de production de mines antipersonnel."
                ),
            },
            measures=[
                {
                    "kind": "legislation",
                    "title": "Loi d'application de la Convention, décrite dans les rapports "
                    "antérieurs du Sénégal",
                },
                {
                    "kind": "administrative",
                    "title": "Normes nationales d'action contre les mines, édition révisée",
                    "adopted_on": dt.date(2023, 9, 12),
                },
            ],
            programmes=[
                {
                    "article": "article_5",
                    "status": "in_progress",
                    "methods": "Enquête non technique, enquête technique et déminage manuel "
                    "et mécanique.",
                    "sites": "Départements de Bignona, Oussouye et Ziguinchor (région de "
                    "Ziguinchor) et de Goudomp (région de Sédhiou).",
                    "safety_standards": "Normes nationales d'action contre les mines, "
                    "fondées sur les Normes internationales de la lutte antimines.",
                    "environmental_standards": "IMAS 07.13, gestion environnementale dans "
                    "la lutte antimines.",
                },
            ],
            characteristics=["PRB M35", "VS-50"],
            warnings=[
                warning(
                    "Bignona",
                    "risk_education",
                    RISK_EDUCATION,
                    dt.date(2023, 3, 14),
                    (820, 910, 1_050, 760),
                ),
                warning(
                    "Goudomp",
                    "risk_education",
                    "Séances pour les familles déplacées qui reviennent s'installer.",
                    dt.date(2023, 11, 21),
                    (430, 470, 560, 390),
                ),
                warning(
                    "Ziguinchor",
                    "marking",
                    "Marquage des zones confirmées proches des rizières.",
                    dt.date(2023, 2, 7),
                    (0, 0, 0, 0),
                ),
            ],
            casualties=casualties(
                ("killed", "male", "adult", "civilian", 1),
                ("injured", "male", "adult", "civilian", 1),
                ("injured", "female", "adult", "civilian", 1),
                ("injured", "male", "child", "civilian", 1),
            ),
            services=[
                service("rehabilitation", REHABILITATION, (2, 5, 21, 64)),
                service(
                    "inclusion",
                    "Activités génératrices de revenus pour les survivants et leurs familles.",
                    (0, 0, 18, 27),
                ),
            ],
            cooperation=[
                cooperation(
                    "France",
                    "capacity",
                    250_000,
                    "EUR",
                    "Formation des démineurs et des agents de gestion de l'information.",
                ),
                cooperation(
                    "Japon",
                    "survey_clearance",
                    500_000,
                    "USD",
                    "Matériel de détection et moyens de déminage mécanique.",
                ),
                cooperation(
                    "Programme des Nations Unies pour le développement (PNUD)",
                    "capacity",
                    200_000,
                    "EUR",
                    "Mobilisation des ressources et renforcement des capacités du CNAMS.",
                ),
            ],
            other_matters="Les zones remises à disposition ont été rendues aux autorités "
            "locales et aux familles lors de cérémonies publiques.",
        ),
        2024: Year(
            submitted_on=dt.date(2025, 4, 25),
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
                    "Bignona",
                    "risk_education",
                    RISK_EDUCATION,
                    dt.date(2024, 3, 12),
                    (780, 860, 990, 720),
                ),
                warning(
                    "Oussouye",
                    "risk_education",
                    "Séances dans les écoles et pour les exploitants forestiers.",
                    dt.date(2024, 10, 15),
                    (350, 380, 300, 410),
                ),
            ],
            casualties=casualties(
                ("injured", "male", "adult", "civilian", 1),
                ("injured", "male", "child", "civilian", 1),
            ),
            services=[service("rehabilitation", REHABILITATION, (2, 6, 20, 61))],
            cooperation=[
                cooperation(
                    "Japon",
                    "survey_clearance",
                    450_000,
                    "USD",
                    "Matériel de détection et moyens de déminage mécanique.",
                ),
                cooperation(
                    "Programme des Nations Unies pour le développement (PNUD)",
                    "capacity",
                    180_000,
                    "EUR",
                    "Renforcement des capacités du CNAMS.",
                ),
            ],
            other_matters="L'accès à certaines localités du département de Bignona est resté "
            "difficile pendant la saison des pluies.",
        ),
        2025: Year(
            submitted_on=dt.date(2026, 4, 24),
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
                    "Goudomp",
                    "risk_education",
                    RISK_EDUCATION,
                    dt.date(2025, 4, 8),
                    (410, 450, 530, 380),
                ),
            ],
            casualties=casualties(
                ("killed", "male", "adult", "civilian", 1),
                ("injured", "male", "adult", "civilian", 1),
            ),
            services=[service("rehabilitation", REHABILITATION, (2, 6, 21, 63))],
            cooperation=[
                cooperation(
                    "France",
                    "capacity",
                    200_000,
                    "EUR",
                    "Formation des démineurs.",
                ),
            ],
            other_matters="Au 31 décembre 2025, 1 289 946 m² restaient à traiter, répartis en "
            "75 zones dangereuses dans 36 localités de Casamance.",
        ),
    },
)
