"""The State Party registry: facts the ISU owns.

These are models, not page fields, so that page revisions never carry them: approving a
focal point's week-old draft must not revert the ISU's latest change to a deadline.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

# Article 17(1): the Convention entered into force on 1 March 1999, six months after the
# fortieth instrument was deposited (16 September 1998).
CONVENTION_IN_FORCE = dt.date(1999, 3, 1)
OPENED_FOR_SIGNATURE = dt.date(1997, 12, 3)

# Model field suffix for each site language ("zh-hans" -> "zh_hans"), in the site's order:
# StateParty has a name_<suffix> field for each (ThematicTag too, its English one being
# `name`). A language added to settings.LANGUAGES needs these fields and a migration
# (tests/registry/test_registry_loader.py checks that they exist).
NAME_LANGUAGES = tuple(code.replace("-", "_") for code, _name in settings.LANGUAGES)
NAME_FIELDS = tuple(f"name_{suffix}" for suffix in NAME_LANGUAGES)


def name_field(language: str | None = None) -> str:
    """The name_<suffix> field for a language (the active one by default); name_en for a
    language the site does not have."""
    suffix = (language or get_language() or "en").lower().replace("-", "_")
    return f"name_{suffix}" if suffix in NAME_LANGUAGES else "name_en"


def entry_into_force_for(deposited: dt.date | None) -> dt.date | None:
    """Article 17(2): the first day of the sixth month after the month of deposit, and
    never before the Convention itself entered into force."""
    if deposited is None:
        return None
    month_index = deposited.year * 12 + (deposited.month - 1) + 6
    first_of_sixth_month = dt.date(month_index // 12, month_index % 12 + 1, 1)
    return max(CONVENTION_IN_FORCE, first_of_sixth_month)


class Region(models.TextChoices):
    """UN M49 regions."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")


class AdherenceMethod(models.TextChoices):
    RATIFICATION = "ratification", _("Ratification")
    ACCESSION = "accession", _("Accession")
    ACCEPTANCE = "acceptance", _("Acceptance")
    APPROVAL = "approval", _("Approval")
    SUCCESSION = "succession", _("Succession")


class MembershipStatus(models.TextChoices):
    STATE_PARTY = "state_party", _("State Party")
    NOT_YET_IN_FORCE = "not_yet_in_force", _("State Party, entry into force pending")
    WITHDRAWAL_PENDING = "withdrawal_pending", _("State Party, withdrawal pending")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SIGNATORY = "signatory", _("Signatory")
    NOT_PARTY = "not_party", _("Not a party")


# Statuses counted as States Parties. Like the depositary and the ISU, we count a State from
# the deposit of its instrument, before the treaty enters into force for it (Article 17),
# and until its withdrawal takes effect.
PARTY_STATUSES = frozenset(
    {
        MembershipStatus.STATE_PARTY,
        MembershipStatus.NOT_YET_IN_FORCE,
        MembershipStatus.WITHDRAWAL_PENDING,
    }
)


class StockpileStatus(models.TextChoices):
    UNKNOWN = "unknown", _("Not recorded")
    NOT_APPLICABLE = "not_applicable", _("No stockpile held")
    IN_PROGRESS = "in_progress", _("Destruction under way")
    COMPLETED = "completed", _("Destruction completed")


class ClearanceStatus(models.TextChoices):
    UNKNOWN = "unknown", _("Not recorded")
    NO_KNOWN_AREAS = "no_known_areas", _("No known mined areas")
    OBLIGATION = "obligation", _("Clearance obligation under way")
    COMPLETED = "completed", _("Clearance completed")


class NationalMeasuresStatus(models.TextChoices):
    UNKNOWN = "unknown", _("Not recorded")
    LEGISLATION_ADOPTED = "legislation_adopted", _("Legislation adopted")
    EXISTING_LAW_SUFFICIENT = "existing_law_sufficient", _("Existing law deemed sufficient")
    IN_PREPARATION = "in_preparation", _("Measures in preparation")


class StatePartyQuerySet(models.QuerySet):
    def with_related(self) -> StatePartyQuerySet:
        """Everything a status summary reads, in a constant number of queries."""
        return self.prefetch_related("membership_events", "clearance_deadlines", "article7_reports")

    def ordered_by_name(self, language: str | None = None) -> StatePartyQuerySet:
        return self.order_by(name_field(language))


