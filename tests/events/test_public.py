"""The events' pages for everyone: the calendar and its filters, the month, an event, registering with
needs and their consent, the waiting list, cancelling, one's registrations with the check-in code,
and what the events show on a field's page and under a finding taken from a session's minutes.

The events come from tests/events/world.py; each test adds what it needs.
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import connection, connections
from django.utils import formats, timezone

from ankommen.concept.models import Field
from ankommen.core.models import Notification
from ankommen.dialogue.models import Contribution
from ankommen.events import services
from ankommen.events.models import Event, MinutesPoint, Need, Registration, Session, Speaker
from tests.events import world

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7V\xbd\xfa\x00\x00\x00\x00IEND\xaeB`\x82"
)
TEXT = re.compile(r"<[^>]+>")


@pytest.fixture(autouse=True)
def _prepared(town):
    world.prepare(town)


def _text(response):
    """The page's main content as text, its whitespace squeezed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r" ([,.;:])", r"\1", " ".join(TEXT.sub(" ", main).split()))


def _listed(response):
    """The text of the calendar's list (without its filters and the introduction)."""
    html = response.content.decode()
    return " ".join(
        TEXT.sub(" ", html[html.index('class="event-layout__main"') : html.index("</main>")]).split()
    )


def _event(town, slug, **values):
    start = values.pop("starts_at", timezone.now() + timedelta(days=3))
    return Event.objects.create(
        municipality=town,
        slug=slug,
        title=values.pop("title", slug.replace("-", " ").title()),
        starts_at=start,
        ends_at=values.pop("ends_at", start + timedelta(hours=2)),
        published_at=values.pop("published_at", timezone.now() - timedelta(days=1)),
        **values,
    )


# --- the calendar -----------------------------------------------------------------------------------


def test_the_calendar_lists_whats_coming_by_month_with_place_state_and_the_feed(client, town):
    sitzung = world.event(town, "test-sitzung")
    Registration.objects.create(  # the last of its three places
        municipality=town, event=sitzung, member=world.person(town, "expertin"), status="confirmed"
    )
    _event(
        town, "online-abend", title="Online-Abend", online_url="https://meet.example.org/abend", kind="other"
    )
    _event(
        town, "abgesagter-workshop", title="Abgesagter Workshop", kind="workshop", cancelled_at=timezone.now()
    )
    _event(town, "vergangen", title="Längst vorbei", starts_at=timezone.now() - timedelta(days=40))
    response = client.get("/veranstaltungen/")
    assert response.status_code == 200
    page = _text(response)
    assert "Sitzung der Dialogplattform (Test)" in page and "Ankommenskonferenz (Test)" in page
    assert "Workshop im Entwurf" not in page and "Längst vorbei" not in page
    assert page.index("Online-Abend") < page.index("Sitzung der Dialogplattform (Test)")  # in 3 days, in 7
    month = timezone.localtime(sitzung.starts_at).strftime("%m")
    assert re.search(r'<h2 class="kern-heading-medium" id="monat-\d{4}-' + month, response.content.decode())
    assert "Testsaal im Rathaus, Raum 101 Jakob-Sigle-Platz 1, 70806 Kornwestheim" in page
    assert "stufenlos erreichbar" in page and "barrierefreies WC" in page
    assert "ausgebucht – Warteliste" in page  # the session of the Dialogplattform
    assert "100 Plätze frei" in page  # the conference
    assert "abgesagt" in page and "online" in page
    html = response.content.decode()
    assert re.search(
        r'<link rel="alternate"\s+type="text/calendar"\s+href="/veranstaltungen/kalender\.ics"', html
    )
    assert re.search(r'<a class="kern-link" href="webcal://[^"]+/veranstaltungen/kalender\.ics">', html)
    assert "Kalender abonnieren" in page

    past = _text(client.get("/veranstaltungen/?zeit=vergangen"))
    assert "Längst vorbei" in past and "Sitzung der Dialogplattform (Test)" not in past


