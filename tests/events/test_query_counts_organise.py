"""The organisers' pages run exactly their pinned number of queries, with N items as with 3N.

See tests/queries.py for how a page is measured. The lists grow: events (with registrations),
registrations of one event (confirmed, waiting, cancelled, with needs, entered by staff), the
people at the door, agenda items, points of the minutes, a conference's sessions, places and
speakers. The attendee export is held to its count like a page.
"""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from ankommen.events.models import (
    AgendaEntry,
    Event,
    MinutesPoint,
    Need,
    Registration,
    Room,
    Session,
    Speaker,
    Venue,
)
from tests.events import world
from tests.queries import Page, pin

TOWN = "kornwestheim"


def _event(slug):
    return Event.objects.get(municipality__slug=TOWN, slug=slug)


def _page(slug, rest=""):
    return f"/verwaltung/veranstaltungen/{slug}/{rest}"


def _item():
    return AgendaEntry.objects.get(event=_event("test-bestandsaufnahme"), position=1)


def _number():
    return Registration.objects.count() + Event.objects.count() + 1


def add_registrations(town, people, count, slug="test-sitzung"):
    """People who called, confirmed, waiting and cancelled, some with needs; each entered by the admin."""
    event = _event(slug)
    for _ in range(count):
        for status in ("confirmed", "waiting", "cancelled"):
            number = _number()
            registration = Registration.objects.create(
                municipality=town,
                event=event,
                name=f"Person {number}",
                phone=f"07154 {number:06d}",
                contact_key=f"tel:497154{number:06d}",
                status=status,
                source="phone",
                entered_by=people["admin"],
                language="ar",
                cancelled_at=timezone.now() if status == "cancelled" else None,
                checkin_code=f"Q{number:05d}"[-6:],
            )
            if status != "cancelled":
                Need.objects.create(
                    municipality=town,
                    registration=registration,
                    event=event,
                    kind="interpreting",
                    detail="ar",
                )


def add_confirmed(town, people, count):
    """People at the door: half of them in already."""
    event = _event("test-sitzung")
    for index in range(count):
        number = _number()
        Registration.objects.create(
            municipality=town,
            event=event,
            name=f"Gast {number}",
            phone=f"07154 {number:06d}",
            contact_key=f"tel:497154{number:06d}",
            status="confirmed",
            source="paper",
            paper_occasion="Liste am Eingang",
            entered_by=people["expertin"],
            checked_in_at=timezone.now() if index % 2 else None,
            checkin_code=f"G{number:05d}"[-6:],
        )


def add_events(town, people, count):
    """Events to come, past ones and drafts, each with registrations and in another place."""
    now = timezone.now()
    for offset in (-20, 10, 40):
        for _ in range(count):
            number = _number()
            venue = Venue.objects.create(
                municipality=town, slug=f"ort-{number}", name=f"Ort {number}", address="Weg 1"
            )
            event = Event.objects.create(
                municipality=town,
                slug=f"veranstaltung-{number}",
                kind="workshop" if offset > 0 else "conference",
                title=f"Veranstaltung {number}",
                starts_at=now + timedelta(days=offset),
                ends_at=now + timedelta(days=offset, hours=2),
                venue=venue,
                capacity=10,
                published_at=None if offset == 40 else now,
            )
            Registration.objects.create(
                municipality=town,
                event=event,
                member=people["mitglied"],
                status="confirmed",
                checked_in_at=now if offset < 0 else None,
            )


def add_agenda_items(town, people, count):
    event = _event("test-bestandsaufnahme")
    for _ in range(count):
        position = AgendaEntry.objects.filter(event=event).count() + 1
        item = AgendaEntry.objects.create(
            municipality=town,
            event=event,
            position=position,
            starts_at=time(19, 0),
            title=f"Punkt {position}",
            outcome="Besprochen.",
        )
        MinutesPoint.objects.create(municipality=town, agenda_item=item, position=1, text="Ein Ergebnis.")


