from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database content and the uploaded files with those of an archive made "
        "by backup_site. Everything not in the archive is lost: back up first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, archive: Path, yes: bool, **options):
        if not archive.exists():
            raise CommandError(f"No archive at {archive}.")
        if not yes and input(f"Replace this site's data with {archive}? [y/N] ").lower() != "y":
            raise CommandError("Restore cancelled.")
        try:
            result = restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored from {archive}: {result['media_files']} uploaded files.")