def test_the_calendar_filters_by_field_and_kind_and_the_feed_follows(client, town):
    housing = Field.objects.get(municipality=town, slug="wohnen-und-leben")
    work = _event(town, "arbeit-workshop", title="Workshop Arbeit", kind="workshop")
    work.fields.set([Field.objects.get(municipality=town, slug="wirtschaft-und-berufliche-bildung")])
    housing_workshop = _event(town, "wohnen-workshop", title="Workshop Wohnen", kind="workshop")
    housing_workshop.fields.set([housing])

    by_field = client.get("/veranstaltungen/?feld=wohnen-und-leben")
    page = _text(by_field)
    assert "Workshop Wohnen" in page and "Sitzung der Dialogplattform (Test)" in page
    assert "Workshop Arbeit" not in page and "Ankommenskonferenz (Test)" not in page
    assert 'href="/veranstaltungen/kalender.ics?feld=wohnen-und-leben"' in by_field.content.decode()

    both = _text(client.get("/veranstaltungen/?feld=wohnen-und-leben&art=workshop"))
    assert "Workshop Wohnen" in both and "Sitzung der Dialogplattform (Test)" not in both

    kind = _listed(client.get("/veranstaltungen/?art=conference"))
    assert "Ankommenskonferenz (Test)" in kind and "Workshop" not in kind

    nothing = client.get("/veranstaltungen/?feld=gibt-es-nicht&art=workshop")
    assert nothing.status_code == 200  # a filter that is no choice is said so, and the list stays whole
    assert "Workshop Arbeit" in _text(nothing)


def test_the_month_is_a_grid_of_weeks_with_each_event_on_its_days(client, town):
    start = datetime(2027, 2, 26, 18, tzinfo=BERLIN)  # a Friday, over the weekend into March
    _event(town, "wochenende", title="Wochenend-Workshop", starts_at=start, ends_at=start + timedelta(days=2))
    response = client.get("/veranstaltungen/monat/2027/2/?art=")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<th scope="col">') == 7
    assert html.count("<tr>") == 1 + 4  # February 2027 begins on a Monday: four weeks
    cells = re.findall(r"<td class=\"[^\"]*\">(.*?)</td>", html, re.S)
    with_event = [cell for cell in cells if "Wochenend-Workshop" in cell]
    assert len(with_event) == 3  # Friday 26, Saturday 27 and Sunday 28 (March is another month)
    assert "Freitag, 26. Februar 2027" in with_event[0]
    assert 'href="/veranstaltungen/monat/2027/1/"' in html and 'href="/veranstaltungen/monat/2027/3/"' in html

    filtered = client.get("/veranstaltungen/monat/2027/2/?art=talk").content.decode()
    assert "Wochenend-Workshop" not in filtered
    assert 'href="/veranstaltungen/monat/2027/3/?art=talk"' in filtered
    assert client.get("/veranstaltungen/monat/2027/13/").status_code == 404


# --- an event ---------------------------------------------------------------------------------------


def test_an_event_shows_everything_people_need_to_come(client, town):
    response = client.get("/veranstaltungen/test-sitzung/")
    page = _text(response)
    for expected in (
        "Sitzung der Dialogplattform",
        "Testsaal im Rathaus, Raum 101",
        "Eingang ohne Stufen an der Rückseite; Aufzug in alle Stockwerke.",
        "Wohnen und Leben",
        "Wir sammeln, was im Wohnen gut läuft.",
        "Integrationsbeauftragte, Telefon 07154 202-0",
        "1 von 3 Plätzen frei",
        "Jetzt anmelden",
        "In meinen Kalender (.ics)",
    ):
        assert expected in page, expected
    html = response.content.decode()
    assert 'href="/handlungsfelder/wohnen-und-leben/"' in html
    assert 'href="/veranstaltungen/test-sitzung/kalender.ics"' in html
    assert "Teilnehmende, Einlass und Bedarfe" not in page  # for the organisers only


def test_organisers_find_their_pages_from_the_event(client_as):
    page = _text(client_as("expertin").get("/veranstaltungen/test-sitzung/"))
    assert "Teilnehmende, Einlass und Bedarfe" in page and "Veranstaltung bearbeiten" in page
    assert "Teilnehmende, Einlass und Bedarfe" not in _text(
        client_as("mitglied").get("/veranstaltungen/test-sitzung/")
    )


