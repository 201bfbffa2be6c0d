"""1. National context: background, casualties by year, Sustainable Development Goals."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .fields import (
    MAX_PEOPLE,
    QuantityBlock,
    ThemeTagsBlock,
    check_past_year,
    check_range,
    raise_if,
)
from .section import AnnexSectionBlock


class CasualtyYearBlock(blocks.StructBlock):
    year = blocks.IntegerBlock(label=_("Year"))
    killed = QuantityBlock(required=False, min_value=0, label=_("Killed"))
    injured = QuantityBlock(required=False, min_value=0, label=_("Injured"))
    women = QuantityBlock(required=False, min_value=0, label=_("Women"))
    men = QuantityBlock(required=False, min_value=0, label=_("Men"))
    girls = QuantityBlock(required=False, min_value=0, label=_("Girls"))
    boys = QuantityBlock(required=False, min_value=0, label=_("Boys"))
    unknown = QuantityBlock(required=False, min_value=0, label=_("Sex and age not recorded"))

    BREAKDOWN = ("women", "men", "girls", "boys", "unknown")

    class Meta:
        icon = "warning"
        label = _("Casualties in a year")
        label_format = "{year}"
        # Once for the year rather than under each of its seven small inputs.
        help_text = _("Numbers of people, as whole numbers.")
        form_classname = "struct-block casualty-year"  # laid out as a grid: admin.css

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        check_past_year(value["year"], "year", errors)
        for name in ("killed", "injured", *self.BREAKDOWN):
            check_range(value[name], MAX_PEOPLE, name, errors)
        total = (value["killed"] or 0) + (value["injured"] or 0)
        breakdown = sum(value[name] or 0 for name in self.BREAKDOWN)
        if not errors and breakdown > total:
            errors["unknown"] = ValidationError(
                _(
                    "The breakdown by sex and age (%(breakdown)s) is larger than the number "
                    "killed and injured (%(total)s)."
                ),
                params={"breakdown": breakdown, "total": total},
            )
        raise_if(errors)
        return value


class CasualtiesBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(CasualtyYearBlock(), **kwargs)

    def clean(self, value):
        value = super().clean(value)
        years = [item["year"] for item in value]
        if len(years) != len(set(years)):
            raise ValidationError(_("Each year can appear only once."))
        return value


SDG_CHOICES = [
    ("1", _("1. No poverty")),
    ("2", _("2. Zero hunger")),
    ("3", _("3. Good health and well-being")),
    ("4", _("4. Quality education")),
    ("5", _("5. Gender equality")),
    ("6", _("6. Clean water and sanitation")),
    ("7", _("7. Affordable and clean energy")),
    ("8", _("8. Decent work and economic growth")),
    ("9", _("9. Industry, innovation and infrastructure")),
    ("10", _("10. Reduced inequalities")),
    ("11", _("11. Sustainable cities and communities")),
    ("12", _("12. Responsible consumption and production")),
    ("13", _("13. Climate action")),
    ("14", _("14. Life below water")),
    ("15", _("15. Life on land")),
    ("16", _("16. Peace, justice and strong institutions")),
    ("17", _("17. Partnerships for the goals")),
]


class SDGLinkBlock(blocks.StructBlock):
    goal = blocks.ChoiceBlock(choices=SDG_CHOICES, label=_("Sustainable Development Goal"))
    explanation = blocks.TextBlock(max_length=600, label=_("How mine action contributes to it"))

    class Meta:
        icon = "globe"
        label = _("Link to a Sustainable Development Goal")


class NationalContextBlock(AnnexSectionBlock):
    text = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "ol", "ul", "link"],
        label=_("Background and national contributions"),
    )
    casualties = CasualtiesBlock(
        required=False,
        label=_("Casualties by year"),
        help_text=_("Mine and explosive remnant casualties, with sex and age where known."),
    )
    sdg_links = blocks.ListBlock(
        SDGLinkBlock(), required=False, label=_("Sustainable Development Goals")
    )
    tags = ThemeTagsBlock()

    class Meta:
        icon = "site"
        label = _("National context")
        description = _(
            "Background, national contributions and cross-cutting issues: victims, gender "
            "and diversity, effects on stabilisation and development."
        )
        template = "blocks/national_context.html"
        preview_value = {
            "text": "<p>Mine contamination in border areas blocks access to farmland, "
            "water points and markets. The national authority coordinates clearance, "
            "risk education and victim assistance.</p>",
            "casualties": [
                {"year": 2017, "killed": 12, "injured": 30, "men": 20, "boys": 14, "girls": 8},
            ],
            "sdg_links": [
                {"goal": "2", "explanation": "Released land returns to farming."},
            ],
        }
