"""The period a report covers and its due date, from its kind, year and State."""

from __future__ import annotations

import datetime as dt

from django.db import models

from ..due_dates import annual_due_on, annual_period, initial_period
from .choices import ReportKind


class ReportPeriodMixin(models.Model):
    """For Article7Report: reads `kind`, `year` and `state` (the registry's entry into
    force). Every property is None while what it needs is missing. (An abstract model, not
    a plain mixin, so that migrations do not name it.)"""

    class Meta:
        abstract = True

    @property
    def entry_into_force(self) -> dt.date | None:
        return self.state.entry_into_force if self.state_id else None

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        if self.kind == ReportKind.ANNUAL and self.year:
            return annual_period(self.year)
        if self.kind == ReportKind.INITIAL and self.entry_into_force:
            return initial_period(self.entry_into_force)
        return None

    @property
    def period_start(self) -> dt.date | None:
        return self.period[0] if self.period else None

    @property
    def period_end(self) -> dt.date | None:
        return self.period[1] if self.period else None

    @property
    def due_on(self) -> dt.date | None:
        if self.kind == ReportKind.ANNUAL and self.year:
            return annual_due_on(self.year)
        return self.period_end  # the initial report is due at the end of its period

    @property
    def reference_year(self) -> int | None:
        """The year a cover page's "unchanged since" names: an annual report's year, the
        year an initial report fell due."""
        return (
            self.year if self.kind == ReportKind.ANNUAL else getattr(self.period_end, "year", None)
        )