def test_a_cancelled_event_says_so_with_its_reason(client, town, people):
    services.cancel_event(
        world.event(town, "test-sitzung"), actor=people["admin"], reason="Der Saal ist gesperrt."
    )
    page = _text(client.get("/veranstaltungen/test-sitzung/"))
    assert "Diese Veranstaltung ist abgesagt. Grund: Der Saal ist gesperrt." in page
    assert "Jetzt anmelden" not in page


def test_a_conference_shows_its_programme_rooms_speakers_and_places(client_as, town):
    conference = world.event(town, "test-konferenz")
    Session.objects.create(
        municipality=town,
        event=conference,
        slug="begruessung",
        title="Begrüßung",
        starts_at=conference.starts_at,
        ends_at=conference.starts_at + timedelta(minutes=30),
    )
    speaker = Speaker.objects.get(municipality=town, slug="test-referentin")
    speaker.photo.save("vogt.png", ContentFile(PNG), save=False)
    speaker.photo_alt = "Lena Vogt lacht, im Hintergrund ein Bücherregal"
    speaker.save()
    visitor = client_as(None).get("/veranstaltungen/test-konferenz/")
    html = visitor.content.decode()
    page = _text(visitor)
    assert re.search(
        rf'<img src="{re.escape(speaker.photo.url)}"\s+alt="Lena Vogt lacht, im Hintergrund ein Bücherregal"',
        html,
    )
    assert "Großer Saal" in page and "Raum 2" in page
    assert "Werkstatt: Sprache lernen im Alltag" in page and "2 von 2 Plätzen frei" in page
    assert "Dr. Lena Vogt" in page and "Hochschule Ludwigsburg" in page and "Forscht zu Teilhabe." in page
    assert 'colspan="2"' in html and "Begrüßung" in page  # a session for all rooms spans them
    assert 'id="programm-werkstatt-sprache"' in html
    assert "/programm/werkstatt-sprache/anmelden/" not in html  # not registered for the conference

    member = client_as("mitglied")
    services.register(conference, member=world.person(town, "mitglied"))
    html = member.get("/veranstaltungen/test-konferenz/").content.decode()
    assert 'action="/veranstaltungen/test-konferenz/programm/werkstatt-sprache/anmelden/"' in html

    printed = client_as(None).get("/veranstaltungen/test-konferenz/programm/")
    assert printed.status_code == 200
    assert (
        "programme-print.css" in printed.content.decode()
        and "Werkstatt: Sprache lernen im Alltag" in _text(printed)
    )
    assert client_as(None).get("/veranstaltungen/test-sitzung/programm/").status_code == 404


def test_after_the_event_its_minutes_link_the_finding_they_became_and_back(client, town, people):
    point = MinutesPoint.objects.get(agenda_item__event__slug="test-bestandsaufnahme", position=1)
    page = _text(client.get("/veranstaltungen/test-bestandsaufnahme/"))
    assert "Protokoll" in page and "Es fehlen kleine, bezahlbare Wohnungen." in page
    assert "Ergebnis Kleine Wohnungen für Alleinstehende fehlen." in page

    finding = services.make_finding(
        point, actor=people["admin"], title="Zu wenige kleine Wohnungen", finding_kind="need"
    )
    html = client.get("/veranstaltungen/test-bestandsaufnahme/").content.decode()
    assert f'href="{finding.get_absolute_url()}"' in html and "Als Befund übernommen:" in html

    contribution = client.get(finding.get_absolute_url())
    day = formats.date_format(timezone.localtime(point.agenda_item.event.starts_at), "DATE_FORMAT")
    assert f"Aus dem Protokoll der Sitzung „Bestandsaufnahme Wohnen (Test)“ vom {day}" in _text(contribution)
    assert (
        f'href="/veranstaltungen/test-bestandsaufnahme/#protokoll-punkt-{point.pk}"'
        in contribution.content.decode()
    )


def test_a_contribution_not_from_minutes_asks_nothing_of_the_events(client, town):
    other = Contribution.objects.filter(municipality=town, paper_author="").first()
    assert "Aus dem Protokoll" not in _text(client.get(other.get_absolute_url()))


