"""The country page's body: the nine annex sections, in the annex's order, and the offers of
assistance."""

from __future__ import annotations

from wagtail import blocks

from .approach import IndividualisedApproachBlock
from .contacts import ContactInformationBlock
from .media import AdditionalResourcesBlock, MapsBlock
from .national_context import NationalContextBlock
from .needs import NeedsAndChallengesBlock
from .offers import OffersBlock
from .partnerships import PartnershipsBlock
from .status import PrioritiesBlock, StatusOfImplementationBlock


class CountryPageBodyBlock(blocks.StreamBlock):
    national_context = NationalContextBlock()
    status_of_implementation = StatusOfImplementationBlock()
    priorities = PrioritiesBlock()
    needs_and_challenges = NeedsAndChallengesBlock()
    maps = MapsBlock()
    individualised_approach = IndividualisedApproachBlock()
    partnerships = PartnershipsBlock()
    # Not one of the annex's sections: what the State offers to others (after what it
    # receives).
    offers = OffersBlock()
    contact_information = ContactInformationBlock()
    additional_resources = AdditionalResourcesBlock()

    class Meta:
        # The editor opens with the nine sections folded (about two screens instead of
        # twenty-six): a focal point opens the section they work on, or jumps to it from
        # the minimap.
        collapsed = True
        block_counts = {
            name: {"max_num": 1}
            for name in (
                "national_context",
                "status_of_implementation",
                "priorities",
                "needs_and_challenges",
                "maps",
                "individualised_approach",
                "partnerships",
                "offers",
                "contact_information",
                "additional_resources",
            )
        }
