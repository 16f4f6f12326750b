"""An invitation reaches a person in one mail: the link signs them up, proves their address, gives the role
and leads to the field they are invited to."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ankommen.accounts import services
from ankommen.accounts.models import Invitation, Member, User
from ankommen.concept.models import Field
from ankommen.core.models import AuditEntry
from tests.permissions import assert_nothing_written, snapshot

PASSWORD = "ein-langes-passwort-2026"
EMAIL = "fachfrau@example.org"


@pytest.fixture
def field(town):
    return Field.objects.for_municipality(town).get(slug="wohnen-und-leben")


@pytest.fixture
def invited(client_as, field, django_capture_on_commit_callbacks):
    """An admin invites a new person as an expert in "Wohnen und Leben", with a message; the mail is out."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("admin").post(
            "/verwaltung/einladungen/neu/",
            {
                "email": EMAIL,
                "role": "expert",
                "place": f"concept.field:{field.pk}",
                "message": "Liebe Frau Kaya,\nIhre Erfahrung mit dem Wohnungsmarkt fehlt uns.",
            },
        )
    assert response.status_code == 302
    return Invitation.objects.get(email=EMAIL)


def _path_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def _sign_up(client, path, **extra):
    return client.post(
        path,
        {"display_name": "Derya K.", "password1": PASSWORD, "password2": PASSWORD, **extra},
    )


def test_mail_names_inviter_town_role_field_message_and_contact(invited, people):
    [message] = mail.outbox
    admin = people["admin"].user.display_name
    assert message.to == [EMAIL]
    assert admin in message.subject and "Kornwestheim" in message.subject
    assert (
        f"{admin} lädt Sie ein, auf der Dialogplattform Kornwestheim als Fachexpert:in mitzuarbeiten.\n"
        "Handlungsfeld: Wohnen und Leben\n" in message.body
    )
    assert (
        f"{admin} schreibt Ihnen dazu:\n\n> Liebe Frau Kaya,\n> Ihre Erfahrung mit dem Wohnungsmarkt"
        in message.body
    )
    assert f"/einladung/{invited.token}/" in message.body
    assert "Fragen zur Einladung? Schreiben Sie an integration@demo.ankommen.example" in message.body
    assert message.reply_to == ["integration@demo.ankommen.example"]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", message.body)  # the date in words, not ISO


def test_mail_goes_out_in_the_known_language_of_the_invited_person(
    people, django_capture_on_commit_callbacks
):
    expert = people["expertin"].user
    expert.preferred_language = "en"
    expert.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.invite(
            people["admin"].municipality,
            actor=people["admin"],
            email=expert.email,
            role="translator",
            accept_url_for=lambda invitation: (
                f"http://kornwestheim.ankommen.example/einladung/{invitation.token}/"
            ),
        )
    # German where the English catalogue lacks the new sentences; the link leads to the English page.
    assert "/en/einladung/" in mail.outbox[-1].body


def test_link_opens_sign_up_with_the_address_set_and_the_invitation_shown(invited, people):
    page = Client().get(_path_in(mail.outbox[0]))
    text = page.content.decode()
    assert page.status_code == 200
    email = re.search(r'<input[^>]*name="email"[^>]*>', text).group(0)
    assert f'value="{EMAIL}"' in email and "disabled" in email
    assert people["admin"].user.display_name in text
    assert "Fachexpert:in" in text and "Wohnen und Leben" in text
    assert "Ihre Erfahrung mit dem Wohnungsmarkt fehlt uns." in text
    assert "Nachricht von" in text