def add_points(town, people, count):
    """Points of the minutes, some of them findings already."""
    from ankommen.dialogue.models import Contribution

    item = _item()
    finding = Contribution.objects.filter(municipality=town, kind="finding").first()
    for _ in range(count):
        position = MinutesPoint.objects.filter(agenda_item=item).count() + 1
        MinutesPoint.objects.create(
            municipality=town,
            agenda_item=item,
            position=position,
            kind="action",
            text=f"Aufgabe {position}",
            responsible="Stadtverwaltung",
            due_on=timezone.localdate() + timedelta(days=30),
        )
    if finding is not None and not MinutesPoint.objects.filter(finding=finding).exists():
        MinutesPoint.objects.create(
            municipality=town, agenda_item=item, position=99, text="Schon ein Befund.", finding=finding
        )


def add_sessions(town, people, count):
    """Sessions in rooms of their own, each with two speakers and registrations."""
    event = _event("test-konferenz")
    for _ in range(count):
        number = _number()
        room = Room.objects.create(municipality=town, event=event, name=f"Raum {number}", position=number)
        session = Session.objects.create(
            municipality=town,
            event=event,
            slug=f"programmpunkt-{number}",
            title=f"Programmpunkt {number}",
            room=room,
            starts_at=event.starts_at + timedelta(hours=3),
            ends_at=event.starts_at + timedelta(hours=4),
            capacity=5,
        )
        session.speakers.set(
            [
                Speaker.objects.create(
                    municipality=town, slug=f"person-{number}-{index}", name=f"Person {index}"
                )
                for index in range(2)
            ]
        )
        Registration.objects.create(
            municipality=town, event=event, session=session, member=people["mitglied"], status="confirmed"
        )


def add_venues(town, people, count):
    for _ in range(count):
        number = _number()
        venue = Venue.objects.create(
            municipality=town, slug=f"ort-{number}", name=f"Ort {number}", address="Weg 1", step_free=True
        )
        Event.objects.create(
            municipality=town,
            slug=f"im-ort-{number}",
            title="Im Ort",
            starts_at=timezone.now(),
            ends_at=timezone.now(),
            venue=venue,
        )


def add_speakers(town, people, count):
    workshop = Session.objects.get(event=_event("test-konferenz"), slug="werkstatt-sprache")
    for _ in range(count):
        number = Speaker.objects.count() + 1
        speaker = Speaker.objects.create(
            municipality=town, slug=f"referentin-{number}", name=f"Referentin {number}", role="Beratung"
        )
        workshop.speakers.add(speaker)


def _point():
    return MinutesPoint.objects.filter(agenda_item=_item()).order_by("position").first()


def _token():
    return Registration.objects.get(event=_event("test-sitzung"), name="Amira Haddad").checkin_token


