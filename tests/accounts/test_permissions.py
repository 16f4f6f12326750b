"""Every view of the accounts app, every role: allowed requests succeed, forbidden ones are refused.

Refused means 403 for someone logged in, a redirect to the login page for a visitor, and in
both cases nothing changes in the database (see tests/permissions.py). Direct POSTs are used
throughout, as an attacker would send them, without the page that hides the button.
"""

import pytest

from ankommen.accounts.models import Invitation, JoinRequest, Member, User
from ankommen.core.models import Municipality
from tests.permissions import ADMIN, EVERYONE, MEMBERS, ROLES, Case, check, role_id

INVITED = "eingeladen@example.org"
ASKING = "anfrage@example.org"
FORMER = "ehemals@example.org"


def _member(local_part):
    return Member.objects.get(user__email=f"{local_part}@demo.ankommen.example")


def _invitation():
    return Invitation.objects.get(municipality__slug="kornwestheim", email=INVITED)


def _deactivated():
    return Member.objects.get(municipality__slug="kornwestheim", user__email=FORMER)


def _join_request():
    return JoinRequest.objects.get(municipality__slug="kornwestheim", user__email=ASKING)


def prepare_cases(town):
    """A pending invitation, for the cases that open and revoke one; a deactivated member to reactivate;
    a person asking to join."""
    asking = User.objects.create_user(ASKING, None, display_name="Neu Anfragend")
    JoinRequest.objects.create(
        municipality=town, user=asking, motivation="Ich spreche Tigrinya und helfe gern."
    )
    former = User.objects.create_user(FORMER, None, display_name="Frühere Person")
    Member.objects.create(municipality=town, user=former, role_sectors={"member": ""}, is_active=False)
    return Invitation.objects.create(
        municipality=town, email=INVITED, role="expert", invited_by=_member("admin").user
    )


@pytest.fixture(autouse=True)
def pending_invitation(town):
    return prepare_cases(town)


