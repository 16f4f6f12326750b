"""The pages for everyone run exactly their pinned number of queries, with N items as with 3N.

See tests/queries.py for how a page is measured; the events come from tests/events/world.py and
each page's list grows by events, registrations, agenda items and points, or conference sessions.
"""

import itertools
from datetime import time, timedelta

import pytest
from django.utils import timezone

from ankommen.concept.models import Field
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
from tests.events import world
from tests.queries import Page, pin

TOWN = "kornwestheim"
_numbers = itertools.count(1)


def _event(slug):
    return Event.objects.get(municipality__slug=TOWN, slug=slug)


def _month_ahead():
    """A month no test event lies in: two months from now (the added events go there)."""
    day = (timezone.localdate().replace(day=1) + timedelta(days=62)).replace(day=1)
    return day


def add_events(town, people, count, *, starts=None):
    """Published events with a place, two fields, a stage, and registrations (one taken, one waiting)."""
    venue = Venue.objects.get(municipality=town, slug="test-saal")
    fields = list(Field.objects.filter(municipality=town)[:2])
    for _ in range(count):
        number = next(_numbers)
        start = (starts or timezone.now() + timedelta(days=3)) + timedelta(hours=number)
        event = Event.objects.create(
            municipality=town,
            slug=f"seite-{number}",
            kind="workshop",
            title=f"Workshop {number}",
            summary="Kurz gesagt.",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            venue=venue,
            capacity=1,
            published_at=timezone.now(),
        )
        event.fields.set(fields)
        Registration.objects.create(
            municipality=town, event=event, member=people["mitglied"], status="confirmed"
        )
        Registration.objects.create(
            municipality=town, event=event, member=people["expertin"], status="waiting"
        )


def add_events_in_the_month(town, people, count):
    month = _month_ahead()
    zone = timezone.get_current_timezone()
    from datetime import datetime

    add_events(town, people, count, starts=datetime(month.year, month.month, 3, 9, tzinfo=zone))


def add_agenda_with_minutes(town, people, count):
    """Agenda items of the stocktaking session, each with two points of its minutes; and registrations."""
    event = _event("test-bestandsaufnahme")
    for _ in range(count):
        number = next(_numbers) + 10
        item = AgendaEntry.objects.create(
            municipality=town,
            event=event,
            position=number,
            starts_at=time(19, 0),
            title=f"Punkt {number}",
            outcome="Besprochen.",
        )
        for position, kind in enumerate(("decision", "action"), start=1):
            MinutesPoint.objects.create(
                municipality=town,
                agenda_item=item,
                position=position,
                kind=kind,
                text="Wir machen das.",
                responsible="Stadt",
                due_on=timezone.localdate(),
            )


def add_registrations(town, people, count):
    """People registered for the session of the Dialogplattform, beyond its places (they wait)."""
    event = _event("test-sitzung")
    for _ in range(count):
        number = next(_numbers)
        Registration.objects.create(
            municipality=town,
            event=event,
            name=f"Person {number}",
            phone=f"0715{number:06d}",
            contact_key=f"tel:49715{number:06d}",
            status="waiting",
        )


def add_sessions(town, people, count):
    """Sessions of the conference in a room of their own, each with two speakers and places."""
    conference = _event("test-konferenz")
    for _ in range(count):
        number = next(_numbers)
        room = Room.objects.create(
            municipality=town, event=conference, name=f"Raum {number + 10}", position=number
        )
        session = Session.objects.create(
            municipality=town,
            event=conference,
            slug=f"programmpunkt-{number}",
            title=f"Programmpunkt {number}",
            room=room,
            starts_at=conference.starts_at + timedelta(hours=3),
            ends_at=conference.starts_at + timedelta(hours=4),
            capacity=10,
        )
        session.speakers.set(
            [
                Speaker.objects.create(
                    municipality=town, slug=f"sprecherin-{number}-{n}", name=f"Sprecherin {n}"
                )
                for n in range(2)
            ]
        )
        Registration.objects.create(
            municipality=town,
            event=conference,
            session=session,
            member=people["mitglied"],
            status="confirmed",
        )


