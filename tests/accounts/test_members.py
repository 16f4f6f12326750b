"""The admin invites people, changes roles; the invited person accepts."""

import re

import pytest
from django.core import mail

from ankommen.accounts.models import Invitation, Member, User
from ankommen.core.models import AuditEntry


def _roles(member):
    """{role: sector} of what the member holds now, as stored."""
    return Member.objects.get(pk=member.pk).role_sectors


def _invite(client, email="fachfrau@example.org", role="expert", **extra):
    return client.post("/verwaltung/einladungen/neu/", {"email": email, "role": role, **extra})


def test_admin_invites_by_mail_with_a_role(client_as, town, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client_as("admin"), message="Wir brauchen Ihre Erfahrung.")
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="fachfrau@example.org")
    assert invitation.role == "expert"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fachfrau@example.org"]
    assert f"/einladung/{invitation.token}/" in mail.outbox[0].body
    assert "Wir brauchen Ihre Erfahrung." in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="member.invited").exists()


def test_no_mail_goes_out_for_an_invitation_that_was_not_saved(
    client_as, town, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_as("admin"), email="kaputt")
    assert mail.outbox == []
    assert not Invitation.objects.exists()


def test_multiplier_invitation_needs_a_sector(client_as, town):
    response = _invite(client_as("admin"), role="multiplier")
    assert "Bitte wählen Sie den Bereich" in response.content.decode()
    assert not Invitation.objects.exists()
    _invite(client_as("admin"), role="multiplier", sector="politics")
    assert Invitation.objects.get().sector == "politics"


def test_second_open_invitation_to_the_same_address_is_refused(client_as, town):
    _invite(client_as("admin"))
    response = _invite(client_as("admin"))
    assert "schon eine offene Einladung" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_invited_person_registers_and_accepts(client, client_as, town, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_as("admin"))
    token = re.search(r"/einladung/([\w-]+)/", mail.outbox[-1].body).group(1)
    client.logout()
    page = client.get(f"/einladung/{token}/").content.decode()
    assert "Registrieren" in page
    user = User.objects.create_user("fachfrau@example.org", "pw-pw-pw-pw-1", display_name="Fachfrau")
    page = client.get(f"/einladung/{token}/").content.decode()
    assert "gibt es schon ein Konto" in page
    client.force_login(user)
    response = client.post(f"/einladung/{token}/")
    assert response.status_code == 302
    assert _roles(Member.objects.get(user=user, municipality=town)) == {"expert": ""}
    assert Invitation.objects.get(token=token).accepted_by == user
    assert client.post(f"/einladung/{token}/")["Location"] == "/"  # the acceptor again: straight in
    client.logout()
    assert client.post(f"/einladung/{token}/").status_code == 410  # used once only
    assert Member.objects.filter(user=user).count() == 1


def test_invitation_is_not_accepted_by_another_address(client, client_as, people):
    _invite(client_as("admin"))
    token = Invitation.objects.get().token
    client = client_as("mitglied")
    page = client.post(f"/einladung/{token}/").content.decode()
    assert "gilt nicht für Ihr Konto" in page
    assert _roles(people["mitglied"]) == {"member": ""}


def test_revoked_invitation_is_no_longer_valid(client_as, town):
    _invite(client_as("admin"))
    invitation = Invitation.objects.get()
    assert (
        client_as("mitglied").post(f"/verwaltung/einladungen/{invitation.pk}/zurueckziehen/").status_code
        == 403
    )
    assert (
        client_as("admin").post(f"/verwaltung/einladungen/{invitation.pk}/zurueckziehen/").status_code == 302
    )
    assert not Invitation.objects.get().is_pending
    assert "nicht mehr gültig" in client_as(None).get(f"/einladung/{invitation.token}/").content.decode()


def test_admin_changes_a_role_and_it_is_audited(client_as, people):
    member = people["nachbarschaft"]
    response = client_as("admin").post(
        f"/verwaltung/mitglieder/{member.pk}/", {"roles": ["multiplier"], "sector": "civil_society"}
    )
    assert response.status_code == 302
    assert _roles(member) == {"multiplier": "civil_society"}
    entry = AuditEntry.objects.get(action="member.role_changed", target_id=member.pk)
    assert entry.details == {"before": "Mitglied", "after": "Multiplikator:in (Zivilgesellschaft)"}


def test_admin_gives_a_member_a_set_of_roles(client_as, people):
    member = people["nachbarschaft"]
    response = client_as("admin").post(
        f"/verwaltung/mitglieder/{member.pk}/",
        {"roles": ["member", "expert", "translator", "multiplier"], "sector": "politics"},
    )
    assert response.status_code == 302
    assert _roles(member) == {"member": "", "expert": "", "translator": "", "multiplier": "politics"}
    page = client_as("admin").get("/verwaltung/mitglieder/?page=1").content.decode()
    assert "Fachexpert:in, Multiplikator:in (Politik), Mitglied, Übersetzung" in page
    form = client_as("admin").get(f"/verwaltung/mitglieder/{member.pk}/").content.decode()
    assert form.count("checked") == 4


def test_a_member_keeps_at_least_one_role(client_as, people):
    member = people["nachbarschaft"]
    response = client_as("admin").post(f"/verwaltung/mitglieder/{member.pk}/", {"roles": [], "sector": ""})
    assert response.status_code == 400
    assert _roles(member) == {"member": ""}


