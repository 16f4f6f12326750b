"""Calls ("Gesucht") walked in the browser: a visitor answers, a member fills in what they can do and
sees it as others do, the admin asks the people who fit, and an address reaches the admin with a yes."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_answers_a_call_and_the_admin_asks_who_fits(new_context, audit, site, town, people):
    from ankommen.circle.models import CallAnswer, CallInvitation

    visitor = audit.page
    visitor.goto(f"{site}/")
    visitor.get_by_role("link", name="Gesucht", exact=True).first.click()
    audit.check("Gesucht")
    visitor.get_by_role("link", name=re.compile("kreativ arbeiten")).click()
    audit.check("ein Gesuch")
    visitor.get_by_role("button", name="Melden").click()
    expect(visitor.get_by_text("Bitte prüfen Sie Ihre Eingaben.")).to_be_visible()
    audit.check("ein Gesuch, leer gemeldet")
    visitor.get_by_label("Ihr Name").fill("Carlos Mendes")
    visitor.get_by_label("Ihre E-Mail-Adresse").fill("carlos@example.org")
    visitor.get_by_label("Nachricht").fill("Ich mache Streetdance mit Jugendlichen.")
    visitor.get_by_role("button", name="Melden").click()
    expect(visitor.get_by_text("Danke für Ihre Meldung!")).to_be_visible()
    assert CallAnswer.objects.filter(email="carlos@example.org").exists()

    admin = new_context().new_page()
    log_in(admin, site, "admin")
    admin.goto(f"{site}/verwaltung/")
    admin.get_by_role("link", name="Gesuche", exact=True).click()
    admin.get_by_role("link", name=re.compile("^Gesucht: Menschen, die kreativ")).click()
    expect(admin.get_by_text("Ich mache Streetdance mit Jugendlichen.")).to_be_visible()
    table = admin.locator("table", has_text="Gründe")
    expect(table.get_by_role("link", name="Mariam Tesfay")).to_be_visible()
    expect(table.get_by_text("Kompetenz „Bildende Kunst und Malen“")).to_be_visible()
    expect(admin.get_by_text("mariam.tesfay@demo.ankommen.example")).to_have_count(0)
    admin.get_by_label("Mariam Tesfay anfragen").check()
    admin.get_by_role("button", name="Ausgewählte anfragen").click()
    expect(admin.get_by_text("Die Anfragen sind verschickt.")).to_be_visible()
    invitation = CallInvitation.objects.get(member=people["mariam.tesfay"])

    asked = new_context().new_page()
    log_in(asked, site, "mariam.tesfay")
    asked.goto(f"{site}/konto/profil/")
    asked.get_by_role("link", name="Meine Anfragen und Meldungen zu Gesuchen").click()
    asked.get_by_role("link", name=re.compile(r"^Zusagen")).click()
    expect(asked.get_by_text("sieht die Verwaltung Ihren Namen und Ihre E-Mail-Adresse")).to_be_visible()
    asked.get_by_role("button", name="Ja, zusagen").click()
    expect(asked.get_by_text("Danke! Die Verwaltung meldet sich bei Ihnen.")).to_be_visible()
    invitation.refresh_from_db()
    assert invitation.status == "accepted"

    admin.reload()
    expect(admin.get_by_role("link", name="mariam.tesfay@demo.ankommen.example")).to_be_visible()
    audit.assert_clean()


def test_a_member_says_what_they_can_do_and_sees_it_as_others_do(audit, site, town, people):
    page = audit.page
    log_in(page, site, "expertin")
    page.goto(f"{site}/konto/profil/")
    page.get_by_role("link", name=re.compile("Was ich kann und einbringe")).click()
    audit.check("Was ich kann")
    page.get_by_label("Tanz", exact=True).check()
    page.get_by_label("Weitere Kompetenzen").fill("Salsa, Kizomba")
    page.locator("fieldset", has_text="Wer sieht Ihre Kompetenzen?").get_by_label(
        "alle, auch ohne Anmeldung"
    ).check()
    page.get_by_role("button", name="Speichern").click()
    expect(page.get_by_text("Ihr Profil ist gespeichert.")).to_be_visible()

    page.get_by_role("link", name=re.compile("Meine Sprachen")).click()
    page.get_by_label("Sprache", exact=True).select_option(label="Spanisch")
    page.get_by_label("Sprechen").select_option(label="B2 – selbstständig")
    page.get_by_label("Verstehen").select_option(label="C1 – fließend")
    page.get_by_role("button", name="Sprache speichern").click()
    expect(page.get_by_role("rowheader", name="Spanisch")).to_be_visible()
    audit.check("Meine Sprachen")

    page.goto(f"{site}/konto/kompetenzen/vorschau/?als=alle")
    audit.check("Vorschau für alle")
    expect(page.get_by_text("Salsa")).to_be_visible()
    expect(page.get_by_text("Spanisch")).to_have_count(0)  # languages start with the administration only
    page.get_by_role("link", name="Verwaltung der Plattform").click()
    expect(page.locator("main").get_by_text(re.compile("Spanisch"))).to_be_visible()
    audit.assert_clean()