CASES = [
    Case(
        "change a role",
        "post",
        lambda: (
            f"/verwaltung/mitglieder/{Member.objects.get(user__email='nachbarschaft@demo.ankommen.example').pk}/"
        ),
        ADMIN,
        {"roles": ["expert"]},
        lambda: Member.objects.with_role("expert").count(),
    ),
    Case(
        "invite",
        "post",
        lambda: "/verwaltung/einladungen/neu/",
        ADMIN,
        {"email": "neu@example.org", "role": "expert"},
        lambda: Invitation.objects.count(),
    ),
    Case("see the members", "get", lambda: "/verwaltung/mitglieder/", ADMIN),
    Case(
        "find members",
        "get",
        lambda: "/verwaltung/mitglieder/",
        ADMIN,
        {"text": "demir", "role": "member", "sector": "", "state": "active"},
    ),
    Case(
        "see the deactivation's confirmation",
        "get",
        lambda: f"/verwaltung/mitglieder/{_member('nachbarschaft').pk}/deaktivieren/",
        ADMIN,
    ),
    Case(
        "deactivate a member",
        "post",
        lambda: f"/verwaltung/mitglieder/{_member('nachbarschaft').pk}/deaktivieren/",
        ADMIN,
        {},
        lambda: Member.objects.filter(is_active=False).count(),
    ),
    Case(
        "see the reactivation's confirmation",
        "get",
        lambda: f"/verwaltung/mitglieder/{_deactivated().pk}/reaktivieren/",
        ADMIN,
    ),
    Case(
        "reactivate a member",
        "post",
        lambda: f"/verwaltung/mitglieder/{_deactivated().pk}/reaktivieren/",
        ADMIN,
        {},
        lambda: Member.objects.filter(is_active=False).count(),
    ),
    Case("see the invitation form", "get", lambda: "/verwaltung/einladungen/neu/", ADMIN),
    Case(
        "see a member's role", "get", lambda: f"/verwaltung/mitglieder/{_member('nachbarschaft').pk}/", ADMIN
    ),
    # Whoever is logged in, a member of another town too.
    Case("see one's own profile", "get", lambda: "/konto/profil/", EVERYONE - {None}),
    Case(
        "ask to join the town",
        "post",
        lambda: "/mitmachen/",
        # A member of another town (or anyone logged in without a membership here) asks to join: the
        # demo town takes members on request.
        {"stranger"},
        {"motivation": "Ich helfe gern bei Übersetzungen."},
        effect=lambda: JoinRequest.objects.count(),
        # Whoever is a member here already is sent to the home page, and nothing changes.
        refused_with=dict.fromkeys(MEMBERS, 302),
    ),
    Case(
        "change one's own profile",
        "post",
        lambda: "/konto/profil/",
        EVERYONE - {None},
        {"display_name": "Neuer Name", "preferred_language": "de"},
    ),
    # One's own data, in this town: members see and download it, and erase their account, except the
    # town's only admin (the demo's), who would leave it without one.
    Case("see one's own data", "get", lambda: "/konto/meine-daten/", MEMBERS),
    Case("download one's own data", "get", lambda: "/konto/meine-daten/herunterladen/", MEMBERS),
    Case("see the form to erase one's account", "get", lambda: "/konto/loeschen/", MEMBERS - ADMIN),
    Case(
        "erase one's account",
        "post",
        lambda: "/konto/loeschen/",
        MEMBERS - ADMIN,
        {"texts": "keep", "password": "ankommen-demo"},
        lambda: Member.objects.filter(is_active=True).count(),
    ),
    Case(
        "see the page to become a member",
        "get",
        lambda: "/mitmachen/",
        {"stranger"},
        refused_with=dict.fromkeys(MEMBERS, 302),  # a member is told they are one
    ),
    # Requests to join: the admins decide, and set how people join.
    Case("see the requests to join", "get", lambda: "/verwaltung/beitritte/", ADMIN),
    Case(
        "set how people join",
        "post",
        lambda: "/verwaltung/beitritte/einstellung/",
        ADMIN,
        {"open_joining": "true"},  # the demo town takes members on request
        lambda: Municipality.objects.get(slug="kornwestheim").open_joining,
    ),
    Case(
        "see the form to accept a request",
        "get",
        lambda: f"/verwaltung/beitritte/{_join_request().pk}/annehmen/",
        ADMIN,
    ),
    Case(
        "accept a request to join",
        "post",
        lambda: f"/verwaltung/beitritte/{_join_request().pk}/annehmen/",
        ADMIN,
        {"answer": "Willkommen!"},
        lambda: Member.objects.filter(user__email=ASKING).count(),
    ),
    Case(
        "see the form to decline a request",
        "get",
        lambda: f"/verwaltung/beitritte/{_join_request().pk}/ablehnen/",
        ADMIN,
    ),
    Case(
        "decline a request to join",
        "post",
        lambda: f"/verwaltung/beitritte/{_join_request().pk}/ablehnen/",
        ADMIN,
        {"answer": ""},
        lambda: JoinRequest.objects.open().count(),
    ),
    Case("open an invitation", "get", lambda: f"/einladung/{_invitation().token}/", EVERYONE),
    Case(
        "accept someone else's invitation",
        "post",
        lambda: f"/einladung/{_invitation().token}/",
        set(),
        {},
        # The page again, saying the invitation is not for this account; a visitor sees the sign-up
        # with the invited address, and an empty one is bad input.
        refused_with={**dict.fromkeys(ROLES, 200), None: 400},
    ),
    Case(
        "sign up through an invitation",
        "post",
        lambda: f"/einladung/{_invitation().token}/",
        {None},
        {
            "display_name": "Neu Eingeladen",
            "password1": "ein-langes-passwort-2026",
            "password2": "ein-langes-passwort-2026",
        },
        lambda: User.objects.filter(email=INVITED).count(),
        # Someone logged in sees the page saying the invitation is not for their account.
        refused_with=dict.fromkeys(ROLES, 200),
    ),
    Case(
        "revoke an invitation",
        "post",
        lambda: f"/verwaltung/einladungen/{_invitation().pk}/zurueckziehen/",
        ADMIN,
        {},
        lambda: Invitation.objects.pending().count(),
    ),
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
