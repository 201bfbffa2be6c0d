"""The registry facts an accepted report carries, proposed to the ISU, never applied alone.

When the ISU accepts a report (Wagtail's `published` signal, inside the acceptance's
transaction), each fact below that the report clearly states and the registry records
otherwise becomes a pending RegistryProposal. Nothing in the registry changes until the
ISU applies one (`apply`), which refuses a proposal the registry has moved away from since
(`StaleProposal`) and logs the change on the State, where the registry's history shows it.

The facts, as the report states them:
- Article 7 report received: an annual report for year N, its date of submission and, for
  a public report, the address of its page. An initial report covers no calendar year,
  and the registry records reports by the year they cover: it proposes none.
- Mines retained under Article 3: the total Form D gives for the end of the period (zero
  when Form D does not apply), with the year of that figure; never over a later figure.
- Stockpile destruction completed: Form F's Article 4 programme completed, with its date,
  and no mine left in Form B's stockpile (Form G's Article 4 destruction shown alongside).
- Article 9 measures: legislation, with its date of adoption, in Form A.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from wagtail import signals
from wagtail.log_actions import log

from core.public_url import public_url
from registry.models import Article7Report as RegistryReport
from registry.models import NationalMeasuresStatus, StateParty, StockpileStatus

from .history import effective, own_rows
from .models import (
    Article7Report,
    CoverStatus,
    FormAMeasure,
    FormFProgramme,
    FormGDestroyed,
    Progress,
    RegistryProposal,
    ReportKind,
    Visibility,
)

Field = RegistryProposal.Field
Status = RegistryProposal.Status
APPLIED_ACTION = "reporting.registry_proposal_applied"
DISMISSED_ACTION = "reporting.registry_proposal_dismissed"


class ProposalRefused(Exception):
    """The proposal cannot be applied; the message says why, for the ISU."""


class StaleProposal(ProposalRefused):
    pass


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# --- What the report says ------------------------------------------------------------------


def public_link(report: Article7Report) -> str:
    """The absolute address of a public report's page, in the report's language; empty for
    a restricted report (or while the public report pages are not routed)."""
    if report.visibility != Visibility.PUBLIC:
        return ""
    period = str(report.year) if report.year else "initial"
    with translation.override(report.language):
        try:
            path = reverse(
                "article7_report", kwargs={"iso3": report.state.iso3.lower(), "period": period}
            )
        except NoReverseMatch:
            return ""
    # The registry's link is a URL field, edited in the admin: it must be absolute.
    return public_url(path)


def _received(report: Article7Report) -> dict | None:
    if report.kind != ReportKind.ANNUAL or not report.year:
        return None
    return {
        "year": report.year,
        "submitted_on": _iso(report.submitted_on),
        "url": public_link(report),
    }


def _retained(report: Article7Report) -> dict | None:
    data = effective(report, "D")
    year = report.reference_year
    if year is None:
        return None
    if data.status == CoverStatus.NOT_APPLICABLE:
        return {"quantity": 0, "year": year}
    rows = data.rows("retained")
    if data.source is None or not rows:
        return None  # carried from a report not found, or a form filled with nothing
    return {"quantity": sum(row.quantity_end for row in rows), "year": year}


def _stockpile_destroyed(report: Article7Report) -> dict | None:
    stockpile = effective(report, "B")
    if stockpile.source is None and stockpile.status == CoverStatus.UNCHANGED:
        return None  # what Form B stands for is not known
    if sum(row.quantity for row in stockpile.rows("stockpiles")):
        return None
    completed = [
        row.completed_on
        for row in effective(report, "F").rows("programmes")
        if row.article == FormFProgramme.Article.ARTICLE_4
        and row.status == Progress.COMPLETED
        and row.completed_on
    ]
    if not completed:
        return None
    destroyed = sum(
        row.quantity
        for row in own_rows(report, "G").get("destroyed", [])
        if row.source == FormGDestroyed.Source.ARTICLE_4
    )
    return {
        "status": StockpileStatus.COMPLETED.value,
        "completed_on": _iso(max(completed)),
        "destroyed": destroyed,
    }


def _measures(report: Article7Report) -> dict | None:
    laws = [
        row
        for row in effective(report, "A").rows("measures")
        if row.kind == FormAMeasure.Kind.LEGISLATION and row.adopted_on
    ]
    if not laws:
        return None
    laws.sort(key=lambda row: row.adopted_on)
    return {
        "status": NationalMeasuresStatus.LEGISLATION_ADOPTED.value,
        "measures": [{"title": row.title, "adopted_on": _iso(row.adopted_on)} for row in laws],
    }


# --- What the registry says, whether the report differs, and applying it -----------------


def _registry_received(state: StateParty, says: dict) -> dict | None:
    row = RegistryReport.objects.filter(state=state, year=says["year"]).first()
    if row is None:
        return None
    return {
        "submitted_on": _iso(row.submitted_on),
        "url": row.url,
        "document": bool(row.document_id),
    }


def _received_differs(registry: dict | None, says: dict) -> bool:
    if registry is None:
        return True
    if says["submitted_on"] and registry["submitted_on"] != says["submitted_on"]:
        return True
    return bool(says["url"]) and registry["url"] != says["url"]


def _apply_received(state: StateParty, says: dict) -> None:
    row = RegistryReport.objects.filter(state=state, year=says["year"]).first()
    row = row or RegistryReport(state=state, year=says["year"])
    if says["submitted_on"]:
        row.submitted_on = _date(says["submitted_on"])
    if says["url"]:
        row.url = says["url"]
    if not row.url and not row.document_id:
        # The registry keeps a link or a document for every report it records.
        raise ProposalRefused(
            _(
                "This report has no public page to link to, and the registry keeps a link "
                "or a document for every report: record it in the registry with its "
                "document, then dismiss this proposal."
            )
        )
    row.full_clean(exclude=["state"])
    row.save()


def _registry_retained(state: StateParty, says: dict) -> dict:
    return {"quantity": state.mines_retained, "year": state.mines_retained_year}


def _retained_differs(registry: dict, says: dict) -> bool:
    if registry["year"] is not None and registry["year"] > says["year"]:
        return False  # the registry holds a later figure than this report's
    return registry != says


def _apply_retained(state: StateParty, says: dict) -> None:
    state.mines_retained, state.mines_retained_year = says["quantity"], says["year"]
    state.save(update_fields=["mines_retained", "mines_retained_year"])


def _registry_stockpile(state: StateParty, says: dict) -> dict:
    return {"status": state.stockpile_status, "completed_on": _iso(state.stockpile_completed_on)}


def _stockpile_differs(registry: dict, says: dict) -> bool:
    return (registry["status"], registry["completed_on"]) != (says["status"], says["completed_on"])


def _apply_stockpile(state: StateParty, says: dict) -> None:
    state.stockpile_status = says["status"]
    state.stockpile_completed_on = _date(says["completed_on"])
    state.save(update_fields=["stockpile_status", "stockpile_completed_on"])


def _registry_measures(state: StateParty, says: dict) -> dict:
    return {"status": state.national_measures}


def _measures_differs(registry: dict, says: dict) -> bool:
    return registry["status"] != says["status"]


def _apply_measures(state: StateParty, says: dict) -> None:
    state.national_measures = says["status"]
    state.save(update_fields=["national_measures"])


@dataclass(frozen=True)
class Fact:
    reads: Callable[[Article7Report], dict | None]  # what the report says, None: nothing
    registry: Callable[[StateParty, dict], Any]  # what the registry says, as JSON
    differs: Callable[[Any, dict], bool]
    apply: Callable[[StateParty, dict], None]


FACTS: dict[str, Fact] = {
    Field.REPORT_RECEIVED: Fact(_received, _registry_received, _received_differs, _apply_received),
    Field.MINES_RETAINED: Fact(_retained, _registry_retained, _retained_differs, _apply_retained),
    Field.STOCKPILE_DESTROYED: Fact(
        _stockpile_destroyed, _registry_stockpile, _stockpile_differs, _apply_stockpile
    ),
    Field.NATIONAL_MEASURES: Fact(
        _measures, _registry_measures, _measures_differs, _apply_measures
    ),
}


# --- Proposing, applying, dismissing -------------------------------------------------------


def propose(report: Article7Report) -> list[RegistryProposal]:
    """Pending proposals for the facts the accepted report states and the registry records
    otherwise; none that this report already proposed (pending, applied or dismissed).
    Reads the registry and never writes it."""
    report = Article7Report.objects.select_related("state").get(pk=report.pk)
    state = report.state
    created = []
    with transaction.atomic():
        for field, fact in FACTS.items():
            says = fact.reads(report)
            if says is None:
                continue
            registry = fact.registry(state, says)
            if not fact.differs(registry, says):
                continue
            earlier = RegistryProposal.objects.filter(report=report, field=field)
            if any(p.status == Status.PENDING or p.report_says == says for p in earlier):
                continue
            try:
                with transaction.atomic():
                    created.append(
                        RegistryProposal.objects.create(
                            state=state,
                            report=report,
                            field=field,
                            registry_says=registry,
                            report_says=says,
                        )
                    )
            except IntegrityError:
                pass  # the same acceptance running concurrently made it
    return created


def _locked_pending(proposal: RegistryProposal) -> RegistryProposal:
    proposal = (
        RegistryProposal.objects.select_for_update()
        .select_related("state", "report")
        .get(pk=proposal.pk)
    )
    if proposal.status != Status.PENDING:
        raise ProposalRefused(_("This proposal has already been decided."))
    return proposal


def _log_data(proposal: RegistryProposal) -> dict:
    return {
        "proposal": proposal.pk,
        "field": proposal.field,
        "report": {"id": proposal.report_id, "title": str(proposal.report)},
        "registry_said": proposal.registry_says,
        "report_says": proposal.report_says,
    }


def is_stale(proposal: RegistryProposal) -> bool:
    """Whether the registry no longer says what it said when the proposal was made."""
    fact = FACTS[proposal.field]
    return fact.registry(proposal.state, proposal.report_says) != proposal.registry_says


@transaction.atomic
def apply(proposal: RegistryProposal, user) -> RegistryProposal:
    """Write the report's fact into the registry, record who decided, and log it on the
    State. Refused (nothing written) when the registry has changed since the proposal."""
    proposal = _locked_pending(proposal)
    state = StateParty.objects.select_for_update().get(pk=proposal.state_id)
    proposal.state = state
    if is_stale(proposal):
        raise StaleProposal(
            _(
                "The registry has changed since this proposal was made: it no longer says "
                "what the proposal shows. Nothing was applied; check the registry and "
                "dismiss the proposal or update the registry by hand."
            )
        )
    FACTS[proposal.field].apply(state, proposal.report_says)
    _decide(proposal, Status.APPLIED, user)
    log(instance=state, action=APPLIED_ACTION, user=user, data=_log_data(proposal))
    return proposal


@transaction.atomic
def dismiss(proposal: RegistryProposal, user) -> RegistryProposal:
    proposal = _locked_pending(proposal)
    _decide(proposal, Status.DISMISSED, user)
    log(instance=proposal.state, action=DISMISSED_ACTION, user=user, data=_log_data(proposal))
    return proposal


def _decide(proposal: RegistryProposal, status: str, user) -> None:
    proposal.status = status
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])


# --- Reading a proposal ----------------------------------------------------------------------


def _day(value: str | None) -> str:
    return date_format(_date(value), "DATE_FORMAT") if value else ""


def describe(field: str, value: Any) -> str:
    """One of a proposal's values as the ISU reads it, in the active language."""
    if value is None:
        return _("Not recorded")
    if field == Field.REPORT_RECEIVED:
        parts = [
            _("Submitted on %(date)s") % {"date": _day(value["submitted_on"])}
            if value.get("submitted_on")
            else _("Date of submission not given")
        ]
        if value.get("url"):
            parts.append(_("link: %(url)s") % {"url": value["url"]})
        elif value.get("document"):
            parts.append(_("document uploaded"))
        else:
            parts.append(_("no link"))
        if "year" in value:
            parts.insert(0, _("Report for %(year)s") % {"year": value["year"]})
        return "; ".join(parts)
    if field == Field.MINES_RETAINED:
        if value["quantity"] is None:
            return _("Not recorded")
        return _("%(quantity)s mines at the end of %(year)s") % {
            "quantity": number_format(value["quantity"], force_grouping=True),
            "year": value["year"],
        }
    if field == Field.STOCKPILE_DESTROYED:
        text = str(StockpileStatus(value["status"]).label)
        if value.get("completed_on"):
            text = _("%(status)s on %(date)s") % {
                "status": text,
                "date": _day(value["completed_on"]),
            }
        if value.get("destroyed"):
            text += "; " + _("%(quantity)s mines destroyed under Article 4 in the period") % {
                "quantity": number_format(value["destroyed"], force_grouping=True)
            }
        return text
    if field == Field.NATIONAL_MEASURES:
        text = str(NationalMeasuresStatus(value["status"]).label)
        laws = [f"{law['title']} ({_day(law['adopted_on'])})" for law in value.get("measures", [])]
        return f"{text}: {'; '.join(laws)}" if laws else text
    return str(value)


# --- On acceptance ------------------------------------------------------------------------------


def report_accepted(sender, instance: Article7Report, **kwargs) -> None:
    """Runs inside the publish: a proposal that cannot be written fails the acceptance."""
    if instance.live:
        propose(instance)


def connect() -> None:
    signals.published.connect(
        report_accepted, sender=Article7Report, dispatch_uid="reporting-registry-proposals"
    )