def test_a_fields_page_shows_its_next_events_and_its_calendar(client, town):
    housing = Field.objects.get(municipality=town, slug="wohnen-und-leben")
    for number in range(6):
        _event(
            town,
            f"wohnen-{number}",
            title=f"Wohnen {number}",
            starts_at=timezone.now() + timedelta(days=20 + number),
        ).fields.set([housing])
    response = client.get("/handlungsfelder/wohnen-und-leben/")
    html = response.content.decode()
    section = html[html.index('id="veranstaltungen-im-feld"') :]
    section = section[: section.index("</section>")]
    coming = list(
        Event.objects.filter(municipality=town, fields=housing, published_at__isnull=False)
        .filter(ends_at__gte=timezone.now())
        .order_by("starts_at", "id")
    )
    shown = re.findall(r'href="/veranstaltungen/([a-z0-9-]+)/"', section)
    assert shown == [event.slug for event in coming[:5]]  # the next five, in order
    assert (
        "Sitzung der Dialogplattform (Test)" in section
        or coming.index(world.event(town, "test-sitzung")) >= 5
    )
    assert 'href="/veranstaltungen/?feld=wohnen-und-leben"' in section
    assert 'href="/veranstaltungen/kalender.ics?feld=wohnen-und-leben"' in section
    Field.objects.create(municipality=town, name="Ohne Termine", slug="ohne-termine", summary="Noch nichts.")
    assert 'id="veranstaltungen-im-feld"' not in client.get("/handlungsfelder/ohne-termine/").content.decode()


# --- registering ------------------------------------------------------------------------------------


def test_needs_without_their_consent_are_refused_at_the_consent_and_nothing_is_written(client_as, town):
    member = client_as("mitglied")
    url = "/veranstaltungen/test-konferenz/anmelden/"
    form = member.get(url)
    page = _text(form)
    assert "Was brauchen Sie, um teilnehmen zu können?" in page
    assert "Arabisch" in page and "halal" in page and "Gebärdensprache" in page
    assert "30 Tage nach der Veranstaltung löschen wir Ihre Angaben" in page

    before = Registration.objects.count(), Need.objects.count()
    response = member.post(url, {"interpreting": "ar", "food": ["halal", "vegetarian"]})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r'id="id_consent_error".*Bitte willigen Sie ein', html, re.S)
    assert (Registration.objects.count(), Need.objects.count()) == before

    response = member.post(
        url, {"interpreting": "ar", "food": ["halal", "vegetarian"], "consent": "on"}, follow=True
    )
    assert "Sie sind angemeldet." in _text(response)
    registration = Registration.objects.get(
        event__slug="test-konferenz", member__user__email__startswith="mitglied@"
    )
    assert registration.is_confirmed and registration.needs_consent_at is not None
    assert set(registration.needs.values_list("kind", "detail")) == {
        ("interpreting", "ar"),
        ("food", "halal"),
        ("food", "vegetarian"),
    }


def test_registering_without_needs_needs_no_consent_and_a_second_time_says_so(client_as, town):
    member = client_as("mitglied")
    url = "/veranstaltungen/test-konferenz/anmelden/"
    response = member.post(url, {}, follow=True)
    assert response.redirect_chain[-1][0] == "/veranstaltungen/test-konferenz/"
    assert "Sie sind angemeldet." in _text(response)
    registration = Registration.objects.get(
        event__slug="test-konferenz", member__user__email__startswith="mitglied@"
    )
    assert registration.needs_consent_at is None and not registration.needs.exists()

    again = member.post(url, {}, follow=True)
    assert "Sie sind für diese Veranstaltung schon angemeldet." in _text(again)
    assert Registration.objects.filter(event__slug="test-konferenz").count() == 1
    shown = member.get(url, follow=True)  # the form is not shown again
    assert shown.redirect_chain and "schon angemeldet" in _text(shown)


def test_the_last_seat_then_the_waiting_list_with_its_place(client_as, town):
    response = client_as("expertin").post("/veranstaltungen/test-sitzung/anmelden/", {}, follow=True)
    assert "Sie sind angemeldet." in _text(response)
    response = client_as("multiplikator").post("/veranstaltungen/test-sitzung/anmelden/", {}, follow=True)
    page = _text(response)
    assert "Sie stehen auf der Warteliste (Platz 1)" in page
    assert "Sie sind auf der Warteliste (Platz 1)." in page
    response = client_as("uebersetzung").post("/veranstaltungen/test-sitzung/anmelden/", {}, follow=True)
    assert "(Platz 2)" in _text(response)
    assert "ausgebucht – Warteliste" in _text(client_as(None).get("/veranstaltungen/test-sitzung/"))


