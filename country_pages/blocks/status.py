"""2. Status of implementation and 3. Priorities."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .fields import check_target_year, raise_if
from .section import AnnexSectionBlock


class StatusOfImplementationBlock(AnnexSectionBlock):
    """The facts themselves come live from the State Party registry (the ISU owns them);
    the State may add a short note."""

    note = blocks.TextBlock(
        required=False,
        max_length=1000,
        label=_("Note by the State"),
        help_text=_("Optional. The figures and deadlines above it are kept by the ISU."),
    )

    registry_facts = True

    class Meta:
        icon = "clipboard-list"
        label = _("Status of implementation")
        description = _(
            "The State's obligations under the Convention and where it stands, published "
            "by the ISU from its registry, with an optional note by the State."
        )
        template = "blocks/status_of_implementation.html"
        preview_value = {"note": "Survey of the remaining suspected areas ends in 2026."}


# --- 3. Priorities -------------------------------------------------------------------------


class PriorityBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=600, label=_("Priority"))
    target_year = blocks.IntegerBlock(required=False, label=_("Target year"))

    class Meta:
        icon = "pick"
        label = _("Priority")

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        check_target_year(value["target_year"], "target_year", errors)
        raise_if(errors)
        return value


class PrioritiesBlock(AnnexSectionBlock):
    priorities = blocks.ListBlock(PriorityBlock(), min_num=1, label=_("Priorities, in order"))

    class Meta:
        icon = "list-ol"
        label = _("Priorities")
        description = _("The State's priorities, most important first, with target years.")
        template = "blocks/priorities.html"
        preview_value = {
            "priorities": [
                {"text": "Complete non-technical survey of all districts.", "target_year": 2026},
                {"text": "Release all confirmed hazardous areas.", "target_year": 2030},
            ]
        }