def test_sign_up_from_the_link_needs_no_second_mail_and_lands_in_the_field(invited, field, town):
    client = Client()
    response = _sign_up(client, _path_in(mail.outbox[0]))
    assert response.status_code == 302
    assert response["Location"] == field.get_absolute_url()
    assert len(mail.outbox) == 1  # the invitation only: no confirmation mail
    user = User.objects.get(email=EMAIL)
    assert user.emailaddress_set.get().verified
    member = Member.objects.get(user=user, municipality=town)
    assert member.role_sectors == {"expert": ""}
    page = client.get(response["Location"])  # logged in, and may contribute in the field's open stage
    assert page.status_code == 200
    assert "/beitragen/" in page.content.decode()
    assert "Willkommen! Ihre Rolle: Fachexpert:in." in page.content.decode()
    assert Invitation.objects.get(pk=invited.pk).accepted_by == user
    again = client.get(_path_in(mail.outbox[0]))  # the mail's link once more: straight to the field
    assert again["Location"] == field.get_absolute_url()


def test_a_posted_other_address_is_ignored(invited):
    _sign_up(Client(), _path_in(mail.outbox[0]), email="jemand-anders@example.org")
    assert User.objects.filter(email=EMAIL).exists()
    assert not User.objects.filter(email="jemand-anders@example.org").exists()


def test_acceptance_is_audited_as_such(invited, people):
    _sign_up(Client(), _path_in(mail.outbox[0]))
    entry = AuditEntry.objects.get(action="member.invitation_accepted")
    assert entry.actor.email == EMAIL
    assert entry.details == {"role": "Fachexpert:in", "place": "Handlungsfeld „Wohnen und Leben“"}
    assert not AuditEntry.objects.filter(action="member.role_changed", actor=entry.actor).exists()
    log = Client()
    log.force_login(people["admin"].user)
    assert "Einladung angenommen" in log.get("/verwaltung/protokoll/").content.decode()


def test_bad_sign_up_writes_nothing_and_sends_nothing(invited):
    before = snapshot()
    response = Client().post(
        _path_in(mail.outbox[0]), {"display_name": "", "password1": "x", "password2": "y"}
    )
    assert response.status_code == 400
    assert_nothing_written(before)


def test_logged_in_invited_person_gets_the_role_with_one_click(client_as, people, field):
    expert = people["expertin"]
    services.invite(
        expert.municipality,
        actor=people["admin"],
        email=expert.user.email,
        role="translator",
        place=field,
        accept_url_for=lambda invitation: f"http://testserver/einladung/{invitation.token}/",
    )
    path = f"/einladung/{Invitation.objects.get().token}/"
    client = client_as("expertin")
    page = client.get(path)
    assert "Einladung annehmen" in page.content.decode()
    response = client.post(path)
    assert response["Location"] == field.get_absolute_url()
    assert Member.objects.get(pk=expert.pk).role_sectors == {"expert": "", "translator": ""}


def test_person_with_an_account_logs_in_on_the_invitation_page_and_is_in(people, field):
    """One step after the mail: the password on the invitation's page logs in and accepts."""
    expert = people["expertin"]
    invitation = Invitation.objects.create(
        municipality=expert.municipality, email=expert.user.email, role="translator", place=field
    )
    path = f"/einladung/{invitation.token}/"
    client = Client()
    page = client.get(path).content.decode()
    assert "gibt es schon ein Konto" in page
    assert f'value="{expert.user.email}"' in page and "Anmelden und Einladung annehmen" in page
    response = client.post(path, {"login": expert.user.email, "password": "ankommen-demo"}, follow=True)
    assert [url for url, _status in response.redirect_chain][-1] == field.get_absolute_url()
    assert "Willkommen! Ihre Rolle" in response.content.decode()
    assert Member.objects.get(pk=expert.pk).role_sectors == {"expert": "", "translator": ""}
    assert AuditEntry.objects.filter(action="member.invitation_accepted", target_id=expert.pk).exists()


