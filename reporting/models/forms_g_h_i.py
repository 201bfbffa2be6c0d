"""Form G (mines destroyed), Form H (technical characteristics) and Form I (warning)."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from .base import YEAR_VALIDATORS, Errors, FormRow, PeopleReached, add_error
from .mine_types import MineType
from .report import Article7Report

# More explosive than any anti-personnel mine holds (the largest bounding mines hold well
# under 2 kg): a figure above it was given in the wrong unit.
MAX_EXPLOSIVE_G = Decimal(20_000)


class FormGDestroyed(FormRow):
    """Article 7(1)(g): mines destroyed in a year of the period, by where they came from."""

    form_letter = "G"
    carries_forward = False

    class Source(models.TextChoices):
        ARTICLE_4 = "article_4", _("Stockpile (Article 4)")
        ARTICLE_5 = "article_5", _("Mined areas (Article 5)")
        UNKNOWN_STOCKPILE = "unknown_stockpile", _("Previously unknown stockpile")

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="destroyed")
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    source = models.CharField(_("destroyed under"), max_length=20, choices=Source.choices)
    mine_type = models.ForeignKey(
        MineType, verbose_name=_("mine type"), on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.PositiveBigIntegerField(_("quantity"))
    lot_numbers = models.CharField(_("lot numbers"), max_length=500, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("Form G: mines destroyed")

    def __str__(self) -> str:
        return f"{self.year} {self.mine_type}: {self.quantity}"

    def validate_row(self, errors: Errors) -> None:
        self.check_year_in_period(errors, "year")
        self.check_mine_type(errors)


class FormHCharacteristics(FormRow):
    """Article 7(1)(h): the technical characteristics of a type of mine the State produced,
    owns or possesses (its designation and origin are the catalogue's)."""

    form_letter = "H"

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="characteristics")
    mine_type = models.ForeignKey(
        MineType, verbose_name=_("mine type"), on_delete=models.PROTECT, related_name="+"
    )
    dimensions = models.CharField(_("dimensions"), max_length=200, blank=True)
    fusing = models.CharField(_("fusing"), max_length=200, blank=True)
    explosive_type = models.CharField(_("explosive type"), max_length=100, blank=True)
    explosive_content_g = models.DecimalField(
        _("explosive content (g)"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    metallic_content = models.CharField(_("metallic content"), max_length=200, blank=True)
    photograph = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photograph"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(FormRow.Meta):
        verbose_name = _("Form H: technical characteristics")

    def __str__(self) -> str:
        return str(self.mine_type)

    def validate_row(self, errors: Errors) -> None:
        self.check_mine_type(errors)
        if self.explosive_content_g is not None and self.explosive_content_g > MAX_EXPLOSIVE_G:
            add_error(
                errors,
                "explosive_content_g",
                _("More than 20 kg of explosive: give the content in grams."),
            )


class FormIWarning(FormRow, PeopleReached):
    """Article 7(1)(i): a measure taken to warn the population of mined areas."""

    form_letter = "I"
    carries_forward = False

    class Measure(models.TextChoices):
        MARKING = "marking", _("Marking")
        FENCING = "fencing", _("Fencing")
        RISK_EDUCATION = "risk_education", _("Risk education")
        MONITORING = "monitoring", _("Monitoring")
        OTHER = "other", _("Other measure")

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="warning_measures")
    area = models.CharField(_("area or region"), max_length=200)
    measure = models.CharField(_("measure"), max_length=20, choices=Measure.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    date = models.DateField(_("date"))

    class Meta(FormRow.Meta):
        verbose_name = _("Form I: warning measure")

    def __str__(self) -> str:
        return f"{self.area}: {self.get_measure_display()}"

    def validate_row(self, errors: Errors) -> None:
        self.check_in_period(errors, "date")
