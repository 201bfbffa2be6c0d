"""The one catalogue of mine types that forms B, C, D, G and H name."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from registry.models import StateParty


class MineTypeQuerySet(models.QuerySet):
    def usable_by(self, state: StateParty | int | None) -> MineTypeQuerySet:
        """What a State's report may name: the approved types and its own proposals."""
        state_id = getattr(state, "pk", state)
        return self.filter(
            models.Q(status=MineType.Status.APPROVED) | models.Q(proposed_by_id=state_id)
        )


class MineType(models.Model):
    """Maintained by the ISU; a State proposes an addition, the ISU approves it."""

    class Kind(models.TextChoices):
        ANTI_PERSONNEL = "anti_personnel", _("Anti-personnel mine")
        OTHER = "other", _("Other (e.g. anti-vehicle mine with an anti-handling device)")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed by a State")
        APPROVED = "approved", _("Approved by the ISU")

    designation = models.CharField(_("designation"), max_length=100)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.ANTI_PERSONNEL
    )
    # Free text: many producers (and so origins) are not States Parties, and the registry
    # holds only the Convention's States.
    origin = models.CharField(
        _("origin"), max_length=100, blank=True, help_text=_("Country of manufacture.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        StateParty,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_mine_types",
    )

    objects = MineTypeQuerySet.as_manager()

    class Meta:
        verbose_name = _("mine type")
        verbose_name_plural = _("mine types")
        ordering = ["designation"]
        constraints = [
            models.UniqueConstraint(
                Lower("designation"),
                name="unique_mine_type_designation",
                violation_error_message=_("This mine type is already in the catalogue."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.designation} ({self.origin})" if self.origin else self.designation

    def clean(self) -> None:
        self.designation = " ".join(self.designation.split())
        self.origin = " ".join(self.origin.split())

    def usable_by(self, state_id: int | None) -> bool:
        return self.status == self.Status.APPROVED or (
            state_id is not None and self.proposed_by_id == state_id
        )
