"""What the report's parts share: collecting field errors, finding a row's report, and
the rules on dates, areas and mine types that the forms' rows apply."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar, Self, TypeVar

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from .choices import MAX_AREA_M2

if TYPE_CHECKING:
    from .report import Article7Report

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]
Errors = dict[str, list[ValidationError]]
M = TypeVar("M", bound=models.Model)


def add_error(errors: Errors, field: str, message, **params) -> None:
    """Collect a field's error; `params` fill the message's placeholders when shown."""
    errors.setdefault(field, []).append(ValidationError(message, params=params or None))


def copy_fields(row: M, **overrides) -> M:
    """An unsaved copy of a row's own fields, without its key or its parent's."""
    values = {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if not field.primary_key and not isinstance(field, ParentalKey)
    }
    return type(row)(**(values | overrides))


def parent_report(row: models.Model) -> Article7Report | None:
    """The report a row belongs to, also while both are unsaved; None when unset."""
    try:
        return row.report
    except ObjectDoesNotExist:
        return None


class FormRow(Orderable):
    """A row of one of the forms' tables. Subclasses name their form letter, declare
    `report = ParentalKey(Article7Report, related_name=…)` and add their checks in
    `validate_row`, which `clean` runs with the report's period at hand."""

    form_letter: ClassVar[str]
    # Whether the next year's report starts from a copy of this row (periods.prefill): what
    # stands at the end of a period does; what was done during it (mines destroyed, land
    # released, people warned, casualties, cooperation) does not.
    carries_forward: ClassVar[bool] = True

    class Meta(Orderable.Meta):
        abstract = True

    def copy_row(self) -> Self:
        """An unsaved copy, for another report (an amendment)."""
        return copy_fields(self)

    def next_period_copy(self) -> Self:
        """An unsaved copy as the next period's report starts from it."""
        return self.copy_row()

    def clean(self) -> None:
        errors: Errors = {}
        self.validate_row(errors)
        if errors:
            raise ValidationError(errors)

    def validate_row(self, errors: Errors) -> None:
        """Add field errors to `errors`."""

    # --- Rules the rows share ------------------------------------------------------------

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        report = parent_report(self)
        return report.period if report is not None else None

    def check_in_period(self, errors: Errors, field: str) -> None:
        """A date of something done during the period covered."""
        value, period = getattr(self, field), self.period
        if value and period and not period[0] <= value <= period[1]:
            add_error(
                errors,
                field,
                _("Give a date within the period of the report (%(start)s to %(end)s)."),
                start=period[0],
                end=period[1],
            )

    def check_not_after_period(self, errors: Errors, field: str) -> None:
        """A date of something that may predate the period but not follow it."""
        value, period = getattr(self, field), self.period
        if value and period and value > period[1]:
            add_error(
                errors,
                field,
                _("The report covers the period up to %(end)s: give a date until then."),
                end=period[1],
            )

    def check_year_in_period(self, errors: Errors, field: str) -> None:
        value, period = getattr(self, field), self.period
        if value and period and not period[0].year <= value <= period[1].year:
            add_error(
                errors,
                field,
                _("Give a year the report covers (%(first)s to %(last)s)."),
                first=period[0].year,
                last=period[1].year,
            )

    def check_year_not_after_period(self, errors: Errors, field: str) -> None:
        value, period = getattr(self, field), self.period
        if value and period and value > period[1].year:
            add_error(
                errors, field, _("The report covers years up to %(last)s."), last=period[1].year
            )

    def check_area(self, errors: Errors, field: str) -> None:
        value = getattr(self, field)
        if value is not None and value > MAX_AREA_M2:
            add_error(
                errors,
                field,
                _("%(value)s m² is more than 100,000 km²: check the unit (square metres)."),
                value=value,
            )

    def check_mine_type(self, errors: Errors, field: str = "mine_type") -> None:
        """A report names approved mine types, or those its own State proposed."""
        mine_type_id = getattr(self, f"{field}_id")
        report = parent_report(self)
        if mine_type_id is None or report is None:
            return
        mine_type = getattr(self, field)
        if not mine_type.usable_by(report.state_id):
            add_error(errors, field, _("This mine type awaits the ISU's approval."))


class PeopleReached(models.Model):
    """People reached, by sex and age (Forms I and J)."""

    girls = models.PositiveIntegerField(_("girls"), default=0)
    boys = models.PositiveIntegerField(_("boys"), default=0)
    women = models.PositiveIntegerField(_("women"), default=0)
    men = models.PositiveIntegerField(_("men"), default=0)

    class Meta:
        abstract = True

    @property
    def people_reached(self) -> int:
        return self.girls + self.boys + self.women + self.men
