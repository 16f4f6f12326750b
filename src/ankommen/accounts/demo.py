"""The demo town's people: one account for every role, all with the same password."""

from datetime import timedelta

from django.utils import timezone

from ankommen.accounts.models import JoinRequest, Member, User
from ankommen.core.roles import Role, Sector, label_of

DEMO_PASSWORD = "ankommen-demo"  # noqa: S105 - printed and shown on the login page in demo mode only
DEMO_DOMAIN = "demo.ankommen.example"

# (local part, display name, {role: sector}); the first six are the documented demo logins, one role
# each. A person may hold several roles: Elena Petrova of the town's administration also translates.
DEMO_PEOPLE = [
    ("admin", "Sabine Keller", {Role.ADMIN: ""}),
    ("moderation", "Murat Yılmaz", {Role.MODERATOR: ""}),
    ("expertin", "Dr. Anna Lehmann", {Role.EXPERT: ""}),
    ("multiplikator", "Peter Hoffmann", {Role.MULTIPLIER: Sector.CIVIL_SOCIETY}),
    ("mitglied", "Amal Haddad", {Role.MEMBER: ""}),
    ("uebersetzung", "Olena Kovalenko", {Role.TRANSLATOR: ""}),
    ("jobcenter", "Katrin Maier", {Role.EXPERT: ""}),
    ("gemeinderat", "Jürgen Schäfer", {Role.MULTIPLIER: Sector.POLITICS}),
    ("verwaltung", "Elena Petrova", {Role.MULTIPLIER: Sector.ADMINISTRATION, Role.TRANSLATOR: ""}),
    ("nachbarschaft", "Yusuf Demir", {Role.MEMBER: ""}),
]
DEMO_LOGINS = DEMO_PEOPLE[:6]

# People who asked to join (the demo town takes members on request): not members yet.
DEMO_ASKING = [  # (local part, name, days waiting, motivation)
    (
        "tigist.haile",
        "Tigist Haile",
        3,
        "Ich lebe seit 2016 in Kornwestheim und spreche Tigrinya, Amharisch und Deutsch. Beim Elternabend "
        "in der Silcherschule habe ich schon übersetzt. Ich möchte im Handlungsfeld frühkindliche und "
        "schulische Bildung mitmachen.",
    ),
    (
        "michael.brandt",
        "Michael Brandt",
        1,
        "Ich bin pensionierter Berufsschullehrer und begleite seit zwei Jahren junge Geflüchtete bei der "
        "Suche nach einem Ausbildungsplatz. Gern bringe ich das in die Arbeit zu Wirtschaft und "
        "beruflicher Bildung ein.",
    ),
]


def demo_email(local_part):
    return f"{local_part}@{DEMO_DOMAIN}"


def load(town, stdout):
    from allauth.account.models import EmailAddress

    for local_part, name, roles in DEMO_PEOPLE:
        email = demo_email(local_part)
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, DEMO_PASSWORD, display_name=name)
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        Member.objects.get_or_create(municipality=town, user=user, defaults={"role_sectors": roles})
    # Joining is by request in the demo town: two people wait for the admins' answer.
    if town.open_joining:
        type(town).objects.filter(pk=town.pk).update(open_joining=False)
        town.open_joining = False
    for local_part, name, days, motivation in DEMO_ASKING:
        email = demo_email(local_part)
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, DEMO_PASSWORD, display_name=name)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            asked = timezone.now() - timedelta(days=days)
            JoinRequest.objects.create(municipality=town, user=user, motivation=motivation, created_at=asked)
    stdout.write(f"Demo-Zugänge (Passwort: {DEMO_PASSWORD}):")
    for local_part, _name, roles in DEMO_LOGINS:
        stdout.write(f"  {demo_email(local_part):<40} {', '.join(str(label_of(role)) for role in roles)}")


def members_by_local_part(town):
    """The demo town's members, keyed by the local part of their address ("admin", "expertin", …)."""
    members = Member.objects.for_municipality(town).filter(user__email__endswith=f"@{DEMO_DOMAIN}")
    return {member.user.email.split("@")[0]: member for member in members.select_related("user")}