def test_visitors_are_sent_to_log_in_and_other_towns_refused(client_as):
    response = client_as(None).get("/veranstaltungen/test-konferenz/anmelden/")
    assert response.status_code == 302 and response["Location"].startswith("/konto/login/?next=")
    assert client_as("stranger").post("/veranstaltungen/test-konferenz/anmelden/", {}).status_code == 403
    assert not Registration.objects.filter(event__slug="test-konferenz").exists()


@pytest.mark.django_db(transaction=True)
def test_a_registration_that_waits_too_long_for_the_seats_is_asked_to_try_again(client_as, town, monkeypatch):
    """Another transaction holds the event's row: the page answers 409 and writes nothing (PostgreSQL's lock timeout)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite locks the whole database, not a row: the lock timeout is PostgreSQL's")
    world.prepare(town)
    conference = world.event(town, "test-konferenz")
    monkeypatch.setattr(services, "LOCK_TIMEOUT_MS", 50)
    member = client_as("mitglied")
    other = connections.create_connection("default")
    try:
        other.set_autocommit(False)
        with other.cursor() as cursor:
            cursor.execute("SELECT id FROM events_event WHERE id = %s FOR UPDATE", [conference.pk])
        response = member.post("/veranstaltungen/test-konferenz/anmelden/", {})
    finally:
        other.rollback()
        other.close()
    assert response.status_code == 409
    assert "Bitte versuchen Sie es gleich noch einmal." in _text(response)
    assert not Registration.objects.filter(event=conference).exists()
    assert (
        member.post("/veranstaltungen/test-konferenz/anmelden/", {}).status_code == 302
    )  # once the lock is gone


def test_a_session_of_the_conference_needs_a_seat_at_the_conference_first(client_as, town):
    member = client_as("mitglied")
    url = "/veranstaltungen/test-konferenz/programm/werkstatt-sprache/anmelden/"
    refused = member.post(url, follow=True)
    assert "Melden Sie sich zuerst für die Konferenz an" in _text(refused)
    assert not Registration.objects.filter(session__slug="werkstatt-sprache").exists()

    services.register(world.event(town, "test-konferenz"), member=world.person(town, "mitglied"))
    response = member.post(url, follow=True)
    assert response.redirect_chain[-1][0] == "/veranstaltungen/test-konferenz/#programm-werkstatt-sprache"
    assert "Sie sind für „Werkstatt: Sprache lernen im Alltag“ angemeldet." in _text(response)
    assert "1 von 2 Plätzen frei" in _text(response)
    assert member.get(url).status_code == 405
    told = Notification.objects.filter(
        recipient__email__startswith="mitglied@",
        kind="events.confirmed",
        target_label__startswith="Ankommenskonferenz (Test)",
    )
    assert sorted(note.target_label.rsplit(" (", 1)[0] for note in told) == [
        "Ankommenskonferenz (Test)",
        "Ankommenskonferenz (Test): Werkstatt: Sprache lernen im Alltag",
    ], "the session's confirmation names the session"


# --- cancelling -------------------------------------------------------------------------------------


def test_cancelling_asks_first_then_gives_the_seat_to_the_first_waiting(client_as, town):
    sitzung = world.event(town, "test-sitzung")
    services.register(sitzung, member=world.person(town, "expertin"))  # the last seat
    waiting = services.register(sitzung, member=world.person(town, "multiplikator"))
    own = Registration.objects.get(event=sitzung, member__user__email__startswith="mitglied@")
    member = client_as("mitglied")
    question = member.get(f"/veranstaltungen/anmeldungen/{own.pk}/abmelden/")
    page = _text(question)
    assert (
        "Wirklich abmelden?" in page
        and "Sie melden sich ab von „Sitzung der Dialogplattform (Test)“." in page
    )
    assert "Der Platz geht an die erste Person auf der Warteliste." in page
    own.refresh_from_db()
    assert own.is_confirmed  # asking changed nothing

    done = member.post(f"/veranstaltungen/anmeldungen/{own.pk}/abmelden/", follow=True)
    assert "Sie sind von „Sitzung der Dialogplattform (Test)“ abgemeldet." in _text(done)
    own.refresh_from_db()
    waiting.refresh_from_db()
    assert own.is_cancelled and waiting.is_confirmed
    assert member.get(f"/veranstaltungen/anmeldungen/{own.pk}/abmelden/").status_code == 403  # once


def test_an_organiser_cancels_someone_else_and_lands_on_the_attendees(client_as, town):
    own = Registration.objects.get(event__slug="test-sitzung", member__user__email__startswith="mitglied@")
    response = client_as("expertin").post(f"/veranstaltungen/anmeldungen/{own.pk}/abmelden/")
    assert (
        response.status_code == 302
        and response["Location"] == "/verwaltung/veranstaltungen/test-sitzung/teilnehmende/"
    )
    own.refresh_from_db()
    assert own.is_cancelled


def test_cancelling_returns_to_the_page_that_asked_on_this_site_only(client_as, town):
    phoned = Registration.objects.get(event__slug="test-sitzung", name="Amira Haddad")
    organiser = client_as("expertin")
    door = "/verwaltung/veranstaltungen/test-sitzung/einlass/"
    url = f"/veranstaltungen/anmeldungen/{phoned.pk}/abmelden/"
    question = organiser.get(f"{url}?next={door}").content.decode()
    assert f'href="{door}"' in question  # "Zurück, ohne abzumelden"
    assert organiser.post(f"{url}?next=https://example.org/", {})["Location"] == (
        "/verwaltung/veranstaltungen/test-sitzung/teilnehmende/"
    )
    assert Registration.objects.get(pk=phoned.pk).is_cancelled
    own = Registration.objects.get(event__slug="test-sitzung", member__user__email__startswith="mitglied@")
    answer = organiser.post(f"/veranstaltungen/anmeldungen/{own.pk}/abmelden/?next={door}", {})
    assert answer["Location"] == door


# --- one's registrations ----------------------------------------------------------------------------


def test_ones_registrations_show_the_check_in_code_that_holds_only_its_address(client_as, town):
    sitzung = world.event(town, "test-sitzung")
    services.register(sitzung, member=world.person(town, "expertin"))
    waiting = services.register(sitzung, member=world.person(town, "multiplikator"))
    own = Registration.objects.get(event=sitzung, member__user__email__startswith="mitglied@")
    response = client_as("mitglied").get("/konto/veranstaltungen/")
    html = response.content.decode()
    page = _text(response)
    assert "Sitzung der Dialogplattform (Test)" in page and "Sie sind angemeldet." in page
    assert f"{own.checkin_code[:3]} {own.checkin_code[3:]}" in page
    assert f'href="/veranstaltungen/anmeldungen/{own.pk}/abmelden/"' in html

    article = re.search(
        rf'<article[^>]*aria-labelledby="anmeldung-{sitzung.pk}".*?</article>', html, re.S
    ).group(0)
    [svg] = re.findall(r"<svg\b.*?</svg>", article, re.S)
    address = f"{settings.SITE_SCHEME}://testserver/einlass/{own.checkin_token}/"
    # The same modules as the code of this address alone: the QR code holds the address and nothing else.
    assert svg == segno.make(address, error="m").svg_inline(
        scale=1,
        border=2,
        omitsize=True,
        svgclass="checkin-qr",
        lineclass=None,
        title="QR-Code für den Einlass",
        dark="#000",
        light="#fff",
    )
    person = world.person(town, "mitglied")
    for private in (person.user.email, person.user.display_name, own.checkin_code):
        assert private not in address and private not in svg

    waiting_page = _text(client_as("multiplikator").get("/konto/veranstaltungen/"))
    assert "Sie sind auf der Warteliste (Platz 1)." in waiting_page
    theirs = client_as("multiplikator").get("/konto/veranstaltungen/").content.decode()
    assert "<svg" not in re.search(
        rf'aria-labelledby="anmeldung-{sitzung.pk}".*?</article>', theirs, re.S
    ).group(0)
    assert waiting.is_waiting


def test_the_account_page_leads_to_ones_registrations(client_as):
    assert 'href="/konto/veranstaltungen/"' in client_as("mitglied").get("/konto/profil/").content.decode()
