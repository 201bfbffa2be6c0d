"""Implementation facts for the States with full demonstration pages, as the ISU would
enter them in the registry. Each fact comes from the public source noted beside it (found
in November 2026); facts not found in a source are left unrecorded. Applied only to
records the ISU has not filled in yet."""

import datetime as dt

from registry.models import (
    Article5Deadline,
    ClearanceStatus,
    NationalMeasuresStatus,
    StockpileStatus,
)

ORIGINAL = Article5Deadline.Kind.ORIGINAL
EXTENSION = Article5Deadline.Kind.EXTENSION

# Deadlines: (kind, deadline, date granted if known, meeting that granted it if known).
FACTS = {
    "SDN": {
        # https://mineactionreview.org/country/sudan/anti-personnel-mines (Nov. 2022 extension)
        # https://su-mac.org/reports-maps/article-5 (13MSP extension; 2019-2023 request)
        "clearance_status": ClearanceStatus.OBLIGATION,
        "deadlines": [
            (ORIGINAL, dt.date(2014, 4, 1), None, ""),
            (EXTENSION, dt.date(2019, 4, 1), None, "13MSP"),
            (EXTENSION, dt.date(2023, 4, 1), None, ""),
            (EXTENSION, dt.date(2027, 4, 1), None, ""),
        ],
        # http://icbl.org/en-gb/news-and-events/news/2008/sudan-finishes-its-stockpile-destruction-just-in-t.aspx
        "stockpile_status": StockpileStatus.COMPLETED,
        "stockpile_completed_on": dt.date(2008, 3, 31),
        # http://www.the-monitor.org/en-gb/reports/2022/sudan/mine-ban-policy.aspx
        "national_measures": NationalMeasuresStatus.LEGISLATION_ADOPTED,
    },
    "ZWE": {
        # https://new.apminebanconvention.org/en/membership/zimbabwe/ and
        # http://www.the-monitor.org/en-gb/reports/2018/zimbabwe/mine-action.aspx
        "clearance_status": ClearanceStatus.OBLIGATION,
        "deadlines": [
            (ORIGINAL, dt.date(2009, 3, 1), None, ""),
            (EXTENSION, dt.date(2011, 1, 1), None, ""),
            (EXTENSION, dt.date(2013, 1, 1), None, ""),
            (EXTENSION, dt.date(2015, 1, 1), None, ""),
            (EXTENSION, dt.date(2018, 1, 1), None, "3RC"),
            (EXTENSION, dt.date(2025, 12, 31), None, "16MSP"),
        ],
        "stockpile_status": StockpileStatus.COMPLETED,
        "stockpile_completed_on": dt.date(2000, 11, 15),
        "mines_retained": 450,
        "mines_retained_year": 2021,
        # https://www.law.co.zw/download/1803/ (Anti-Personnel Mines (Prohibition) Act 2000)
        "national_measures": NationalMeasuresStatus.LEGISLATION_ADOPTED,
    },
    "SRB": {
        # https://www.apminebanconvention.org/ar/states-parties/serbia/ ;
        # https://docslib.org/doc/6861773/serbia-the-mines-2019 ;
        # http://www.mineactionreview.org/country/serbia/anti-personnel-mines
        "clearance_status": ClearanceStatus.OBLIGATION,
        "deadlines": [
            (ORIGINAL, dt.date(2014, 3, 1), None, ""),
            (EXTENSION, dt.date(2019, 3, 1), None, "13MSP"),
            (EXTENSION, dt.date(2023, 3, 1), None, "17MSP"),
            (EXTENSION, dt.date(2024, 12, 31), None, ""),
        ],
        "stockpile_status": StockpileStatus.COMPLETED,
        "stockpile_completed_on": dt.date(2006, 12, 27),
        "mines_retained": 3134,
        "mines_retained_year": 2019,
        # http://www.the-monitor.org/en-gb/reports/2022/serbia/mine-ban-policy.aspx
        "national_measures": NationalMeasuresStatus.EXISTING_LAW_SUFFICIENT,
    },
    "LKA": {
        # https://mineactionreview.org/country/sri-lanka/anti-personnel-mines ;
        # https://slnmac.gov.lk/?p=14096
        "clearance_status": ClearanceStatus.OBLIGATION,
        "deadlines": [(ORIGINAL, dt.date(2028, 6, 1), None, "")],
        # https://nmac.procons.lk/stockpile-destruction
        "stockpile_status": StockpileStatus.COMPLETED,
        "stockpile_completed_on": dt.date(2021, 9, 30),
        # https://slnmac.gov.lk/anti-personnel-mine-ban-convention-apmbc (initial report)
        "mines_retained": 21153,
        "mines_retained_year": 2018,
        # Prohibition of Anti-Personnel Mines Act, No. 3 of 2022
        "national_measures": NationalMeasuresStatus.LEGISLATION_ADOPTED,
    },
    "SEN": {
        # https://landmineandclustermunitionblog.wordpress.com/2014/04/07/clearance-and-compliance-in-casamance-is-senegal-doing-all-it-should/
        # https://old.apminebanconvention.org/assemblees-des-etats-parties/14msp/what-happened-at-the-14msp/day-5-friday-4-december/?L=1
        # https://reliefweb.int/report/world/mine-ban-convention-calls-more-action-against-use-anti-personnel-mines-improvised
        "clearance_status": ClearanceStatus.OBLIGATION,
        "deadlines": [
            (ORIGINAL, dt.date(2009, 3, 1), None, ""),
            (EXTENSION, dt.date(2016, 3, 1), None, ""),
            (EXTENSION, dt.date(2021, 3, 1), dt.date(2015, 12, 4), "14MSP"),
            (EXTENSION, dt.date(2026, 3, 1), None, "18MSP"),
        ],
        # http://www.the-monitor.org/en-gb/reports/2021/senegal/mine-ban-policy.aspx
        "stockpile_status": StockpileStatus.NOT_APPLICABLE,
        # http://www.the-monitor.org/en-gb/reports/2016/senegal/mine-ban-policy.aspx
        "national_measures": NationalMeasuresStatus.LEGISLATION_ADOPTED,
    },
}


def apply_implementation_facts(state) -> bool:
    """Fill in the State's implementation facts if the ISU has recorded none yet."""
    facts = FACTS.get(state.iso3)
    if facts is None or state.clearance_deadlines.exists() or state.clearance_status != "unknown":
        return False
    facts = dict(facts)
    for kind, deadline, granted_on, reference in facts.pop("deadlines"):
        Article5Deadline.objects.create(
            state=state,
            kind=kind,
            deadline=deadline,
            granted_on=granted_on,
            decision_reference=reference,
        )
    for name, value in facts.items():
        setattr(state, name, value)
    state.full_clean()
    state.save()
    return True
