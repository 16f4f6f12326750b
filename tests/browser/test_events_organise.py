"""Organising events in the browser: the minutes of a stocktaking session become a finding the field
shows, and the door on a phone lets a person in by the code they say. The attendee list, the door
and the minutes are checked like every page (axe-core, 320 px, the HTML checker)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def events(town):
    from tests.events import world

    world.prepare(town)
    return town


def test_the_organiser_writes_the_minutes_and_a_point_becomes_a_finding_of_the_field(
    audit, site, events, people
):
    from ankommen.dialogue.models import Contribution
    from ankommen.events.models import Event, MinutesPoint

    session = Event.objects.get(municipality=events, slug="test-bestandsaufnahme")
    session.organisers.add(people["moderation"])  # staff may enter findings from paper
    page = audit.page
    log_in(page, site, "moderation")

    audit.visit("/verwaltung/veranstaltungen/test-sitzung/teilnehmende/", status=403)  # not theirs
    audit.visit(f"/verwaltung/veranstaltungen/{session.slug}/teilnehmende/")
    page.get_by_role("navigation", name="Veranstaltung organisieren").get_by_role(
        "link", name="Tagesordnung und Protokoll"
    ).click()
    expect(page.get_by_role("heading", name="Tagesordnung und Protokoll")).to_be_visible()
    page.get_by_role("link", name=re.compile(r"^Protokoll\W+Was fehlt beim Wohnen")).click()
    audit.check("das Protokoll eines Tagesordnungspunkts")

    page.get_by_role("textbox", name=re.compile("^Ergebnis")).fill(
        "Es fehlen kleine, bezahlbare Wohnungen; Beratung kennen zu wenige."
    )
    third = page.get_by_role("group", name="Punkt 3")
    third.get_by_label("Art").select_option(label="Ergebnis")
    third.get_by_label("Text").fill("Die Beratungsstellen für Wohnungssuchende kennt kaum jemand.")
    page.get_by_role("button", name="Protokoll speichern").click()
    expect(page.get_by_text("Das Protokoll ist gespeichert.")).to_be_visible()
    audit.check("das Protokoll, gespeichert")

    page.get_by_role("link", name=re.compile(r"^Als Befund übernehmen\W+Die Beratungsstellen")).click()
    expect(page.get_by_label("Titel des Befunds")).to_have_value(
        "Die Beratungsstellen für Wohnungssuchende kennt kaum jemand."
    )
    page.get_by_label("Titel des Befunds").fill("Beratung für Wohnungssuchende ist kaum bekannt")
    page.get_by_label("Problem").check()
    page.get_by_role("button", name="Als Befund übernehmen").click()
    expect(page.get_by_text("Der Punkt ist als Befund im Handlungsfeld eingetragen.")).to_be_visible()
    expect(page.get_by_role("heading", name="Beratung für Wohnungssuchende ist kaum bekannt")).to_be_visible()

    finding = Contribution.objects.get(title="Beratung für Wohnungssuchende ist kaum bekannt")
    assert MinutesPoint.objects.get(finding=finding).agenda_item.event == session
    assert (finding.kind, finding.finding_kind, finding.stage.kind) == ("finding", "problem", "stocktaking")

    page.goto(f"{site}/handlungsfelder/wohnen-und-leben/")
    expect(page.get_by_role("link", name="Beratung für Wohnungssuchende ist kaum bekannt")).to_be_visible()
    audit.assert_clean()


def test_at_the_door_a_phone_lets_a_person_in_by_their_code(audit, site, events, people):
    from ankommen.events.models import Registration

    member = Registration.objects.get(event__slug="test-sitzung", member=people["mitglied"])
    page = audit.page
    page.set_viewport_size(PHONE)
    log_in(page, site, "expertin")
    audit.visit("/verwaltung/veranstaltungen/test-sitzung/teilnehmende/")
    page.get_by_role("link", name="Einlass", exact=True).click()
    expect(page.get_by_text("0 von 2 da")).to_be_visible()
    audit.check("der Einlass auf dem Telefon")

    code = page.get_by_label("Einlass-Code")
    expect(code).to_be_focused()
    code.press_sequentially(member.checkin_code.lower())
    button = page.locator("main form.big-action").get_by_role("button", name="Einlassen")
    assert button.bounding_box()["width"] >= 300  # a button for a thumb, the width of the phone
    button.click()
    expect(page.get_by_text("Eingelassen: Amal Haddad")).to_be_visible()
    expect(page.get_by_text("1 von 2 da")).to_be_visible()
    audit.check("der Einlass, eine Person eingelassen")

    code = page.get_by_label("Einlass-Code")
    code.fill(member.checkin_code)
    page.locator("main form.big-action").get_by_role("button", name="Einlassen").click()
    expect(page.get_by_text(re.compile("Amal Haddad war schon eingelassen um"))).to_be_visible()

    page.get_by_role("link", name=re.compile(r"^zurücknehmen\W+Amal Haddad")).click()
    audit.check("eine Anmeldung am Einlass, bevor der Einlass zurückgenommen wird")
    page.get_by_role("button", name="Einlass zurücknehmen").click()
    expect(page.get_by_text("Einlass zurückgenommen: Amal Haddad")).to_be_visible()
    expect(page.get_by_text("0 von 2 da")).to_be_visible()
    member.refresh_from_db()
    assert member.checked_in_at is None
    audit.assert_clean()
