"""StreamField blocks of the country page, one per section of the annex to the Committee's
conclusions (APLC/MSP.17/2018), in the annex's order.

Every section is optional and appears at most once. Values that are codes, numbers or
dates (themes, years, quantities, choices) are synchronised across translations by
wagtail-localize; only text is translated.

One module per section or family of sections (national_context, status, needs, media,
approach, partnerships, contacts), the field blocks and checks they share in fields, what
every section answers for in section, the body in body. Each section answers for itself
what other code needs of its value (section.AnnexSectionBlock): the derived index asks
it for needs, assistance and the launch of the individualised approach, the reveal view
for a contact. Only what other modules import is re-exported here.
"""

from .action21 import (
    COMMITMENT_KINDS,
    PEOPLE_FIELDS,
    PROGRESS_STATUSES,
    Action21PartnershipBlock,
    partnership_records,
)
from .approach import EventBlock, EventDocumentBlock, IndividualisedApproachBlock
from .body import CountryPageBodyBlock
from .contacts import ContactBlock, ContactInformationBlock
from .fields import MAX_AREA_M2, MAX_MINES, MAX_MONEY, MAX_PEOPLE
from .media import MapBlock, ResourceLinkBlock
from .national_context import SDG_CHOICES, CasualtiesBlock, CasualtyYearBlock
from .needs import (
    ClearanceNeedBlock,
    LegislationNeedBlock,
    NeedsStreamBlock,
    RiskEducationNeedBlock,
    StockpileNeedBlock,
    VictimAssistanceNeedBlock,
)
from .offers import (
    OFFER_KINDS,
    OfferBlock,
    OffersBlock,
    OrganisationOffersBlock,
    offer_theme_choices,
)
from .partnerships import PartnershipsBlock, ProjectBlock, StoryBlock
from .status import PriorityBlock

__all__ = [
    "COMMITMENT_KINDS",
    "PEOPLE_FIELDS",
    "PROGRESS_STATUSES",
    "Action21PartnershipBlock",
    "partnership_records",
    "OFFER_KINDS",
    "OfferBlock",
    "OffersBlock",
    "OrganisationOffersBlock",
    "offer_theme_choices",
    "MAX_AREA_M2",
    "MAX_MINES",
    "MAX_MONEY",
    "MAX_PEOPLE",
    "SDG_CHOICES",
    "CasualtiesBlock",
    "CasualtyYearBlock",
    "ClearanceNeedBlock",
    "ContactBlock",
    "ContactInformationBlock",
    "CountryPageBodyBlock",
    "EventBlock",
    "EventDocumentBlock",
    "IndividualisedApproachBlock",
    "LegislationNeedBlock",
    "MapBlock",
    "NeedsStreamBlock",
    "PartnershipsBlock",
    "PriorityBlock",
    "ProjectBlock",
    "ResourceLinkBlock",
    "RiskEducationNeedBlock",
    "StockpileNeedBlock",
    "StoryBlock",
    "VictimAssistanceNeedBlock",
]
