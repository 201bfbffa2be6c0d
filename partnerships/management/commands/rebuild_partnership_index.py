from django.core.management.base import BaseCommand

from partnerships import indexer


class Command(BaseCommand):
    help = "Rebuild the index of the partnerships under Action #21 from the live country pages."

    def handle(self, *args, **options):
        count = indexer.rebuild()
        self.stdout.write(f"{count} partnerships indexed.")
