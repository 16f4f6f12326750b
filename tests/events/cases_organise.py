"""Permission cases of the organisers' pages (see tests/events/test_permissions.py).

The admins organise every event; the expert organises `test-sitzung` and `test-bestandsaufnahme`
(tests/events/world.py) and may their pages, but not the list of all events, a new event, the
places, the speakers or cancelling, and no page of another event (`test-konferenz`). Turning a
point of the minutes into a finding is staff's (the dialogue's rule for findings from paper).
"""

from django.utils import timezone

from ankommen.accounts.models import Member
from ankommen.concept.models import Field
from ankommen.dialogue.models import Contribution
from ankommen.events.models import (
    AgendaEntry,
    Event,
    MinutesPoint,
    Registration,
    Room,
    Session,
    Speaker,
    Venue,
)
from tests.permissions import ADMIN, EVERYONE, MEMBERS, Case  # noqa: F401

TOWN = "kornwestheim"
ORGANISERS = ADMIN | {"expertin"}

OPEN_TO_EVERYONE = set()


def _event(slug):
    return Event.objects.get(municipality__slug=TOWN, slug=slug)


def _page(slug, rest=""):
    return f"/verwaltung/veranstaltungen/{slug}/{rest}"


def _item():
    return AgendaEntry.objects.get(event=_event("test-bestandsaufnahme"), position=1)


def _point():
    return MinutesPoint.objects.filter(agenda_item=_item()).order_by("position").first()


def _registration(**lookup):
    return Registration.objects.get(event=_event("test-sitzung"), **lookup)


def _housing():
    return Field.objects.get(municipality__slug=TOWN, slug="wohnen-und-leben")


def _venue():
    return Venue.objects.get(municipality__slug=TOWN, slug="test-saal")


def _workshop():
    return Session.objects.get(event=_event("test-konferenz"), slug="werkstatt-sprache")


def _local(moment):
    moment = timezone.localtime(moment)
    return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M")


def new_event_data():
    return {
        "kind": "talk",
        "title": "Fachgespräch: Wohnungen für Familien",
        "summary": "Was Familien bei der Wohnungssuche hilft.",
        "description": "",
        "day": "2027-03-04",
        "start": "18:00",
        "end": "20:00",
        "last_day": "",
        "venue": str(_venue().pk),
        "room": "Raum 101",
        "online_url": "",
        "fields": [str(_housing().pk)],
        "stage": "",
        "registration": "on",
        "capacity": "20",
        "contact": "",
        "organisers": [
            str(Member.objects.get(municipality__slug=TOWN, user__email__startswith="expertin@").pk)
        ],
    }


def session_event_data():
    """test-sitzung as it is, with a new short description (no change anyone registered must hear of)."""
    event = _event("test-sitzung")
    day, start = _local(event.starts_at)
    _day, end = _local(event.ends_at)
    return {
        "kind": event.kind,
        "title": event.title,
        "summary": "Wir sammeln, was im Wohnen gut läuft und was fehlt.",
        "description": event.description,
        "day": day,
        "start": start,
        "end": end,
        "last_day": "",
        "venue": str(event.venue_id),
        "room": event.room,
        "online_url": "",
        "fields": [str(_housing().pk)],
        "stage": "",
        "registration": "on",
        "capacity": str(event.capacity),
        "contact": event.contact,
        "organisers": [str(pk) for pk in event.organisers.values_list("pk", flat=True)],
    }


def minutes_data():
    return {
        "outcome": "Es fehlen kleine, bezahlbare Wohnungen; die Wohnungsbörse wird bekannter gemacht.",
        "punkte-TOTAL_FORMS": "3",
        "punkte-INITIAL_FORMS": "0",
        "punkte-MIN_NUM_FORMS": "0",
        "punkte-MAX_NUM_FORMS": "1000",
        "punkte-0-kind": "result",
        "punkte-0-text": "Kleine Wohnungen für Alleinstehende fehlen.",
        "punkte-0-responsible": "",
        "punkte-0-due_on": "",
        "punkte-1-kind": "action",
        "punkte-1-text": "Die Wohnungsbörse im Amtsblatt vorstellen.",
        "punkte-1-responsible": "Integrationsbeauftragte",
        "punkte-1-due_on": "2027-01-31",
        "punkte-2-kind": "result",
        "punkte-2-text": "",
        "punkte-2-responsible": "",
        "punkte-2-due_on": "",
    }


def session_data():
    event = _event("test-konferenz")
    day, start = _local(event.starts_at)
    return {
        "title": "Podium: Arbeit finden",
        "description": "Drei Betriebe erzählen, wie sie einstellen.",
        "room": str(Room.objects.get(event=event, name="Raum 2").pk),
        "day": day,
        "start": "14:00",
        "end": "15:30",
        "speakers": [str(Speaker.objects.get(municipality__slug=TOWN, slug="test-referentin").pk)],
        "capacity": "",
        "field": "",
    }


