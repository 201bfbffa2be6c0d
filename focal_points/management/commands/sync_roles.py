from django.core.management.base import BaseCommand

from focal_points.roles import sync_roles


class Command(BaseCommand):
    help = (
        "Create or correct the ISU group, one focal point group and collection per State, "
        "their permissions and the ISU review workflow. Idempotent."
    )

    def handle(self, *args, verbosity: int = 1, **options):
        report = sync_roles()
        if verbosity == 0:
            return
        self.stdout.write(f"Roles: {len(report.changed)} change(s).")
        for line in report.changed[:50]:
            self.stdout.write(f"  {line}")
