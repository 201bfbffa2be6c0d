from django.core.management.base import BaseCommand, CommandError

from demo.loader import load_demo_content
from registry.models import StateParty


class Command(BaseCommand):
    help = (
        "Create the home page and States Parties index in six languages, a page for every "
        "State Party, the full demonstration pages and their States' Article 7 reports. "
        "Idempotent: existing pages and reports are kept."
    )

    def handle(self, *args, **options):
        if not StateParty.objects.exists():
            raise CommandError("The registry is empty: run `manage.py load_registry` first.")
        report = load_demo_content()
        self.stdout.write(f"Demo content: {len(report.created)} pages and reports created.")
