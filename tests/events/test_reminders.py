"""Telling people: reminders 48 and 3 hours before (each once, to those with a seat, none for an event called
off), the organisers at four fifths and at all seats taken (once each), and everyone registered of a change
of time or place, spelled out in their language (SEQUENCE + 1 for their calendars).

The clock moves with time-machine; the periodic job runs through the scheduler as in production.
"""

from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from ankommen.core import schedule
from ankommen.core.models import Notification
from ankommen.core.registry import registry
from ankommen.events import services
from ankommen.events.models import Event, Registration, Venue
from tests.events import crowd
from tests.events.world import person


def told(event, kind):
    """{user id: how often} told of `kind` about `event`."""
    return Counter(
        Notification.objects.filter(kind=kind, target_id=event.pk).values_list("recipient_id", flat=True)
    )


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def subject(kind, event, language):
    with translation.override(language):
        return {"reminder": _("Erinnerung: %(event)s"), "changed": _("Geändert: %(event)s")}[kind] % {
            "event": event.title
        }


@pytest.fixture
def gathering(town):
    """An event in five days with three seats: a member reading German and one reading English with a seat, a
    person who called with an address (reading English) with the third, one member waiting and one who
    cancelled while waiting."""
    admin = person(town, "admin")
    event = crowd.event(town, "erinnerung", capacity=3, starts_in=timedelta(days=5))
    german, english = (
        crowd.members(town, 1, prefix="deutsch")[0],
        crowd.members(town, 1, prefix="englisch", language="en")[0],
    )
    waiting, cancelled = crowd.members(town, 2, prefix="wartet")
    services.register(event, member=german)
    services.register(event, member=english)
    contact = services.register_contact(
        event, actor=admin, name="Sam Miller", email="sam@example.org", language="en"
    )
    assert services.register(event, member=waiting).is_waiting
    gone = services.register(event, member=cancelled)
    services.cancel(Registration.objects.select_related("event").get(pk=gone.pk), actor=cancelled)
    mail.outbox.clear()
    return {
        "event": Event.objects.get(pk=event.pk),
        "admin": admin,
        "german": german,
        "english": english,
        "contact": contact,
        "waiting": waiting,
        "cancelled": cancelled,
    }


@pytest.mark.django_db
def test_reminders_48_and_3_hours_before_each_once_to_those_with_a_seat(gathering, time_machine):
    event = gathering["event"]
    with_a_seat = Counter([gathering["german"].user_id, gathering["english"].user_id])
    assert "events.remind" in registry.periodic

    time_machine.move_to(event.starts_at - timedelta(hours=49), tick=False)
    services.remind()
    assert told(event, "events.reminder") == Counter()

    time_machine.move_to(event.starts_at - timedelta(hours=47), tick=False)
    assert "events.remind" in schedule.run_due()  # the scheduler runs the job
    services.remind()  # run again (a second scheduler, a retry): nobody hears twice
    assert told(event, "events.reminder") == with_a_seat
    assert [message.subject for message in mails_to("sam@example.org")] == [subject("reminder", event, "en")]

    time_machine.move_to(event.starts_at - timedelta(hours=2, minutes=59), tick=False)
    services.remind()
    services.remind()
    assert told(event, "events.reminder") == with_a_seat + with_a_seat
    assert [message.subject for message in mails_to("sam@example.org")] == [
        subject("reminder", event, "en")
    ] * 2

    time_machine.move_to(event.starts_at + timedelta(minutes=5), tick=False)
    services.remind()
    assert told(event, "events.reminder") == with_a_seat + with_a_seat
    # Neither the person waiting nor the one who cancelled heard a reminder.
    assert not Notification.objects.filter(
        kind="events.reminder", recipient__in=[gathering["waiting"].user, gathering["cancelled"].user]
    ).exists()


@pytest.mark.django_db
def test_an_event_called_off_reminds_nobody(gathering, time_machine):
    event = gathering["event"]
    services.cancel_event(event, actor=gathering["admin"], reason="Der Saal ist nicht beheizt.")
    mail.outbox.clear()
    for hours in (47, 2):
        time_machine.move_to(event.starts_at - timedelta(hours=hours), tick=False)
        services.remind()
    assert told(event, "events.reminder") == Counter()
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_event_first_seen_within_three_hours_reminds_once(town, time_machine):
    event = crowd.event(town, "bald", capacity=10, starts_in=timedelta(hours=2))
    (member,) = crowd.members(town, 1, prefix="bald")
    services.register(event, member=member)
    services.remind()
    assert told(event, "events.reminder") == Counter([member.user_id])
    time_machine.move_to(timezone.now() + timedelta(minutes=30), tick=False)
    services.remind()
    assert told(event, "events.reminder") == Counter([member.user_id])