class StateParty(ClusterableModel):
    iso3 = models.CharField(
        _("ISO 3166 alpha-3 code"),
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Three capital letters."))],
    )
    iso2 = models.CharField(
        _("ISO 3166 alpha-2 code"),
        max_length=2,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters."))],
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_es = models.CharField(_("name (Spanish)"), max_length=200)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=200)
    depositary_name = models.CharField(
        _("name in the depositary record"),
        max_length=200,
        blank=True,
        help_text=_("The name under which the UN depositary recorded the instrument."),
    )
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    subregion = models.CharField(_("sub-region (UN M49)"), max_length=60, blank=True)

    signed = models.DateField(_("signature"), null=True, blank=True)
    deposited = models.DateField(_("instrument deposited"), null=True, blank=True)
    method = models.CharField(
        _("method"), max_length=20, choices=AdherenceMethod.choices, blank=True
    )
    source = models.TextField(_("source of depositary facts"), blank=True)

    # Article 4: stockpile destruction.
    stockpile_status = models.CharField(
        _("Article 4 stockpile destruction"),
        max_length=20,
        choices=StockpileStatus.choices,
        default=StockpileStatus.UNKNOWN,
    )
    stockpile_completed_on = models.DateField(_("destruction completed on"), null=True, blank=True)
    stockpile_deadline = models.DateField(_("destruction deadline"), null=True, blank=True)

    # Article 5: clearance. Deadlines and their extensions are in Article5Deadline.
    clearance_status = models.CharField(
        _("Article 5 clearance"),
        max_length=20,
        choices=ClearanceStatus.choices,
        default=ClearanceStatus.UNKNOWN,
    )
    clearance_completed_on = models.DateField(_("clearance completed on"), null=True, blank=True)

    # Article 9: national implementation measures.
    national_measures = models.CharField(
        _("Article 9 national implementation measures"),
        max_length=30,
        choices=NationalMeasuresStatus.choices,
        default=NationalMeasuresStatus.UNKNOWN,
    )

    # Article 3: mines retained for training and development.
    mines_retained = models.PositiveIntegerField(
        _("mines retained under Article 3"), null=True, blank=True
    )
    mines_retained_year = models.PositiveSmallIntegerField(
        _("year of the retained-mines figure"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1997), MaxValueValidator(2100)],
    )

    # Set in save(), not auto_now: loading a backup must keep the recorded date.
    updated_at = models.DateTimeField(_("updated"), default=timezone.now, editable=False)
    # What load_registry last read from the seed files for each field it fills (and the
    # keys of the membership events it loaded): a field whose value differs from it was
    # corrected by the ISU, and the loader leaves it alone.
    loaded_values = models.JSONField(
        _("values loaded from the seed files"), default=dict, blank=True, editable=False
    )

    objects = StatePartyQuerySet.as_manager()

    class Meta:
        verbose_name = _("State")
        verbose_name_plural = _("State Party registry")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "updated_at" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "updated_at"]
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        return getattr(self, name_field()) or self.name_en

    def name_in(self, language: str) -> str:
        return getattr(self, name_field(language)) or self.name_en

    @property
    def entry_into_force(self) -> dt.date | None:
        return entry_into_force_for(self.deposited)

    def clean(self) -> None:
        errors = {}
        if self.signed and self.signed < OPENED_FOR_SIGNATURE:
            errors["signed"] = _("The Convention opened for signature on 3 December 1997.")
        if self.signed and self.deposited and self.deposited < self.signed:
            errors["deposited"] = _("An instrument cannot be deposited before signature.")
        if self.deposited and not self.method:
            errors["method"] = _("Say how the instrument was deposited.")
        if self.stockpile_status == StockpileStatus.COMPLETED and not self.stockpile_completed_on:
            errors["stockpile_completed_on"] = _("Give the date destruction was completed.")
        if self.clearance_status == ClearanceStatus.COMPLETED and not self.clearance_completed_on:
            errors["clearance_completed_on"] = _("Give the date clearance was completed.")
        if (self.mines_retained is None) != (self.mines_retained_year is None):
            errors["mines_retained_year"] = _("Give both the number of mines and its year.")
        if errors:
            raise ValidationError(errors)

    # --- Membership -------------------------------------------------------------------

    def _events(self) -> list[MembershipEvent]:
        # Uses the prefetch cache when with_related() was used.
        return list(self.membership_events.all())

    def membership_status(self, on: dt.date | None = None) -> MembershipStatus:
        on = on or timezone.localdate()
        events = [event for event in self._events() if event.date <= on]
        kinds = {event.kind for event in events}
        if MembershipEvent.Kind.WITHDRAWAL_EFFECTIVE in kinds:
            return MembershipStatus.WITHDRAWN
        eif = self.entry_into_force
        if eif and eif <= on:
            if kinds & MembershipEvent.WITHDRAWAL_STARTED:
                return MembershipStatus.WITHDRAWAL_PENDING
            return MembershipStatus.STATE_PARTY
        if self.deposited and self.deposited <= on:
            return MembershipStatus.NOT_YET_IN_FORCE
        if self.signed and self.signed <= on:
            return MembershipStatus.SIGNATORY
        return MembershipStatus.NOT_PARTY

    @property
    def status(self) -> MembershipStatus:
        return self.membership_status()

    @property
    def withdrawal_effective_on(self) -> dt.date | None:
        dates = [
            e.date for e in self._events() if e.kind == MembershipEvent.Kind.WITHDRAWAL_EFFECTIVE
        ]
        return max(dates) if dates else None

    def membership_history(self) -> list[tuple[dt.date, str]]:
        """Every dated step of the State's relation to the Convention, oldest first."""
        steps: list[tuple[dt.date, str]] = []
        if self.signed:
            steps.append((self.signed, str(_("Signature"))))
        if self.deposited:
            steps.append((self.deposited, str(self.get_method_display() or _("Deposit"))))
        eif = self.entry_into_force
        if eif:
            steps.append((eif, str(_("Entry into force"))))
        steps.extend((e.date, str(e.get_kind_display())) for e in self._events())
        return sorted(steps, key=lambda step: step[0])

    # --- Article 5 and 7 -----------------------------------------------------------------

    @property
    def current_clearance_deadline(self) -> Article5Deadline | None:
        """The latest deadline recorded (the original or the last extension granted),
        whatever the clearance status: the open data's `article5_deadline`."""
        deadlines = list(self.clearance_deadlines.all())
        return max(deadlines, key=lambda d: d.deadline) if deadlines else None

    @property
    def has_clearance_obligation(self) -> bool:
        return self.clearance_status == ClearanceStatus.OBLIGATION

    @property
    def clearance_deadline_in_force(self) -> dt.date | None:
        """The Article 5 deadline the site shows: the current one while the State has a
        clearance obligation; none once clearance is completed or when no obligation is
        recorded. The index, the home page and the country page all read this."""
        deadline = self.current_clearance_deadline
        return deadline.deadline if deadline and self.has_clearance_obligation else None

    @property
    def latest_article7_report(self) -> Article7Report | None:
        reports = list(self.article7_reports.all())
        return max(reports, key=lambda r: r.year) if reports else None


