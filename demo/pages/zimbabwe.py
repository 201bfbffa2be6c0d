"""Zimbabwe. Facts on the individualised approach come from the Committee on the Enhancement
of Cooperation and Assistance's conclusions to the Seventeenth Meeting of the States Parties
(2018); the note on the status of implementation and the additional resources come from the
public sources listed in them. The stakeholder meeting announced for 2027 is an invented example
of an upcoming event, flagged "illustrative" on its own. Everything in the sections flagged
"illustrative" is example content."""

import datetime as dt
from decimal import Decimal

from demo.content import Doc, Img, Snippet

PAGE = {
    "key": "zimbabwe",
    "iso3": "ZWE",
    "language": "en",
    "translations": ["fr", "es"],
    "search_description": (
        "Zimbabwe's mine action: the minefields left along its border with Mozambique, what "
        "Zimbabwe needs to clear them, and who helps it."
    ),
    "documents": {
        "zimbabwe-harare-2018-report": {
            "title": "Illustrative placeholder: report of the second stakeholder meeting, "
            "Harare, March 2018",
            "paragraphs": [
                "This file stands in for the meeting report on the demonstration site. It is "
                "not the official report.",
                "Zimbabwe launched its individualised approach at the Sixteenth Meeting of the "
                "States Parties in December 2017. It held a second stakeholder meeting in "
                "Harare in March 2018, at the launch of its national mine action strategy.",
            ],
        },
        "zimbabwe-2018-presentation": {
            "title": "Illustrative placeholder: Zimbabwe's presentation to the Committee, "
            "February 2018",
            "paragraphs": [
                "This file stands in for a presentation on the demonstration site. It is not "
                "an official document.",
                "In February 2018, at the meeting of national mine action programme "
                "directors, the Committee met Zimbabwe again to follow up on the "
                "individualised approach launched in December 2017.",
            ],
        },
    },
    "images": {
        "zimbabwe-map": {
            "title": "Illustrative map of Zimbabwe with example hazard markers",
            "hazards": [
                (31.70, -16.35),
                (32.35, -16.70),
                (32.65, -17.00),
                (32.68, -18.70),
                (32.68, -19.20),
                (32.72, -20.05),
                (31.25, -22.15),
            ],
        }
    },
    "body": [
        (
            "national_context",
            {
                "illustrative": True,
                "text": (
                    "<p>Minefields laid during the liberation war of the 1970s still run along "
                    "parts of Zimbabwe's border with Mozambique, in the north-east and the "
                    "east of the country, with smaller areas further south.</p>"
                    "<p>The mined land lies close to villages, fields, grazing land and water "
                    "points. Clearing it lets rural families farm and keep livestock safely, "
                    "opens border crossings and roads, and allows land to be used for "
                    "irrigation, tourism and conservation.</p>"
                    "<p>The <b>National Mine Action Authority of Zimbabwe (NAMAAZ)</b> sets "
                    "policy, and the <b>Zimbabwe Mine Action Centre (ZIMAC)</b> coordinates "
                    "survey, clearance, risk education and victim assistance with the "
                    "national army's engineers and international operators.</p>"
                ),
                "casualties": [
                    {
                        "year": 2022,
                        "killed": 2,
                        "injured": 7,
                        "women": 1,
                        "men": 3,
                        "girls": 1,
                        "boys": 4,
                    },
                    {
                        "year": 2023,
                        "killed": 1,
                        "injured": 6,
                        "women": 1,
                        "men": 2,
                        "girls": 1,
                        "boys": 2,
                        "unknown": 1,
                    },
                    {
                        "year": 2024,
                        "killed": 1,
                        "injured": 4,
                        "men": 2,
                        "girls": 1,
                        "boys": 2,
                    },
                ],
                "sdg_links": [
                    {
                        "goal": "2",
                        "explanation": "Released land along the border returns to crops and "
                        "grazing.",
                    },
                    {
                        "goal": "6",
                        "explanation": "Communities regain safe access to rivers and water "
                        "points near the minefields.",
                    },
                    {
                        "goal": "5",
                        "explanation": "Community liaison teams include women, who collect "
                        "water and firewood and know where people cross the minefields.",
                    },
                ],
                "tags": ["socio-economic-development", "gender-and-diversity", "sdgs"],
            },
        ),
        (
            "status_of_implementation",
            {
                "note": "The Sixteenth Meeting of the States Parties, in December 2017, extended "
                "Zimbabwe's deadline for clearing all mined areas to 31 December 2025. About "
                "12 km² remained to be cleared in February 2025, when the Minister of Defence "
                "said that Zimbabwe was working on a request for a further three-year "
                "extension, with the aim of finishing by 2028."
            },
        ),
        (
            "priorities",
            {
                "illustrative": True,
                "priorities": [
                    {
                        "text": "Clear the remaining minefields along the border with "
                        "Mozambique, starting with those closest to villages and fields.",
                        "target_year": 2028,
                    },
                    {
                        "text": "Give risk education to every community living next to a "
                        "minefield until it is cleared.",
                        "target_year": 2027,
                    },
                    {
                        "text": "Make sure that every known survivor has access to "
                        "rehabilitation and help to earn a living.",
                        "target_year": 2028,
                    },
                    {
                        "text": "Build a national capacity to deal with mines found after "
                        "clearance is completed.",
                        "target_year": 2029,
                    },
                ],
            },
        ),
        (
            "needs_and_challenges",
            {
                "illustrative": True,
                "introduction": "The minefields are long and narrow and lie in remote border "
                "areas, so clearance needs teams that can stay in the field for long periods.",
                "needs": [
                    (
                        "clearance",
                        {
                            "description": "<p>Manual and mechanical clearance teams for the "
                            "minefields along the border with Mozambique, with vehicles and "
                            "field camps.</p>",
                            "area_remaining_m2": 12_000_000,
                            "funding_gap": Decimal("18000000"),
                            "currency": "USD",
                            "tags": ["land-release", "capacity-building"],
                        },
                    ),
                    (
                        "risk_education",
                        {
                            "description": "<p>Risk education in schools and villages near "
                            "the minefields, for herders and children in particular.</p>",
                            "people_to_reach": 60_000,
                            "funding_gap": Decimal("450000"),
                            "currency": "USD",
                            "tags": ["gender-and-diversity"],
                        },
                    ),
                    (
                        "victim_assistance",
                        {
                            "description": "<p>Prostheses, physical rehabilitation and small "
                            "livelihood grants for survivors in remote rural districts.</p>",
                            "people_to_reach": 1_200,
                            "funding_gap": Decimal("700000"),
                            "currency": "USD",
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
                        "image": Img("zimbabwe-map"),
                        "caption": "Zimbabwe, with example hazard markers",
                        "text_alternative": "A map of Zimbabwe and its neighbours. Seven red "
                        "markers show example hazardous areas: three in the north-east near the "
                        "border with Mozambique, three along the eastern border with "
                        "Mozambique, and one in the far south-east. The positions are "
                        "illustrative.",
                        "source": "Natural Earth outlines; markers for illustration only",
                        "date": dt.date(2025, 2, 1),
                    }
                ],
            },
        ),
        (
            "individualised_approach",
            {
                "events": [
                    {
                        "date": dt.date(2017, 12, 18),
                        "date_precision": "day",
                        "end_date": dt.date(2017, 12, 21),
                        "place": "Vienna",
                        "kind": "launch",
                        "summary": "Zimbabwe launched its individualised approach at the "
                        "Sixteenth Meeting of the States Parties. All organisations active in "
                        "Zimbabwe took the floor and stressed the importance of supporting "
                        "Zimbabwe's mine action programme.",
                    },
                    {
                        "date": dt.date(2018, 2, 1),
                        "date_precision": "month",
                        "place": "Geneva",
                        "kind": "follow_up",
                        "summary": "The Committee met Zimbabwe again at the meeting of national "
                        "mine action programme directors to follow up on the approach.",
                        "documents": [
                            {
                                "kind": "presentation",
                                "document": Doc("zimbabwe-2018-presentation"),
                                "title": "Presentation (illustrative placeholder)",
                            },
                        ],
                    },
                    {
                        "date": dt.date(2018, 3, 1),
                        "date_precision": "month",
                        "place": "Harare",
                        "kind": "stakeholder_meeting",
                        "summary": "Zimbabwe held a second stakeholder meeting in Harare at the "
                        "launch of its national mine action strategy.",
                        "documents": [
                            {
                                "kind": "report",
                                "document": Doc("zimbabwe-harare-2018-report"),
                                "title": "Meeting report (illustrative placeholder)",
                            },
                        ],
                    },
                    {
                        "date": dt.date(2027, 3, 10),
                        "date_precision": "day",
                        "end_date": dt.date(2027, 3, 11),
                        "place": "Harare",
                        "kind": "stakeholder_meeting",
                        "illustrative": True,
                        "summary": "Illustrative example: this meeting is not planned; it "
                        "shows how an upcoming meeting is announced. Zimbabwe would hold a "
                        "third stakeholder meeting in Harare to present progress under its "
                        "national mine action strategy and the support it still needs.",
                    },
                ],
                "highlights": [
                    "At the launch, every organisation active in Zimbabwe spoke in support of "
                    "its mine action programme, so that the threat to the population can be "
                    "removed.",
                    "Zimbabwe followed up its launch at home: its second stakeholder meeting, in "
                    "Harare, was held at the launch of its national mine action strategy.",
                ],
            },
        ),
        (
            "partnerships",
            {
                "illustrative": True,
                "assisting_states": [
                    {
                        "state": Snippet("registry.StateParty", ("iso3", "NOR")),
                        "support": "Funds clearance of minefields in the north-east.",
                        "themes": ["land-release"],
                    },
                    {
                        "state": Snippet("registry.StateParty", ("iso3", "IRL")),
                        "support": "Funds clearance and community liaison along the eastern "
                        "border.",
                        "themes": ["land-release", "gender-and-diversity"],
                    },
                    {
                        "state": Snippet("registry.StateParty", ("iso3", "JPN")),
                        "support": "Provided clearance equipment and vehicles.",
                        "themes": ["capacity-building"],
                    },
                ],
                "organisations": [
                    {
                        "organisation": Snippet("country_pages.Organisation", ("HALO",)),
                        "role": "Clears minefields in the north-east and east of the country.",
                    },
                    {
                        "organisation": Snippet("country_pages.Organisation", ("NPA",)),
                        "role": "Surveys and clears minefields in the north-east and supports "
                        "ZIMAC's information management.",
                    },
                    {
                        "organisation": Snippet("country_pages.Organisation", ("GICHD",)),
                        "role": "Advises on the national mine action strategy and on land "
                        "release standards.",
                    },
                ],
                "projects": [
                    {
                        "title": "Clearance of the north-eastern border minefield",
                        "partners": "ZIMAC, The HALO Trust",
                        "start_year": 2024,
                        "end_year": 2027,
                        "funding": Decimal("6500000"),
                        "currency": "USD",
                        "description": "Manual and mechanical clearance of the minefield "
                        "closest to villages and farmland in the north-east.",
                    },
                ],
                "stories": [
                    {
                        "kind": "success_story",
                        "title": "Fields back in use along the border",
                        "text": "<p>After clearance, families in a border village planted "
                        "maize on land they had not been able to use for decades, and their "
                        "cattle can again reach the river safely.</p>",
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
                        "organisation": "Zimbabwe Mine Action Centre (ZIMAC)",
                        "position": "Director",
                        "email": "director@zimac.example.org",
                        "phone": "+263 00 000 0000",
                        "address": "Harare, Zimbabwe",
                    },
                    {
                        "role": "victim_assistance",
                        "organisation": "Zimbabwe Mine Action Centre (ZIMAC)",
                        "position": "Victim assistance focal point",
                        "email": "victim.assistance@zimac.example.org",
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
                        "title": "Landmine Monitor 2018: Zimbabwe, mine action",
                        "url": "http://www.the-monitor.org/en-gb/reports/2018/zimbabwe/"
                        "mine-action.aspx",
                    },
                    {
                        "kind": "landmine_monitor",
                        "title": "Landmine Monitor 2021: Zimbabwe, mine ban policy",
                        "url": "http://www.the-monitor.org/en-gb/reports/2021/zimbabwe/"
                        "mine-ban-policy.aspx",
                    },
                    {
                        "kind": "other",
                        "title": "Anti-Personnel Mines (Prohibition) Act [Chapter 11:19]",
                        "url": "https://www.law.co.zw/download/1803/",
                    },
                    {
                        "kind": "other",
                        "title": "The Sunday Mail (March 2018): the launch of Zimbabwe's "
                        "national mine action strategy",
                        "url": "https://www.sundaymail.co.zw/a-mine-action-strategy-for-zim",
                    },
                    {
                        "kind": "other",
                        "title": "Anti-Personnel Mine Ban Convention: Zimbabwe",
                        "url": "https://new.apminebanconvention.org/en/membership/zimbabwe/",
                    },
                ],
            },
        ),
    ],
}
