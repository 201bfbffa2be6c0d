"""Sudan. Facts on the individualised approach come from the Committee on the Enhancement
of Cooperation and Assistance's conclusions to the Seventeenth Meeting of the States Parties
(2018), except the meeting announced for 2027: an invented example of an upcoming event,
flagged "illustrative" on its own. Everything in the other sections flagged
"illustrative" is example content."""

import datetime as dt
from decimal import Decimal

from demo.content import Doc, Img, Snippet

COMMITTEE_CONCLUSIONS = (
    "Conclusions and recommendations of the Committee on the Enhancement of Cooperation and "
    "Assistance (Algeria, Canada, Sweden and Thailand), Seventeenth Meeting of the States "
    "Parties, Geneva, 26–30 November 2018."
)

PAGE = {
    "key": "sudan",
    "iso3": "SDN",
    "language": "en",
    "translations": ["fr", "es", "ar"],
    "search_description": (
        "Sudan's mine action: what remains to be cleared, what Sudan needs, and who helps it."
    ),
    "documents": {
        "sudan-khartoum-2017-report": {
            "title": "Illustrative placeholder: report of the stakeholder coordination meeting, "
            "Khartoum, October 2017",
            "paragraphs": [
                "This file stands in for the meeting report on the demonstration site. It is "
                "not the official report.",
                "The stakeholder coordination meeting followed Sudan's launch of the "
                "individualised approach in 2017 and was hosted by the Embassy of Japan. The "
                "report of the launch meeting in Geneva was distributed to all participants.",
            ],
        },
        "sudan-2018-presentation": {
            "title": "Illustrative placeholder: presentation to the Committee, February 2018",
            "paragraphs": [
                "This file stands in for a presentation on the demonstration site. It is not "
                "an official document.",
                "In February 2018, at the meeting of national mine action programme "
                "directors, the Committee met Sudan again to follow up on the individualised "
                "approach.",
            ],
        },
    },
    "images": {
        "sudan-map": {
            "title": "Illustrative map of Sudan with example hazard markers",
            "hazards": [(29.9, 11.1), (29.5, 10.4), (30.6, 11.9), (34.3, 11.4), (33.8, 10.8)],
        }
    },
    "body": [
        (
            "national_context",
            {
                "illustrative": True,
                "text": (
                    "<p>Decades of conflict left mines and explosive remnants of war across "
                    "Sudan. Most of the remaining contamination lies in South Kordofan and "
                    "Blue Nile, where insecurity has long limited access.</p>"
                    "<p>Contaminated land keeps families from farming, grazing and returning "
                    "home, and blocks roads between villages and markets. Clearing it supports "
                    "recovery and development, in particular food security and safe access "
                    "to water.</p>"
                    "<p>The <b>National Mine Action Center</b> coordinates survey, clearance, "
                    "mine risk education and victim assistance with national and international "
                    "partners.</p>"
                ),
                "casualties": [
                    {
                        "year": 2015,
                        "killed": 18,
                        "injured": 41,
                        "women": 7,
                        "men": 25,
                        "girls": 9,
                        "boys": 16,
                        "unknown": 2,
                    },
                    {
                        "year": 2016,
                        "killed": 15,
                        "injured": 37,
                        "women": 6,
                        "men": 22,
                        "girls": 8,
                        "boys": 14,
                        "unknown": 2,
                    },
                    {
                        "year": 2017,
                        "killed": 12,
                        "injured": 33,
                        "women": 5,
                        "men": 19,
                        "girls": 7,
                        "boys": 12,
                        "unknown": 2,
                    },
                ],
                "sdg_links": [
                    {"goal": "2", "explanation": "Released farmland returns to food production."},
                    {
                        "goal": "5",
                        "explanation": "Survey teams include women, so that women's "
                        "knowledge of hazardous areas is heard.",
                    },
                    {
                        "goal": "16",
                        "explanation": "Safe roads and land support peace and "
                        "stabilisation in conflict-affected states.",
                    },
                ],
                "tags": ["socio-economic-development", "gender-and-diversity", "sdgs"],
            },
        ),
        (
            "status_of_implementation",
            {
                "note": "Sudan has asked for more time to finish clearing the areas that "
                "insecurity kept out of reach. Its work plan sets out the areas to be released "
                "each year."
            },
        ),
        (
            "priorities",
            {
                "illustrative": True,
                "priorities": [
                    {
                        "text": "Survey the areas of South Kordofan and Blue Nile that have "
                        "become accessible.",
                        "target_year": 2026,
                    },
                    {
                        "text": "Release all recorded hazardous areas through survey and "
                        "clearance.",
                        "target_year": 2027,
                    },
                    {
                        "text": "Bring risk education to communities returning to affected areas.",
                        "target_year": 2026,
                    },
                    {
                        "text": "Strengthen national capacity to deal with residual "
                        "contamination after completion.",
                        "target_year": 2028,
                    },
                ],
            },
        ),
        (
            "needs_and_challenges",
            {
                "illustrative": True,
                "introduction": "Sudan's needs are greatest where access has only recently "
                "returned.",
                "needs": [
                    (
                        "clearance",
                        {
                            "description": "<p>Survey and clearance teams for South Kordofan and "
                            "Blue Nile, with mechanical assets for large agricultural areas.</p>",
                            "area_remaining_m2": 14_500_000,
                            "funding_gap": Decimal("9500000"),
                            "currency": "USD",
                            "tags": ["land-release", "capacity-building"],
                        },
                    ),
                    (
                        "risk_education",
                        {
                            "description": "<p>Risk education for returning families and "
                            "nomadic communities, delivered in local languages.</p>",
                            "people_to_reach": 250_000,
                            "funding_gap": Decimal("1200000"),
                            "currency": "USD",
                            "tags": ["gender-and-diversity"],
                        },
                    ),
                    (
                        "victim_assistance",
                        {
                            "description": "<p>Physical rehabilitation, psychological support and "
                            "livelihood programmes for survivors in rural areas.</p>",
                            "people_to_reach": 3_000,
                            "funding_gap": Decimal("2000000"),
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
                        "image": Img("sudan-map"),
                        "caption": "Sudan, with example hazard markers",
                        "text_alternative": "A map of Sudan and its neighbours. Five red "
                        "markers show example hazardous areas: three in South Kordofan and two "
                        "in Blue Nile, in the south of the country. The positions are "
                        "illustrative.",
                        "source": "Natural Earth outlines; markers for illustration only",
                        "date": dt.date(2018, 11, 1),
                    }
                ],
            },
        ),
        (
            "individualised_approach",
            {
                "events": [
                    {
                        "date": dt.date(2017, 1, 1),
                        "date_precision": "year",
                        "place": "Geneva",
                        "kind": "launch",
                        "summary": "Sudan launched its individualised approach, presenting its "
                        "challenges and needs to States, operators and other stakeholders.",
                    },
                    {
                        "date": dt.date(2017, 10, 1),
                        "date_precision": "month",
                        "place": "Khartoum",
                        "kind": "stakeholder_meeting",
                        "summary": "After launching its individualised approach in 2017, "
                        "Sudan held a stakeholder coordination meeting in Khartoum, hosted by "
                        "the Embassy of Japan. The report of the launch meeting in Geneva was "
                        "shared with all participants, and the Committee took part through the "
                        "Implementation Support Unit.",
                        "documents": [
                            {
                                "kind": "report",
                                "document": Doc("sudan-khartoum-2017-report"),
                                "title": "Meeting report (illustrative placeholder)",
                            },
                        ],
                    },
                    {
                        "date": dt.date(2018, 2, 1),
                        "date_precision": "month",
                        "place": "Geneva",
                        "kind": "follow_up",
                        "summary": "The Committee met Sudan again at the meeting of national "
                        "mine action programme directors to follow up on the approach.",
                        "documents": [
                            {
                                "kind": "presentation",
                                "document": Doc("sudan-2018-presentation"),
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
                        "shows how an upcoming meeting is announced. Sudan would meet the "
                        "Committee on the margins of the intersessional meetings to review the "
                        "support received since its launch and the needs that remain.",
                    },
                ],
                "highlights": [
                    "Sudan found the approach useful: it brought support from a State that "
                    "had not recently assisted its mine action efforts.",
                    "A delegation from a State in a position to assist, which had never "
                    "worked in Sudan before, visited and has since pledged support.",
                    "Non-governmental organisations were encouraged to consider working in Sudan.",
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
                        "support": "Hosted the stakeholder coordination meeting in Khartoum "
                        "(October 2017).",
                        "themes": ["capacity-building"],
                    },
                ],
                "organisations": [
                    {
                        "organisation": Snippet("country_pages.Organisation", ("UNMAS",)),
                        "role": "Supports the National Mine Action Center with coordination and "
                        "quality management.",
                    },
                    {
                        "organisation": Snippet("country_pages.Organisation", ("UNDP",)),
                        "role": "Supports national capacity development.",
                    },
                ],
                "projects": [
                    {
                        "title": "Survey of newly accessible areas in Blue Nile",
                        "partners": "National Mine Action Center, UNMAS",
                        "start_year": 2018,
                        "end_year": 2020,
                        "funding": Decimal("1800000"),
                        "currency": "USD",
                        "description": "Non-technical survey to confirm or cancel suspected "
                        "hazardous areas.",
                    },
                ],
                "stories": [
                    {
                        "kind": "good_practice",
                        "title": "Community liaison before clearance",
                        "text": "<p>Teams meet village committees, including women's groups, "
                        "before work starts, so that clearance follows local priorities.</p>",
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
                        "organisation": "National Mine Action Center",
                        "position": "Director",
                        "email": "director@nmac.example.org",
                        "phone": "+249 00 000 0000",
                        "address": "Khartoum, Sudan",
                    },
                    {
                        "role": "victim_assistance",
                        "organisation": "National Mine Action Center",
                        "position": "Victim assistance focal point",
                        "email": "victim.assistance@nmac.example.org",
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
                        "title": "Landmine Monitor: Sudan, mine action",
                        "url": "http://www.the-monitor.org/en-gb/reports/2015/sudan/mine-action.aspx",
                    },
                    {
                        "kind": "clearance_profile",
                        "title": "Mine Action Review: Sudan, anti-personnel mines",
                        "url": "https://mineactionreview.org/country/sudan/anti-personnel-mines",
                    },
                    {
                        "kind": "national_website",
                        "title": "Sudan National Mine Action Center: Article 5",
                        "url": "https://su-mac.org/reports-maps/article-5",
                    },
                ],
            },
        ),
    ],
}
