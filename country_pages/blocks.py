"""StreamField blocks of the country page, one per section of the annex to the Committee's
conclusions (APLC/MSP.17/2018), in the annex's order.

Every section is optional and appears at most once. Values that are codes, numbers or
dates (themes, years, quantities, choices) are synchronised across translations by
wagtail-localize; only text is translated.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from .choosers import PermittedDocumentChooserBlock, PermittedImageChooserBlock

# --- Plausibility bounds --------------------------------------------------------------
# The Convention was adopted in 1997; figures and events before 1990 are almost certainly
# typing errors. Targets may lie a few decades ahead, no more.
EARLIEST_YEAR = 1990
TARGET_HORIZON_YEARS = 30
UPCOMING_EVENT_YEARS = 5
MAX_AREA_M2 = 100_000_000_000  # 100,000 km², larger than any recorded contamination
MAX_MONEY = Decimal("100000000000")  # 100 billion
MAX_PEOPLE = 2_000_000_000
MAX_MINES = 100_000_000

http_url_validator = URLValidator(
    schemes=["http", "https"], message=_("Enter a web address starting with http:// or https://.")
)
phone_validator = RegexValidator(
    r"^\+?[0-9 ().\-/]{6,30}(\s*(ext\.?|x)\s*[0-9]{1,6})?$",
    _("Enter a phone number: digits, spaces and + ( ) - . / only."),
)


def current_year() -> int:
    return timezone.localdate().year


def check_past_year(year: int | None, field: str, errors: dict) -> None:
    if year is not None and not EARLIEST_YEAR <= year <= current_year():
        errors[field] = ValidationError(
            _("Enter a year between %(first)s and %(last)s."),
            params={"first": EARLIEST_YEAR, "last": current_year()},
        )


def check_target_year(year: int | None, field: str, errors: dict) -> None:
    last = current_year() + TARGET_HORIZON_YEARS
    if year is not None and not EARLIEST_YEAR <= year <= last:
        errors[field] = ValidationError(
            _("Enter a year between %(first)s and %(last)s."),
            params={"first": EARLIEST_YEAR, "last": last},
        )


def check_range(value, maximum, field: str, errors: dict) -> None:
    if value is not None and not 0 <= value <= maximum:
        errors[field] = ValidationError(
            _("Enter a number between 0 and %(maximum)s."), params={"maximum": f"{maximum:,}"}
        )


def check_not_future(date: dt.date | None, field: str, errors: dict) -> None:
    if date is not None and date > timezone.localdate():
        errors[field] = ValidationError(_("This date is in the future."))


def raise_if(errors: dict, non_block_errors: list | None = None) -> None:
    if errors or non_block_errors:
        raise StructBlockValidationError(block_errors=errors, non_block_errors=non_block_errors)


class HttpURLField(forms.URLField):
    default_validators = [http_url_validator]
    default_error_messages = {"invalid": http_url_validator.message}

    def __init__(self, **kwargs):
        super().__init__(assume_scheme="https", **kwargs)


class HttpURLBlock(blocks.URLBlock):
    """A link that can only be http or https: no javascript:, data: or file: URLs."""

    def __init__(self, required=True, help_text=None, max_length=None, **kwargs):
        super().__init__(required=required, help_text=help_text, max_length=max_length, **kwargs)
        self.field = HttpURLField(required=required, help_text=help_text, max_length=max_length)


class ThemeTagsBlock(blocks.MultipleChoiceBlock):
    """Thematic tags from the ISU's vocabulary (django-taggit tags). Stored as slugs, so
    they are the same in every language and can be filtered across countries."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Thematic tags"))
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(choices=theme_choices, **kwargs)

    def to_python(self, value):
        # Stored slugs as they are: matching them to the choices would read the tag
        # vocabulary from the database every time a page is loaded.
        return list(value or [])

    def normalize(self, value):
        return list(value or [])


def theme_choices() -> list[tuple[str, str]]:
    from .tags import ThematicTag

    return [(tag.slug, tag.label) for tag in ThematicTag.objects.order_by("name")]


