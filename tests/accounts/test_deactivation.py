"""Admins deactivate a member (no login here, their texts stay under their name) and reactivate them."""

import pytest
from django.core.exceptions import ValidationError

from ankommen.accounts import services
from ankommen.accounts.models import Invitation, Member
from ankommen.core.models import AuditEntry
from ankommen.dialogue.models import Contribution
from tests.permissions import assert_nothing_written, snapshot

PASSWORD = "ankommen-demo"


def _fresh(member):
    return Member.objects.get(pk=member.pk)


def _deactivate(client, member):
    return client.post(f"/verwaltung/mitglieder/{member.pk}/deaktivieren/")


def test_admin_sees_a_confirmation_before_deactivating(client_as, people):
    member = people["nachbarschaft"]
    page = client_as("admin").get(f"/verwaltung/mitglieder/{member.pk}/deaktivieren/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Yusuf Demir deaktivieren?" in text
    assert "Ja, deaktivieren" in text
    assert _fresh(member).is_active


def test_admin_deactivates_a_member_and_it_is_audited_in_plain_german(client_as, people):
    member = people["nachbarschaft"]
    response = _deactivate(client_as("admin"), member)
    assert response.status_code == 302
    assert response["Location"] == "/verwaltung/mitglieder/"
    assert not _fresh(member).is_active
    entry = AuditEntry.objects.get(action="member.deactivated", target_id=member.pk)
    assert entry.actor == people["admin"].user
    assert entry.details == {"roles": "Mitglied"}
    log = client_as("admin").get("/verwaltung/protokoll/").content.decode()
    assert "Mitglied deaktiviert" in log


def test_a_deactivated_members_session_ends(client, people):
    member = people["nachbarschaft"]
    client.force_login(member.user)
    assert client.get("/konto/profil/").status_code == 200
    services.deactivate_member(member, actor=people["admin"])
    response = client.get("/konto/profil/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")
    assert "_auth_user_id" not in client.session


def test_a_deactivated_member_cannot_log_in(client, people):
    member = people["nachbarschaft"]
    services.deactivate_member(member, actor=people["admin"])
    response = client.post("/konto/login/", {"login": member.user.email, "password": PASSWORD})
    assert response.status_code == 403
    assert "Mitgliedschaft bei der Dialogplattform Kornwestheim ist deaktiviert" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_deactivated_member_still_logs_in_to_another_town(client, people, other_town):
    """Deactivation is the town's: the person's account elsewhere is not touched."""
    from tests.conftest import OTHER_HOST

    member = people["nachbarschaft"]
    Member.objects.create(municipality=other_town, user=member.user, role_sectors={"member": ""})
    services.deactivate_member(member, actor=people["admin"])
    response = client.post(
        "/konto/login/", {"login": member.user.email, "password": PASSWORD}, HTTP_HOST=OTHER_HOST
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_a_deactivated_members_texts_stay_under_their_name(client, people):
    author = people["expertin"]
    contribution = Contribution.objects.filter(author=author).select_related("field").first()
    services.deactivate_member(author, actor=people["admin"])
    assert Contribution.objects.filter(author=author).count() > 0
    page = client.get(f"/handlungsfelder/{contribution.field.slug}/beitraege/{contribution.pk}/")
    assert page.status_code == 200
    assert "Dr. Anna Lehmann" in page.content.decode()


def test_deactivated_members_are_not_counted_as_active(client_as, people, town):
    services.deactivate_member(people["nachbarschaft"], actor=people["admin"])
    active = client_as("admin").get("/verwaltung/mitglieder/", {"state": "active"}).content.decode()
    assert "Yusuf Demir" not in active
    assert f"{Member.objects.for_municipality(town).active().count()} Personen gefunden" in active
    deactivated = client_as("admin").get("/verwaltung/mitglieder/", {"state": "deactivated"}).content.decode()
    assert "Yusuf Demir" in deactivated
    assert "1 Person gefunden" in deactivated
    assert "Wieder aktivieren" in deactivated


def test_admin_cannot_deactivate_themselves(client_as, people):
    admin = people["admin"]
    client = client_as("admin")
    before = snapshot()
    assert _deactivate(client, admin).status_code == 403
    assert _fresh(admin).is_active
    assert_nothing_written(before)
    assert (
        "/deaktivieren/"
        not in client_as("admin").get("/verwaltung/mitglieder/", {"text": "Sabine"}).content.decode()
    )


def test_two_admins_deactivating_each_other_leave_one(people):
    """The second of two crossing deactivations finds its actor gone and changes nothing."""
    first, second = people["admin"], people["moderation"]
    services.set_roles(second, actor=first, roles={"admin": "", "moderator": ""})
    stale_second = _fresh(second)
    services.deactivate_member(_fresh(second), actor=_fresh(first))
    with pytest.raises(ValidationError, match="mindestens eine aktive Person mit Administrationsrolle"):
        services.deactivate_member(_fresh(first), actor=stale_second)
    assert _fresh(first).is_active
    assert Member.objects.active().with_role("admin").filter(municipality=first.municipality).count() == 1


def test_a_deactivated_admin_cannot_administer(client, people):
    first, second = people["admin"], people["moderation"]
    services.set_roles(second, actor=first, roles={"admin": ""})
    services.deactivate_member(_fresh(second), actor=first)
    client.force_login(second.user)
    assert client.get("/verwaltung/mitglieder/")["Location"].startswith("/konto/login/")


def test_admin_reactivates_a_member_with_their_roles(client, client_as, people):
    member = people["multiplikator"]
    services.deactivate_member(member, actor=people["admin"])
    page = client_as("admin").get(f"/verwaltung/mitglieder/{member.pk}/reaktivieren/")
    assert "Multiplikator:in (Zivilgesellschaft)" in page.content.decode()
    response = client_as("admin").post(f"/verwaltung/mitglieder/{member.pk}/reaktivieren/")
    assert response.status_code == 302
    member = _fresh(member)
    assert member.is_active
    assert member.role_sectors == {"multiplier": "civil_society"}
    assert AuditEntry.objects.filter(action="member.reactivated", target_id=member.pk).count() == 1
    client.logout()
    response = client.post("/konto/login/", {"login": member.user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_an_active_member_cannot_be_reactivated_nor_a_deactivated_one_deactivated(client_as, people):
    member = people["nachbarschaft"]
    admin = client_as("admin")
    assert admin.post(f"/verwaltung/mitglieder/{member.pk}/reaktivieren/").status_code == 403
    services.deactivate_member(member, actor=people["admin"])
    before = snapshot()
    assert _deactivate(admin, member).status_code == 403
    assert_nothing_written(before)


def test_an_invitation_does_not_reactivate_a_deactivated_member(client, people):
    member = people["nachbarschaft"]
    invitation = Invitation.objects.create(
        municipality=member.municipality,
        email=member.user.email,
        role="expert",
        invited_by=people["admin"].user,
    )
    services.deactivate_member(member, actor=people["admin"])
    with pytest.raises(services.InvitationNotForYou):
        services.accept_invitation(invitation, user=member.user)
    member = _fresh(member)
    assert not member.is_active
    assert member.role_sectors == {"member": ""}
    assert Invitation.objects.get(pk=invitation.pk).is_pending


def test_invitation_form_points_to_reactivation_for_a_deactivated_member(client_as, people):
    member = people["nachbarschaft"]
    services.deactivate_member(member, actor=people["admin"])
    response = client_as("admin").post(
        "/verwaltung/einladungen/neu/", {"email": member.user.email.upper(), "role": "expert"}
    )
    assert response.status_code == 400
    assert "in der Mitgliederliste wieder aktivieren" in response.content.decode()
    assert not Invitation.objects.filter(email=member.user.email).exists()


def test_joining_again_leaves_a_deactivated_membership_deactivated(people):
    member = people["nachbarschaft"]
    services.deactivate_member(member, actor=people["admin"])
    assert not services.join_municipality(member.user, member.municipality).is_active
    assert not _fresh(member).is_active


@pytest.mark.parametrize("url", ["deaktivieren", "reaktivieren"])
def test_unknown_and_other_towns_members_answer_404(client_as, stranger, url):
    admin = client_as("admin")
    assert admin.post(f"/verwaltung/mitglieder/999999/{url}/").status_code == 404
    before = snapshot()
    assert admin.post(f"/verwaltung/mitglieder/{stranger.pk}/{url}/").status_code == 404
    assert_nothing_written(before)


def test_deactivation_needs_the_csrf_token(people):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people["admin"].user)
    member = people["nachbarschaft"]
    before = snapshot()
    assert _deactivate(client, member).status_code == 403
    assert _fresh(member).is_active
    assert_nothing_written(before)


@pytest.mark.django_db(transaction=True)
def test_two_admins_deactivating_each_other_at_the_same_time_leave_one():
    """Two connections, two threads: the rows of the town's admins are locked, the second finds its actor gone."""
    import threading

    from django.db import connection

    from tests.conftest import build_world

    build_world()
    from ankommen.accounts.demo import members_by_local_part
    from ankommen.core.models import Municipality

    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memorydb"):
        pytest.skip("an in-memory SQLite database is shared by threads; the race needs two connections")
    town = Municipality.objects.get(slug="kornwestheim")
    people = members_by_local_part(town)
    first, second = people["admin"], people["moderation"]
    services.set_roles(second, actor=first, roles={"admin": "", "moderator": ""})
    first, second = _fresh(first), _fresh(second)
    start = threading.Barrier(2)
    outcomes = []

    def deactivate(member, actor):
        try:
            start.wait()
            services.deactivate_member(member, actor=actor)
            outcomes.append("deactivated")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=deactivate, args=(second, first)),
        threading.Thread(target=deactivate, args=(first, second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["deactivated", "refused"]
    assert Member.objects.for_municipality(town).active().with_role("admin").count() == 1
