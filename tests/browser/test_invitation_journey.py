"""Invited by mail, contributing in the invited field: one mail, at most three pages after it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_invited_expert_signs_up_from_the_mail_and_contributes_in_the_field(
    new_context, audit, site, town, mailoutbox
):
    from ankommen.accounts.models import Member

    admin = new_context().new_page()
    log_in(admin, site, "admin")
    admin.goto(f"{site}/verwaltung/einladungen/neu/")
    admin.get_by_label("E-Mail-Adresse").fill("derya.kaya@example.org")
    admin.get_by_label("Rolle").select_option(label="Fachexpert:in")
    admin.get_by_label("Handlungsfeld").select_option(label="Wohnen und Leben")
    admin.get_by_label("Persönliche Nachricht").fill("Ihre Erfahrung mit dem Wohnungsmarkt fehlt uns.")
    admin.get_by_role("button", name="Einladung senden").click()
    expect(admin.get_by_text("Die Einladung an derya.kaya@example.org ist verschickt.")).to_be_visible()

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/einladung/\S+", mailoutbox[0].body).group(0)

    invited = audit.page  # axe-core, 320 px and the Nu Html Checker look at the invitation's pages
    pages = []
    invited.on("load", lambda page: pages.append(page.url))
    audit.keep_html(
        "Einladung, Registrierung", invited.goto(link)
    )  # page 1: the sign-up, with the invitation
    audit.check("Einladung, Registrierung")
    expect(invited.get_by_text("Ihre Erfahrung mit dem Wohnungsmarkt fehlt uns.")).to_be_visible()
    expect(invited.get_by_label("E-Mail-Adresse")).to_have_value("derya.kaya@example.org")
    invited.get_by_label("Anzeigename").fill("Derya K.")
    invited.locator("input[name=password1]").fill("Ein langes Passwort 2026")
    invited.locator("input[name=password2]").fill("Ein langes Passwort 2026")
    invited.get_by_role("button", name="Registrieren und Einladung annehmen").click()

    # page 2: the field, logged in, with the role
    expect(invited.get_by_role("heading", level=1)).to_have_text("Wohnen und Leben")
    expect(invited.get_by_role("button", name="Abmelden", include_hidden=True)).to_be_attached()
    invited.get_by_role("link", name="Befund einbringen").click()
    # page 3: the form to contribute
    expect(invited.get_by_role("heading", level=1)).to_have_text("Befund einbringen")

    assert len(pages) == 3, pages  # the sign-up, the field, the form to contribute: no more
    assert len(mailoutbox) == 1  # no confirmation mail
    member = Member.objects.get(municipality=town, user__email="derya.kaya@example.org")
    assert member.roles == {"expert"}
    assert member.user.emailaddress_set.get().verified
    audit.assert_clean()


def test_invited_member_logs_in_on_the_invitation_page_and_lands_in_the_field(
    new_context, audit, site, town, mailoutbox
):
    """A person who has an account: the mail, the invitation page with the password, the field."""
    from ankommen.accounts.models import Member

    admin = new_context().new_page()
    log_in(admin, site, "admin")
    admin.goto(f"{site}/verwaltung/einladungen/neu/")
    admin.get_by_label("E-Mail-Adresse").fill("mitglied@demo.ankommen.example")
    admin.get_by_label("Rolle").select_option(label="Fachexpert:in")
    admin.get_by_label("Handlungsfeld").select_option(label="Wohnen und Leben")
    admin.get_by_role("button", name="Einladung senden").click()
    link = re.search(r"https?://\S+/einladung/\S+", mailoutbox[0].body).group(0)

    invited = audit.page
    pages = []
    invited.on("load", lambda page: pages.append(page.url))
    audit.keep_html("Einladung, Anmeldung", invited.goto(link))  # page 1: log in here, with the invitation
    audit.check("Einladung, Anmeldung")
    expect(invited.get_by_label("E-Mail-Adresse")).to_have_value("mitglied@demo.ankommen.example")
    invited.get_by_label("Passwort", exact=True).fill("ankommen-demo")
    invited.get_by_role("button", name="Anmelden und Einladung annehmen").click()

    # page 2: the field, logged in, with the new role and its work
    expect(invited.get_by_role("heading", level=1)).to_have_text("Wohnen und Leben")
    expect(invited.get_by_role("link", name="Befund einbringen")).to_be_visible()
    assert len(pages) == 2, pages
    assert len(mailoutbox) == 1
    assert (
        "expert" in Member.objects.get(municipality=town, user__email="mitglied@demo.ankommen.example").roles
    )
    audit.assert_clean()
