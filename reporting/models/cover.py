"""The cover page: for each form, whether it is filled in, unchanged since an earlier
report (whose accepted data carries forward) or not applicable."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from .base import Errors, add_error, parent_report
from .choices import CoverStatus, FormLetter, ReportKind
from .report import REPORT_YEAR_VALIDATORS, Article7Report


class FormStatus(models.Model):
    """One line of the cover page: what the report says about one form."""

    report = ParentalKey(Article7Report, on_delete=models.CASCADE, related_name="cover")
    letter = models.CharField(_("form"), max_length=1, choices=FormLetter.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=CoverStatus.choices, default=CoverStatus.CHANGED
    )
    since_year = models.PositiveSmallIntegerField(
        _("unchanged since the report of"), null=True, blank=True, validators=REPORT_YEAR_VALIDATORS
    )
    statement = models.CharField(
        _("statement"),
        max_length=200,
        blank=True,
        help_text=_("Why the form does not apply, in one line."),
    )

    class Meta:
        verbose_name = _("cover page line")
        verbose_name_plural = _("cover page")
        ordering = ["letter"]
        constraints = [
            models.UniqueConstraint(fields=["report", "letter"], name="unique_cover_form")
        ]

    def __str__(self) -> str:
        return f"{self.letter}: {self.get_status_display()}"

    def clean(self) -> None:
        errors: Errors = {}
        report = parent_report(self)
        if report is not None and report.kind == ReportKind.INITIAL:
            if self.status != CoverStatus.CHANGED:
                add_error(errors, "status", _("An initial report answers every form."))
        elif self.status == CoverStatus.UNCHANGED:
            year = report.year if report is not None else None
            if self.since_year is None:
                add_error(
                    errors,
                    "since_year",
                    _("Give the year of the report this form is unchanged since."),
                )
            elif year is not None and self.since_year >= year:
                add_error(errors, "since_year", _("Name a report before %(year)s."), year=year)
        if self.status != CoverStatus.UNCHANGED and self.since_year is not None:
            add_error(errors, "since_year", _("Only a form marked unchanged names a year."))
        if self.status == CoverStatus.NOT_APPLICABLE and not self.statement.strip():
            add_error(errors, "statement", _("Say in one line why the form does not apply."))
        if errors:
            raise ValidationError(errors)
