"""The events the events tests share, made once per database beside the demo (`prepare(town)`, idempotent).

- `test-sitzung`: a session of the Dialogplattform in a week, 3 places, organised by the expert
  (not an admin), with the member registered and a person who called (phone only);
- `test-bestandsaufnahme`: a stocktaking session of "Wohnen und Leben" (whose stocktaking runs) that
  began two hours ago, with an agenda item, its outcome and two points of the minutes;
- `test-konferenz`: a conference in 30 days with two rooms, a session with 2 places and a speaker;
- `test-entwurf`: an event not yet published.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from ankommen.accounts.models import Member
from ankommen.concept.models import Field, Stage
from ankommen.events.models import (
    AgendaEntry,
    Event,
    MinutesPoint,
    Registration,
    Room,
    Session,
    Source,
    Speaker,
    Venue,
)


def person(town, local_part):
    return Member.objects.select_related("user").get(
        municipality=town, user__email__startswith=f"{local_part}@"
    )


def event(town, slug):
    return Event.objects.get(municipality=town, slug=slug)


def _day_at(days, hour, minutes=0):
    """A moment `days` from today at a fixed local hour, so that no test event crosses midnight."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minutes)))


def prepare(town):
    if Event.objects.filter(municipality=town, slug="test-sitzung").exists():
        return
    now = timezone.now().replace(second=0, microsecond=0)
    venue, _ = Venue.objects.get_or_create(
        municipality=town,
        slug="test-saal",
        defaults={
            "name": "Testsaal im Rathaus",
            "address": "Jakob-Sigle-Platz 1, 70806 Kornwestheim",
            "step_free": True,
            "accessible_toilet": True,
            "accessibility": "Eingang ohne Stufen an der Rückseite; Aufzug in alle Stockwerke.",
        },
    )
    expert = person(town, "expertin")
    housing = Field.objects.get(municipality=town, slug="wohnen-und-leben")
    stocktaking = Stage.objects.get(field=housing, kind="stocktaking")

    session = Event.objects.create(
        municipality=town,
        slug="test-sitzung",
        kind="session",
        title="Sitzung der Dialogplattform (Test)",
        summary="Wir sammeln, was im Wohnen gut läuft.",
        starts_at=_day_at(7, 18),
        ends_at=_day_at(7, 20),
        venue=venue,
        room="Raum 101",
        capacity=3,
        contact="Integrationsbeauftragte, Telefon 07154 202-0",
        published_at=now - timedelta(days=10),
    )
    session.fields.set([housing])
    session.organisers.set([expert])
    Registration.objects.create(
        municipality=town, event=session, member=person(town, "mitglied"), status="confirmed"
    )
    Registration.objects.create(
        municipality=town,
        event=session,
        name="Amira Haddad",
        phone="07154 123456",
        contact_key="tel:497154123456",
        status="confirmed",
        source=Source.PHONE,
        entered_by=person(town, "admin"),
    )

    past = Event.objects.create(
        municipality=town,
        slug="test-bestandsaufnahme",
        kind="session",
        title="Bestandsaufnahme Wohnen (Test)",
        starts_at=now - timedelta(hours=2),
        ends_at=now + timedelta(hours=1),
        venue=venue,
        stage=stocktaking,
        published_at=now - timedelta(days=20),
    )
    past.fields.set([housing])
    past.organisers.set([expert])
    item = AgendaEntry.objects.create(
        municipality=town,
        event=past,
        position=1,
        starts_at=time(18, 0),
        ends_at=time(18, 45),
        title="Was fehlt beim Wohnen?",
        speakers="Expertin des Wohnungsamts",
        outcome="Es fehlen kleine, bezahlbare Wohnungen.",
    )
    for position, text in enumerate(
        ("Kleine Wohnungen für Alleinstehende fehlen.", "Die Wohnungsbörse kennen zu wenige."), start=1
    ):
        MinutesPoint.objects.create(
            municipality=town, agenda_item=item, position=position, kind="result", text=text
        )

    conference = Event.objects.create(
        municipality=town,
        slug="test-konferenz",
        kind="conference",
        title="Ankommenskonferenz (Test)",
        starts_at=_day_at(30, 10),
        ends_at=_day_at(30, 16),
        venue=venue,
        capacity=100,
        published_at=now - timedelta(days=5),
    )
    big = Room.objects.create(municipality=town, event=conference, name="Großer Saal", position=1)
    Room.objects.create(municipality=town, event=conference, name="Raum 2", position=2)
    speaker, _ = Speaker.objects.get_or_create(
        municipality=town,
        slug="test-referentin",
        defaults={"name": "Dr. Lena Vogt", "role": "Hochschule Ludwigsburg", "bio": "Forscht zu Teilhabe."},
    )
    workshop = Session.objects.create(
        municipality=town,
        event=conference,
        slug="werkstatt-sprache",
        title="Werkstatt: Sprache lernen im Alltag",
        room=big,
        starts_at=conference.starts_at + timedelta(hours=1),
        ends_at=conference.starts_at + timedelta(hours=2),
        capacity=2,
    )
    workshop.speakers.set([speaker])

    Event.objects.create(
        municipality=town,
        slug="test-entwurf",
        kind="workshop",
        title="Workshop im Entwurf (Test)",
        starts_at=_day_at(14, 9),
        ends_at=_day_at(14, 12),
        venue=venue,
    )
