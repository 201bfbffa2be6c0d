from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NAME_FIELDS, StateParty


class StatePartyViewSet(SnippetViewSet):
    model = StateParty
    icon = "globe"
    menu_label = _("State Party registry")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name_en", "iso3", "region", "deposited", "clearance_status", "updated_at"]
    list_filter = ["region", "clearance_status", "stockpile_status", "method"]
    search_fields = ["name_en", "name_fr", "name_es", "iso3", "iso2"]
    ordering = ["name_en"]

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("iso3"), FieldPanel("iso2")]),
                # The names, three languages a row.
                *(
                    FieldRowPanel([FieldPanel(field) for field in NAME_FIELDS[row : row + 3]])
                    for row in range(0, len(NAME_FIELDS), 3)
                ),
                FieldPanel("depositary_name"),
                FieldRowPanel([FieldPanel("region"), FieldPanel("subregion")]),
            ],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("signed"), FieldPanel("deposited"), FieldPanel("method")]
                ),
                FieldPanel("source"),
                InlinePanel("membership_events", label=_("Membership events")),
            ],
            heading=_("Membership"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("stockpile_status"),
                        FieldPanel("stockpile_completed_on"),
                        FieldPanel("stockpile_deadline"),
                    ]
                ),
                FieldRowPanel(
                    [FieldPanel("clearance_status"), FieldPanel("clearance_completed_on")]
                ),
                InlinePanel("clearance_deadlines", label=_("Article 5 deadlines")),
                FieldPanel("national_measures"),
                FieldRowPanel([FieldPanel("mines_retained"), FieldPanel("mines_retained_year")]),
                InlinePanel("article7_reports", label=_("Article 7 reports")),
            ],
            heading=_("Status of implementation"),
        ),
    ]


register_snippet(StatePartyViewSet)
