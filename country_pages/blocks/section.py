"""What every annex section is and answers for.

Other code asks a section's block about its value rather than reading the value by the
section's type: the derived index (country_pages.indexer) asks every section for the
needs it states, the assistance it names and when the individualised approach was
launched; the reveal view (country_pages.views) asks for a contact. A section that holds
none of these answers with nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class AnnexSectionBlock(blocks.StructBlock):
    """What every annex section has: a flag for content that is an example rather than
    the State's official information, shown to visitors as a notice."""

    illustrative = blocks.BooleanBlock(
        required=False,
        label=_("Illustrative example"),
        help_text=_(
            "Tick when this section shows example content rather than the State's "
            "official information. Visitors see a notice."
        ),
    )

    # A section of the registry's facts, published by the ISU on every page whether or
    # not the State wrote anything in it (the status of implementation).
    registry_facts = False

    class Meta:
        group = _("Annex sections")
        form_classname = "struct-block annex-section"
        # No summary after the section's name: by default Wagtail shows the first
        # field's value, here the "illustrative" tick box ("Yes"/"No"), in the block
        # header and the minimap.
        label_format = ""

    def is_illustrative(self, value) -> bool:
        """Whether the section is marked as an example (no value: not)."""
        return bool(value and value.get("illustrative"))

    def index_needs(self, value) -> Iterator[dict]:
        """The needs the section states, as records of the derived index: the fields of
        index_models.PublishedNeed, with `summary` the need's description as written
        (rich text) and `tags` the thematic tags' slugs."""
        return iter(())

    def assistance(self, value) -> Iterator[dict]:
        """The States the section names as providing assistance, as records of the
        derived index: the fields of index_models.PublishedAssistance (`donor` a
        StateParty)."""
        return iter(())

    def index_offers(self, value) -> Iterator[dict]:
        """The offers of assistance the section states, as records of the derived index:
        the fields of index_models.PublishedOffer (`countries` the States' ids)."""
        return iter(())

    def action21_partnerships(self, value, affected_state_id: int | None) -> Iterator[dict]:
        """The partnerships under Action #21 the section states, as plain records
        (blocks.action21.partnership_record)."""
        return iter(())

    def approach_launched_on(self, value) -> dt.date | None:
        """When the individualised approach was launched, if the section says."""
        return None

    def find_contact(self, value, contact_id: str):
        """The contact of this id (its value), if the section holds it."""
        return None
