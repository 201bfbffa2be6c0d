"""The report editor: one tab per step (the report's header, the cover page, each form A–J,
the summary), each opening with the progress of the whole report and the errors and
warnings of its own form, as they stand in the last saved or autosaved version."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)

from ..models import Article7Report, FormLetter, form_tables
from ..progress import progress
from ..reading import TABLES
from .forms import ReportForm

ISU_ONLY = "reporting.publish_article7report"


class ProgressPanel(Panel):
    """Where the report stands (every step, with a link to it) and, on a form's step, that
    form's errors and warnings."""

    def __init__(self, letter: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.letter = letter

    def clone_kwargs(self):
        return super().clone_kwargs() | {"letter": self.letter}

    class BoundPanel(Panel.BoundPanel):
        template_name = "reporting/admin/progress_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            report = self.instance
            state = progress(report) if report.pk or report.state_id else None
            context["progress"] = state
            context["form"] = state.of(self.panel.letter) if state and self.panel.letter else None
            context["summary"] = self.panel.letter is None
            context["heading_id"] = f"{self.prefix}-progress-heading"
            return context


def form_step(letter: str, label) -> ObjectList:
    panels: list[Panel] = [ProgressPanel(letter)]
    for relation in form_tables(letter):
        if relation == "mined_areas":
            # The areas' mine types are a formset inside each area's form (django-modelcluster
            # nests them; Wagtail renders the inner InlinePanel).
            panels.append(
                InlinePanel(
                    relation,
                    heading=TABLES[relation][0],
                    panels=[
                        FieldPanel("name"),
                        FieldPanel("region"),
                        FieldPanel("status"),
                        FieldPanel("size_m2"),
                        FieldPanel("emplaced_from"),
                        FieldPanel("emplaced_to"),
                        FieldPanel("latitude"),
                        FieldPanel("longitude"),
                        InlinePanel("mines", heading=_("Mine types and estimated numbers")),
                    ],
                )
            )
        else:
            # Headed as the report reads (reading.TABLES), not by the relation's name.
            panels.append(InlinePanel(relation, heading=TABLES[relation][0]))
    if letter == FormLetter.J:
        panels.append(FieldPanel("other_matters"))
    return ObjectList(panels, heading=label)


def report_edit_handler() -> TabbedInterface:
    header = ObjectList(
        [
            ProgressPanel(),
            FieldPanel("state"),
            FieldPanel("kind"),
            FieldPanel("year"),
            FieldPanel("language"),
            FieldPanel("visibility"),
            FieldPanel("submitted_on"),
            MultiFieldPanel(
                [
                    FieldPanel("contact_organisation"),
                    FieldPanel("contact_name"),
                    FieldPanel("contact_email"),
                    FieldPanel("contact_phone"),
                ],
                heading=_("Point of contact"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("filed_by_isu", permission=ISU_ONLY),
                    FieldPanel("original_document", permission=ISU_ONLY),
                ],
                heading=_("Report sent by email"),
                permission=ISU_ONLY,
            ),
        ],
        heading=_("Report"),
    )
    cover = ObjectList(
        [
            ProgressPanel(),
            InlinePanel("cover", max_num=len(FormLetter.values), heading=_("Cover page")),
        ],
        heading=_("Cover page"),
    )
    steps = [form_step(letter, letter) for letter in FormLetter.values]
    summary = ObjectList([ProgressPanel()], heading=_("Summary"))
    return TabbedInterface(
        [header, cover, *steps, summary], base_form_class=ReportForm
    ).bind_to_model(Article7Report)
