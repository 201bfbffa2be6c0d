"""Form C: mined areas (each with the types and estimated numbers of mines in it) and the
land released during the period, by region."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .base import YEAR_VALIDATORS, Errors, FormRow, add_error, copy_fields, parent_report
from .mine_types import MineType
from .report import Article7Report


class FormCMinedArea(FormRow, ClusterableModel):
    """Article 7(1)(c): an area known or suspected to contain anti-personnel mines, as it
    stands at the end of the period (its size is what remains to be released)."""

    form_letter = "C"

    class Status(models.TextChoices):
        SUSPECTED = "suspected", _("Suspected hazardous area")
        CONFIRMED = "confirmed", _("Confirmed hazardous area")

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="mined_areas")
    name = models.CharField(_("area name or code"), max_length=200)
    region = models.CharField(_("region"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    size_m2 = models.PositiveBigIntegerField(_("size (m²)"))
    emplaced_from = models.PositiveSmallIntegerField(
        _("emplaced from (year)"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    emplaced_to = models.PositiveSmallIntegerField(
        _("emplaced until (year)"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    class Meta(FormRow.Meta):
        verbose_name = _("Form C: mined area")

    def __str__(self) -> str:
        return self.name

    def copy_row(self) -> FormCMinedArea:
        copy = copy_fields(self)
        copy.mines = [copy_fields(mine) for mine in self.mines.all()]
        return copy

    def validate_row(self, errors: Errors) -> None:
        if self.size_m2 == 0:
            add_error(errors, "size_m2", _("Give the area's size in square metres."))
        self.check_area(errors, "size_m2")
        self.check_year_not_after_period(errors, "emplaced_from")
        self.check_year_not_after_period(errors, "emplaced_to")
        if self.emplaced_from and self.emplaced_to and self.emplaced_from > self.emplaced_to:
            add_error(errors, "emplaced_to", _("This year is before the first year."))
        if (self.latitude is None) != (self.longitude is None):
            add_error(errors, "longitude", _("Give both coordinates, or neither."))


class FormCAreaMine(Orderable):
    """A type of mine in a mined area, with the estimated number (blank when unknown)."""

    area = ParentalKey(FormCMinedArea, on_delete=models.CASCADE, related_name="mines")
    mine_type = models.ForeignKey(
        MineType, verbose_name=_("mine type"), on_delete=models.PROTECT, related_name="+"
    )
    estimated_quantity = models.PositiveIntegerField(_("estimated quantity"), null=True, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("Form C: mines in an area")

    def __str__(self) -> str:
        return str(self.mine_type)

    def clean(self) -> None:
        try:
            report = parent_report(self.area)
        except ObjectDoesNotExist:
            return
        usable = report is None or not self.mine_type_id
        if not usable and not self.mine_type.usable_by(report.state_id):
            raise ValidationError({"mine_type": _("This mine type awaits the ISU's approval.")})


class FormCLandRelease(FormRow):
    """Land released during the period in one region, and the mines destroyed doing it."""

    form_letter = "C"
    carries_forward = False

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="land_releases")
    region = models.CharField(_("region"), max_length=200)
    cancelled_m2 = models.PositiveBigIntegerField(
        _("cancelled by non-technical survey (m²)"), default=0
    )
    reduced_m2 = models.PositiveBigIntegerField(_("reduced by technical survey (m²)"), default=0)
    cleared_m2 = models.PositiveBigIntegerField(_("cleared (m²)"), default=0)
    mines_destroyed = models.PositiveIntegerField(
        _("anti-personnel mines found and destroyed"), default=0
    )

    class Meta(FormRow.Meta):
        verbose_name = _("Form C: land released")

    def __str__(self) -> str:
        return self.region

    @property
    def released_m2(self) -> int:
        return (self.cancelled_m2 or 0) + (self.reduced_m2 or 0) + (self.cleared_m2 or 0)

    def validate_row(self, errors: Errors) -> None:
        for field in ("cancelled_m2", "reduced_m2", "cleared_m2"):
            self.check_area(errors, field)
