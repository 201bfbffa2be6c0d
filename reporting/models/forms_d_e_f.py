"""Form D (mines retained or transferred, Article 3), Form E (production facilities) and
Form F (destruction programmes)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from .base import Errors, FormRow, add_error, copy_fields
from .choices import Progress
from .mine_types import MineType
from .report import Article7Report


class FormDRetained(FormRow):
    """Article 7(1)(d): mines one institution retains for training and development, or
    transfers for destruction (Article 3), over the period.

    `added_from_stockpile` is what the stockpile of Form B lost to retention; the balance
    end = start + added − used − transferred out is checked by a warning, not an error."""

    form_letter = "D"

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="retained")
    institution = models.CharField(_("institution authorised"), max_length=200)
    mine_type = models.ForeignKey(
        MineType, verbose_name=_("mine type"), on_delete=models.PROTECT, related_name="+"
    )
    quantity_start = models.PositiveIntegerField(_("quantity at the start of the period"))
    quantity_end = models.PositiveIntegerField(_("quantity at the end of the period"))
    used = models.PositiveIntegerField(_("used (consumed) during the period"), default=0)
    added_from_stockpile = models.PositiveIntegerField(
        _("taken from the stockpile during the period"), default=0
    )
    transferred_out = models.PositiveIntegerField(_("transferred during the period"), default=0)
    transferred_to = models.CharField(_("transferred to"), max_length=200, blank=True)
    purpose = models.TextField(_("purpose"))
    actual_use = models.TextField(_("actual use during the period"), blank=True)
    change_note = models.TextField(
        _("reason for an increase"),
        blank=True,
        help_text=_("Why the number retained rose, when it did."),
    )

    class Meta(FormRow.Meta):
        verbose_name = _("Form D: mines retained or transferred")

    def __str__(self) -> str:
        return f"{self.institution}: {self.mine_type}"

    @property
    def expected_end(self) -> int:
        return self.quantity_start + self.added_from_stockpile - self.used - self.transferred_out

    def next_period_copy(self) -> FormDRetained:
        """The next period starts with what this one ended with; nothing used yet."""
        return copy_fields(
            self,
            quantity_start=self.quantity_end,
            used=0,
            added_from_stockpile=0,
            transferred_out=0,
            transferred_to="",
            actual_use="",
            change_note="",
        )

    def validate_row(self, errors: Errors) -> None:
        self.check_mine_type(errors)
        if self.transferred_out and not self.transferred_to.strip():
            add_error(errors, "transferred_to", _("Say to whom the mines were transferred."))


class FormEFacility(FormRow):
    """Article 7(1)(e): the conversion or decommissioning of a mine production facility."""

    form_letter = "E"

    class Action(models.TextChoices):
        CONVERSION = "conversion", _("Conversion")
        DECOMMISSIONING = "decommissioning", _("Decommissioning")

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="facilities")
    facility = models.CharField(_("facility"), max_length=200)
    action = models.CharField(
        _("conversion or decommissioning"), max_length=20, choices=Action.choices
    )
    status = models.CharField(_("status"), max_length=20, choices=Progress.choices)
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Completed on, or planned for.")
    )

    class Meta(FormRow.Meta):
        verbose_name = _("Form E: production facility")

    def __str__(self) -> str:
        return self.facility

    def validate_row(self, errors: Errors) -> None:
        if self.status == Progress.COMPLETED:
            if not self.date:
                add_error(errors, "date", _("Give the date it was completed."))
            self.check_not_after_period(errors, "date")


class FormFProgramme(FormRow):
    """Article 7(1)(f): a programme to destroy stockpiled mines (Article 4) or mines in
    mined areas (Article 5), with its methods, sites and standards."""

    form_letter = "F"

    class Article(models.TextChoices):
        ARTICLE_4 = "article_4", _("Stockpile destruction (Article 4)")
        ARTICLE_5 = "article_5", _("Mined areas (Article 5)")

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="programmes")
    article = models.CharField(_("article"), max_length=20, choices=Article.choices)
    status = models.CharField(_("status"), max_length=20, choices=Progress.choices)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    methods = models.TextField(_("methods"))
    sites = models.TextField(_("sites"), blank=True)
    safety_standards = models.TextField(_("safety standards"), blank=True)
    environmental_standards = models.TextField(_("environmental standards"), blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("Form F: destruction programme")

    def __str__(self) -> str:
        return self.get_article_display()

    def validate_row(self, errors: Errors) -> None:
        if self.status == Progress.COMPLETED and not self.completed_on:
            add_error(errors, "completed_on", _("Give the date it was completed."))
        elif self.completed_on and self.status != Progress.COMPLETED:
            add_error(
                errors, "completed_on", _("Only a completed programme has a completion date.")
            )
        self.check_not_after_period(errors, "completed_on")
