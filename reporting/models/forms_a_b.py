"""Form A (national implementation measures) and Form B (stockpiled mines)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from .base import Errors, FormRow, add_error, parent_report
from .mine_types import MineType
from .report import Article7Report


class FormAMeasure(FormRow):
    """Article 7(1)(a): a legal, administrative or other measure taken under Article 9."""

    form_letter = "A"

    class Kind(models.TextChoices):
        LEGISLATION = "legislation", _("Legislation")
        REGULATION = "regulation", _("Regulation or decree")
        ADMINISTRATIVE = "administrative", _("Administrative measure")
        MILITARY = "military", _("Military order or doctrine")
        OTHER = "other", _("Other measure")

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="measures")
    kind = models.CharField(_("kind of measure"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    adopted_on = models.DateField(_("date"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(FormRow.Meta):
        verbose_name = _("Form A: national implementation measure")

    def __str__(self) -> str:
        return self.title

    def validate_row(self, errors: Errors) -> None:
        self.check_not_after_period(errors, "adopted_on")
        if self.url and not self.url.lower().startswith(("http://", "https://")):
            add_error(errors, "url", _("Only http and https links are allowed."))


class FormBStockpile(FormRow):
    """Article 7(1)(b): mines in the stockpile at the end of the period, by type and lot.
    A stockpile found after the State's Article 4 deadline is marked previously unknown,
    with the date it was found."""

    form_letter = "B"

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="stockpiles")
    mine_type = models.ForeignKey(
        MineType, verbose_name=_("mine type"), on_delete=models.PROTECT, related_name="+"
    )
    quantity = models.PositiveBigIntegerField(_("quantity at the end of the period"))
    lot_numbers = models.CharField(_("lot numbers"), max_length=500, blank=True)
    holder = models.CharField(
        _("holder"), max_length=200, blank=True, help_text=_("e.g. army, police, depot.")
    )
    previously_unknown = models.BooleanField(
        _("previously unknown stockpile found after the deadline"), default=False
    )
    found_on = models.DateField(_("found on"), null=True, blank=True)

    class Meta(FormRow.Meta):
        verbose_name = _("Form B: stockpiled mines")

    def __str__(self) -> str:
        return f"{self.mine_type}: {self.quantity}"

    def validate_row(self, errors: Errors) -> None:
        self.check_mine_type(errors)
        if self.previously_unknown and not self.found_on:
            add_error(errors, "found_on", _("Give the date the stockpile was found."))
        elif self.found_on and not self.previously_unknown:
            add_error(
                errors, "found_on", _("Only a previously unknown stockpile has a date found.")
            )
        self.check_not_after_period(errors, "found_on")
        report = parent_report(self)
        deadline = report.state.stockpile_deadline if report and report.state_id else None
        if deadline and self.found_on and "found_on" not in errors and self.found_on <= deadline:
            add_error(
                errors,
                "found_on",
                _(
                    "Found before the Article 4 deadline (%(deadline)s): these mines are part "
                    "of the stockpile, not a previously unknown one."
                ),
                deadline=deadline,
            )
