"""Events walked in the browser: the last seat and the waiting list, the mails, cancelling and moving up;
axe-core on the calendar, an event and the registration at 1280 and 320 px; the programme printed on
one A4 page."""

import re
import subprocess
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NARROW, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDE = {"width": 1280, "height": 900}


@pytest.fixture
def events(town):
    from tests.events import world

    world.prepare(town)
    return world


def _mails_to(mailoutbox, local_part, about):
    """The mails to a demo person whose subject names `about` (the demo has other news for them too)."""
    return [
        mail
        for mail in mailoutbox
        if mail.to == [f"{local_part}@demo.ankommen.example"] and about in mail.subject
    ]


def test_the_last_seat_the_waiting_list_and_moving_up_when_someone_cancels(
    new_context, site, town, events, mailoutbox
):
    from ankommen.core import notifications
    from ankommen.events.models import Registration

    first = new_context(viewport=WIDE).new_page()
    log_in(first, site, "multiplikator")
    first.goto(f"{site}/veranstaltungen/")
    first.get_by_role("link", name="Sitzung der Dialogplattform (Test)").click()
    expect(first.get_by_text("1 von 3 Plätzen frei")).to_be_visible()
    first.get_by_role("link", name="Jetzt anmelden").click()
    first.get_by_label("Kinderbetreuung während der Veranstaltung").check()
    first.get_by_role("button", name="Verbindlich anmelden").click()
    expect(first.get_by_text("Bitte willigen Sie ein")).to_have_count(2)  # in the summary and at the field
    first.get_by_label("Ich willige ein, dass meine Angaben zu Bedarfen gespeichert werden.").check()
    first.get_by_role("button", name="Verbindlich anmelden").click()
    expect(
        first.get_by_text("Sie sind angemeldet. Wir haben Ihnen eine Bestätigung geschickt.")
    ).to_be_visible()
    expect(first.get_by_text("ausgebucht – Warteliste")).to_be_visible()

    second = new_context(viewport={"width": 390, "height": 800}).new_page()
    log_in(second, site, "nachbarschaft")
    second.goto(f"{site}/veranstaltungen/test-sitzung/")
    second.get_by_role("link", name="Auf die Warteliste").click()
    second.get_by_role("button", name="Auf die Warteliste setzen").click()
    expect(second.get_by_text("Sie sind auf der Warteliste (Platz 1).")).to_be_visible()

    notifications.deliver()
    [confirmed] = _mails_to(mailoutbox, "multiplikator", "Sitzung der Dialogplattform (Test)")
    assert "Anmeldung bestätigt" in confirmed.subject
    [waiting] = _mails_to(mailoutbox, "nachbarschaft", "Sitzung der Dialogplattform (Test)")
    assert "Auf der Warteliste" in waiting.subject

    first.goto(f"{site}/konto/profil/")
    first.get_by_role("link", name="Meine Anmeldungen zu Veranstaltungen").click()
    session = 'article:has(a:text-is("Sitzung der Dialogplattform (Test)"))'  # the demo has others
    expect(first.locator(session).locator("svg.checkin-qr")).to_be_visible()
    first.get_by_role(
        "link", name=re.compile(r"^Abmelden\s*:\s*Sitzung der Dialogplattform \(Test\)$")
    ).click()
    expect(first.get_by_role("heading", name="Wirklich abmelden?")).to_be_visible()
    first.get_by_role("button", name="Ja, abmelden").click()
    expect(first.get_by_text("Sie sind von „Sitzung der Dialogplattform (Test)“ abgemeldet.")).to_be_visible()

    notifications.deliver()
    [promoted] = _mails_to(mailoutbox, "nachbarschaft", "Sie haben einen Platz")
    assert "Sitzung der Dialogplattform (Test)" in promoted.subject
    assert "/veranstaltungen/test-sitzung/" in promoted.body
    second.goto(f"{site}/konto/veranstaltungen/")
    expect(second.locator(session).get_by_text("Sie sind angemeldet.")).to_be_visible()
    expect(second.locator(session).locator("svg.checkin-qr")).to_be_visible()
    assert Registration.objects.get(
        event__slug="test-sitzung", member__user__email__startswith="nachbarschaft@"
    ).is_confirmed


