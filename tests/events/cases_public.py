"""Permission cases of the pages for everyone (see tests/events/test_permissions.py and world.py).

The calendar, a month, the feed and a conference's programme are for everyone; a draft and its
calendar file only for those who organise it (the admins: the test draft names no organiser).
Registering asks for a person of the town (a visitor is sent to log in, a member of another town
refused); cancelling a registration is for the person and those who organise the event.
"""

from ankommen.accounts.models import Member
from ankommen.events.models import Registration
from tests.events import world
from tests.permissions import ADMIN, EVERYONE, MEMBERS, Case

TOWN = "kornwestheim"

OPEN_TO_EVERYONE = {"events:calendar", "events:month", "events:feed", "events:programme"}


def _town():
    from ankommen.core.models import Municipality

    return Municipality.objects.get(slug=TOWN)


def _event(slug):
    return world.event(_town(), slug)


def _members_registration():
    """The member's registration for the session of the Dialogplattform (world.py)."""
    return Registration.objects.get(event=_event("test-sitzung"), member__user__email__startswith="mitglied@")


def _conference_seats():
    """Every member of the town gets a seat at the conference first: sessions are for those who come."""
    conference = _event("test-konferenz")
    for member in Member.objects.filter(municipality=conference.municipality):
        Registration.objects.get_or_create(
            municipality=conference.municipality,
            event=conference,
            session=None,
            member=member,
            defaults={"status": "confirmed"},
        )
    return "/veranstaltungen/test-konferenz/programm/werkstatt-sprache/anmelden/"


def _registrations(slug, **lookup):
    return lambda: Registration.objects.filter(
        event__municipality__slug=TOWN, event__slug=slug, **lookup
    ).count()


CASES = [
    Case("see the calendar", "get", lambda: "/veranstaltungen/", EVERYONE),
    Case("see a month", "get", lambda: "/veranstaltungen/monat/2027/1/", EVERYONE),
    Case("subscribe to the calendar", "get", lambda: "/veranstaltungen/kalender.ics", EVERYONE),
    Case("see an event", "get", lambda: "/veranstaltungen/test-sitzung/", EVERYONE),
    Case("see a conference", "get", lambda: "/veranstaltungen/test-konferenz/", EVERYONE),
    Case("see an event's minutes", "get", lambda: "/veranstaltungen/test-bestandsaufnahme/", EVERYONE),
    Case("see a draft", "get", lambda: "/veranstaltungen/test-entwurf/", ADMIN),
    Case("download an event", "get", lambda: "/veranstaltungen/test-sitzung/kalender.ics", EVERYONE),
    Case("download a draft", "get", lambda: "/veranstaltungen/test-entwurf/kalender.ics", ADMIN),
    Case("print a programme", "get", lambda: "/veranstaltungen/test-konferenz/programm/", EVERYONE),
    Case("see the registration form", "get", lambda: "/veranstaltungen/test-konferenz/anmelden/", MEMBERS),
    Case(
        "register for a conference",
        "post",
        lambda: "/veranstaltungen/test-konferenz/anmelden/",
        MEMBERS,
        {"interpreting": "ar", "childcare": "on", "consent": "on"},
        _registrations("test-konferenz", status="confirmed", session=None),
    ),
    Case(
        "register for a session of the conference",
        "post",
        _conference_seats,
        MEMBERS,
        {},
        _registrations("test-konferenz", session__slug="werkstatt-sprache"),
    ),
    Case(
        "see the question before cancelling",
        "get",
        lambda: f"/veranstaltungen/anmeldungen/{_members_registration().pk}/abmelden/",
        {"mitglied", "expertin", "admin"},
    ),
    Case(
        "cancel a registration",
        "post",
        lambda: f"/veranstaltungen/anmeldungen/{_members_registration().pk}/abmelden/",
        {"mitglied", "expertin", "admin"},
        {},
        _registrations("test-sitzung", status="cancelled"),
    ),
    Case("see one's registrations", "get", lambda: "/konto/veranstaltungen/", MEMBERS),
]
