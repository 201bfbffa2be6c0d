"""A change to the registry that an accepted report proposes, waiting for the ISU.

The registry never changes silently: accepting a report only records what it says where
the registry says otherwise (reporting/proposals.py); the ISU applies or dismisses each
proposal. "Registry says" is kept as it stood when the proposal was made, so that a
proposal made stale by a later change to the registry is refused, not applied over it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from registry.models import StateParty

from .report import Article7Report


class RegistryProposal(models.Model):
    class Field(models.TextChoices):
        REPORT_RECEIVED = "report_received", _("Article 7 report received")
        MINES_RETAINED = "mines_retained", _("Mines retained under Article 3")
        STOCKPILE_DESTROYED = (
            "stockpile_destroyed",
            _("Stockpile destruction completed (Article 4)"),
        )
        NATIONAL_MEASURES = "national_measures", _("National implementation measures (Article 9)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPLIED = "applied", _("Applied")
        DISMISSED = "dismissed", _("Dismissed")

    state = models.ForeignKey(
        StateParty,
        verbose_name=_("State"),
        on_delete=models.CASCADE,
        related_name="registry_proposals",
    )
    report = models.ForeignKey(
        Article7Report,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="registry_proposals",
    )
    field = models.CharField(_("registry fact"), max_length=30, choices=Field.choices)
    # JSON values as proposals.py writes them (dates as ISO strings); null: not recorded.
    registry_says = models.JSONField(_("registry says"), null=True, blank=True)
    report_says = models.JSONField(_("report says"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registry change proposed by a report")
        verbose_name_plural = _("registry changes proposed by reports")
        ordering = ["-created_at", "pk"]
        constraints = [
            # Accepting a report again (or a re-publish) cannot duplicate a pending proposal.
            models.UniqueConstraint(
                fields=["report", "field"],
                condition=Q(status="pending"),
                name="one_pending_proposal_per_report_fact",
            )
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.get_field_display()}"
