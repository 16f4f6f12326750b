"""An open circle, walked in the browser: asking to join and being accepted; following a field and
leaving its mails from the digest without logging in; downloading one's data and erasing the account."""

import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MONDAY_8 = datetime(2026, 12, 7, 8, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def test_a_person_asks_to_join_and_an_admin_accepts_with_a_message(
    new_context, audit, site, town, mailoutbox
):
    from ankommen.accounts.models import Member

    asking = new_context().new_page()
    log_in(asking, site, "tigist.haile")
    expect(asking.get_by_role("heading", level=1)).to_have_text("Mitglied werden")  # straight to her request
    expect(asking.get_by_text("Ihre Anfrage wartet auf Antwort")).to_be_visible()

    admin = audit.page
    log_in(admin, site, "admin")
    admin.goto(f"{site}/verwaltung/")
    expect(admin.get_by_text("2 Anfragen warten")).to_be_visible()
    admin.get_by_role("link", name="Beitrittsanfragen").click()
    audit.check("Beitrittsanfragen")
    admin.get_by_role("link", name=re.compile(r"^Annehmen\s*:\s*Tigist Haile$")).click()
    audit.check("Anfrage annehmen")
    admin.get_by_label("Nachricht an die Person").fill(
        "Willkommen! Frau Weber vom Integrationsbüro meldet sich."
    )
    admin.get_by_role("button", name="Annehmen und Nachricht senden").click()
    expect(admin.get_by_text("Tigist Haile ist jetzt Mitglied.")).to_be_visible()
    expect(admin.get_by_text("1 Anfrage wartet")).to_be_visible()

    assert Member.objects.filter(municipality=town, user__email="tigist.haile@demo.ankommen.example").exists()
    [answer] = [m for m in mailoutbox if m.to == ["tigist.haile@demo.ankommen.example"]]
    assert "Frau Weber vom Integrationsbüro" in answer.body
    asking.goto(f"{site}/mitmachen/")
    expect(asking.get_by_text("Sie sind schon Mitglied der Dialogplattform.")).to_be_visible()
    audit.assert_clean()


def test_a_member_follows_a_field_and_leaves_its_mails_from_the_digest_without_logging_in(
    new_context, audit, site, town, people, mailoutbox
):
    from ankommen.concept.models import Field
    from ankommen.core import notifications
    from ankommen.dialogue import services

    member = new_context().new_page()
    log_in(member, site, "nachbarschaft")
    member.goto(f"{site}/handlungsfelder/wohnen-und-leben/")
    name = "Wohnen und Leben"
    member.get_by_role("button", name=re.compile(rf"^Folgen\s*:\s*{name}$")).click()
    expect(member.get_by_text(f"Sie folgen jetzt „{name}“.")).to_be_visible()
    expect(
        member.get_by_role("button", name=re.compile(rf"^Nicht mehr folgen\s*:\s*{name}$"))
    ).to_be_visible()

    field = Field.objects.for_municipality(town).get(slug="wohnen-und-leben")
    stage = field.stages.get(kind="stocktaking")
    services.add_contribution(
        stage, author=people["expertin"], title="Elterncafé in der Silcherschule", body="Text"
    )
    member.goto(f"{site}/konto/benachrichtigungen/")
    expect(
        member.get_by_role("link", name=f"Neuer Beitrag: „{name}: Elterncafé in der Silcherschule“")
    ).to_be_visible()

    notifications.deliver(MONDAY_8)  # the scheduler's run on a Monday morning: the weekly digest
    to_them = [m for m in mailoutbox if m.to == ["nachbarschaft@demo.ankommen.example"]]
    [digest] = [m for m in to_them if "== Was Sie verfolgen ==" in m.body]  # beside their events' mails
    assert "Elterncafé in der Silcherschule" in digest.body
    link = re.search(r"https?://[^/\s]+(/abbestellen/\S+)", digest.body).group(1)

    visitor = audit.page  # someone who reads the mail on another device, not logged in
    visitor.goto(f"{site}{link}")
    audit.check("E-Mails abbestellen")
    visitor.get_by_role("button", name="Abbestellen").click()
    expect(
        visitor.get_by_text("Sie bekommen keine E-Mails mehr zum Thema „Was Sie verfolgen“.")
    ).to_be_visible()
    expect(visitor.get_by_role("link", name="Anmelden")).to_be_attached()  # still nobody logged in
    assert notifications.frequencies(people["nachbarschaft"].user, town)["followed"] == "never"
    audit.assert_clean()


def test_a_member_downloads_their_data_and_erases_the_account(new_context, audit, site, town, people):
    from ankommen.accounts.models import User

    page = audit.page
    log_in(page, site, "nachbarschaft")
    page.goto(f"{site}/konto/profil/")
    page.get_by_role("link", name="Meine Daten ansehen und herunterladen").click()
    audit.check("Meine Daten")
    expect(page.get_by_role("heading", name="Ihr Konto")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Alles herunterladen (JSON-Datei)").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["town"] == "Kornwestheim" and any(s["model"] == "accounts.User" for s in data["sections"])

    page.get_by_role("link", name="Konto löschen").first.click()
    audit.check("Konto löschen")
    page.get_by_label(
        "Entfernen: An ihrer Stelle steht nur noch, dass hier etwas zurückgezogen wurde."
    ).check()
    page.get_by_label("Ihr Passwort").fill("ankommen-demo")
    page.get_by_role("button", name="Konto endgültig löschen").click()
    expect(page.get_by_text("Ihr Konto ist gelöscht. Danke, dass Sie mitgemacht haben.")).to_be_visible()
    assert not User.objects.filter(email="nachbarschaft@demo.ankommen.example").exists()
    audit.assert_clean()
