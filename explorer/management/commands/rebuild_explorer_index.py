from django.core.management.base import BaseCommand

from country_pages.indexer import rebuild


class Command(BaseCommand):
    help = "Rebuild the needs and assistance index from every live country page."

    def handle(self, *args, verbosity: int = 1, **options):
        count = rebuild()
        if verbosity:
            self.stdout.write(f"Explorer index: {count} live country pages indexed.")
