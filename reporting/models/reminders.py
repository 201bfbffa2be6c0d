"""The reminders sent to a State's focal points about a report it owes (reminders.py)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from registry.models import StateParty

from .choices import ReportKind


class ReminderSent(models.Model):
    """One reminder stage of one report period, sent once. The row is written before the
    emails go out, in the same transaction: a second run at the same time cannot insert it
    again (the unique constraints) and so sends nothing."""

    class Stage(models.TextChoices):
        DUE_SOON = "due_soon", _("Due within 30 days")
        OVERDUE = "overdue", _("Overdue")

    state = models.ForeignKey(
        StateParty, verbose_name=_("State"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind of report"), max_length=10, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("calendar year covered"), null=True, blank=True)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("report reminder sent")
        verbose_name_plural = _("report reminders sent")
        ordering = ["-sent_at"]
        constraints = [
            # An initial report has no year, and NULLs never collide in a unique index.
            models.UniqueConstraint(
                fields=["state", "stage"],
                condition=Q(kind=ReportKind.INITIAL),
                name="unique_initial_report_reminder",
            ),
            models.UniqueConstraint(
                fields=["state", "year", "stage"],
                condition=Q(kind=ReportKind.ANNUAL),
                name="unique_annual_report_reminder",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.state_id} {self.kind} {self.year or ''} {self.stage}"