@pytest.mark.django_db
def test_organisers_hear_once_at_four_fifths_and_once_when_all_seats_are_taken(town):
    organisers = [person(town, "expertin"), person(town, "admin")]
    event = crowd.event(town, "fuellt-sich", capacity=5, organisers=organisers)
    people = crowd.members(town, 8, prefix="fuellt")
    each_once = Counter(organiser.user_id for organiser in organisers)

    for member in people[:3]:
        services.register(event, member=member)
    assert told(event, "events.filling") == told(event, "events.full") == Counter()
    services.register(event, member=people[3])  # 4 of 5
    assert told(event, "events.filling") == each_once and told(event, "events.full") == Counter()
    services.register_contact(event, actor=organisers[1], name="Ana B.", phone="0171 5555555")  # 5 of 5
    assert told(event, "events.full") == each_once
    services.register(event, member=people[4])  # waits
    # A seat freed and taken again, another freed and the capacity raised and filled: told once, still.
    first = Registration.objects.select_related("event").get(event=event, member=people[0])
    services.cancel(first, actor=people[0])
    services.register(event, member=people[5])
    services.save_event(Event.objects.get(pk=event.pk), actor=organisers[1], capacity=7)
    services.register(event, member=people[6])
    services.register(event, member=people[7])
    assert told(event, "events.filling") == each_once and told(event, "events.full") == each_once


@pytest.mark.django_db
def test_a_single_seat_taken_tells_the_organisers_it_is_full_and_nothing_of_four_fifths(town):
    organiser = person(town, "expertin")
    event = crowd.event(town, "ein-platz", capacity=1, organisers=[organiser])
    for member in crowd.members(town, 3, prefix="einplatz"):
        services.register(event, member=member)
    assert told(event, "events.full") == Counter([organiser.user_id])
    assert told(event, "events.filling") == Counter()


def when(value, language):
    with translation.override(language):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def spelled_out(language, before, after):
    """The lines a reader of `language` must find: the new beginning and the new place, each with the old."""
    with translation.override(language):
        return [
            _("Beginn: neu %(new)s (bisher %(old)s)")
            % {"new": when(after.starts_at, language), "old": when(before.starts_at, language)},
            _("Ort: neu %(new)s (bisher %(old)s)")
            % {"new": services.place_of(after), "old": services.place_of(before)},
        ]


@pytest.mark.django_db
def test_a_change_of_time_and_place_tells_everyone_registered_once_in_their_language(gathering, town):
    before = gathering["event"]
    venue = Venue.objects.create(
        municipality=town, slug="buergersaal", name="Bürgersaal", address="Am Markt 1"
    )
    starts_at = before.starts_at + timedelta(days=1, hours=1)

    services.save_event(
        Event.objects.get(pk=before.pk),
        actor=gathering["admin"],
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        venue=venue,
        room="Raum 3",
    )

    after = Event.objects.select_related("venue").get(pk=before.pk)
    assert after.sequence == before.sequence + 1
    german, english, waiting = gathering["german"], gathering["english"], gathering["waiting"]
    assert told(after, "events.changed") == Counter([german.user_id, english.user_id, waiting.user_id])
    labels = dict(
        Notification.objects.filter(kind="events.changed", target_id=after.pk).values_list(
            "recipient_id", "target_label"
        )
    )
    for member, language in ((german, "de"), (english, "en"), (waiting, "de")):
        for line in spelled_out(language, before, after):
            assert line in labels[member.user_id], (language, labels[member.user_id])
    assert (
        when(starts_at, "en") in labels[english.user_id]
        and when(starts_at, "de") not in labels[english.user_id]
    )

    (message,) = mails_to("sam@example.org")
    assert message.subject == subject("changed", after, "en")
    for line in spelled_out("en", before, after):
        assert line in message.body

    # A change nobody must hear of (the summary) tells nobody and leaves the calendars' SEQUENCE.
    mail.outbox.clear()
    services.save_event(Event.objects.get(pk=before.pk), actor=gathering["admin"], summary="Mit Imbiss.")
    assert Event.objects.get(pk=before.pk).sequence == after.sequence
    assert told(after, "events.changed") == Counter([german.user_id, english.user_id, waiting.user_id])
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_edit_from_a_page_loaded_before_keeps_what_the_services_stamped(town):
    """The organiser opens the edit page; meanwhile the event fills and the reminder goes out; saving the
    page changes what it changed and leaves the notices' stamps and the calendars' SEQUENCE as they are."""
    organiser = person(town, "expertin")
    event = crowd.event(
        town, "offene-seite", capacity=2, organisers=[organiser], starts_in=timedelta(hours=30)
    )
    page = Event.objects.get(pk=event.pk)
    for member in crowd.members(town, 2, prefix="offen"):
        services.register(event, member=member)
    services.save_event(Event.objects.get(pk=event.pk), actor=organiser, title="Neuer Titel")  # SEQUENCE 1
    services.remind()
    stamped = Event.objects.get(pk=event.pk)
    assert stamped.told_full_at and stamped.reminded_48h_at and stamped.sequence == 1

    page.summary = "Mit Kinderbetreuung."
    page.title = "Neuer Titel"
    services.save_event(page, actor=organiser)

    saved = Event.objects.get(pk=event.pk)
    assert saved.summary == "Mit Kinderbetreuung."
    for name in ("told_80_at", "told_full_at", "reminded_48h_at", "sequence"):
        assert getattr(saved, name) == getattr(stamped, name), name

    # Called off meanwhile, it stays called off.
    page = Event.objects.get(pk=event.pk)
    services.cancel_event(Event.objects.get(pk=event.pk), actor=person(town, "admin"), reason="Krankheit")
    page.summary = "Ohne Kinderbetreuung."
    services.save_event(page, actor=organiser)
    saved = Event.objects.get(pk=event.pk)
    assert (
        saved.is_cancelled and saved.cancel_reason == "Krankheit" and saved.summary == "Ohne Kinderbetreuung."
    )
