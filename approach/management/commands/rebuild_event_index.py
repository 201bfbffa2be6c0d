from django.core.management.base import BaseCommand

from approach.indexer import rebuild


class Command(BaseCommand):
    help = "Rebuild the individualised-approach events' index from every live country page."

    def handle(self, *args, verbosity: int = 1, **options):
        count = rebuild()
        if verbosity:
            self.stdout.write(f"Events index: {count} events of live country pages indexed.")
