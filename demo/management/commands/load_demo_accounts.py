from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from demo.partnerships import ensure_demo_confirmations
from focal_points import roles
from focal_points.accounts import assign_focal_point
from registry.models import StateParty

# Development only; listed in the README. Refused when DEBUG is off.
DEMO_PASSWORD = "demo-password-not-for-production"  # noqa: S105
DEMO_ACCOUNTS = [
    ("isu@example.org", "ISU", "Moderator", None),
    ("focal.point.sudan@example.org", "Sudan", "Focal point", "SDN"),
    ("focal.point.zimbabwe@example.org", "Zimbabwe", "Focal point", "ZWE"),
    ("point.focal.senegal@example.org", "Sénégal", "Point focal", "SEN"),
    # Zimbabwe's partners under Action #21 (demo.partnerships): Norway confirmed, Japan not.
    ("focal.point.norway@example.org", "Norway", "Focal point", "NOR"),
    ("focal.point.japan@example.org", "Japan", "Focal point", "JPN"),
]
# The language each demo focal point works in (admin and notification emails).
DEMO_LANGUAGES = {"SEN": "fr"}


class Command(BaseCommand):
    help = (
        "Create the demonstration accounts (one ISU moderator, five focal points) and the "
        "partner's confirmation of the demo partnership. DEBUG only."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are for development only (DEBUG is off).")
        User = get_user_model()
        isu_group = roles.ensure_isu_group(roles.SyncReport())
        for email, first_name, last_name, iso3 in DEMO_ACCOUNTS:
            user = User.objects.filter(username=email).first()
            if user is not None:
                continue
            if iso3 is None:
                user = User.objects.create_user(
                    username=email, email=email, first_name=first_name, last_name=last_name
                )
                user.groups.add(isu_group)
            else:
                state = StateParty.objects.get(iso3=iso3)
                user = assign_focal_point(
                    state,
                    email,
                    first_name=first_name,
                    last_name=last_name,
                    invite=False,
                    language=DEMO_LANGUAGES.get(iso3, "en"),
                ).user
            user.set_password(DEMO_PASSWORD)
            user.save()
            self.stdout.write(f"Demo account {email} created.")
        if ensure_demo_confirmations():
            self.stdout.write("Norway's confirmation of Zimbabwe's demo partnership made.")
