"""Registering, confirming, logging in, resetting a password, the profile and joining a town."""

import re

import pytest
from django.core import mail

from ankommen.accounts.models import Member, User
from ankommen.core.models import AuditEntry
from tests.conftest import OTHER_HOST


def _link_in_last_mail():
    return re.search(r"https?://\S+", mail.outbox[-1].body).group(0)


@pytest.fixture
def open_town(town):
    """The demo town with open joining: whoever signs up is a member at once (the demo asks for requests)."""
    town.open_joining = True
    town.save(update_fields=["open_joining"])
    return town


def test_visitor_registers_confirms_and_becomes_a_member(client, open_town):
    town = open_town
    response = client.post(
        "/konto/signup/",
        {
            "email": "neu@example.org",
            "display_name": "Lina N.",
            "password1": "ein-langes-passwort-2026",
            "password2": "ein-langes-passwort-2026",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="neu@example.org")
    assert user.display_name == "Lina N."
    # Not a member before the address is confirmed: no row, no role, nothing in the audit log.
    assert not Member.objects.filter(user=user).exists()
    assert not AuditEntry.objects.filter(action="member.joined", actor=user).exists()
    assert len(mail.outbox) == 1
    confirm_url = _link_in_last_mail()
    assert "/konto/confirm-email/" in confirm_url
    path = confirm_url.split("testserver", 1)[1]
    assert client.get(path).status_code == 200  # a GET shows the button; it confirms nothing
    response = client.post(path)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified
    assert Member.objects.get(user=user, municipality=town).roles == {"member"}
    assert AuditEntry.objects.filter(action="member.joined", actor=user).count() == 1
    profile = client.get("/konto/profil/")  # logged in by the confirmation
    assert profile.status_code == 200
    assert "noch kein Mitglied" not in profile.content.decode()


def test_unconfirmed_address_cannot_log_in(client, town):
    User.objects.create_user("offen@example.org", "ein-langes-passwort-2026", display_name="Offen")
    response = client.post(
        "/konto/login/", {"login": "offen@example.org", "password": "ein-langes-passwort-2026"}
    )
    assert response.status_code == 302
    assert "/konto/confirm-email/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_registration_under_another_host_joins_that_town(client, other_town):
    client.post(
        "/konto/signup/",
        {
            "email": "lb@example.org",
            "display_name": "L. B.",
            "password1": "ein-langes-passwort-2026",
            "password2": "ein-langes-passwort-2026",
        },
        HTTP_HOST=OTHER_HOST,
    )
    assert not Member.objects.filter(user__email="lb@example.org").exists()
    path = _link_in_last_mail().split(OTHER_HOST, 1)[1]
    client.post(path, HTTP_HOST=OTHER_HOST)
    assert Member.objects.get(user__email="lb@example.org").municipality == other_town


def test_registration_refuses_html_in_the_display_name(client, town):
    response = client.post(
        "/konto/signup/",
        {
            "email": "x@example.org",
            "display_name": "<b>Chef</b>",
            "password1": "ein-langes-passwort-2026",
            "password2": "ein-langes-passwort-2026",
        },
    )
    assert response.status_code == 200
    assert "ohne HTML-Auszeichnungen" in response.content.decode()
    assert not User.objects.filter(email="x@example.org").exists()


def test_login_page_shows_demo_accounts_only_in_demo_mode(client, settings, town):
    settings.DEMO_MODE = False
    assert "admin@demo.ankommen.example" not in client.get("/konto/login/").content.decode()
    settings.DEMO_MODE = True
    page = client.get("/konto/login/").content.decode()
    assert "admin@demo.ankommen.example" in page
    assert "ankommen-demo" in page


def test_demo_person_logs_in_and_out(client, town):
    response = client.post(
        "/konto/login/", {"login": "expertin@demo.ankommen.example", "password": "ankommen-demo"}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
    client.post("/konto/logout/")
    assert "_auth_user_id" not in client.session


def test_login_in_preferred_language_lands_on_that_language(client, people):
    User.objects.filter(pk=people["mitglied"].user.pk).update(preferred_language="en")
    response = client.post(
        "/konto/login/", {"login": "mitglied@demo.ankommen.example", "password": "ankommen-demo"}
    )
    assert response["Location"] == "/en/"


def test_repeated_failed_logins_are_rate_limited(client, town):
    for _ in range(5):
        client.post("/konto/login/", {"login": "admin@demo.ankommen.example", "password": "falsch"})
    response = client.post(
        "/konto/login/", {"login": "admin@demo.ankommen.example", "password": "ankommen-demo"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)
    assert "Zu viele" in response.content.decode()


def test_forgotten_password_is_reset_by_mail(client, people):
    client.post("/konto/password/reset/", {"email": "mitglied@demo.ankommen.example"})
    assert len(mail.outbox) == 1
    path = _link_in_last_mail().split("testserver", 1)[1]
    response = client.get(path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(
        form_path, {"password1": "ganz-neues-passwort-1", "password2": "ganz-neues-passwort-1"}
    )
    assert response.status_code == 302
    user = User.objects.get(pk=people["mitglied"].user.pk)
    assert user.check_password("ganz-neues-passwort-1")


def test_profile_edits_name_language_and_spoken_languages(client_as, people):
    client = client_as("mitglied")
    response = client.post(
        "/konto/profil/",
        {"display_name": "Amal H.", "preferred_language": "en", "languages_spoken": "Arabisch, Deutsch"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/konto/profil/"
    user = User.objects.get(pk=people["mitglied"].user.pk)
    assert (user.display_name, user.preferred_language, user.languages_spoken) == (
        "Amal H.",
        "en",
        "Arabisch, Deutsch",
    )


def test_profile_refuses_unknown_language(client_as, people):
    response = client_as("mitglied").post(
        "/konto/profil/", {"display_name": "Amal", "preferred_language": "xx", "languages_spoken": ""}
    )
    assert response.status_code == 400
    assert User.objects.get(pk=people["mitglied"].user.pk).preferred_language == "de"


def test_profile_needs_login(client, town):
    assert client.get("/konto/profil/")["Location"].startswith("/konto/login/")


def test_member_of_another_town_joins_this_one(client, stranger, open_town):
    town = open_town
    client.force_login(stranger.user)
    assert client.post("/mitmachen/").status_code == 302
    member = Member.objects.get(user=stranger.user, municipality=town)
    assert member.roles == {"member"}
    assert AuditEntry.objects.filter(action="member.joined", target_id=member.pk).exists()
    client.post("/mitmachen/")
    assert Member.objects.filter(user=stranger.user, municipality=town).count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_visitor_cannot_join_without_account(client, town, method):
    before = Member.objects.filter(municipality=town).count()
    response = getattr(client, method)("/mitmachen/")
    assert response.status_code in (302, 405)
    assert Member.objects.filter(municipality=town).count() == before


def test_logged_in_non_member_is_offered_to_join_on_the_field_page(client, stranger, open_town):
    client.force_login(stranger.user)
    page = client.get("/handlungsfelder/wohnen-und-leben/").content.decode()
    assert 'action="/mitmachen/"' in page
    assert "Mitglied werden, um mitzumachen" in page


def test_registration_shows_the_terms_in_force(client, town):
    from ankommen.legal.models import TermsVersion

    terms = TermsVersion.objects.for_municipality(town).current()
    page = client.get("/konto/signup/").content.decode()
    assert f'href="{terms.get_absolute_url()}"' in page
    assert "Es gelten die Nutzungsbedingungen in der Fassung vom" in page