def workshop_data():
    workshop = _workshop()
    day, start = _local(workshop.starts_at)
    _day, end = _local(workshop.ends_at)
    return {
        "title": workshop.title,
        "description": workshop.description,
        "room": str(workshop.room_id),
        "day": day,
        "start": start,
        "end": end,
        "speakers": [str(pk) for pk in workshop.speakers.values_list("pk", flat=True)],
        "capacity": "4",
        "field": "",
    }


VENUE = {
    "name": "Stadtteilzentrum Weststadt",
    "address": "Weststraße 12, 70806 Kornwestheim",
    "step_free": "on",
    "accessible_toilet": "on",
    "hearing_loop": "",
    "accessibility": "Eingang ebenerdig.",
    "directions": "Bus 411, Haltestelle Weststadt.",
}

CASES = [
    # the events, and an event
    Case("see the events to organise", "get", lambda: "/verwaltung/veranstaltungen/", ADMIN),
    Case("see the new event form", "get", lambda: "/verwaltung/veranstaltungen/neu/", ADMIN),
    Case(
        "create an event",
        "post",
        lambda: "/verwaltung/veranstaltungen/neu/",
        ADMIN,
        new_event_data,
        lambda: Event.objects.count(),
    ),
    Case("see an event's form", "get", lambda: _page("test-sitzung"), ORGANISERS),
    Case("see the form of an event one does not organise", "get", lambda: _page("test-konferenz"), ADMIN),
    Case(
        "change an event",
        "post",
        lambda: _page("test-sitzung"),
        ORGANISERS,
        session_event_data,
        lambda: _event("test-sitzung").summary,
    ),
    Case(
        "publish an event",
        "post",
        lambda: _page("test-entwurf", "veroeffentlichen/"),
        ADMIN,
        {},
        lambda: _event("test-entwurf").published_at,
    ),
    Case("see the page that cancels an event", "get", lambda: _page("test-sitzung", "absagen/"), ADMIN),
    Case(
        "cancel an event",
        "post",
        lambda: _page("test-sitzung", "absagen/"),
        ADMIN,
        {"reason": "Der Saal ist an diesem Abend nicht frei."},
        lambda: _event("test-sitzung").cancelled_at,
    ),
    # attendees
    Case("see the attendees", "get", lambda: _page("test-sitzung", "teilnehmende/"), ORGANISERS),
    Case(
        "see the attendees of an event one does not organise",
        "get",
        lambda: _page("test-konferenz", "teilnehmende/"),
        ADMIN,
    ),
    Case("export the attendees", "get", lambda: _page("test-sitzung", "teilnehmende.csv"), ORGANISERS),
    Case(
        "export the attendees of an event one does not organise",
        "get",
        lambda: _page("test-konferenz", "teilnehmende.csv"),
        ADMIN,
    ),
    Case(
        "see the form that registers a person", "get", lambda: _page("test-sitzung", "anmeldung/"), ORGANISERS
    ),
    Case(
        "register a person who called",
        "post",
        lambda: _page("test-sitzung", "anmeldung/"),
        ORGANISERS,
        {"name": "Hanna Berger", "phone": "07154 998877", "email": "", "language": "de"},
        lambda: Registration.objects.count(),
    ),
    Case(
        "see the paper list form",
        "get",
        lambda: _page("test-bestandsaufnahme", "papierliste/"),
        ORGANISERS,
    ),
    Case(
        "enter a paper list",
        "post",
        lambda: _page("test-bestandsaufnahme", "papierliste/"),
        ORGANISERS,
        {"lines": "Ali Yilmaz; 0171 2345678\nMaria Rossi", "occasion": "Liste am Eingang"},
        lambda: Registration.objects.count(),
    ),
    # at the door
    Case("see the door", "get", lambda: _page("test-sitzung", "einlass/"), ORGANISERS),
    Case(
        "see the door of an event one does not organise",
        "get",
        lambda: _page("test-konferenz", "einlass/"),
        ADMIN,
    ),
    Case(
        "let someone in by their code",
        "post",
        lambda: _page("test-sitzung", "einlass/"),
        ORGANISERS,
        lambda: {"code": _registration(member__isnull=False).checkin_code.lower()},
        lambda: Registration.objects.filter(checked_in_at__isnull=False).count(),
    ),
    Case(
        "open a registration's QR code",
        "get",
        lambda: f"/einlass/{_registration(name='Amira Haddad').checkin_token}/",
        ORGANISERS,
    ),
    Case(
        "let someone in by their QR code",
        "post",
        lambda: f"/einlass/{_registration(name='Amira Haddad').checkin_token}/",
        ORGANISERS,
        {},
        lambda: Registration.objects.filter(checked_in_at__isnull=False).count(),
    ),
    # agenda and minutes
    Case("see the agenda", "get", lambda: _page("test-sitzung", "tagesordnung/"), ORGANISERS),
    Case(
        "add an agenda item",
        "post",
        lambda: _page("test-sitzung", "tagesordnung/"),
        ORGANISERS,
        {
            "starts_at": "18:00",
            "ends_at": "18:15",
            "title": "Begrüßung",
            "speakers": "Integrationsbeauftragte",
        },
        lambda: AgendaEntry.objects.count(),
    ),
    Case(
        "see an agenda item's form",
        "get",
        lambda: _page("test-bestandsaufnahme", f"tagesordnung/{_item().pk}/"),
        ORGANISERS,
    ),
    Case(
        "change an agenda item",
        "post",
        lambda: _page("test-bestandsaufnahme", f"tagesordnung/{_item().pk}/"),
        ORGANISERS,
        {"starts_at": "18:00", "ends_at": "19:00", "title": "Was fehlt beim Wohnen?", "speakers": ""},
        lambda: str(_item().ends_at),
    ),
    Case(
        "see the minutes of an agenda item",
        "get",
        lambda: _page("test-bestandsaufnahme", f"tagesordnung/{_item().pk}/protokoll/"),
        ORGANISERS,
    ),
    Case(
        "write the minutes of an agenda item",
        "post",
        lambda: _page("test-bestandsaufnahme", f"tagesordnung/{_item().pk}/protokoll/"),
        ORGANISERS,
        minutes_data,
        lambda: _item().outcome,
    ),
    Case(
        "see the form that makes a point a finding",
        "get",
        lambda: f"/verwaltung/veranstaltungen/protokoll/{_point().pk}/befund/",
        ADMIN,
    ),
    Case(
        "make a point of the minutes a finding",
        "post",
        lambda: f"/verwaltung/veranstaltungen/protokoll/{_point().pk}/befund/",
        ADMIN,
        {"title": "Kleine Wohnungen für Alleinstehende fehlen", "finding_kind": "need"},
        lambda: Contribution.objects.count(),
    ),
    # a conference's programme
    Case("see the programme to plan", "get", lambda: _page("test-konferenz", "programm/"), ADMIN),
    Case("see the new session form", "get", lambda: _page("test-konferenz", "programm/neu/"), ADMIN),
    Case(
        "add a session",
        "post",
        lambda: _page("test-konferenz", "programm/neu/"),
        ADMIN,
        session_data,
        lambda: Session.objects.count(),
    ),
    Case(
        "see a session's form", "get", lambda: _page("test-konferenz", f"programm/{_workshop().pk}/"), ADMIN
    ),
    Case(
        "change a session",
        "post",
        lambda: _page("test-konferenz", f"programm/{_workshop().pk}/"),
        ADMIN,
        workshop_data,
        lambda: _workshop().capacity,
    ),
    Case("see the new room form", "get", lambda: _page("test-konferenz", "raeume/neu/"), ADMIN),
    Case(
        "add a room",
        "post",
        lambda: _page("test-konferenz", "raeume/neu/"),
        ADMIN,
        {"name": "Raum 3", "position": "3", "accessibility": "Im ersten Stock, mit Aufzug."},
        lambda: Room.objects.count(),
    ),
    # places and speakers
    Case("see the venues", "get", lambda: "/verwaltung/veranstaltungsorte/", ADMIN),
    Case("see the new venue form", "get", lambda: "/verwaltung/veranstaltungsorte/neu/", ADMIN),
    Case(
        "add a venue",
        "post",
        lambda: "/verwaltung/veranstaltungsorte/neu/",
        ADMIN,
        VENUE,
        lambda: Venue.objects.count(),
    ),
    Case("see a venue's form", "get", lambda: "/verwaltung/veranstaltungsorte/test-saal/", ADMIN),
    Case(
        "change a venue",
        "post",
        lambda: "/verwaltung/veranstaltungsorte/test-saal/",
        ADMIN,
        {**VENUE, "name": "Testsaal im Rathaus", "hearing_loop": "on"},
        lambda: _venue().hearing_loop,
    ),
    Case("see the speakers", "get", lambda: "/verwaltung/referierende/", ADMIN),
    Case("see the new speaker form", "get", lambda: "/verwaltung/referierende/neu/", ADMIN),
    Case(
        "add a speaker",
        "post",
        lambda: "/verwaltung/referierende/neu/",
        ADMIN,
        {"name": "Prof. Dr. Jonas Weber", "role": "Universität Stuttgart", "bio": "", "photo_alt": ""},
        lambda: Speaker.objects.count(),
    ),
    Case("see a speaker's form", "get", lambda: "/verwaltung/referierende/test-referentin/", ADMIN),
    Case(
        "change a speaker",
        "post",
        lambda: "/verwaltung/referierende/test-referentin/",
        ADMIN,
        {
            "name": "Dr. Lena Vogt",
            "role": "Hochschule Ludwigsburg",
            "bio": "Forscht zu Teilhabe und Sprache.",
        },
        lambda: Speaker.objects.get(municipality__slug=TOWN, slug="test-referentin").bio,
    ),
]