class MembershipEvent(models.Model):
    """A step after deposit: withdrawal notified, effective, decided nationally, …"""

    class Kind(models.TextChoices):
        WITHDRAWAL_RECOMMENDED = (
            "withdrawal_recommended_by_defence_ministers",
            _("Withdrawal recommended by defence ministers"),
        )
        WITHDRAWAL_DECREE_SIGNED = "withdrawal_decree_signed", _("Withdrawal decree signed")
        PARLIAMENT_VOTED_WITHDRAWAL = (
            "parliament_voted_withdrawal",
            _("Parliament voted to withdraw"),
        )
        WITHDRAWAL_NOTIFIED = "withdrawal_notified", _("Withdrawal notified (Article 20)")
        WITHDRAWAL_EFFECTIVE = "withdrawal_effective", _("Withdrawal took effect")

    # A decision by the State to leave: from then on, its withdrawal is pending until it
    # takes effect (six months after notification, later during armed conflict, Art. 20(3)).
    WITHDRAWAL_STARTED = frozenset(
        {Kind.WITHDRAWAL_NOTIFIED, Kind.WITHDRAWAL_DECREE_SIGNED, Kind.PARLIAMENT_VOTED_WITHDRAWAL}
    )

    state = ParentalKey(StateParty, on_delete=models.CASCADE, related_name="membership_events")
    kind = models.CharField(_("event"), max_length=60, choices=Kind.choices)
    date = models.DateField(_("date"))
    source = models.TextField(_("source"), blank=True)
    # Set by load_registry on the events it loads from membership_changes.csv: the kind
    # and rank of the row among the State's rows of that kind ("withdrawal_effective:1"),
    # stable when the ISU corrects the date; with the values it loaded.
    loader_key = models.CharField(
        _("seed file row"), max_length=80, blank=True, default="", editable=False
    )
    loaded_values = models.JSONField(
        _("values loaded from the seed files"), default=dict, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("membership event")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "kind", "date"], name="unique_membership_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%Y-%m-%d}"


class Article5Deadline(models.Model):
    """The original Article 5 clearance deadline and each extension granted."""

    class Kind(models.TextChoices):
        ORIGINAL = "original", _("Original deadline (ten years after entry into force)")
        EXTENSION = "extension", _("Extension granted")

    state = ParentalKey(StateParty, on_delete=models.CASCADE, related_name="clearance_deadlines")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    deadline = models.DateField(_("deadline"))
    granted_on = models.DateField(_("granted on"), null=True, blank=True)
    decision_reference = models.CharField(
        _("decision reference"),
        max_length=100,
        blank=True,
        help_text=_("The meeting or document of the decision, e.g. 17MSP or APLC/MSP.17/2018/12."),
    )

    class Meta:
        verbose_name = _("Article 5 deadline")
        ordering = ["deadline"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.deadline:%Y-%m-%d}"

    def clean(self) -> None:
        if self.granted_on and self.granted_on > self.deadline:
            raise ValidationError({"granted_on": _("An extension is granted before it ends.")})


class Article7Report(models.Model):
    """An annual transparency report (Article 7), by the calendar year it covers."""

    state = ParentalKey(StateParty, on_delete=models.CASCADE, related_name="article7_reports")
    year = models.PositiveSmallIntegerField(
        _("calendar year covered"), validators=[MinValueValidator(1998), MaxValueValidator(2100)]
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Article 7 report")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["state", "year"], name="unique_article7_report_year")
        ]

    def __str__(self) -> str:
        return str(self.year)

    def clean(self) -> None:
        if not self.url and not self.document_id:
            raise ValidationError(_("Give a link to the report or upload it."))
        if self.url and not self.url.lower().startswith(("http://", "https://")):
            raise ValidationError({"url": _("Only http and https links are allowed.")})

    @property
    def href(self) -> str:
        return self.document.url if self.document_id else self.url