PAGES = [
    Page("the events to organise", "admin", lambda: "/verwaltung/veranstaltungen/", (5, 5), add_events),
    Page("the new event form", "admin", lambda: "/verwaltung/veranstaltungen/neu/", (8, 8)),
    Page("an event's form", "admin", lambda: _page("test-sitzung"), (11, 11)),
    Page("an event's form for its organiser", "expertin", lambda: _page("test-sitzung"), (11, 11)),
    Page("the page that cancels an event", "admin", lambda: _page("test-sitzung", "absagen/"), (6, 6)),
    Page("the attendees", "admin", lambda: _page("test-sitzung", "teilnehmende/"), (8, 8), add_registrations),
    Page(
        "the attendees for the organiser",
        "expertin",
        lambda: _page("test-sitzung", "teilnehmende/"),
        (9, 9),
        add_registrations,
    ),
    Page(
        "the attendee export",
        "expertin",
        lambda: _page("test-sitzung", "teilnehmende.csv"),
        (7, 7),
        add_registrations,
    ),
    Page("registering a person", "expertin", lambda: _page("test-sitzung", "anmeldung/"), (6, 6)),
    Page("a paper list", "expertin", lambda: _page("test-bestandsaufnahme", "papierliste/"), (6, 6)),
    Page("the door", "expertin", lambda: _page("test-sitzung", "einlass/"), (7, 7), add_confirmed),
    Page("the door for an admin", "admin", lambda: _page("test-sitzung", "einlass/"), (6, 6), add_confirmed),
    Page("a registration's QR code", "expertin", lambda: f"/einlass/{_token()}/", (6, 6)),
    Page(
        "the agenda",
        "expertin",
        lambda: _page("test-bestandsaufnahme", "tagesordnung/"),
        (7, 7),
        add_agenda_items,
    ),
    Page(
        "an agenda item's form",
        "expertin",
        lambda: _page("test-bestandsaufnahme", f"tagesordnung/{_item().pk}/"),
        (7, 7),
    ),
    Page(
        "the minutes",
        "expertin",
        lambda: _page("test-bestandsaufnahme", f"tagesordnung/{_item().pk}/protokoll/"),
        (8, 8),
        add_points,
    ),
    Page(
        "the minutes for an admin",
        "admin",
        lambda: _page("test-bestandsaufnahme", f"tagesordnung/{_item().pk}/protokoll/"),
        (7, 7),
        add_points,
    ),
    Page(
        "a finding from the minutes",
        "admin",
        lambda: f"/verwaltung/veranstaltungen/protokoll/{_point().pk}/befund/",
        (5, 5),
    ),
    Page(
        "the programme to plan", "admin", lambda: _page("test-konferenz", "programm/"), (8, 8), add_sessions
    ),
    Page(
        "the new session form",
        "admin",
        lambda: _page("test-konferenz", "programm/neu/"),
        (8, 8),
        add_speakers,
    ),
    Page(
        "a session's form",
        "admin",
        lambda: _page(
            "test-konferenz",
            f"programm/{Session.objects.get(event=_event('test-konferenz'), slug='werkstatt-sprache').pk}/",
        ),
        (10, 10),
        add_speakers,
    ),
    Page("the new room form", "admin", lambda: _page("test-konferenz", "raeume/neu/"), (6, 6)),
    Page("the venues", "admin", lambda: "/verwaltung/veranstaltungsorte/", (5, 5), add_venues),
    Page("the new venue form", "admin", lambda: "/verwaltung/veranstaltungsorte/neu/", (4, 4)),
    Page("a venue's form", "admin", lambda: "/verwaltung/veranstaltungsorte/test-saal/", (5, 5)),
    Page("the speakers", "admin", lambda: "/verwaltung/referierende/", (5, 5), add_speakers),
    Page("the new speaker form", "admin", lambda: "/verwaltung/referierende/neu/", (4, 4)),
    Page("a speaker's form", "admin", lambda: "/verwaltung/referierende/test-referentin/", (5, 5)),
    # In another language the names of places, fields, sessions and agenda items come with their lists.
    Page(
        "the events to organise in English",
        "admin",
        lambda: "/en/verwaltung/veranstaltungen/",
        (7, 7),
        add_events,
    ),
    Page("an event's form in English", "admin", lambda: "/en" + _page("test-sitzung"), (16, 16), add_venues),
    Page(
        "the attendees in English",
        "expertin",
        lambda: "/en" + _page("test-sitzung", "teilnehmende/"),
        (10, 10),
        add_registrations,
    ),
    Page(
        "the agenda in English",
        "expertin",
        lambda: "/en" + _page("test-bestandsaufnahme", "tagesordnung/"),
        (9, 9),
        add_agenda_items,
    ),
    Page(
        "the programme in English",
        "admin",
        lambda: "/en" + _page("test-konferenz", "programm/"),
        (10, 10),
        add_sessions,
    ),
    Page(
        "the new session form in English",
        "admin",
        lambda: "/en" + _page("test-konferenz", "programm/neu/"),
        (11, 11),
        add_speakers,
    ),
    Page("the venues in English", "admin", lambda: "/en/verwaltung/veranstaltungsorte/", (6, 6), add_venues),
    Page("the speakers in English", "admin", lambda: "/en/verwaltung/referierende/", (6, 6), add_speakers),
]


@pytest.fixture(autouse=True)
def _prepared(town):
    world.prepare(town)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
