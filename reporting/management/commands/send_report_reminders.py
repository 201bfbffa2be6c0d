import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reporting.reminders import run


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"--today takes a date as YYYY-MM-DD, not {text!r}.") from error


class Command(BaseCommand):
    help = (
        "Email the focal points of each State whose Article 7 report is due within 30 days "
        "or overdue, once per stage. Run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would be sent; send nothing."
        )
        parser.add_argument(
            "--today", type=_day, help="Act as on this day (YYYY-MM-DD), e.g. to catch up."
        )

    def handle(self, *args, dry_run: bool = False, today: dt.date | None = None, **options):
        today = today or timezone.localdate()
        results = run(today, dry_run=dry_run)
        emails = 0
        for result in results:
            reports = ", ".join(
                f"{reminder.kind}{f' {reminder.year}' if reminder.year else ''} "
                f"({reminder.stage}, due {reminder.due_on:%Y-%m-%d})"
                for reminder in result.reminders
            )
            if not result.recipients:
                self.stdout.write(f"{result.state.iso3}: no focal point to remind of {reports}")
                continue
            to = ", ".join(user.email for user in result.recipients)
            if dry_run:
                self.stdout.write(f"{result.state.iso3}: would email {to}: {reports}")
            else:
                emails += result.sent
                self.stdout.write(f"{result.state.iso3}: {result.sent} email(s) to {to}: {reports}")
        verb = "would be reminded" if dry_run else "reminded"
        reminded = sum(1 for result in results if result.recipients)
        self.stdout.write(f"{today:%Y-%m-%d}: {reminded} State(s) {verb}, {emails} email(s) sent.")
