from pathlib import Path

from django.core.management.base import BaseCommand

from home.backup import backup


class Command(BaseCommand):
    help = "Write the database and the uploaded files to one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, archive: Path, **options):
        result = backup(archive)
        self.stdout.write(
            f"Backup written to {archive}: {result['bytes']:,} bytes, "
            f"{result['media_files']} uploaded files."
        )