class GroupedNumberMixin:
    """A number whose input shows, beside it, the typed value grouped by thousands in the
    admin's language ("9,800,000"; "9 800 000" in French) as it is typed, so that a zero too
    many or too few is seen before saving (static/js/admin.js finds the input by its
    `data-grouped-number` attribute). What is stored is still the plain number."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail renders the widget with its attributes, also for blocks added later.
        self.field.widget.attrs["data-grouped-number"] = ""


class QuantityBlock(GroupedNumberMixin, blocks.IntegerBlock):
    """A count or an area: a whole number, shown grouped by thousands as it is typed."""


class AmountBlock(GroupedNumberMixin, blocks.DecimalBlock):
    """An amount of money: a whole amount, shown grouped by thousands as it is typed."""


# --- Shared base ----------------------------------------------------------------------


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

    class Meta:
        group = _("Annex sections")
        form_classname = "struct-block annex-section"
        # No summary after the section's name: by default Wagtail shows the first
        # field's value, here the "illustrative" tick box ("Yes"/"No"), in the block
        # header and the minimap.
        label_format = ""


# --- 1. National context ----------------------------------------------------------------


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


# --- 2. Status of implementation ---------------------------------------------------------


class StatusOfImplementationBlock(AnnexSectionBlock):
    """The facts themselves come live from the State Party registry (the ISU owns them);
    the State may add a short note."""

    note = blocks.TextBlock(
        required=False,
        max_length=1000,
        label=_("Note by the State"),
        help_text=_("Optional. The figures and deadlines above it are kept by the ISU."),
    )

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


# --- 4. Needs and challenges -----------------------------------------------------------


class CurrencyBlock(blocks.ChoiceBlock):
    choices = [
        ("USD", "USD"),
        ("EUR", "EUR"),
        ("CHF", "CHF"),
        ("GBP", "GBP"),
        ("JPY", "JPY"),
        ("CAD", "CAD"),
        ("AUD", "AUD"),
        ("NOK", "NOK"),
        ("SEK", "SEK"),
    ]

    def __init__(self, **kwargs):
        kwargs.setdefault("default", "USD")
        kwargs.setdefault("label", _("Currency"))
        super().__init__(**kwargs)


class NeedBlock(blocks.StructBlock):
    """What every theme of need has. Subclasses add the quantity that applies to them."""

    description = blocks.RichTextBlock(
        features=["bold", "italic", "ol", "ul", "link"], label=_("Need or challenge")
    )
    funding_gap = AmountBlock(
        required=False,
        min_value=0,
        decimal_places=0,
        max_digits=14,
        label=_("Funding gap"),
        help_text=_("Whole amount in the currency chosen below."),
    )
    currency = CurrencyBlock(required=False)
    tags = ThemeTagsBlock()

    # Names of quantity fields; each subclass lists its own.
    quantities: tuple[tuple[str, int | Decimal], ...] = (("funding_gap", MAX_MONEY),)

    class Meta:
        template = "blocks/need.html"

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        for name, maximum in self.quantities:
            check_range(value.get(name), maximum, name, errors)
        if value.get("funding_gap") is not None and not value.get("currency"):
            errors["currency"] = ValidationError(_("Give the currency of the funding gap."))
        raise_if(errors)
        return value


class ClearanceNeedBlock(NeedBlock):
    area_remaining_m2 = QuantityBlock(
        required=False,
        min_value=0,
        label=_("Area remaining to be addressed (m²)"),
        help_text=_("In square metres, as a whole number."),
    )
    quantities = (("funding_gap", MAX_MONEY), ("area_remaining_m2", MAX_AREA_M2))

    class Meta:
        icon = "crosshairs"
        label = _("Clearance")


class RiskEducationNeedBlock(NeedBlock):
    people_to_reach = QuantityBlock(
        required=False,
        min_value=0,
        label=_("People to reach"),
        help_text=_("Number of people."),
    )
    quantities = (("funding_gap", MAX_MONEY), ("people_to_reach", MAX_PEOPLE))

    class Meta:
        icon = "group"
        label = _("Mine risk education")


class VictimAssistanceNeedBlock(NeedBlock):
    people_to_reach = QuantityBlock(
        required=False,
        min_value=0,
        label=_("Survivors and family members to reach"),
        help_text=_("Number of people."),
    )
    quantities = (("funding_gap", MAX_MONEY), ("people_to_reach", MAX_PEOPLE))

    class Meta:
        icon = "user"
        label = _("Victim assistance")


class StockpileNeedBlock(NeedBlock):
    mines_to_destroy = QuantityBlock(
        required=False,
        min_value=0,
        label=_("Stockpiled mines to destroy"),
        help_text=_("Number of mines."),
    )
    quantities = (("funding_gap", MAX_MONEY), ("mines_to_destroy", MAX_MINES))

    class Meta:
        icon = "bin"
        label = _("Stockpile destruction")


class LegislationNeedBlock(NeedBlock):
    class Meta:
        icon = "doc-full"
        label = _("National legislation")


class OtherNeedBlock(NeedBlock):
    title = blocks.CharBlock(max_length=120, label=_("Theme"))

    class Meta:
        icon = "help"
        label = _("Other need")


# Theme keys, in the order they are shown; the explorer filters on these keys.
NEED_THEMES = {
    "clearance": ClearanceNeedBlock,
    "risk_education": RiskEducationNeedBlock,
    "victim_assistance": VictimAssistanceNeedBlock,
    "stockpile_destruction": StockpileNeedBlock,
    "national_legislation": LegislationNeedBlock,
    "other": OtherNeedBlock,
}


class NeedsStreamBlock(blocks.StreamBlock):
    clearance = ClearanceNeedBlock()
    risk_education = RiskEducationNeedBlock()
    victim_assistance = VictimAssistanceNeedBlock()
    stockpile_destruction = StockpileNeedBlock()
    national_legislation = LegislationNeedBlock()
    other = OtherNeedBlock()

    class Meta:
        # One sub-block per theme; "other" may repeat for distinct themes.
        block_counts = {name: {"max_num": 1} for name in NEED_THEMES if name != "other"}
        min_num = 1


class NeedsAndChallengesBlock(AnnexSectionBlock):
    introduction = blocks.TextBlock(required=False, max_length=1000, label=_("Introduction"))
    needs = NeedsStreamBlock(label=_("Needs by theme"))

    class Meta:
        icon = "warning"
        label = _("Needs and challenges")
        description = _(
            "What the State needs, theme by theme — clearance, mine risk education, victim "
            "assistance, stockpile destruction, national legislation — with quantities."
        )
        template = "blocks/needs_and_challenges.html"
        preview_value = {
            "needs": [
                (
                    "clearance",
                    {
                        "description": "<p>Confirmed hazardous areas remain in three states.</p>",
                        "area_remaining_m2": 12_500_000,
                        "funding_gap": Decimal("8000000"),
                        "currency": "USD",
                    },
                ),
            ]
        }


# --- 5. Maps -------------------------------------------------------------------------------


class MapBlock(blocks.StructBlock):
    image = PermittedImageChooserBlock(label=_("Map image"))
    caption = blocks.CharBlock(max_length=250, label=_("Caption"))
    text_alternative = blocks.TextBlock(
        max_length=1500,
        label=_("Text alternative"),
        help_text=_("What the map shows, for people who cannot see it."),
    )
    source = blocks.CharBlock(max_length=250, label=_("Source"))
    date = blocks.DateBlock(label=_("Date of the data"))
    data_tool_url = HttpURLBlock(
        required=False,
        label=_("Public national data tool"),
        help_text=_("Optional link to a public dashboard built on national mine action data."),
    )

    class Meta:
        icon = "image"
        label = _("Map")

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        check_not_future(value["date"], "date", errors)
        raise_if(errors)
        return value


class MapsBlock(AnnexSectionBlock):
    maps = blocks.ListBlock(MapBlock(), min_num=1, label=_("Maps"))

    class Meta:
        icon = "image"
        label = _("Maps")
        description = _(
            "Maps of the national context, with links to public tools built on national "
            "mine action data (IMSMA dashboards)."
        )
        template = "blocks/maps.html"
        preview_value = {"maps": []}


# --- 6. Individualised approach --------------------------------------------------------


class EventDocumentBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("report", _("Meeting report")), ("presentation", _("Presentation"))],
        label=_("Kind"),
    )
    document = PermittedDocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))

    class Meta:
        icon = "doc-full"
        label = _("Report or presentation")


class EventBlock(blocks.StructBlock):
    KIND_CHOICES = [
        ("launch", _("Launch of the individualised approach")),
        ("stakeholder_meeting", _("Stakeholder meeting")),
        ("follow_up", _("Follow-up meeting")),
    ]
    PRECISION_CHOICES = [
        ("day", _("Exact day")),
        ("month", _("Month only")),
        ("year", _("Year only")),
    ]
    date = blocks.DateBlock(label=_("Date"))
    date_precision = blocks.ChoiceBlock(
        choices=PRECISION_CHOICES,
        default="day",
        label=_("Date known to"),
        help_text=_("When only the month or year is known, the page shows only that."),
    )
    end_date = blocks.DateBlock(required=False, label=_("End date"))
    place = blocks.CharBlock(max_length=200, label=_("Place"))
    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, label=_("Kind of event"))
    summary = blocks.TextBlock(max_length=2000, label=_("Summary"))
    documents = blocks.ListBlock(
        EventDocumentBlock(), required=False, label=_("Reports and presentations")
    )

    class Meta:
        icon = "date"
        label = _("Event")

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        # Upcoming meetings are announced here too, up to a few years ahead.
        last = current_year() + UPCOMING_EVENT_YEARS
        if value["date"] and not EARLIEST_YEAR <= value["date"].year <= last:
            errors["date"] = ValidationError(
                _("Enter a date between %(first)s and %(last)s."),
                params={"first": EARLIEST_YEAR, "last": last},
            )
        if value["end_date"] and value["date"] and value["end_date"] < value["date"]:
            errors["end_date"] = ValidationError(_("The end date is before the start date."))
        raise_if(errors)
        return value


class IndividualisedApproachBlock(AnnexSectionBlock):
    events = blocks.ListBlock(EventBlock(), required=False, label=_("Events"))
    highlights = blocks.ListBlock(
        blocks.TextBlock(max_length=800, label=_("Highlight")),
        required=False,
        label=_("Highlights of cooperation"),
    )

    class Meta:
        icon = "calendar"
        label = _("Individualised approach")
        description = _(
            "Launch and stakeholder meetings of the individualised approach, their reports "
            "and presentations, and highlights of cooperation."
        )
        template = "blocks/individualised_approach.html"
        preview_value = {
            "events": [
                {
                    "date": dt.date(2017, 12, 18),
                    "place": "Vienna",
                    "kind": "launch",
                    "summary": "Launch at the Sixteenth Meeting of the States Parties.",
                }
            ],
            "highlights": ["A new partner State pledged support after the launch."],
        }

    def clean(self, value):
        value = super().clean(value)
        if not value["events"] and not value["highlights"]:
            raise StructBlockValidationError(
                non_block_errors=[ValidationError(_("Add at least one event or highlight."))]
            )
        return value


# --- 7. Partnerships ---------------------------------------------------------------------


class AssistingStateBlock(blocks.StructBlock):
    state = SnippetChooserBlock("registry.StateParty", label=_("State"))
    support = blocks.TextBlock(max_length=600, required=False, label=_("Support provided"))
    themes = ThemeTagsBlock(label=_("Themes supported"))

    class Meta:
        icon = "globe"
        label = _("Assisting State")


class PartnerOrganisationBlock(blocks.StructBlock):
    organisation = SnippetChooserBlock("country_pages.Organisation", label=_("Organisation"))
    role = blocks.TextBlock(max_length=600, required=False, label=_("Role"))

    class Meta:
        icon = "group"
        label = _("Organisation")


class ProjectBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    partners = blocks.CharBlock(max_length=300, required=False, label=_("Partners"))
    start_year = blocks.IntegerBlock(label=_("Start year"))
    end_year = blocks.IntegerBlock(required=False, label=_("End year"))
    funding = AmountBlock(
        required=False,
        min_value=0,
        decimal_places=0,
        max_digits=14,
        label=_("Funding"),
        help_text=_("Whole amount in the currency chosen below."),
    )
    currency = CurrencyBlock(required=False)
    description = blocks.TextBlock(max_length=1500, required=False, label=_("Description"))

    class Meta:
        icon = "tasks"
        label = _("Project")

    def clean(self, value):
        value = super().clean(value)
        errors: dict = {}
        check_target_year(value["start_year"], "start_year", errors)
        check_target_year(value["end_year"], "end_year", errors)
        if not errors and value["end_year"] is not None and value["end_year"] < value["start_year"]:
            errors["end_year"] = ValidationError(_("The project ends before it starts."))
        check_range(value["funding"], MAX_MONEY, "funding", errors)
        if value["funding"] is not None and not value["currency"]:
            errors["currency"] = ValidationError(_("Give the currency of the funding."))
        raise_if(errors)
        return value


class StoryBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("success_story", _("Success story")), ("good_practice", _("Good practice"))],
        label=_("Kind"),
    )
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "ul", "link"], label=_("Story"))

    class Meta:
        icon = "openquote"
        label = _("Success story or good practice")


class PartnershipsBlock(AnnexSectionBlock):
    assisting_states = blocks.ListBlock(
        AssistingStateBlock(), required=False, label=_("States providing assistance")
    )
    organisations = blocks.ListBlock(
        PartnerOrganisationBlock(),
        required=False,
        label=_("Organisations: international and national NGOs, United Nations"),
    )
    projects = blocks.ListBlock(ProjectBlock(), required=False, label=_("Ongoing projects"))
    stories = blocks.ListBlock(
        StoryBlock(), required=False, label=_("Success stories and good practices")
    )

    class Meta:
        icon = "group"
        label = _("Partnerships")
        description = _(
            "States providing assistance, partner organisations, ongoing projects, success "
            "stories and good practices."
        )
        template = "blocks/partnerships.html"
        preview_value = {
            "projects": [
                {
                    "title": "Land release in the eastern provinces",
                    "partners": "National authority, an international NGO",
                    "start_year": 2018,
                    "end_year": 2021,
                    "funding": Decimal("2500000"),
                    "currency": "USD",
                }
            ]
        }

    def clean(self, value):
        value = super().clean(value)
        states = [item["state"].pk for item in value["assisting_states"] if item["state"]]
        if len(states) != len(set(states)):
            raise StructBlockValidationError(
                block_errors={
                    "assisting_states": ValidationError(_("Each State can be listed only once."))
                }
            )
        return value


# --- 8. Contact information ---------------------------------------------------------------


class ContactBlock(blocks.StructBlock):
    ROLE_CHOICES = [
        ("national_authority", _("National mine action authority")),
        ("victim_assistance", _("Victim assistance focal point")),
        ("capacity_building", _("Capacity building focal point")),
        ("other", _("Other focal point")),
    ]
    role = blocks.ChoiceBlock(choices=ROLE_CHOICES, label=_("Role"))
    organisation = blocks.CharBlock(max_length=200, label=_("Organisation"))
    name = blocks.CharBlock(max_length=150, required=False, label=_("Name"))
    position = blocks.CharBlock(max_length=150, required=False, label=_("Position"))
    email = blocks.EmailBlock(required=False, label=_("Email"))
    phone = blocks.CharBlock(
        max_length=40, required=False, validators=[phone_validator], label=_("Phone")
    )
    address = blocks.TextBlock(max_length=400, required=False, label=_("Postal address"))

    class Meta:
        icon = "user"
        label = _("Contact")
        template = "blocks/contact.html"

    def clean(self, value):
        value = super().clean(value)
        if not (value["email"] or value["phone"] or value["address"]):
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError(_("Give at least an email, a phone number or an address."))
                ]
            )
        return value

    def get_api_representation(self, value, context=None):
        """What the page shows, never the email: the page hides it from harvesters behind
        a button, so the API gives the same reveal form's address (POST), or nothing."""
        from .contact_api import email_reveal_url

        data = super().get_api_representation(value, context=context)
        data.pop("email", None)
        data["email_reveal_url"] = email_reveal_url(value, context) if value["email"] else None
        return data