def test_sector_is_dropped_for_roles_other_than_multiplier(client_as, people):
    member = people["multiplikator"]
    client_as("admin").post(
        f"/verwaltung/mitglieder/{member.pk}/", {"roles": ["expert"], "sector": "politics"}
    )
    assert _roles(member) == {"expert": ""}


def test_admin_cannot_give_up_own_admin_role(client_as, people):
    admin = people["admin"]
    response = client_as("admin").post(f"/verwaltung/mitglieder/{admin.pk}/", {"roles": ["member"]})
    assert "nur eine andere Person ändern" in response.content.decode()
    assert _roles(admin) == {"admin": ""}


@pytest.mark.parametrize("role", ["mitglied", "moderation", "expertin"])
def test_only_admins_change_roles(client_as, people, role):
    member = people["nachbarschaft"]
    response = client_as(role).post(f"/verwaltung/mitglieder/{member.pk}/", {"roles": ["admin"]})
    assert response.status_code == 403
    assert _roles(member) == {"member": ""}


def test_an_invitation_adds_a_role_and_never_takes_one_away(
    client_as, people, django_capture_on_commit_callbacks
):
    expert = people["expertin"]
    with django_capture_on_commit_callbacks(execute=True):
        _invite(client_as("admin"), email=expert.user.email, role="translator")
    token = Invitation.objects.get().token
    response = client_as("expertin").post(f"/einladung/{token}/")
    assert response.status_code == 302
    assert _roles(expert) == {"expert": "", "translator": ""}
    entry = AuditEntry.objects.get(action="member.invitation_accepted", target_id=expert.pk)
    assert entry.details == {"role": "Übersetzung", "roles": "Fachexpert:in → Fachexpert:in, Übersetzung"}


def test_an_admin_invited_as_a_member_stays_an_admin(client_as, people):
    admin = people["admin"]
    _invite(client_as("admin"), email=admin.user.email, role="member")
    client_as("admin").post(f"/einladung/{Invitation.objects.get().token}/")
    assert _roles(admin) == {"admin": "", "member": ""}


def test_a_members_roles_are_listed_as_the_readers_language_lists(client_as, people):
    elena = people["verwaltung"]  # a multiplier who also translates
    german = client_as("admin").get(f"/verwaltung/mitglieder/{elena.pk}/").content.decode()
    assert "Multiplikator:in (Verwaltung), Übersetzung" in german
    arabic = client_as("admin").get(f"/ar/verwaltung/mitglieder/{elena.pk}/").content.decode()
    assert "، " in arabic and "), " not in arabic


ROLES_AND_SECTORS = [
    ("admin", ""),
    ("moderator", ""),
    ("expert", ""),
    ("multiplier", "politics"),
    ("member", ""),
    ("translator", ""),
]


@pytest.mark.parametrize(
    ("held", "held_sector"), ROLES_AND_SECTORS, ids=[role for role, _ in ROLES_AND_SECTORS]
)
@pytest.mark.parametrize(
    ("invited", "invited_sector"), ROLES_AND_SECTORS, ids=[role for role, _ in ROLES_AND_SECTORS]
)
def test_accepting_an_invitation_never_lowers_a_role(people, held, held_sector, invited, invited_sector):
    """Whatever a person holds, accepting an invitation to any role keeps it (and its sector)."""
    from ankommen.accounts.services import accept_invitation, set_roles

    member = people["nachbarschaft"]
    set_roles(member, actor=people["admin"], roles={held: held_sector})
    invitation = Invitation.objects.create(
        municipality=member.municipality,
        email=member.user.email,
        role=invited,
        sector=invited_sector,
        invited_by=people["admin"].user,
    )
    accept_invitation(invitation, user=member.user)
    roles = _roles(member)
    assert roles[held] == held_sector
    assert invited in roles
    assert set(roles) == {held, invited}


def test_a_multiplier_invited_from_another_sector_keeps_their_sector(people):
    from ankommen.accounts.services import accept_invitation

    member = people["multiplikator"]  # civil society
    invitation = Invitation.objects.create(
        municipality=member.municipality,
        email=member.user.email,
        role="multiplier",
        sector="politics",
        invited_by=people["admin"].user,
    )
    accept_invitation(invitation, user=member.user)
    assert _roles(member) == {"multiplier": "civil_society"}


def test_joining_as_a_member_already_says_so(client_as, people):
    before = _roles(people["expertin"])
    response = client_as("expertin").post("/mitmachen/", follow=True)
    text = response.content.decode()
    assert "Sie sind schon Mitglied der Dialogplattform." in text
    assert "Willkommen" not in text
    assert _roles(people["expertin"]) == before
    assert not AuditEntry.objects.filter(action="member.joined", target_id=people["expertin"].pk).exists()


def test_joining_with_a_deactivated_membership_says_what_applies(client, people):
    """Someone whose membership was deactivated is logged out here, and cannot join again."""
    from ankommen.accounts.services import deactivate_member

    member = people["nachbarschaft"]
    deactivate_member(member, actor=people["admin"])
    client.force_login(member.user)
    response = client.post("/mitmachen/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    assert not Member.objects.get(pk=member.pk).is_active
