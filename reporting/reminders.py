"""Reminders to the focal points of a State that owes a report: once when it falls due
within 30 days ("due soon"), once when it is overdue. Run daily by the
send_report_reminders command (docs/operations.md).

A report needs no reminder once it is accepted or submitted for review, nor an annual
report the registry records as received (sent by email, the channel that stays open).
Overdue reminders stop a year after the due date: older gaps are for the ISU to take up,
not for an automatic email (a first run would otherwise remind a State of every year
since its entry into force).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from registry.models import StateParty

from .models import ReminderSent, ReportKind
from .periods import DueStatus, due_reports

DUE_SOON_DAYS = 30
OVERDUE_FOR_DAYS = 365
Stage = ReminderSent.Stage


@dataclass(frozen=True)
class Reminder:
    state: StateParty
    kind: str
    year: int | None
    due_on: dt.date
    stage: str
    days: int  # until the due date (due soon), or since it (overdue)

    def label(self) -> str:
        """The report, in the active language."""
        if self.kind == ReportKind.INITIAL:
            return _("Initial report")
        return _("Annual report for %(year)s") % {"year": self.year}


SentKey = tuple[str, int | None, str]


def _sent(states=None) -> dict[int, set[SentKey]]:
    """The stages already sent, by State."""
    rows = ReminderSent.objects.values_list("state_id", "kind", "year", "stage")
    if states is not None:
        rows = rows.filter(state__in=states)
    sent: dict[int, set[SentKey]] = {}
    for state_id, *key in rows:
        sent.setdefault(state_id, set()).add(tuple(key))
    return sent


def reminders_due(
    state: StateParty, today: dt.date, sent: set[SentKey] | None = None
) -> list[Reminder]:
    """The reminders a State's focal points should get today and have not had. `sent`:
    the stages already sent, when the caller read them for every State at once."""
    # The registry's reports (prefetched by StateParty.objects.with_related()).
    received = {report.year for report in state.article7_reports.all()}
    sent = _sent([state]).get(state.pk, set()) if sent is None else sent
    reminders = []
    for due in due_reports(state, today):
        if due.status in (DueStatus.ACCEPTED, DueStatus.IN_REVIEW):
            continue
        if due.kind == ReportKind.ANNUAL and due.year in received:
            continue
        if today > due.due_on:
            stage, days = Stage.OVERDUE, (today - due.due_on).days
            if days > OVERDUE_FOR_DAYS:
                continue
        elif (due.due_on - today).days <= DUE_SOON_DAYS:
            stage, days = Stage.DUE_SOON, (due.due_on - today).days
        else:
            continue
        if (due.kind, due.year, stage) not in sent:
            reminders.append(Reminder(state, due.kind, due.year, due.due_on, stage, days))
    return reminders


def focal_points(state: StateParty) -> list:
    """The active members of the State's focal point group who have an email address."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__state_group__state=state)
        .exclude(email="")
        .distinct()
        .order_by("email")
    )


def recipient_language(user) -> str:
    """The user's preferred admin language if the site has it, else English. Read, not
    get_or_create: a dry run writes nothing."""
    preferred = (
        UserProfile.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    )
    return preferred if preferred in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def admin_link() -> str:
    try:
        path = reverse("wagtailsnippets_reporting_article7report:list")
    except NoReverseMatch:
        path = reverse("wagtailadmin_home")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def message(user, state: StateParty, reminders: list[Reminder]) -> EmailMessage:
    """The reminder email to one focal point, written in their language."""
    language = recipient_language(user)
    with translation.override(language):
        items = [
            {"label": r.label(), "due_on": r.due_on, "days": r.days, "stage": r.stage}
            for r in reminders
        ]
        context = {
            "state_name": state.name_in(language),
            "due_soon": [item for item in items if item["stage"] == Stage.DUE_SOON],
            "overdue": [item for item in items if item["stage"] == Stage.OVERDUE],
            "link": admin_link(),
            "language": language,
        }
        subject = render_to_string("reporting/email/reminder_subject.txt", context)
        body = render_to_string("reporting/email/reminder.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={"Content-Language": language},
    )


def send(state: StateParty, reminders: list[Reminder], recipients: list) -> int:
    """Claims each reminder (its ReminderSent row) and emails the recipients about those
    claimed, in one transaction: a run that finds a row already claimed by another skips
    it, and a failed sending leaves no row, so the next run tries again. The number of
    emails sent."""
    with transaction.atomic():
        claimed = []
        for reminder in reminders:
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(
                        state=state,
                        kind=reminder.kind,
                        year=reminder.year,
                        stage=reminder.stage,
                        recipients=len(recipients),
                    )
            except IntegrityError:
                continue
            claimed.append(reminder)
        if not claimed:
            return 0
        messages = [message(user, state, claimed) for user in recipients]
        return get_connection().send_messages(messages) or 0


@dataclass
class StateReminders:
    state: StateParty
    reminders: list[Reminder]
    recipients: list
    sent: int = 0


def run(today: dt.date, *, dry_run: bool = False) -> list[StateReminders]:
    """Every State's reminders for today; sent unless `dry_run`. A State without focal
    points is listed and nothing is recorded, so that they get it once assigned."""
    results = []
    sent = _sent()
    for state in StateParty.objects.exclude(deposited=None).with_related().order_by("name_en"):
        reminders = reminders_due(state, today, sent.get(state.pk, set()))
        if not reminders:
            continue
        result = StateReminders(state, reminders, focal_points(state))
        if not dry_run and result.recipients:
            result.sent = send(state, reminders, result.recipients)
        results.append(result)
    return results