def add_own_registrations(town, people, count):
    """The member's registrations: a confirmed one (with its QR code) and a waiting one per round."""
    add_events(town, people, count)
    for event in Event.objects.filter(municipality=town, slug__startswith="seite-"):
        Registration.objects.get_or_create(
            municipality=town, event=event, member=people["nachbarschaft"], defaults={"status": "waiting"}
        )


def _members_registration():
    return Registration.objects.get(event=_event("test-sitzung"), member__user__email__startswith="mitglied@")


PAGES = [
    Page("the calendar", None, lambda: "/veranstaltungen/", (5, 5), add_events),
    Page("the calendar for a member", "mitglied", lambda: "/veranstaltungen/", (9, 9), add_events),
    Page("the calendar in English", None, lambda: "/en/veranstaltungen/", (9, 9), add_events),
    Page(
        "the calendar of a field and kind",
        "mitglied",
        lambda: "/veranstaltungen/?feld=wohnen-und-leben&art=workshop",
        (9, 9),
        add_events,
    ),
    Page("the past events", None, lambda: "/veranstaltungen/?zeit=vergangen", (5, 5), add_events),
    Page(
        "a month",
        None,
        lambda: f"/veranstaltungen/monat/{_month_ahead().year}/{_month_ahead().month}/",
        (4, 4),
        add_events_in_the_month,
    ),
    Page(
        "a month for a member",
        "mitglied",
        lambda: f"/veranstaltungen/monat/{_month_ahead().year}/{_month_ahead().month}/",
        (8, 8),
        add_events_in_the_month,
    ),
    Page("an event", None, lambda: "/veranstaltungen/test-sitzung/", (5, 5), add_registrations),
    Page(
        "an event one is registered for",
        "mitglied",
        lambda: "/veranstaltungen/test-sitzung/",
        (10, 10),
        add_registrations,
    ),
    Page(
        "an event for its organiser",
        "expertin",
        lambda: "/veranstaltungen/test-sitzung/",
        (10, 10),
        add_registrations,
    ),
    Page(
        "an event's minutes",
        None,
        lambda: "/veranstaltungen/test-bestandsaufnahme/",
        (6, 6),
        add_agenda_with_minutes,
    ),
    Page(
        "an event's minutes in English",
        None,
        lambda: "/en/veranstaltungen/test-bestandsaufnahme/",
        (11, 11),
        add_agenda_with_minutes,
    ),
    Page("a conference", None, lambda: "/veranstaltungen/test-konferenz/", (8, 8), add_sessions),
    Page(
        "a conference for a member",
        "mitglied",
        lambda: "/veranstaltungen/test-konferenz/",
        (13, 13),
        add_sessions,
    ),
    Page(
        "a conference's programme",
        None,
        lambda: "/veranstaltungen/test-konferenz/programm/",
        (6, 6),
        add_sessions,
    ),
    Page("an event's calendar file", None, lambda: "/veranstaltungen/test-sitzung/kalender.ics", (2, 2)),
    # The feed is built and kept on the first request (the town's cache version read, written where
    # missing; the kept feed looked up, the events read, the feed stored), read from the cache after.
    Page("the calendar feed", None, lambda: "/veranstaltungen/kalender.ics", (14, 3), add_events),
    Page(
        "a field's calendar feed",
        None,
        lambda: "/veranstaltungen/kalender.ics?feld=wohnen-und-leben",
        (15, 4),
        add_events,
    ),
    Page("the registration form", "mitglied", lambda: "/veranstaltungen/test-konferenz/anmelden/", (8, 8)),
    Page(
        "the question before cancelling",
        "mitglied",
        lambda: f"/veranstaltungen/anmeldungen/{_members_registration().pk}/abmelden/",
        (5, 5),
    ),
    Page(
        "one's registrations",
        "nachbarschaft",
        lambda: "/konto/veranstaltungen/",
        (6, 6),
        add_own_registrations,
    ),
]


@pytest.fixture(autouse=True)
def _prepared(town):
    world.prepare(town)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