def test_an_unconfirmed_address_is_proven_by_the_invitation(people, field):
    """Logging in with an address never confirmed would send a confirmation mail; the invitation spares it."""
    expert = people["expertin"]
    expert.user.emailaddress_set.update(verified=False)
    invitation = Invitation.objects.create(
        municipality=expert.municipality, email=expert.user.email, role="translator", place=field
    )
    response = Client().post(
        f"/einladung/{invitation.token}/",
        {"login": expert.user.email, "password": "ankommen-demo"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == field.get_absolute_url()
    assert mail.outbox == []
    assert expert.user.emailaddress_set.get().verified


def test_a_wrong_password_on_the_invitation_page_changes_nothing(people):
    expert = people["expertin"]
    invitation = Invitation.objects.create(
        municipality=expert.municipality, email=expert.user.email, role="translator"
    )
    before = snapshot()
    response = Client().post(
        f"/einladung/{invitation.token}/", {"login": expert.user.email, "password": "falsch-falsch-falsch"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Einladung zur Dialogplattform" in text and "Anmelden und Einladung annehmen" in text
    assert_nothing_written(before)


def test_logging_in_there_with_another_account_does_not_accept(people):
    """Someone else's password on the page logs them in, but the invitation stays for its address."""
    invitation = Invitation.objects.create(
        municipality=people["expertin"].municipality, email=people["expertin"].user.email, role="translator"
    )
    other = people["mitglied"].user
    client = Client()
    response = client.post(
        f"/einladung/{invitation.token}/", {"login": other.email, "password": "ankommen-demo"}, follow=True
    )
    assert "gilt nicht für Ihr Konto" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.is_pending
    assert "translator" not in Member.objects.get(user=other).role_sectors


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"expires_at": timezone.now() - timedelta(days=1)}, "Die Einladung galt bis"),
        ({"revoked_at": timezone.now()}, "zurückgezogen"),
        ({"accepted_at": timezone.now()}, "angenommen"),
    ],
    ids=["expired", "revoked", "used"],
)
def test_a_link_that_no_longer_works_says_why(town, people, change, words):
    invitation = Invitation.objects.create(
        municipality=town, email=EMAIL, role="expert", invited_by=people["admin"].user, **change
    )
    for client in (Client(), _logged_in(people["mitglied"].user)):
        before = snapshot()
        response = client.post(f"/einladung/{invitation.token}/", {"display_name": "X"})
        assert response.status_code == 410
        text = response.content.decode()
        assert "Diese Einladung ist nicht mehr gültig" in text and words in text
        assert "integration@demo.ankommen.example" in text
        assert_nothing_written(before)
    assert not User.objects.filter(email=EMAIL).exists()


def _logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_member_list_names_the_field_of_a_pending_invitation(invited, client_as):
    text = client_as("admin").get("/verwaltung/mitglieder/").content.decode()
    assert re.search(r"Fachexpert:in\s*\(Handlungsfeld <bdi>Wohnen und Leben</bdi>\)", text)


def test_invitation_form_can_start_with_a_field_chosen(client_as, field):
    text = (
        client_as("admin").get(f"/verwaltung/einladungen/neu/?ort=concept.field:{field.pk}").content.decode()
    )
    assert re.search(rf'<option value="concept.field:{field.pk}" selected>Wohnen und Leben</option>', text)


def test_the_sector_is_marked_as_needed_for_multipliers_not_as_optional(client_as, people):
    """Asked only while the role Multiplikator:in is chosen (CSS `:has`), needed exactly then."""
    page = client_as("admin").get("/verwaltung/einladungen/neu/").content.decode()
    label = page[page.index('for="id_sector"') : page.index("</label>", page.index('for="id_sector"'))]
    assert "nötig für Multiplikator:innen" in label and "freiwillig" not in label
    assert 'data-asked-with="multiplier"' in page
    refused = client_as("admin").post(
        "/verwaltung/einladungen/neu/", {"email": "neu@example.org", "role": "multiplier", "sector": ""}
    )
    assert refused.status_code == 400
    assert (
        "Bitte wählen Sie den Bereich der Multiplikatorin oder des Multiplikators."
        in refused.content.decode()
    )
