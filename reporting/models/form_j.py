"""Form J, other relevant matters: victim assistance (the period's casualties, services
and people reached) and cooperation and assistance given or received. Its free text is
the report's `other_matters`."""

from __future__ import annotations

import pycountry
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from .base import YEAR_VALIDATORS, Errors, FormRow, PeopleReached, add_error
from .report import Article7Report


class FormJCasualties(FormRow):
    """The number of mine casualties of the period in one breakdown (outcome, sex, age
    group, civilian or military); a report gives each breakdown once."""

    form_letter = "J"
    carries_forward = False

    class Outcome(models.TextChoices):
        KILLED = "killed", _("Killed")
        INJURED = "injured", _("Injured")

    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        UNKNOWN = "unknown", _("Unknown")

    class AgeGroup(models.TextChoices):
        CHILD = "child", _("Child (under 18)")
        ADULT = "adult", _("Adult")
        UNKNOWN = "unknown", _("Unknown")

    class Status(models.TextChoices):
        CIVILIAN = "civilian", _("Civilian")
        MILITARY = "military", _("Military")
        UNKNOWN = "unknown", _("Unknown")

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="casualties")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    age_group = models.CharField(_("age group"), max_length=10, choices=AgeGroup.choices)
    status = models.CharField(_("civilian or military"), max_length=10, choices=Status.choices)
    number = models.PositiveIntegerField(_("number"))

    class Meta(FormRow.Meta):
        verbose_name = _("Form J: casualties")

    def __str__(self) -> str:
        return f"{self.get_outcome_display()}: {self.number}"

    @property
    def breakdown(self) -> tuple[str, str, str, str]:
        return (self.outcome, self.sex, self.age_group, self.status)


class FormJVictimService(FormRow, PeopleReached):
    """A victim assistance service provided during the period, and the people reached."""

    form_letter = "J"
    carries_forward = False

    class Service(models.TextChoices):
        EMERGENCY = "emergency", _("Emergency and continuing medical care")
        REHABILITATION = "rehabilitation", _("Physical rehabilitation")
        PSYCHOLOGICAL = "psychological", _("Psychological and psychosocial support")
        INCLUSION = "inclusion", _("Social and economic inclusion")
        DATA = "data", _("Data collection and needs assessment")
        OTHER = "other", _("Other service")

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="victim_services")
    service = models.CharField(_("service"), max_length=20, choices=Service.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("Form J: victim assistance service")

    def __str__(self) -> str:
        return self.get_service_display()


class FormJCooperation(FormRow):
    """Cooperation and assistance given or received in a year of the period."""

    form_letter = "J"
    carries_forward = False

    class Direction(models.TextChoices):
        GIVEN = "given", _("Given")
        RECEIVED = "received", _("Received")

    class Theme(models.TextChoices):
        SURVEY_CLEARANCE = "survey_clearance", _("Survey and clearance")
        STOCKPILE = "stockpile", _("Stockpile destruction")
        RISK_EDUCATION = "risk_education", _("Risk education")
        VICTIM_ASSISTANCE = "victim_assistance", _("Victim assistance")
        CAPACITY = "capacity", _("Capacity building")
        OTHER = "other", _("Other")

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="cooperation")
    direction = models.CharField(_("given or received"), max_length=10, choices=Direction.choices)
    partner = models.CharField(_("partner"), max_length=200)
    amount = models.DecimalField(
        _("amount"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, e.g. USD, EUR.")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("Form J: cooperation and assistance")

    def __str__(self) -> str:
        return f"{self.get_direction_display()}: {self.partner}"

    def validate_row(self, errors: Errors) -> None:
        self.check_year_in_period(errors, "year")
        self.currency = self.currency.strip().upper()
        if self.amount is not None and not self.currency:
            add_error(errors, "currency", _("Give the currency of the amount."))
        elif self.currency and pycountry.currencies.get(alpha_3=self.currency) is None:
            add_error(errors, "currency", _("Give a three-letter ISO 4217 currency code."))
        elif self.currency and self.amount is None:
            add_error(errors, "amount", _("Give the amount in this currency."))
