"""Serbia. Facts on the individualised approach come from the Committee on the Enhancement
of Cooperation and Assistance's conclusions to the Seventeenth Meeting of the States Parties
(2018); the note on the status of implementation and the additional resources come from the
public sources listed in them. The follow-up meeting announced for 2027 is an invented example
of an upcoming event, flagged "illustrative" on its own. Everything in the sections flagged
"illustrative" is example content."""

import datetime as dt
from decimal import Decimal

from demo.content import Doc, Img, Snippet

PAGE = {
    "key": "serbia",
    "iso3": "SRB",
    "language": "en",
    "translations": ["fr", "es"],
    "search_description": (
        "Serbia's mine action: the last mined areas in the municipality of Bujanovac, what "
        "Serbia needs to clear them, and who helps it."
    ),
    "documents": {
        "serbia-geneva-2018-presentation": {
            "title": "Illustrative placeholder: Serbia's presentation at the launch of its "
            "individualised approach, Geneva, June 2018",
            "paragraphs": [
                "This file stands in for a presentation on the demonstration site. It is not "
                "an official document.",
                "Serbia launched its individualised approach at the intersessional meetings "
                "of 7 and 8 June 2018 in Geneva, with the support of the Committee on the "
                "Enhancement of Cooperation and Assistance.",
            ],
        },
    },
    "images": {
        "serbia-map": {
            "title": "Illustrative map of Serbia with example hazard markers",
            "hazards": [(21.70, 42.40), (21.77, 42.46), (21.85, 42.52), (21.80, 42.36)],
        }
    },
    "body": [
        (
            "national_context",
            {
                "illustrative": True,
                "text": (
                    "<p>Serbia's remaining mined areas lie in the south of the country, in "
                    "the municipality of Bujanovac, near the border with North Macedonia. "
                    "They are a legacy of the armed conflicts of the late 1990s and early "
                    "2000s.</p>"
                    "<p>Most of the mined land is forest, pasture and farmland on hillsides "
                    "above villages. It keeps people from collecting firewood, grazing "
                    "livestock and working the land, and slows the development of local "
                    "infrastructure. Forest fires in 2019 and 2021 showed that mines also "
                    "lie in areas not recorded before.</p>"
                    "<p>The <b>Serbian Mine Action Centre</b> plans and coordinates survey, "
                    "clearance, quality management and risk education, and keeps the national "
                    "mine action database.</p>"
                ),
                "casualties": [
                    {"year": 2022, "killed": 0, "injured": 1, "men": 1},
                    {"year": 2023, "killed": 0, "injured": 0},
                    {"year": 2024, "killed": 1, "injured": 1, "men": 1, "boys": 1},
                ],
                "sdg_links": [
                    {
                        "goal": "15",
                        "explanation": "Cleared forests can again be managed, replanted and "
                        "protected from fire.",
                    },
                    {
                        "goal": "8",
                        "explanation": "Released farmland and pasture support rural jobs in "
                        "the south of Serbia.",
                    },
                    {
                        "goal": "11",
                        "explanation": "Safe land lets the municipality build roads and "
                        "services for its villages.",
                    },
                ],
                "tags": ["socio-economic-development", "environment", "sdgs"],
            },
        ),
        (
            "status_of_implementation",
            {
                "note": "Serbia's remaining mined areas are in the municipality of Bujanovac. "
                "Because mined areas were found after the forest fires of 2019 and 2021, "
                "Serbia submitted a request in March 2024 to extend its deadline of "
                "31 December 2024 for clearing all mined areas."
            },
        ),
        (
            "priorities",
            {
                "illustrative": True,
                "priorities": [
                    {
                        "text": "Clear all remaining mined areas in the municipality of Bujanovac.",
                        "target_year": 2027,
                    },
                    {
                        "text": "Survey the burnt areas again to find any mined areas not yet "
                        "recorded.",
                        "target_year": 2026,
                    },
                    {
                        "text": "Give risk education to residents, forest workers and hunters "
                        "in the affected villages.",
                        "target_year": 2027,
                    },
                    {
                        "text": "Keep a national capacity to respond to mines found after "
                        "completion.",
                        "target_year": 2028,
                    },
                ],
            },
        ),
        (
            "needs_and_challenges",
            {
                "illustrative": True,
                "introduction": "The area left is small, but it is steep, wooded and hard "
                "to reach, and clearance can only go on in the months without snow.",
                "needs": [
                    (
                        "clearance",
                        {
                            "description": "<p>Technical survey and manual clearance teams for "
                            "wooded hillsides, with machines to remove vegetation.</p>",
                            "area_remaining_m2": 800_000,
                            "funding_gap": Decimal("1900000"),
                            "currency": "EUR",
                            "tags": ["land-release"],
                        },
                    ),
                    (
                        "risk_education",
                        {
                            "description": "<p>Risk education for villagers, forest workers, "
                            "hunters and firefighters in the municipality.</p>",
                            "people_to_reach": 12_000,
                            "funding_gap": Decimal("80000"),
                            "currency": "EUR",
                            "tags": ["gender-and-diversity"],
                        },
                    ),
                    (
                        "victim_assistance",
                        {
                            "description": "<p>Rehabilitation, psychological support and "
                            "help with employment for survivors and their families.</p>",
                            "people_to_reach": 300,
                            "funding_gap": Decimal("150000"),
                            "currency": "EUR",
                            "tags": ["survivor-inclusion"],
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
                        "image": Img("serbia-map"),
                        "caption": "Serbia, with example hazard markers",
                        "text_alternative": "A map of Serbia and its neighbours. Four red "
                        "markers, close together in the far south of the country near the "
                        "border with North Macedonia, show example hazardous areas in the "
                        "municipality of Bujanovac. The positions are illustrative.",
                        "source": "Natural Earth outlines; markers for illustration only",
                        "date": dt.date(2025, 3, 1),
                    }
                ],
            },
        ),
        (
            "individualised_approach",
            {
                "events": [
                    {
                        "date": dt.date(2018, 6, 7),
                        "date_precision": "day",
                        "end_date": dt.date(2018, 6, 8),
                        "place": "Geneva",
                        "kind": "launch",
                        "summary": "Serbia launched its individualised approach at the "
                        "intersessional meetings, presenting its challenges and needs to "
                        "States, operators and other stakeholders. The Committee on the "
                        "Enhancement of Cooperation and Assistance supported the launch.",
                        "documents": [
                            {
                                "kind": "presentation",
                                "document": Doc("serbia-geneva-2018-presentation"),
                                "title": "Presentation (illustrative placeholder)",
                            },
                        ],
                    },
                    {
                        "date": dt.date(2027, 6, 1),
                        "date_precision": "month",
                        "place": "Geneva",
                        "kind": "follow_up",
                        "illustrative": True,
                        "summary": "Illustrative example: this meeting is not planned; it "
                        "shows how an upcoming meeting is announced. Serbia would meet the "
                        "Committee on the margins of the intersessional meetings to follow up "
                        "on the approach and present the mined areas that remain to be cleared.",
                    },
                ],
                "highlights": [
                    "Serbia and Sri Lanka launched their individualised approaches at the "
                    "same intersessional meetings, in June 2018, with the Committee's support.",
                    "After the launch, the Committee stayed in contact with Serbia to follow "
                    "up on the approach.",
                ],
            },
        ),
        (
            "partnerships",
            {
                "illustrative": True,
                "assisting_states": [
                    {
                        "state": Snippet("registry.StateParty", ("iso3", "DEU")),
                        "support": "Funds clearance of mined areas in Bujanovac.",
                        "themes": ["land-release"],
                    },
                    {
                        "state": Snippet("registry.StateParty", ("iso3", "CHE")),
                        "support": "Supports risk education and victim assistance in the "
                        "south of Serbia.",
                        "themes": ["survivor-inclusion"],
                    },
                ],
                "organisations": [
                    {
                        "organisation": Snippet("country_pages.Organisation", ("GICHD",)),
                        "role": "Supports the Serbian Mine Action Centre with information "
                        "management and land release standards.",
                    },
                    {
                        "organisation": Snippet("country_pages.Organisation", ("NPA",)),
                        "role": "Shares survey methods and trains national survey teams.",
                    },
                ],
                "projects": [
                    {
                        "title": "Clearance of mined areas in the municipality of Bujanovac",
                        "partners": "Serbian Mine Action Centre, national clearance companies",
                        "start_year": 2025,
                        "end_year": 2027,
                        "funding": Decimal("1200000"),
                        "currency": "EUR",
                        "description": "Technical survey and clearance of the remaining "
                        "hazardous areas, starting with those closest to villages.",
                    },
                ],
                "stories": [
                    {
                        "kind": "good_practice",
                        "title": "Surveying again after forest fires",
                        "text": "<p>After each large fire, survey teams walk the burnt "
                        "slopes with local people, who point out places where they have seen "
                        "mines, so that new hazardous areas are recorded quickly.</p>",
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
                        "organisation": "Serbian Mine Action Centre",
                        "position": "Director",
                        "email": "director@smac.example.org",
                        "phone": "+381 00 000 0000",
                        "address": "Belgrade, Serbia",
                    },
                    {
                        "role": "victim_assistance",
                        "organisation": "Serbian Mine Action Centre",
                        "position": "Victim assistance focal point",
                        "email": "victim.assistance@smac.example.org",
                    },
                ],
            },
        ),
        (
            "additional_resources",
            {
                "links": [
                    {
                        "kind": "national_website",
                        "title": "Serbian Mine Action Centre: intersessional meetings of the "
                        "States Parties",
                        "url": "https://czrs.gov.rs/en/intersessional-meetings-of-the-states-"
                        "parties-of-the-ap-mine-ban-convention/",
                    },
                    {
                        "kind": "national_website",
                        "title": "Serbian Mine Action Centre: the Twenty-First Meeting of the "
                        "States Parties",
                        "url": "https://czrs.gov.rs/en/the-21st-meeting-of-the-states-parties-"
                        "21-msp-held-in-geneva/",
                    },
                    {
                        "kind": "clearance_profile",
                        "title": "Mine Action Review: Serbia, anti-personnel mines",
                        "url": "http://www.mineactionreview.org/country/serbia/anti-personnel-mines",
                    },
                    {
                        "kind": "landmine_monitor",
                        "title": "Landmine Monitor 2022: Serbia, mine ban policy",
                        "url": "http://www.the-monitor.org/en-gb/reports/2022/serbia/"
                        "mine-ban-policy.aspx",
                    },
                    {
                        "kind": "landmine_monitor",
                        "title": "Landmine Monitor 2020: Serbia, impact",
                        "url": "http://www.the-monitor.org/en-gb/reports/2020/serbia/impact.aspx",
                    },
                ],
            },
        ),
    ],
}
