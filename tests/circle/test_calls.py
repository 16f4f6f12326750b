"""Calls ("Gesucht"): answering, asking the members who fit, and an address that reaches the admins only
when its person agrees."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from ankommen.circle.models import Call, CallAnswer, CallInvitation
from ankommen.core import notifications
from ankommen.core.models import Notification
from tests.circle import world

MONDAY_8 = datetime(2026, 12, 7, 8, 0, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.fixture(autouse=True)
def nothing_told_yet(town):
    Notification.objects.all().delete()


def creative(town):
    return Call.objects.get(municipality=town, title__startswith="Gesucht: Menschen, die kreativ")


def authorities(town):
    return Call.objects.get(municipality=town, title__startswith="Gesucht: Begleitung zur Ausländerbehörde")


def test_a_visitor_answers_with_an_address_and_the_admins_hear_of_it(client, town, people):
    call = authorities(town)
    response = client.post(
        call.get_absolute_url(),
        {"name": "Rana Saleh", "email": "rana@example.org", "message": "Ich spreche Dari."},
    )
    assert response.status_code == 302
    answer = CallAnswer.objects.get(call=call, email="rana@example.org")
    assert answer.member is None and answer.name == "Rana Saleh"
    assert Notification.objects.filter(recipient=people["admin"].user, kind="call.answered").count() == 1
    page = client.get(call.get_absolute_url())
    assert "Danke für Ihre Meldung" in page.content.decode()


def test_a_visitor_must_leave_a_name_and_an_address(client, town):
    call = authorities(town)
    response = client.post(
        call.get_absolute_url(), {"name": "", "email": "keine-adresse", "message": "Hallo"}
    )
    assert response.status_code == 400
    assert not CallAnswer.objects.filter(call=call, message="Hallo").exists()


def test_a_member_answers_once_and_their_address_stays_with_the_platform(client_as, town, people):
    call = authorities(town)
    member = client_as("nachbarschaft")
    member.post(call.get_absolute_url(), {"message": "Ich kann fahren."})
    again = member.post(call.get_absolute_url(), {"message": "Noch einmal."})
    assert again.status_code == 400 and "Sie haben sich auf dieses Gesuch gemeldet" in again.content.decode()
    assert CallAnswer.objects.filter(call=call, member=people["nachbarschaft"]).count() == 1
    admin_page = client_as("admin").get(f"/verwaltung/gesucht/{call.pk}/").content.decode()
    assert "Yusuf Demir" in admin_page and "Ich kann fahren." in admin_page
    assert people["nachbarschaft"].user.email not in admin_page


def test_asking_members_keeps_their_reasons_and_shows_the_address_only_after_a_yes(client_as, town, people):
    call = creative(town)
    dmytro = people["dmytro.bondarenko"]
    admin = client_as("admin")
    page = admin.get(f"/verwaltung/gesucht/{call.pk}/").content.decode()
    assert "Dmytro Bondarenko" in page and "Kompetenz „Musik“" in page
    assert dmytro.user.email not in page
    admin.post(f"/verwaltung/gesucht/{call.pk}/", {"members": [dmytro.pk]})
    invitation = CallInvitation.objects.get(call=call, member=dmytro)
    assert invitation.score == sum(row[1] for row in invitation.reasons) > 0
    assert Notification.objects.filter(recipient=dmytro.user, kind="call.invited").count() == 1
    assert dmytro.user.email not in admin.get(f"/verwaltung/gesucht/{call.pk}/").content.decode()

    admin.force_login(dmytro.user)
    assert "Zusagen" in admin.get("/konto/anfragen/").content.decode()
    admin.post(f"/konto/anfragen/{invitation.pk}/zusagen/")
    invitation.refresh_from_db()
    assert invitation.status == "accepted"
    assert Notification.objects.filter(recipient=people["admin"].user, kind="call.accepted").exists()
    admin.force_login(people["admin"].user)
    assert dmytro.user.email in admin.get(f"/verwaltung/gesucht/{call.pk}/").content.decode()


def test_a_no_keeps_the_address_from_the_admins(client_as, town, people):
    invitation = CallInvitation.objects.get(
        member=people["mitglied"], call__title__startswith="Gesucht: Hausaufgaben"
    )
    client_as("mitglied").post(f"/konto/anfragen/{invitation.pk}/absagen/")
    invitation.refresh_from_db()
    assert invitation.status == "declined"
    page = client_as("admin").get(f"/verwaltung/gesucht/{invitation.call_id}/").content.decode()
    assert people["mitglied"].user.email not in page and "abgesagt" in page


def test_an_ended_call_takes_no_answers_and_no_yes(client_as, town, people):
    call = creative(town)
    client_as("admin").post(f"/verwaltung/gesucht/{call.pk}/beenden/")
    call.refresh_from_db()
    assert call.status == "closed"
    page = client_as(None).get(call.get_absolute_url()).content.decode()
    assert "Dieses Gesuch ist beendet" in page
    response = client_as(None).post(
        call.get_absolute_url(), {"name": "Zu spät", "email": "spaet@example.org"}
    )
    assert response.status_code in (302, 403) and not CallAnswer.objects.filter(name="Zu spät").exists()
    invitation = CallInvitation.objects.get(call=call, status="invited")
    member = invitation.member
    client = client_as(None)
    client.force_login(member.user)
    assert client.post(f"/konto/anfragen/{invitation.pk}/zusagen/").status_code == 403


def test_publishing_tells_the_people_who_follow_the_field(client_as, town, people):
    draft = Call.objects.get(municipality=town, status="draft")
    notifications.set_following(people["expertin"], draft.field, True)
    client_as("admin").post(f"/verwaltung/gesucht/{draft.pk}/veroeffentlichen/")
    draft.refresh_from_db()
    assert draft.status == "published"
    assert Notification.objects.filter(recipient=people["expertin"].user, kind="call.published").count() == 1
    assert not Notification.objects.filter(recipient=people["admin"].user, kind="call.published").exists()


def test_a_request_reaches_the_member_by_mail_at_once(client_as, town, people):
    call = creative(town)
    client_as("admin").post(f"/verwaltung/gesucht/{call.pk}/", {"members": [people["mariam.tesfay"].pk]})
    assert notifications.deliver(MONDAY_8) >= 1
    [message] = [message for message in mail.outbox if message.to == [people["mariam.tesfay"].user.email]]
    assert "Sie wurden angefragt" in message.subject and "List-Unsubscribe" in message.extra_headers


def test_staff_enter_an_answer_from_paper_with_where_it_came_from(client_as, town, people):
    call = creative(town)
    client_as("admin").post(
        f"/verwaltung/gesucht/{call.pk}/auf-papier/",
        {"paper_author": "Fatma Kaya", "paper_occasion": "Sprechstunde im Rathaus", "message": "Ich male."},
    )
    answer = CallAnswer.objects.get(call=call, paper_author="Fatma Kaya")
    assert answer.entered_by == people["admin"]
    page = client_as("admin").get(f"/verwaltung/gesucht/{call.pk}/").content.decode()
    assert "Sprechstunde im Rathaus" in page and "Sabine Keller" in page


def test_a_call_form_says_where_a_competence_is_ticked_twice(client_as, town):
    from ankommen.circle.models import Competence

    dance = Competence.objects.get(municipality=town, name="Tanz")
    response = client_as("admin").post(
        "/verwaltung/gesucht/neu/",
        {
            "title": "Gesucht: Doppelt",
            "text": "Text",
            "interpreting_min": "0",
            "competences_required": [dance.pk],
            "competences_wanted": [dance.pk],
            "language_1": "ar",
            "skill_1": "speak",
            "level_1": "3",
            "language_2": "ar",
            "skill_2": "speak",
            "level_2": "4",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "schon Bedingung" in page and "steht schon oben" in page
    assert not Call.objects.filter(title="Gesucht: Doppelt").exists()


def test_a_new_call_with_its_criteria_ranks_the_people_who_fit(client_as, town, people):
    from ankommen.circle.models import Competence

    bike = Competence.objects.get(municipality=town, name="Fahrradwerkstatt")
    admin = client_as("admin")
    admin.post(
        "/verwaltung/gesucht/neu/",
        {
            "title": "Gesucht: Fahrradwerkstatt",
            "text": "Samstags im Hof.",
            "interpreting_min": "0",
            "competences_wanted": [bike.pk],
            "language_1": "tr",
            "skill_1": "speak",
            "level_1": "3",
        },
    )
    call = Call.objects.get(title="Gesucht: Fahrradwerkstatt")
    assert call.status == "draft" and call.languages.get().language == "tr"
    admin.post(f"/verwaltung/gesucht/{call.pk}/veroeffentlichen/")
    page = admin.get(f"/verwaltung/gesucht/{call.pk}/").content.decode()
    assert page.index("Yusuf Demir") < page.index("Gül Aydın")  # the bike workshop outweighs Turkish alone
    assert world.competence(town, "Fahrradwerkstatt") == bike
