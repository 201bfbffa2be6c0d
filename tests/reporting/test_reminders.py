"""The daily reminders: a State's focal points are emailed once when a report falls due
within 30 days and once when it is overdue, each in their own language."""

import io

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from wagtail.users.models import UserProfile

from registry.models import Article7Report as RegistryReport
from registry.models import StateParty
from reporting.models import ReminderSent
from reporting.reminders import focal_points, reminders_due, run, send
from tests.conftest import make_user
from tests.reporting.helpers import accept, build_report, day

pytestmark = pytest.mark.django_db

# Sudan's report for 2024 is due on 30 April 2025.
TWENTY_DAYS_BEFORE = day("2025-04-10")
DAY_AFTER = day("2025-05-01")


@pytest.fixture
def sudan_team(sudan):
    """Sudan's focal points (one working in French, one inactive), with its reports up to
    2023 received by email (the registry records them), so that only 2024's is owed."""
    for year in (2022, 2023):
        RegistryReport.objects.create(state=sudan, year=year, url=f"https://example.org/{year}")
    english = make_user("Focal point — Sudan", email="fp.en@example.org")
    french = make_user("Focal point — Sudan", email="fp.fr@example.org")
    profile = UserProfile.get_for_user(french)
    profile.preferred_language = "fr"
    profile.save()
    gone = make_user("Focal point — Sudan", email="fp.gone@example.org")
    gone.is_active = False
    gone.save()
    make_user("ISU", email="isu@example.org")
    # Another State's focal point, whose State owes nothing: never emailed about Sudan.
    make_user("Focal point — Zimbabwe", email="fp.zw@example.org")
    zimbabwe = StateParty.objects.get(iso3="ZWE")
    for year in (2023, 2024):
        RegistryReport.objects.create(state=zimbabwe, year=year, url=f"https://example.org/{year}")
    return {"en": english, "fr": french}


def outbox_to(email: str) -> list:
    return [message for message in mail.outbox if message.to == [email]]


def test_a_report_due_in_20_days_emails_each_focal_point_once(sudan, sudan_team):
    run(TWENTY_DAYS_BEFORE)

    assert sorted(m.to[0] for m in mail.outbox) == ["fp.en@example.org", "fp.fr@example.org"]
    english = outbox_to("fp.en@example.org")[0]
    assert english.subject == "Article 7 report due soon: Sudan"
    assert "Annual report for 2024: due on 30 April 2025, in 20 days" in english.body
    assert "Initial report" not in english.body  # fell due in 2004: not reminded
    assert settings.WAGTAILADMIN_BASE_URL + "/admin/" in english.body
    assert english.extra_headers["Content-Language"] == "en"
    row = ReminderSent.objects.get(state=sudan)
    assert (row.kind, row.year, row.stage, row.recipients) == ("annual", 2024, "due_soon", 2)

    mail.outbox.clear()
    run(TWENTY_DAYS_BEFORE)
    run(day("2025-04-11"))
    assert mail.outbox == []


def test_the_email_is_written_in_the_recipients_language(sudan, sudan_team):
    run(TWENTY_DAYS_BEFORE)
    french = outbox_to("fp.fr@example.org")[0]
    assert french.extra_headers["Content-Language"] == "fr"
    # Rendered with French active: the State's French name and French dates (the
    # catalogue's translations of the sentences come later).
    assert "Soudan" in french.subject and "Soudan" in french.body
    assert "30 avril 2025" in french.body
    assert "Sudan" not in french.body


def test_the_overdue_reminder_is_sent_once_after_the_due_date(sudan, sudan_team):
    run(TWENTY_DAYS_BEFORE)
    mail.outbox.clear()

    run(DAY_AFTER)
    assert len(mail.outbox) == 2
    english = outbox_to("fp.en@example.org")[0]
    assert english.subject == "Article 7 report overdue: Sudan"
    assert "Annual report for 2024: due on 30 April 2025, 1 day ago" in english.body
    assert "due soon" not in english.body

    mail.outbox.clear()
    run(DAY_AFTER)
    run(day("2025-06-01"))
    assert mail.outbox == []
    assert set(ReminderSent.objects.filter(state=sudan).values_list("stage", flat=True)) == {
        "due_soon",
        "overdue",
    }


def test_a_first_run_after_the_due_date_sends_only_the_overdue_reminder(sudan, sudan_team):
    run(day("2025-05-20"))
    assert len(mail.outbox) == 2
    assert ReminderSent.objects.get(state=sudan).stage == "overdue"


def test_a_state_whose_report_was_accepted_gets_none(sudan, sudan_team):
    accept(build_report(sudan, 2024))
    run(TWENTY_DAYS_BEFORE)
    run(DAY_AFTER)
    assert mail.outbox == []
    assert not ReminderSent.objects.filter(state=sudan).exists()


def test_a_report_the_registry_records_as_received_by_email_gets_none(sudan, sudan_team):
    RegistryReport.objects.create(state=sudan, year=2024, url="https://example.org/2024")
    run(DAY_AFTER)
    assert mail.outbox == []


def test_overdue_reminders_stop_a_year_after_the_due_date(sudan, sudan_team):
    RegistryReport.objects.filter(state=sudan, year=2022).delete()
    # 2022's report fell due on 30 April 2023: more than a year before 10 April 2025.
    run(TWENTY_DAYS_BEFORE)
    assert "2022" not in outbox_to("fp.en@example.org")[0].body
    RegistryReport.objects.filter(state=sudan, year=2023).delete()
    mail.outbox.clear()
    # 2023's fell due on 30 April 2024: overdue, within the year; 2024's still due soon.
    ReminderSent.objects.all().delete()
    run(TWENTY_DAYS_BEFORE)
    body = outbox_to("fp.en@example.org")[0].body
    assert "Annual report for 2023: due on 30 April 2024, 345 days ago" in body
    assert "Annual report for 2024: due on 30 April 2025, in 20 days" in body
    assert len(mail.outbox) == 2  # one email per focal point, listing both


def test_two_runs_at_the_same_time_send_once(sudan, sudan_team):
    """The stage is claimed by inserting its row: a run that computed the same reminders
    but finds them claimed sends nothing."""
    reminders = reminders_due(sudan, TWENTY_DAYS_BEFORE)
    recipients = focal_points(sudan)
    assert len(reminders) == 1 and len(recipients) == 2
    assert send(sudan, reminders, recipients) == 2
    assert send(sudan, reminders, recipients) == 0  # the other run, a moment later
    assert len(mail.outbox) == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        ReminderSent.objects.create(state=sudan, kind="annual", year=2024, stage="due_soon")
    initial = {"state": sudan, "kind": "initial", "year": None, "stage": "overdue"}
    ReminderSent.objects.create(**initial)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReminderSent.objects.create(**initial)


def test_the_command_dry_run_prints_and_sends_nothing(sudan, sudan_team):
    out = io.StringIO()
    call_command("send_report_reminders", "--dry-run", "--today", "2025-04-10", stdout=out)
    assert "SDN: would email fp.en@example.org, fp.fr@example.org: annual 2024 (due_soon" in (
        out.getvalue()
    )
    assert mail.outbox == []
    assert not ReminderSent.objects.exists()

    out = io.StringIO()
    call_command("send_report_reminders", "--today", "2025-04-10", stdout=out)
    assert "SDN: 2 email(s) to fp.en@example.org, fp.fr@example.org" in out.getvalue()
    assert len(mail.outbox) == 2
