"""Sri Lanka. Facts on the individualised approach come from the Committee on the Enhancement
of Cooperation and Assistance's conclusions to the Seventeenth Meeting of the States Parties
(2018) and from the statement of Sri Lanka's Permanent Mission in Geneva; the note on the
status of implementation and the additional resources come from the public sources listed in
them. The stakeholder meeting announced for 2027 is an invented example of an upcoming event,
flagged "illustrative" on its own. Everything in the
other sections flagged "illustrative" is example content."""

import datetime as dt
from decimal import Decimal

from demo.content import Doc, Img, Snippet

PAGE = {
    "key": "sri-lanka",
    "iso3": "LKA",
    "language": "en",
    "translations": ["fr", "es"],
    "search_description": (
        "Sri Lanka's mine action: the mined areas left in the Northern Province, what Sri "
        "Lanka needs to clear them, and who helps it."
    ),
    "documents": {
        "sri-lanka-geneva-2018-presentation": {
            "title": "Illustrative placeholder: Sri Lanka's presentation at the launch of its "
            "individualised approach, Geneva, June 2018",
            "paragraphs": [
                "This file stands in for a presentation on the demonstration site. It is not "
                "an official document.",
                "Sri Lanka launched its individualised approach at the intersessional "
                "meetings of 7 and 8 June 2018 in Geneva, with the support of the Committee "
                "on the Enhancement of Cooperation and Assistance, a few days after the "
                "Convention entered into force for Sri Lanka on 1 June 2018.",
            ],
        },
    },
    "images": {
        "sri-lanka-map": {
            "title": "Illustrative map of Sri Lanka with example hazard markers",
            "hazards": [
                (80.10, 9.70),
                (80.25, 9.45),
                (80.40, 9.35),
                (80.70, 9.20),
                (80.05, 8.85),
                (80.50, 8.80),
            ],
        }
    },
    "body": [
        (
            "national_context",
            {
                "illustrative": True,
                "text": (
                    "<p>The armed conflict that ended in 2009 left mines and explosive "
                    "remnants of war in the north and east of Sri Lanka. Most of the "
                    "remaining mined areas are in the Northern Province, in the districts of "
                    "Jaffna, Kilinochchi, Mullaitivu, Mannar and Vavuniya.</p>"
                    "<p>Clearance has already let many displaced families go home. The land "
                    "still mined is mostly paddy fields, coconut land, forest and former "
                    "defence lines close to villages; until it is released, families cannot "
                    "resettle, farm or reach the coast and the lagoons safely.</p>"
                    "<p>The <b>National Mine Action Centre</b> coordinates survey, clearance, "
                    "risk education and victim assistance, working with the army's "
                    "humanitarian demining unit, national operators and international "
                    "organisations. Sri Lanka acceded to the Convention on 13 December 2017, "
                    "and the Convention entered into force for it on 1 June 2018.</p>"
                ),
                "casualties": [
                    {
                        "year": 2022,
                        "killed": 2,
                        "injured": 9,
                        "women": 2,
                        "men": 6,
                        "girls": 1,
                        "boys": 2,
                    },
                    {
                        "year": 2023,
                        "killed": 1,
                        "injured": 7,
                        "women": 1,
                        "men": 5,
                        "boys": 1,
                        "unknown": 1,
                    },
                    {
                        "year": 2024,
                        "killed": 1,
                        "injured": 5,
                        "women": 1,
                        "men": 4,
                        "boys": 1,
                    },
                ],
                "sdg_links": [
                    {
                        "goal": "1",
                        "explanation": "Families who resettle on released land can rebuild "
                        "their homes and incomes.",
                    },
                    {
                        "goal": "2",
                        "explanation": "Released paddy fields and coconut land return to "
                        "food production.",
                    },
                    {
                        "goal": "5",
                        "explanation": "Many women in the north are heads of household; "
                        "clearance and survey teams employ and consult them.",
                    },
                    {
                        "goal": "16",
                        "explanation": "Returning land to its owners supports reconciliation "
                        "in the former conflict areas.",
                    },
                ],
                "tags": ["socio-economic-development", "gender-and-diversity", "stabilisation"],
            },
        ),
        (
            "status_of_implementation",
            {
                "note": "The Convention entered into force for Sri Lanka on 1 June 2018, so "
                "its deadline for clearing all mined areas is 1 June 2028. The National Mine "
                "Action Centre has said that this deadline cannot be met and that Sri Lanka "
                "will submit an extension request by March 2027."
            },
        ),
        (
            "priorities",
            {
                "illustrative": True,
                "priorities": [
                    {
                        "text": "Release the remaining mined areas in the Northern Province, "
                        "starting with land needed for resettlement and farming.",
                        "target_year": 2030,
                    },
                    {
                        "text": "Prepare and submit a request to extend the deadline under "
                        "Article 5, with a costed work plan.",
                        "target_year": 2027,
                    },
                    {
                        "text": "Give risk education to returning families, farmers and "
                        "fishing communities.",
                        "target_year": 2028,
                    },
                    {
                        "text": "Bring survivors into national disability services and "
                        "livelihood programmes.",
                        "target_year": 2028,
                    },
                ],
            },
        ),
        (
            "needs_and_challenges",
            {
                "illustrative": True,
                "introduction": "Funding for clearance has fallen while mined areas remain, "
                "and former defence lines with dense minefields are slow and costly to clear.",
                "needs": [
                    (
                        "clearance",
                        {
                            "description": "<p>Manual and mechanical clearance teams for the "
                            "former defence lines and the land that families are waiting to "
                            "return to.</p>",
                            "area_remaining_m2": 20_000_000,
                            "funding_gap": Decimal("28000000"),
                            "currency": "USD",
                            "tags": ["land-release", "stabilisation"],
                        },
                    ),
                    (
                        "risk_education",
                        {
                            "description": "<p>Risk education in Tamil and Sinhala for "
                            "schools, returning families, farmers and fishing communities.</p>",
                            "people_to_reach": 120_000,
                            "funding_gap": Decimal("600000"),
                            "currency": "USD",
                            "tags": ["gender-and-diversity"],
                        },
                    ),
                    (
                        "victim_assistance",
                        {
                            "description": "<p>Prostheses, rehabilitation and livelihood "
                            "support for survivors, many of them women heads of household or "
                            "their family members.</p>",
                            "people_to_reach": 2_000,
                            "funding_gap": Decimal("1200000"),
                            "currency": "USD",
                            "tags": ["survivor-inclusion", "gender-and-diversity"],
                        },
                    ),
                    (
                        "other",
                        {
                            "title": "Information management",
                            "description": "<p>Bringing the national mine action database up "
                            "to date and handing records of released land to district "
                            "authorities.</p>",
                            "funding_gap": Decimal("250000"),
                            "currency": "USD",
                            "tags": ["information-management", "national-ownership"],
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
                        "image": Img("sri-lanka-map"),
                        "caption": "Sri Lanka, with example hazard markers",
                        "text_alternative": "A map of Sri Lanka and the south of India. Six "
                        "red markers show example hazardous areas in the Northern Province: "
                        "one on the Jaffna peninsula, three in Kilinochchi and Mullaitivu, one "
                        "in Mannar and one in Vavuniya. The positions are illustrative.",
                        "source": "Natural Earth outlines; markers for illustration only",
                        "date": dt.date(2025, 1, 1),
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
                        "summary": "Sri Lanka launched its individualised approach at the "
                        "intersessional meetings, with the support of the Committee on the "
                        "Enhancement of Cooperation and Assistance. Sri Lanka's Ambassador in "
                        "Geneva addressed the meeting on the individualised approach held on "
                        "the sidelines of the intersessional meetings.",
                        "documents": [
                            {
                                "kind": "presentation",
                                "document": Doc("sri-lanka-geneva-2018-presentation"),
                                "title": "Presentation (illustrative placeholder)",
                            },
                        ],
                    },
                    {
                        "date": dt.date(2027, 9, 1),
                        "date_precision": "month",
                        "place": "Colombo",
                        "kind": "stakeholder_meeting",
                        "illustrative": True,
                        "summary": "Illustrative example: this meeting is not planned; it "
                        "shows how an upcoming meeting is announced. Sri Lanka would hold a "
                        "stakeholder meeting in Colombo to present the remaining contamination "
                        "in the Northern and Eastern Provinces to States, operators and "
                        "organisations in a position to assist.",
                    },
                ],
                "highlights": [
                    "Sri Lanka launched its individualised approach only days after the "
                    "Convention entered into force for it on 1 June 2018.",
                    "After the launch, the Committee stayed in contact with Sri Lanka to "
                    "follow up on the approach.",
                ],
            },
        ),
        (
            "partnerships",
            {
                "illustrative": True,
                "assisting_states": [
                    {
                        "state": Snippet("registry.StateParty", ("iso3", "JPN")),
                        "support": "Funds clearance and provides mechanical equipment.",
                        "themes": ["land-release", "capacity-building"],
                    },
                    {
                        "state": Snippet("registry.StateParty", ("iso3", "GBR")),
                        "support": "Funds clearance in Kilinochchi and Mullaitivu.",
                        "themes": ["land-release"],
                    },
                    {
                        "state": Snippet("registry.StateParty", ("iso3", "AUS")),
                        "support": "Funds survey and clearance of land needed for resettlement.",
                        "themes": ["land-release", "socio-economic-development"],
                    },
                ],
                "organisations": [
                    {
                        "organisation": Snippet("country_pages.Organisation", ("HALO",)),
                        "role": "Surveys and clears mined areas in the Northern Province.",
                    },
                    {
                        "organisation": Snippet("country_pages.Organisation", ("MAG",)),
                        "role": "Clears mined areas and delivers risk education in the "
                        "Northern Province.",
                    },
                    {
                        "organisation": Snippet("country_pages.Organisation", ("UNDP",)),
                        "role": "Supports the National Mine Action Centre with capacity "
                        "development and information management.",
                    },
                ],
                "projects": [
                    {
                        "title": "Clearance of former defence lines in Kilinochchi and Mullaitivu",
                        "partners": "National Mine Action Centre, The HALO Trust, Mines "
                        "Advisory Group",
                        "start_year": 2024,
                        "end_year": 2027,
                        "funding": Decimal("7500000"),
                        "currency": "USD",
                        "description": "Clearance of dense minefields on land that displaced "
                        "families are waiting to return to.",
                    },
                ],
                "stories": [
                    {
                        "kind": "success_story",
                        "title": "Women deminers in the north",
                        "text": "<p>Women from local communities, many of them heads of "
                        "household, work in the clearance teams. The work gives them a steady "
                        "income, and the land they clear goes back to their neighbours.</p>",
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
                        "organisation": "National Mine Action Centre",
                        "position": "Director",
                        "email": "director@slnmac.example.org",
                        "phone": "+94 00 000 0000",
                        "address": "Colombo, Sri Lanka",
                    },
                    {
                        "role": "victim_assistance",
                        "organisation": "National Mine Action Centre",
                        "position": "Victim assistance focal point",
                        "email": "victim.assistance@slnmac.example.org",
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
                        "title": "National Mine Action Centre: the Anti-Personnel Mine Ban "
                        "Convention",
                        "url": "https://slnmac.gov.lk/anti-personnel-mine-ban-convention-apmbc",
                    },
                    {
                        "kind": "national_website",
                        "title": "National Mine Action Centre: the Article 5 deadline and the "
                        "planned extension request",
                        "url": "https://slnmac.gov.lk/?p=14096",
                    },
                    {
                        "kind": "clearance_profile",
                        "title": "Mine Action Review: Sri Lanka, anti-personnel mines",
                        "url": "https://mineactionreview.org/country/sri-lanka/anti-personnel-mines",
                    },
                    {
                        "kind": "landmine_monitor",
                        "title": "Landmine Monitor 2018: Sri Lanka, mine action",
                        "url": "http://www.the-monitor.org/en-gb/reports/2018/sri-lanka/"
                        "mine-action.aspx",
                    },
                    {
                        "kind": "landmine_monitor",
                        "title": "Landmine Monitor 2019: Sri Lanka, mine ban policy",
                        "url": "http://www.the-monitor.org/en-gb/reports/2019/sri-lanka/"
                        "mine-ban-policy.aspx",
                    },
                    {
                        "kind": "other",
                        "title": "Prohibition of Anti-Personnel Mines Act, No. 3 of 2022",
                        "url": "https://www.srilankalaw.lk/revised-statutes/volume-vi/"
                        "1974-prohibition-of-anti-personnel-mines-act.html",
                    },
                    {
                        "kind": "other",
                        "title": "Permanent Mission of Sri Lanka in Geneva: statement on the "
                        "intersessional meetings of June 2018",
                        "url": "https://lankamission.org/2013-08-29-07-25-36/mission-statements/"
                        "2398-intersessional-meeting-of-anti-personnel-mine-ban-convention-"
                        "highlights-sri-lanka-s-success.html",
                    },
                ],
            },
        ),
    ],
}
