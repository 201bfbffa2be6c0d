"""An Article 7 report: its header, versions and cover page.

The report is a cluster (its forms' rows are ParentalKey children, held in memory until
saved) with Wagtail's revision, draft, lock and workflow mixins in the order Wagtail checks
(wagtailcore.E004–E006): WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin.
Being published ("live") is being accepted by the ISU's review. An accepted report is never
edited again: a correction is a new version (a new row whose `amends` is the accepted one),
reviewed in turn, so every version the ISU accepted stays as it was.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    ReferenceIndex,
    RevisionMixin,
    WorkflowMixin,
)

from registry.models import StateParty

from ..due_dates import first_annual_year
from .base import Errors, add_error
from .choices import ReportKind, Visibility
from .period import ReportPeriodMixin

REPORT_YEAR_VALIDATORS = [MinValueValidator(1999), MaxValueValidator(2100)]


class Article7ReportQuerySet(models.QuerySet):
    def accepted(self) -> Article7ReportQuerySet:
        return self.filter(live=True)

    def of_period(self, state, kind: str, year: int | None) -> Article7ReportQuerySet:
        """Every version of one State's report for one period, the latest first."""
        return self.filter(state=state, kind=kind, year=year).order_by("-version")


class Article7Report(
    ReportPeriodMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    ClusterableModel,
):
    state = models.ForeignKey(
        StateParty,
        verbose_name=_("State"),
        on_delete=models.PROTECT,
        related_name="online_article7_reports",
    )
    kind = models.CharField(_("kind of report"), max_length=10, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(
        _("calendar year covered"),
        null=True,
        blank=True,
        validators=REPORT_YEAR_VALIDATORS,
        help_text=_("For an annual report. An initial report covers no calendar year."),
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1, editable=False)
    amends = models.ForeignKey(
        "self",
        verbose_name=_("amends"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
        help_text=_("The accepted version this new version corrects."),
    )
    language = models.CharField(
        _("language of the report"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Answers stay in the language they were written in."),
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PARTIES,
        help_text=_("Chosen by the State."),
    )
    submitted_on = models.DateField(_("date of submission"), null=True, blank=True)
    contact_organisation = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("name"), max_length=200)
    contact_email = models.EmailField(_("email"))
    contact_phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[
            RegexValidator(r"^\+?[0-9 ().\-/]{5,40}$", _("Digits, spaces and + ( ) - / ."))
        ],
    )
    filed_by_isu = models.BooleanField(
        _("entered by the ISU on behalf of the State"), default=False
    )
    original_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document submitted by the State"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    other_matters = models.TextField(_("Form J: other relevant matters"), blank=True)

    # DraftStateMixin's default is True; a report is a draft until the ISU accepts it.
    live = models.BooleanField(verbose_name=_("live"), default=False, editable=False)

    objects = Article7ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("Article 7 report")
        verbose_name_plural = _("Article 7 reports")
        ordering = ["state", "kind", "-year", "-version"]
        constraints = [
            # One report per State and period, and one of each later version: an initial
            # report has no year, and NULLs never collide in a unique index, so it has a
            # constraint of its own on the State alone.
            models.UniqueConstraint(
                fields=["state", "version"],
                condition=Q(kind=ReportKind.INITIAL),
                name="unique_initial_report_version",
                violation_error_message=_(
                    "This State already has this version of its initial report."
                ),
            ),
            models.UniqueConstraint(
                fields=["state", "year", "version"],
                condition=Q(kind=ReportKind.ANNUAL),
                name="unique_annual_report_version",
                violation_error_message=_(
                    "This State already has this version of its report for this year."
                ),
            ),
            models.CheckConstraint(
                condition=Q(kind=ReportKind.INITIAL, year__isnull=True)
                | Q(kind=ReportKind.ANNUAL, year__isnull=False),
                name="report_year_matches_kind",
                violation_error_message=_("An annual report has a year, an initial one none."),
            ),
            models.CheckConstraint(
                condition=Q(amends__isnull=True, version=1)
                | Q(amends__isnull=False, version__gt=1),
                name="report_version_follows_amends",
            ),
        ]

    def __str__(self) -> str:
        label = (
            _("%(state)s, initial report")
            if self.kind == ReportKind.INITIAL
            else _("%(state)s, report for %(year)s")
        ) % {"state": self.state if self.state_id else "?", "year": self.year}
        return label if self.version == 1 else f"{label} (v{self.version})"

    # --- Validation ----------------------------------------------------------------------

    def clean(self) -> None:
        if self.pk and self.live:
            raise ValidationError(
                _("This report has been accepted and is kept as it is: amend it as a new version."),
                code="accepted",
            )
        errors: Errors = {}
        self._clean_period(errors)
        self._clean_amends(errors)
        if self.filed_by_isu and not self.original_document_id:
            add_error(errors, "original_document", _("Attach the report the State submitted."))
        if self.submitted_on and self.submitted_on > timezone.localdate():
            add_error(errors, "submitted_on", _("This date is in the future."))
        elif self.submitted_on and self.period_start and self.submitted_on < self.period_start:
            add_error(
                errors,
                "submitted_on",
                _("A report is submitted after its period begins (%(start)s)."),
                start=self.period_start,
            )
        if errors:
            raise ValidationError(errors)

    def _clean_period(self, errors: Errors) -> None:
        if self.kind == ReportKind.INITIAL and self.year is not None:
            add_error(
                errors, "year", _("An initial report covers no calendar year: leave it empty.")
            )
        if self.kind == ReportKind.ANNUAL and self.year is None:
            add_error(errors, "year", _("Give the calendar year the report covers."))
        if not self.state_id:
            return
        eif = self.entry_into_force
        if eif is None:
            add_error(
                errors, "state", _("The registry has no date of entry into force for this State.")
            )
        elif self.kind == ReportKind.ANNUAL and self.year:
            if self.year < first_annual_year(eif):
                add_error(
                    errors,
                    "year",
                    _("This State's first annual report covers %(first)s."),
                    first=first_annual_year(eif),
                )
            elif self.year > timezone.localdate().year:
                add_error(errors, "year", _("This year has not begun."))

    def _clean_amends(self, errors: Errors) -> None:
        self.version = self.amends.version + 1 if self.amends_id else 1
        if not self.amends_id:
            return
        amended = self.amends
        if amended.pk == self.pk:
            add_error(errors, "amends", _("A report cannot amend itself."))
        elif (amended.state_id, amended.kind, amended.year) != (
            self.state_id,
            self.kind,
            self.year,
        ):
            add_error(
                errors,
                "amends",
                _("A new version covers the same State and period as the report it amends."),
            )
        elif not amended.live:
            add_error(
                errors, "amends", _("Only an accepted report is amended; edit this draft instead.")
            )

    def save(self, *args, **kwargs):
        self.version = self.amends.version + 1 if self.amends_id else 1
        # Wagtail re-indexes a cluster's references (mine types, documents) after each
        # child row's save, so a report of N rows cost N full re-indexes (a 40-row report
        # took 34 s to save): index it once, with all its rows in place.
        from wagtail.signal_handlers import (
            disable_reference_index_auto_update,
            reference_index_auto_update_disabled,
        )

        if getattr(reference_index_auto_update_disabled, "value", False):
            super().save(*args, **kwargs)  # whoever turned indexing off indexes later
            return
        with disable_reference_index_auto_update():
            super().save(*args, **kwargs)
        ReferenceIndex.create_or_update_for_object(self)
