"""`ankommen town create SLUG --name NAME --host HOST [--languages de,en,…]` and
`ankommen town invite SLUG EMAIL --role admin`: the operator adds a town and invites its first admin."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from ankommen.accounts import services
from ankommen.core.actors import SystemActor
from ankommen.core.models import Municipality
from ankommen.core.roles import role_codes, sectors_of
from ankommen.core.services import create_town


def invitation_url(town, invitation):
    """The absolute address of the invitation's page on the town's own host."""
    scheme = "https" if settings.SESSION_COOKIE_SECURE else "http"
    return f"{scheme}://{town.host}{reverse('accounts:invitation', args=[invitation.token])}"


class Command(BaseCommand):
    help = "Add a town (empty, on its own host name) and invite its first people."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Add a town.")
        create.add_argument("slug", help="short name, e.g. kornwestheim")
        create.add_argument("--name", required=True, help="the name people know, e.g. Kornwestheim")
        create.add_argument("--host", required=True, help="the host name it is reached at")
        create.add_argument(
            "--languages", default="de", help="comma-separated codes, e.g. de,en,ar (German always)"
        )
        create.add_argument("--official-name", default="", help="e.g. Stadt Kornwestheim")
        create.add_argument("--contact-email", default="")
        invite = actions.add_parser("invite", help="Invite a person into a town with a role.")
        invite.add_argument("slug")
        invite.add_argument("email")
        invite.add_argument("--role", required=True, help="e.g. admin")
        invite.add_argument(
            "--sector", default="", help="for a multiplier: civil_society, politics or administration"
        )
        invite.add_argument("--message", default="")

    def handle(self, *args, action, **options):
        try:
            if action == "create":
                self.create(options)
            else:
                self.invite(options)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None

    def create(self, options):
        town = create_town(
            options["slug"],
            name=options["name"],
            host=options["host"],
            languages=[code.strip() for code in options["languages"].split(",") if code.strip()],
            official_name=options["official_name"],
            contact_email=options["contact_email"],
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Town {town.slug} ({town.name}) created at {town.host}: {', '.join(town.languages)}."
            )
        )
        self.stdout.write(f"Invite its first admin: ankommen town invite {town.slug} EMAIL --role admin")

    def invite(self, options):
        town = Municipality.objects.filter(slug=options["slug"]).first()
        if town is None:
            raise CommandError(f"No town is called {options['slug']!r}.")
        role = options["role"]
        if role not in role_codes():
            raise CommandError(f"Unknown role {role!r}; one of: {', '.join(role_codes())}.")
        sectors = [code for code, _label in sectors_of(role)]
        if sectors and options["sector"] not in sectors:
            raise CommandError(f"A {role} needs --sector, one of: {', '.join(sectors)}.")
        with transaction.atomic():
            invitation = services.invite(
                town,
                actor=SystemActor.of(town),
                email=options["email"],
                role=role,
                sector=options["sector"],
                message=options["message"],
                accept_url_for=lambda invitation: invitation_url(town, invitation),
            )
        self.stdout.write(
            self.style.SUCCESS(f"Invitation mailed to {invitation.email}: {invitation_url(town, invitation)}")
        )
