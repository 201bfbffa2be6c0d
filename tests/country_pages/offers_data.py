"""Bodies with offers of assistance and needs, for the tests of offers and matching."""

from decimal import Decimal

from registry.models import StateParty


def offer(title="Support", themes=("clearance",), regions=(), countries=(), **extra) -> dict:
    return {
        "title": title,
        "themes": list(themes),
        "regions": list(regions),
        "countries": [StateParty.objects.get(iso3=iso3) for iso3 in countries],
        "kinds": extra.pop("kinds", ["funding"]),
        "amount": extra.pop("amount", None),
        "currency": extra.pop("currency", ""),
        "start_year": extra.pop("start_year", None),
        "end_year": extra.pop("end_year", None),
        "description": extra.pop("description", ""),
        "contact": extra.pop("contact", ""),
        "contact_url": extra.pop("contact_url", ""),
        **extra,
    }


def offers_section(*offers, illustrative=False) -> tuple:
    return ("offers", {"illustrative": illustrative, "introduction": "", "offers": list(offers)})


def needs_section(*themes, illustrative=False) -> tuple:
    return (
        "needs_and_challenges",
        {
            "illustrative": illustrative,
            "introduction": "",
            "needs": [
                (
                    theme,
                    {
                        "description": f"<p>Need of {theme}.</p>",
                        "funding_gap": Decimal("1000000"),
                        "currency": "USD",
                        "tags": [],
                    },
                )
                for theme in themes
            ],
        },
    )


def partnerships_section(*donors) -> tuple:
    return (
        "partnerships",
        {
            "illustrative": False,
            "assisting_states": [
                {"state": StateParty.objects.get(iso3=iso3), "support": "", "themes": []}
                for iso3 in donors
            ],
            "organisations": [],
            "projects": [],
            "stories": [],
        },
    )
