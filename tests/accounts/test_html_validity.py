"""The accounts' pages are valid HTML, by the Nu Html Checker: signing up, logging in, profile, members."""

import re

import pytest
from django.urls import reverse

from tests.html import Pages, assert_valid_html, checker


def _path_in(mail):
    """The path of the first link to the test server in a mail."""
    return re.search(r"https?://testserver(/\S+)", mail.body).group(1)


@pytest.mark.django_db
def test_every_accounts_page_is_valid_html(client_as, people, mailoutbox, tmp_path):
    from ankommen.accounts.services import deactivate_member, invite

    jar = checker()
    town = people["admin"].municipality
    invitation = invite(
        town,
        actor=people["admin"],
        email="neu@example.org",
        role="expert",
        message="Wir freuen uns auf Ihre Erfahrung.",
        accept_url_for=lambda invitation: f"http://testserver/einladung/{invitation.token}/",
    )
    pages = Pages(tmp_path)

    visitor = client_as(None)
    for path in [
        reverse("accounts:invitation", args=[invitation.token]),
        "/konto/signup/",
        "/konto/login/",
        "/konto/password/reset/",
    ]:
        pages.get(visitor, path)
    pages.post_invalid(visitor, "/konto/signup/", {"email": "", "password1": ""}, "signup, leer")
    pages.post_invalid(
        visitor,
        reverse("accounts:invitation", args=[invitation.token]),
        {"display_name": "", "password1": ""},
        "Einladung, Registrierung leer",
        status=400,
    )
    pages.post_invalid(
        visitor,
        "/konto/login/",
        {"login": "mitglied@demo.ankommen.example", "password": "x"},
        "login, falsch",
    )
    pages.post(
        visitor, "/konto/password/reset/", {"email": "mitglied@demo.ankommen.example"}, "reset, abgeschickt"
    )
    pages.get(visitor, _path_in(mailoutbox.pop()), label="reset, neues Passwort", follow=True)
    signup = {
        "email": "neu@example.org",
        "display_name": "Leyla K.",
        "password1": "Ein langes Passwort 2026",
        "password2": "Ein langes Passwort 2026",
    }
    pages.post(visitor, "/konto/signup/", signup, "signup, Adresse bestätigen")
    pages.get(visitor, _path_in(mailoutbox.pop()), label="signup, Bestätigungslink")

    member = client_as("mitglied")
    for path in [reverse("accounts:profile"), "/konto/email/", "/konto/password/change/", "/konto/logout/"]:
        pages.get(member, path)

    admin = client_as("admin")
    for path in [
        reverse("accounts:members"),
        reverse("accounts:member_edit", args=[people["multiplikator"].pk]),
        reverse("accounts:invite"),
        reverse("accounts:member_deactivate", args=[people["nachbarschaft"].pk]),
    ]:
        pages.get(admin, path)
    pages.post_invalid(
        admin, reverse("accounts:invite"), {"email": "", "role": "member"}, "Einladung, leer", status=400
    )
    pages.get(admin, reverse("accounts:members") + "?text=a&role=multiplier&sector=politics&state=active")
    pages.get(
        admin, reverse("accounts:members") + "?role=kaiser", label="Mitglieder, falsche Rolle", status=400
    )
    from ankommen.concept.models import Field

    to_the_expert = invite(
        town,
        actor=people["admin"],
        email=people["expertin"].user.email,
        role="translator",
        place=Field.objects.for_municipality(town).first(),
        message="Sie sprechen Arabisch:\nhelfen Sie beim Übersetzen?",
        accept_url_for=lambda invitation: f"http://testserver/einladung/{invitation.token}/",
    )
    pages.get(
        client_as(None),
        reverse("accounts:invitation", args=[to_the_expert.token]),
        label="Einladung, Konto da",
    )
    pages.get(
        client_as("mitglied"),
        reverse("accounts:invitation", args=[to_the_expert.token]),
        label="Einladung, anderes Konto",
    )
    pages.get(
        client_as("expertin"),
        reverse("accounts:invitation", args=[to_the_expert.token]),
        label="Einladung, annehmen",
    )
    client_as("expertin").post(reverse("accounts:invitation", args=[to_the_expert.token]))
    pages.get(
        client_as(None),
        reverse("accounts:invitation", args=[to_the_expert.token]),
        label="Einladung, angenommen",
        status=410,
    )
    admin = client_as("admin")
    deactivate_member(people["nachbarschaft"], actor=people["admin"])
    pages.get(admin, reverse("accounts:member_reactivate", args=[people["nachbarschaft"].pk]))
    refused = client_as(None).post(
        "/konto/login/", {"login": "nachbarschaft@demo.ankommen.example", "password": "ankommen-demo"}
    )
    pages.add("login, deaktiviert", refused, 403)

    fresh = invite(
        town,
        actor=people["admin"],
        email="sprachen@example.org",
        role="member",
        message="Willkommen!",
        accept_url_for=lambda invitation: f"http://testserver/einladung/{invitation.token}/",
    )
    pages.get_in_newcomer_languages(
        client_as,
        [
            (
                None,
                [
                    "/konto/login/",
                    reverse("accounts:invitation", args=[invitation.token]),  # an account exists now
                    reverse("accounts:invitation", args=[fresh.token]),  # the sign-up
                ],
            ),
            ("mitglied", [reverse("accounts:profile")]),
        ],
    )
    assert_valid_html(jar, pages)
