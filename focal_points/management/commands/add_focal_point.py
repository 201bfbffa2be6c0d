from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from focal_points.accounts import assign_focal_point
from registry.models import StateParty


class Command(BaseCommand):
    help = "Make EMAIL a national focal point of the State ISO3, creating and inviting the account."

    def add_arguments(self, parser):
        parser.add_argument("iso3", help="ISO 3166 alpha-3 code of the State, e.g. SDN")
        parser.add_argument("email")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--several-states",
            action="store_true",
            help="The ISU has decided this user is focal point for more than one State.",
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            help="The language they work in (admin, notification emails). Default: the "
            "language their State's page is written in.",
        )

    def handle(self, iso3, email, first_name, last_name, several_states, language=None, **options):
        state = StateParty.objects.filter(iso3=iso3.upper()).first()
        if state is None:
            raise CommandError(f"No State with the code {iso3!r} in the registry.")
        try:
            assignment = assign_focal_point(
                state,
                email,
                first_name=first_name,
                last_name=last_name,
                several_states=several_states,
                language=language,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        verb = "created and added" if assignment.created else "added"
        self.stdout.write(f"{email} {verb} as focal point for {state.name_en}.")
        if assignment.invitation_url:
            self.stdout.write(f"Invitation link (sent by email): {assignment.invitation_url}")