class ContactInformationBlock(AnnexSectionBlock):
    contacts = blocks.ListBlock(ContactBlock(), min_num=1, label=_("Contacts"))

    class Meta:
        icon = "mail"
        label = _("Contact information")
        description = _(
            "The national authority and other national focal points (victim assistance, "
            "capacity building, …). Email addresses are not exposed to harvesting robots."
        )
        template = "blocks/contact_information.html"
        preview_value = {
            "contacts": [
                {
                    "role": "national_authority",
                    "organisation": "National Mine Action Centre",
                    "email": "info@example.org",
                    "phone": "+41 22 000 00 00",
                }
            ]
        }

    def get_api_representation(self, value, context=None):
        # Each contact with its id, which its reveal address needs.
        from .contact_api import with_contact_id

        data = super().get_api_representation(value, context=context)
        contacts = self.child_blocks["contacts"].child_block
        data["contacts"] = [
            contacts.get_api_representation(item.value, with_contact_id(context, item.id))
            for item in value["contacts"].bound_blocks
        ]
        return data


# --- 9. Additional resources ---------------------------------------------------------------


class ResourceLinkBlock(blocks.StructBlock):
    KIND_CHOICES = [
        ("article7", _("Article 7 transparency report")),
        ("national_website", _("National mine action website")),
        ("national_strategy", _("National mine action strategy")),
        ("landmine_monitor", _("Landmine Monitor profile")),
        ("clearance_profile", _("Clearance profile")),
        ("other", _("Other")),
    ]
    kind = blocks.ChoiceBlock(choices=KIND_CHOICES, label=_("Kind"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    url = HttpURLBlock(required=False, label=_("Web address"))
    document = PermittedDocumentChooserBlock(required=False, label=_("Or a document"))

    class Meta:
        icon = "link"
        label = _("Resource")

    def clean(self, value):
        value = super().clean(value)
        if bool(value["url"]) == bool(value["document"]):
            raise StructBlockValidationError(
                non_block_errors=[
                    ValidationError(_("Give either a web address or a document, not both."))
                ]
            )
        return value


class AdditionalResourcesBlock(AnnexSectionBlock):
    links = blocks.ListBlock(ResourceLinkBlock(), min_num=1, label=_("Links"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Additional resources")
        description = _(
            "Article 7 reports, the national mine action website and strategy, the Landmine "
            "Monitor and clearance profiles, and other useful links."
        )
        template = "blocks/additional_resources.html"
        preview_value = {
            "links": [
                {
                    "kind": "landmine_monitor",
                    "title": "Landmine Monitor country profile",
                    "url": "https://www.the-monitor.org/",
                }
            ]
        }


# --- The body ---------------------------------------------------------------------------


class CountryPageBodyBlock(blocks.StreamBlock):
    national_context = NationalContextBlock()
    status_of_implementation = StatusOfImplementationBlock()
    priorities = PrioritiesBlock()
    needs_and_challenges = NeedsAndChallengesBlock()
    maps = MapsBlock()
    individualised_approach = IndividualisedApproachBlock()
    partnerships = PartnershipsBlock()
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
                "contact_information",
                "additional_resources",
            )
        }

    @cached_property
    def annex_order(self) -> list[str]:
        return list(self.child_blocks)
