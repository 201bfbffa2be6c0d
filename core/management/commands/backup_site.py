from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write the database and the uploaded files to one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, archive: Path, **options):
        try:
            result = backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup written to {archive}: {result['bytes']:,} bytes, "
            f"{result['media_files']} uploaded files."
        )