def test_the_events_pages_have_no_findings_at_1280_and_320_px(audit, site, town, events):
    """axe-core at both widths (and the reflow and HTML checks of `Audit`) for visitors and a member."""
    page = audit.page
    visitor_pages = [
        "/veranstaltungen/",
        "/veranstaltungen/?feld=wohnen-und-leben&art=session",
        "/veranstaltungen/?zeit=vergangen",
        _month_of(events.event(town, "test-sitzung")),
        "/veranstaltungen/test-sitzung/",
        "/veranstaltungen/test-konferenz/",
        "/veranstaltungen/test-bestandsaufnahme/",
        "/veranstaltungen/test-konferenz/programm/",
        "/handlungsfelder/wohnen-und-leben/",
    ]
    for width in (WIDE["width"], NARROW):
        page.set_viewport_size({"width": width, "height": 900})
        for path in visitor_pages:
            audit.visit(path)

    log_in(page, site, "mitglied")
    for width in (WIDE["width"], NARROW):
        page.set_viewport_size({"width": width, "height": 900})
        audit.visit("/veranstaltungen/test-konferenz/anmelden/")
        page.get_by_label("Dolmetschen in meine Sprache").select_option("ar")
        audit.submit(f"die Anmeldung ohne Einwilligung ({width} px)", status=400, errors=True)
        audit.visit("/veranstaltungen/test-sitzung/")  # registered: the state, the cancel link
        audit.visit("/konto/veranstaltungen/")
        registration = _members_registration()
        audit.visit(f"/veranstaltungen/anmeldungen/{registration.pk}/abmelden/")
    audit.assert_clean()


def test_the_programme_prints_on_one_a4_page(new_context, site, town, events, tmp_path):
    from ankommen.events.models import Room, Session, Speaker

    page = new_context(viewport=WIDE).new_page()
    assert (
        _printed_pages(page, f"{site}/veranstaltungen/test-konferenz/programm/", tmp_path / "kurz.pdf") == 1
    )

    conference = events.event(town, "test-konferenz")
    rooms = [
        *conference.rooms.all(),
        Room.objects.create(municipality=town, event=conference, name="Raum 3", position=3),
    ]
    speakers = [
        Speaker.objects.create(
            municipality=town,
            slug=f"referentin-{number}",
            name=name,
            role=role,
            bio="Arbeitet seit vielen Jahren mit Menschen, die neu in Kornwestheim sind.",
        )
        for number, (name, role) in enumerate(
            [
                ("Aylin Demir", "Integrationsmanagerin, Stadt Kornwestheim"),
                ("Jonas Berg", "Jobcenter Landkreis Ludwigsburg"),
                ("Mariam Haddad", "Elternbegleiterin an der Silcherschule"),
                ("Petra Lang", "Volkshochschule Kornwestheim"),
            ]
        )
    ]
    Session.objects.create(
        municipality=town,
        event=conference,
        slug="begruessung",
        title="Begrüßung durch die Oberbürgermeisterin und das Integrationsbüro",
        starts_at=conference.starts_at,
        ends_at=conference.starts_at + timedelta(minutes=45),
    )
    titles = [
        "Arbeit finden mit einem Abschluss aus dem Ausland",
        "Wohnungssuche: Besichtigung, Mietvertrag, Kaution",
        "Kita und Schule verstehen: was Eltern wissen sollten",
        "Ehrenamt: wie fange ich an, wen frage ich?",
        "Deutsch lernen neben der Arbeit und mit Kindern",
        "Gesundheit: Ärztinnen, Ärzte und die Krankenversicherung",
        "Frauen stärken: Beratung, Sprachkurse mit Kinderbetreuung",
        "Jugendliche in Ausbildung: Paten und Betriebe",
        "Behörden-Lotsen: Begleitung zu Ämtern",
        "Sport und Vereine: mitmachen in Kornwestheim",
        "Sprachcafé: Deutsch sprechen ohne Angst",
        "Zum Schluss: was nehmen wir mit?",
    ]
    for number, title in enumerate(titles):
        slot, room = divmod(number, 3)
        session = Session.objects.create(
            municipality=town,
            event=conference,
            slug=f"programmpunkt-{number}",
            title=title,
            room=rooms[room],
            starts_at=conference.starts_at + timedelta(hours=1 + slot),
            ends_at=conference.starts_at + timedelta(hours=1 + slot, minutes=50),
            capacity=20 if number % 3 == 0 else None,
        )
        session.speakers.set([speakers[number % 4], speakers[(number + 1) % 4]])
    full = _printed_pages(page, f"{site}/veranstaltungen/test-konferenz/programm/", tmp_path / "voll.pdf")
    assert full == 1, f"the programme of {len(titles) + 2} sessions in 3 rooms takes {full} pages"
    expect(page.get_by_text("Sprachcafé: Deutsch sprechen ohne Angst")).to_be_visible()


def _printed_pages(page, url, path):
    """The number of A4 pages Chromium prints `url` on (poppler's pdfinfo reads the PDF)."""
    page.goto(url)
    page.pdf(path=str(path), format="A4", print_background=True)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout  # noqa: S607
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert abs(float(size.group(1)) - 595.3) < 1 and abs(float(size.group(2)) - 841.9) < 1.5  # A4 in points
    return pages


def _month_of(event):
    from django.utils import timezone

    start = timezone.localtime(event.starts_at)
    return f"/veranstaltungen/monat/{start.year}/{start.month}/"


def _members_registration():
    from ankommen.events.models import Registration

    return Registration.objects.get(event__slug="test-sitzung", member__user__email__startswith="mitglied@")
