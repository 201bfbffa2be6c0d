from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.loader import (
    CHANGES_FILE,
    DATA_DIR,
    NAMES_FILE,
    REGIONS_FILE,
    STATES_FILE,
    RegistryDataError,
    load_registry,
)


class Command(BaseCommand):
    help = (
        "Load the State Party registry from the seed CSV files. Idempotent; bad input "
        "stops the load with the file, line and problem, and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=DATA_DIR,
            help="Folder holding the CSV files (default: registry/data).",
        )

    def handle(self, *args, data_dir: Path, verbosity: int = 1, **options):
        try:
            report = load_registry(
                states_path=data_dir / STATES_FILE.name,
                changes_path=data_dir / CHANGES_FILE.name,
                regions_path=data_dir / REGIONS_FILE.name,
                names_path=data_dir / NAMES_FILE.name,
                implementation_dir=data_dir,
            )
        except RegistryDataError as error:
            raise CommandError(str(error)) from error
        if verbosity == 0:
            return
        self.stdout.write(
            f"Registry: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} left unchanged, "
            f"{len(report.kept)} kept (edited by the ISU)."
        )
        for label, items in (
            ("Created", report.created),
            ("Updated", report.updated),
            ("Kept (edited by the ISU)", report.kept),
        ):
            if items:
                self.stdout.write(f"{label}: {', '.join(items)}")
