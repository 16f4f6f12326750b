"""Joining by request: a person asks with a few sentences, the town's admins accept or decline with a message.

The demo town takes members on request (`Municipality.open_joining` off); two demo people wait.
"""

import re

import pytest
from django.core import mail
from django.test import Client

from ankommen.accounts import services
from ankommen.accounts.models import JoinRequest, Member, User
from ankommen.core.models import AuditEntry
from tests.permissions import assert_nothing_written, snapshot

PASSWORD = "ein-langes-passwort-2026"
MOTIVATION = "Ich spreche Dari und Paschtu und möchte bei Elternabenden übersetzen."


@pytest.fixture
def newcomer(client, town, django_capture_on_commit_callbacks):
    """Someone signs up in the demo town and confirms their address: logged in, not a member."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/konto/signup/",
            {
                "email": "farid@example.org",
                "display_name": "Farid A.",
                "password1": PASSWORD,
                "password2": PASSWORD,
            },
        )
    path = re.search(r"https?://testserver(\S+)", mail.outbox[-1].body).group(1)
    response = client.post(path)
    mail.outbox.clear()
    return response


def test_a_person_who_confirms_their_address_is_asked_to_write_why(newcomer, client, town):
    user = User.objects.get(email="farid@example.org")
    assert not Member.objects.filter(user=user, municipality=town).exists()
    assert newcomer["Location"] == "/mitmachen/"
    page = client.get("/mitmachen/").content.decode()
    assert "nimmt Mitglieder auf Anfrage auf" in page and "Warum möchten Sie mitmachen?" in page


def test_asking_puts_the_request_in_the_admins_queue_with_its_age(newcomer, client, client_as):
    response = client.post("/mitmachen/", {"motivation": MOTIVATION})
    assert response.status_code == 302
    request = JoinRequest.objects.get(user__email="farid@example.org")
    assert request.is_open and request.motivation == MOTIVATION
    assert AuditEntry.objects.filter(action="member.join_requested", target_id=request.pk).exists()
    assert "liegt bei der Administration" in client.get("/mitmachen/").content.decode()
    queue = client_as("admin").get("/verwaltung/beitritte/").content.decode()
    assert "3 Anfragen warten" in queue  # the demo's two, and this one
    assert MOTIVATION in queue and "wartet seit" in queue
    hub = client_as("admin").get("/verwaltung/").content.decode()
    assert "3 Anfragen warten" in hub


def test_an_empty_motivation_is_refused_at_its_field(newcomer, client):
    before = snapshot()
    response = client.post("/mitmachen/", {"motivation": "   "})
    assert response.status_code == 400
    assert (
        'id="id_motivation_error"' in response.content.decode()
        or "id_motivation" in response.content.decode()
    )
    assert_nothing_written(before)


def test_accepting_makes_a_member_and_mails_the_answer(client_as, town, django_capture_on_commit_callbacks):
    request = JoinRequest.objects.for_municipality(town).open().get(user__display_name="Tigist Haile")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("admin").post(
            f"/verwaltung/beitritte/{request.pk}/annehmen/",
            {"answer": "Willkommen! Kommen Sie am Montag vorbei."},
        )
    assert response["Location"] == "/verwaltung/beitritte/"
    assert Member.objects.get(user=request.user, municipality=town).roles == {"member"}
    [message] = mail.outbox
    assert message.to == [request.user.email]
    assert "Willkommen auf der Dialogplattform Kornwestheim" in message.subject
    assert "> Willkommen! Kommen Sie am Montag vorbei." in message.body
    assert AuditEntry.objects.filter(action="member.join_accepted", target_id=request.pk).exists()
    queue = client_as("admin").get("/verwaltung/beitritte/").content.decode()
    assert "1 Anfrage wartet" in queue and "angenommen" in queue


def test_declining_mails_the_reason_and_the_person_may_ask_again(
    client_as, town, django_capture_on_commit_callbacks
):
    request = JoinRequest.objects.for_municipality(town).open().get(user__display_name="Michael Brandt")
    with django_capture_on_commit_callbacks(execute=True):
        client_as("admin").post(
            f"/verwaltung/beitritte/{request.pk}/ablehnen/",
            {"answer": "Bitte melden Sie sich beim Integrationsbüro, wir sprechen erst persönlich."},
        )
    assert not Member.objects.filter(user=request.user, municipality=town).exists()
    assert "Integrationsbüro" in mail.outbox[0].body and "nicht angenommen" in mail.outbox[0].body
    client = Client()
    client.force_login(request.user)
    page = client.get("/mitmachen/").content.decode()
    assert "Ihre letzte Anfrage wurde am" in page
    client.post("/mitmachen/", {"motivation": "Ich war im Integrationsbüro."})
    assert JoinRequest.objects.filter(user=request.user).open().count() == 1


def test_a_request_decided_once_is_not_decided_again(people, town):
    request = JoinRequest.objects.for_municipality(town).open().first()
    services.decide_join_request(request, actor=people["admin"], accept=False)
    with pytest.raises(services.AlreadyDecided):
        services.decide_join_request(request, actor=people["admin"], accept=True)
    assert not Member.objects.filter(user=request.user, municipality=town).exists()


def test_an_open_town_lets_people_join_at_once(client_as, stranger, town):
    client_as("admin").post("/verwaltung/beitritte/einstellung/", {"open_joining": "true"})
    town.refresh_from_db()
    assert town.open_joining
    assert AuditEntry.objects.filter(action="town.joining_changed").exists()
    client = Client()
    client.force_login(stranger.user)
    assert client.post("/mitmachen/").status_code == 302
    assert Member.objects.filter(user=stranger.user, municipality=town).exists()
