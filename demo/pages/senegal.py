"""Senegal, written in French by the national focal point (English and Spanish are
translations). The note on the status of implementation states only sourced facts: the
CNAMS, attached to the Ministry of Foreign Affairs, coordinates mine action
(http://www.the-monitor.org/en-gb/reports/2018/senegal/mine-action.aspx), and about
1.29 million m² remained in 75 hazardous areas in 36 localities of Casamance in December
2025 (https://fr.allafrica.com/stories/202512210244.html). Senegal has not launched an
individualised approach: that section, like every other section flagged "illustrative",
is example content."""

import datetime as dt
from decimal import Decimal

from demo.content import Doc, Img, Snippet

PAGE = {
    "key": "senegal",
    "iso3": "SEN",
    "language": "fr",
    "translations": ["en", "es"],
    "search_description": (
        "L'action contre les mines au Sénégal : ce qui reste à déminer en Casamance, les "
        "besoins du pays et ses partenaires."
    ),
    "documents": {
        "senegal-ziguinchor-presentation": {
            "title": "Exemple fictif : présentation préparatoire à une réunion des parties "
            "prenantes, Ziguinchor",
            "paragraphs": [
                "Ce fichier tient lieu de présentation sur le site de démonstration. Il ne "
                "s'agit pas d'un document officiel du Sénégal ni du CNAMS.",
                "Le Sénégal n'a pas lancé d'approche individualisée. Cette présentation "
                "imagine ce que le Centre national d'action antimines au Sénégal (CNAMS) "
                "pourrait exposer lors d'une réunion des parties prenantes à Ziguinchor : "
                "l'état de la contamination en Casamance, les priorités nationales et les "
                "besoins en matière de déminage, d'éducation au risque et d'assistance aux "
                "victimes.",
            ],
        },
    },
    "images": {
        "senegal-carte": {
            "title": "Carte illustrative du Sénégal avec des exemples de zones dangereuses",
            "hazards": [
                (-16.23, 12.81),
                (-16.05, 12.93),
                (-16.40, 12.72),
                (-16.55, 12.49),
                (-16.17, 12.48),
                (-15.87, 12.58),
            ],
        }
    },
    "body": [
        (
            "national_context",
            {
                "illustrative": True,
                "text": (
                    "<p>Le conflit qu'a connu la Casamance pendant plusieurs décennies a "
                    "laissé des mines et des restes explosifs de guerre dans le sud du pays. "
                    "La contamination qui subsiste se trouve dans les régions de Ziguinchor "
                    "et de Sédhiou, souvent à proximité de villages, de rizières, de vergers "
                    "d'anacardiers et de pistes rurales.</p>"
                    "<p>Les terres contaminées empêchent des familles de cultiver, de "
                    "récolter et de rentrer chez elles, et freinent la reprise des échanges "
                    "entre les villages et les marchés. Le déminage accompagne le retour des "
                    "populations déplacées et la relance de l'économie locale.</p>"
                    "<p>Le <b>Centre national d'action antimines au Sénégal (CNAMS)</b> "
                    "coordonne les enquêtes, le déminage, l'éducation au risque et "
                    "l'assistance aux victimes avec les services de l'État, les collectivités "
                    "locales et les partenaires nationaux et internationaux.</p>"
                ),
                "casualties": [
                    {
                        "year": 2023,
                        "killed": 1,
                        "injured": 3,
                        "women": 1,
                        "men": 2,
                        "girls": 0,
                        "boys": 1,
                        "unknown": 0,
                    },
                    {
                        "year": 2024,
                        "killed": 0,
                        "injured": 2,
                        "women": 0,
                        "men": 1,
                        "girls": 0,
                        "boys": 1,
                        "unknown": 0,
                    },
                    {
                        "year": 2025,
                        "killed": 1,
                        "injured": 1,
                        "women": 0,
                        "men": 2,
                        "girls": 0,
                        "boys": 0,
                        "unknown": 0,
                    },
                ],
                "sdg_links": [
                    {
                        "goal": "2",
                        "explanation": "Les terres remises à disposition retournent à la "
                        "riziculture, au maraîchage et à la récolte de l'anacarde.",
                    },
                    {
                        "goal": "5",
                        "explanation": "Les équipes d'enquête consultent les groupements "
                        "de femmes, qui connaissent bien les rizières et les chemins de "
                        "collecte du bois.",
                    },
                    {
                        "goal": "16",
                        "explanation": "Des terres et des pistes sûres favorisent le retour "
                        "des populations et la consolidation de la paix en Casamance.",
                    },
                ],
                "tags": ["socio-economic-development", "gender-and-diversity", "sdgs"],
            },
        ),
        (
            "status_of_implementation",
            {
                "note": "Le Centre national d'action antimines au Sénégal (CNAMS), rattaché "
                "au ministère des Affaires étrangères, coordonne l'action contre les mines. "
                "La contamination restante se situe en Casamance : en décembre 2025, "
                "environ 1,29 million de mètres carrés restaient à traiter, répartis en "
                "75 zones dangereuses dans 36 localités."
            },
        ),
        (
            "priorities",
            {
                "illustrative": True,
                "priorities": [
                    {
                        "text": "Achever l'enquête non technique dans les localités encore "
                        "inaccessibles du département de Bignona.",
                        "target_year": 2027,
                    },
                    {
                        "text": "Remettre à disposition des communautés l'ensemble des zones "
                        "dangereuses recensées, par l'enquête et le déminage.",
                        "target_year": 2028,
                    },
                    {
                        "text": "Mener des séances d'éducation au risque dans chaque "
                        "localité où des familles déplacées reviennent s'installer.",
                        "target_year": 2027,
                    },
                    {
                        "text": "Mettre en place une capacité nationale durable pour traiter "
                        "la contamination résiduelle après l'achèvement du déminage.",
                        "target_year": 2029,
                    },
                ],
            },
        ),
        (
            "needs_and_challenges",
            {
                "illustrative": True,
                "introduction": "Les besoins du Sénégal se concentrent en Casamance, dans "
                "des zones boisées et humides où l'accès reste difficile pendant la saison "
                "des pluies.",
                "needs": [
                    (
                        "clearance",
                        {
                            "description": "<p>Des équipes d'enquête et de déminage "
                            "supplémentaires pour les départements de Bignona, Oussouye, "
                            "Ziguinchor et Goudomp, ainsi que des moyens mécaniques adaptés à "
                            "la végétation dense.</p>",
                            "area_remaining_m2": 1_289_946,
                            "funding_gap": Decimal("4500000"),
                            "currency": "EUR",
                            "tags": ["land-release", "capacity-building"],
                        },
                    ),
                    (
                        "risk_education",
                        {
                            "description": "<p>Des séances d'éducation au risque en "
                            "français, en wolof, en diola et en mandingue, pour les familles "
                            "qui rentrent, les élèves et les exploitants forestiers.</p>",
                            "people_to_reach": 60_000,
                            "funding_gap": Decimal("350000"),
                            "currency": "EUR",
                            "tags": ["gender-and-diversity"],
                        },
                    ),
                    (
                        "victim_assistance",
                        {
                            "description": "<p>Réadaptation physique, soutien psychologique "
                            "et activités génératrices de revenus pour les survivants et "
                            "leurs familles, en particulier dans les zones rurales.</p>",
                            "people_to_reach": 500,
                            "funding_gap": Decimal("600000"),
                            "currency": "EUR",
                            "tags": ["survivor-inclusion", "gender-and-diversity"],
                        },
                    ),
                ],
            },
        ),
        (
            "maps",
            {
                "illustrative": True,
                "maps": [
                    {
                        "image": Img("senegal-carte"),
                        "caption": "Le Sénégal, avec des exemples de zones dangereuses en "
                        "Casamance",
                        "text_alternative": "Carte du Sénégal et des pays voisins. Six "
                        "repères rouges indiquent des exemples de zones dangereuses dans le "
                        "sud-ouest du pays, en Casamance : cinq dans la région de Ziguinchor "
                        "et un dans la région de Sédhiou, au sud de la Gambie. Leur position "
                        "est donnée à titre d'illustration.",
                        "source": "Contours Natural Earth ; repères à titre d'illustration "
                        "uniquement",
                        "date": dt.date(2025, 12, 1),
                    }
                ],
            },
        ),
        (
            "individualised_approach",
            {
                "illustrative": True,
                "events": [
                    {
                        "date": dt.date(2026, 4, 1),
                        "date_precision": "month",
                        "place": "Ziguinchor",
                        "kind": "stakeholder_meeting",
                        "summary": "Exemple fictif : le Sénégal n'a pas lancé d'approche "
                        "individualisée et cette réunion des parties prenantes n'a pas eu "
                        "lieu. Elle est imaginée pour montrer comment la section se "
                        "présenterait. Le CNAMS y réunirait à Ziguinchor les services de "
                        "l'État, les autorités locales, les opérateurs, les organisations "
                        "de survivants et les États en mesure de fournir une assistance, "
                        "afin de présenter l'état de la contamination, les priorités "
                        "nationales et les besoins.",
                        "documents": [
                            {
                                "kind": "presentation",
                                "document": Doc("senegal-ziguinchor-presentation"),
                                "title": "Présentation (exemple fictif)",
                            },
                        ],
                    },
                    {
                        "date": dt.date(2027, 1, 1),
                        "date_precision": "year",
                        "place": "Dakar",
                        "kind": "follow_up",
                        "summary": "Exemple fictif : cette réunion de suivi n'est pas "
                        "prévue ; elle montre comment une réunion à venir est annoncée. Le "
                        "CNAMS ferait le point avec le Comité et les partenaires sur les "
                        "suites données à la réunion de Ziguinchor.",
                    },
                ],
                "highlights": [
                    "Exemple : une réunion à Ziguinchor permettrait aux partenaires de "
                    "visiter des zones remises à disposition et de rencontrer les "
                    "communautés concernées.",
                    "Exemple : l'approche individualisée pourrait aider le Sénégal à nouer "
                    "le dialogue avec des États et des organisations qui ne soutiennent pas "
                    "encore l'action contre les mines en Casamance.",
                ],
            },
        ),
        (
            "partnerships",
            {
                "illustrative": True,
                "assisting_states": [
                    {
                        "state": Snippet("registry.StateParty", ("iso3", "FRA")),
                        "support": "Exemple : appui à la formation des démineurs et des "
                        "agents de gestion de l'information.",
                        "themes": ["capacity-building", "information-management"],
                    },
                    {
                        "state": Snippet("registry.StateParty", ("iso3", "JPN")),
                        "support": "Exemple : financement de matériel de détection et de "
                        "moyens de déminage mécanique.",
                        "themes": ["land-release"],
                    },
                ],
                "organisations": [
                    {
                        "organisation": Snippet("country_pages.Organisation", ("UNDP",)),
                        "role": "Appuie le CNAMS dans la mobilisation des ressources et le "
                        "renforcement des capacités nationales.",
                    },
                    {
                        "organisation": Snippet("country_pages.Organisation", ("HI",)),
                        "role": "Intervient dans l'éducation au risque et l'assistance aux "
                        "victimes.",
                    },
                    {
                        "organisation": Snippet("country_pages.Organisation", ("GICHD",)),
                        "role": "Conseille le CNAMS en gestion de l'information et en "
                        "gestion de la qualité.",
                    },
                ],
                "projects": [
                    {
                        "title": "Enquête non technique dans le département de Bignona",
                        "partners": "CNAMS, PNUD",
                        "start_year": 2026,
                        "end_year": 2027,
                        "funding": Decimal("800000"),
                        "currency": "EUR",
                        "description": "Enquête non technique visant à confirmer ou à "
                        "annuler les zones soupçonnées dangereuses, avec la participation "
                        "des chefs de village et des groupements de femmes.",
                    },
                ],
                "stories": [
                    {
                        "kind": "good_practice",
                        "title": "Cérémonies de remise des terres aux communautés",
                        "text": "<p>Lorsqu'une zone est déminée, elle est remise "
                        "officiellement aux autorités locales et aux familles lors d'une "
                        "cérémonie publique, ce qui rassure les habitants et les encourage "
                        "à reprendre les cultures.</p>",
                    },
                ],
            },
        ),
        (
            "contact_information",
            {
                "illustrative": True,
                "contacts": [
                    {
                        "role": "national_authority",
                        "organisation": "Centre national d'action antimines au Sénégal (CNAMS)",
                        "position": "Direction",
                        "email": "direction@cnams.example.org",
                        "phone": "+221 00 000 00 00",
                        "address": "Ziguinchor, Sénégal",
                    },
                    {
                        "role": "victim_assistance",
                        "organisation": "Centre national d'action antimines au Sénégal (CNAMS)",
                        "position": "Point focal pour l'assistance aux victimes",
                        "email": "assistance.victimes@cnams.example.org",
                    },
                ],
            },
        ),
        (
            "additional_resources",
            {
                "links": [
                    {
                        "kind": "landmine_monitor",
                        "title": "Landmine Monitor : Sénégal, action contre les mines, 2018 "
                        "(en anglais)",
                        "url": "http://www.the-monitor.org/en-gb/reports/2018/senegal/"
                        "mine-action.aspx",
                    },
                    {
                        "kind": "landmine_monitor",
                        "title": "Landmine Monitor : Sénégal, politique d'interdiction des "
                        "mines, 2021 (en anglais)",
                        "url": "http://www.the-monitor.org/en-gb/reports/2021/senegal/"
                        "mine-ban-policy.aspx",
                    },
                    {
                        "kind": "other",
                        "title": "Agence de Presse Sénégalaise (via AllAfrica) : près de "
                        "1,3 million de mètres carrés à déminer en Casamance, décembre 2025",
                        "url": "https://fr.allafrica.com/stories/202512210244.html",
                    },
                    {
                        "kind": "other",
                        "title": "ReliefWeb : communiqué de la Convention à l'issue de la "
                        "dix-huitième Assemblée des États parties, novembre 2020 (en anglais)",
                        "url": "https://reliefweb.int/report/world/mine-ban-convention-calls-"
                        "more-action-against-use-anti-personnel-mines-improvised",
                    },
                ],
            },
        ),
    ],
}
