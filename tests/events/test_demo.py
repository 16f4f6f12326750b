"""The demo's events: dated from the day the demo is loaded, read in every language of the town, loaded once.

Past sessions of the Dialogplattform have their agendas and minutes (one point of the housing
stocktaking became a finding of the field), events to come take registrations (one full, with a
waiting list; one called off), and the next Ankommenskonferenz has its rooms, time slots, parallel
sessions and speakers.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from ankommen.core.languages import SOURCE
from ankommen.core.models import Notification, Translation, TranslationStatus
from ankommen.core.translation import status_of
from ankommen.dialogue.models import Contribution, ContributionKind, FindingKind
from ankommen.events import demo
from ankommen.events.models import (
    AgendaEntry,
    Event,
    EventKind,
    MinutesPoint,
    NeedCount,
    PointKind,
    Registration,
    RegistrationStatus,
    Session,
    Source,
    Speaker,
    Venue,
)

SLUGS = [spec["slug"] for spec in demo.EVENTS] + [demo.CONFERENCE]


def _events(town):
    return Event.objects.for_municipality(town).filter(slug__in=SLUGS)


def _event(town, slug):
    return Event.objects.get(municipality=town, slug=slug)


def test_the_demo_has_its_events_in_the_past_and_to_come_dated_from_today(town):
    now = timezone.now()
    events = _events(town)
    assert events.count() == len(SLUGS) == 23
    assert events.filter(ends_at__lt=now).count() == 10
    assert events.filter(starts_at__gt=now).count() == 13
    assert events.filter(starts_at__gt=now + timedelta(days=130)).count() == 0
    assert events.filter(starts_at__lt=now - timedelta(days=120)).count() == 0
    assert {event.kind for event in events} == set(EventKind.values)
    # Everything is published but the draft of a workshop still to come.
    assert list(events.filter(published_at__isnull=True).values_list("slug", flat=True)) == [
        "workshop-handlungsoptionen-wohnen"
    ]
    assert not events.filter(published_at__gt=now).exists()


def test_the_venues_say_what_they_offer_for_access_and_how_to_get_there(town):
    venues = Venue.objects.for_municipality(town).filter(slug__in=[row[0] for row in demo.VENUES])
    assert venues.count() == 3
    for venue in venues:
        assert venue.accessibility and venue.directions and venue.address.endswith("Kornwestheim")
        assert venue.step_free and venue.accessible_toilet
    assert venues.get(slug="das-k").hearing_loop
    online = _event(town, "online-austausch-wohnungssuche")
    assert online.venue is None and online.online_url.startswith("https://")


def test_the_stocktaking_of_wirtschaft_has_its_sessions_with_experts_and_their_minutes(town, people):
    now = timezone.now()
    stocktaking = _events(town).filter(
        stage__field__slug=demo.WIRTSCHAFT, stage__kind="stocktaking", ends_at__lt=now
    )
    assert stocktaking.count() == 3
    for event in stocktaking:
        assert event.stage.starts_on <= timezone.localdate(event.starts_at) <= event.stage.ends_on
        items = list(event.agenda.all())
        assert items and all(item.starts_at and item.ends_at and item.speakers for item in items)
        assert all(item.outcome for item in items)
        confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED)
        assert confirmed.filter(checked_in_at__isnull=False).exists()
        assert people["expertin"].pk in set(confirmed.values_list("member_id", flat=True))
    points = MinutesPoint.objects.filter(agenda_item__event__in=stocktaking)
    assert set(points.values_list("kind", flat=True)) == set(PointKind.values)
    for task in points.filter(kind=PointKind.ACTION):
        assert task.responsible and task.due_on
    opening = _event(town, "bestandsaufnahme-wirtschaft-auftakt")
    paper = opening.registrations.filter(source=Source.PAPER)
    assert paper.count() == 3 and not paper.filter(checked_in_at__isnull=True).exists()
    # Older than 30 days: what people needed is only counted now.
    assert opening.needs_pruned_at and not opening.needs.exists()
    assert NeedCount.objects.filter(event=opening).count() == 2


def test_the_options_stage_of_wirtschaft_had_a_workshop_with_multipliers_and_a_talk(town):
    options = _events(town).filter(stage__field__slug=demo.WIRTSCHAFT, stage__kind="options")
    past = options.filter(ends_at__lt=timezone.now())
    assert set(past.values_list("kind", flat=True)) == {EventKind.WORKSHOP, EventKind.TALK}
    workshop = past.get(kind=EventKind.WORKSHOP)
    assert workshop.agenda.count() == 3
    assert MinutesPoint.objects.filter(agenda_item__event=workshop, kind=PointKind.DECISION).exists()


def test_the_housing_stocktaking_session_two_weeks_ago_has_a_point_that_became_a_finding(town, people):
    session = _event(town, "bestandsaufnahme-wohnen-erste-sitzung")
    days_ago = (timezone.localdate() - timezone.localdate(session.starts_at)).days
    assert 10 <= days_ago <= 17
    assert session.stage.field.slug == demo.WOHNEN and session.stage.kind == "stocktaking"
    assert session.stage.is_open
    assert {member.pk for member in session.organisers.all()} == {people["admin"].pk, people["expertin"].pk}
    point = MinutesPoint.objects.get(agenda_item__event=session, finding__isnull=False)
    finding = point.finding
    assert (finding.kind, finding.finding_kind) == (ContributionKind.FINDING, FindingKind.NEED)
    assert finding.stage == session.stage and finding.body == point.text
    assert finding.author == people["admin"] and finding.paper_author == session.title
    assert finding.paper_occasion.startswith("Protokoll vom ")
    assert MinutesPoint.objects.filter(agenda_item__event=session, finding__isnull=True).count() == 3
    # Those who came and said what they need (with consent) within the last 30 days: the rows are still there.
    assert session.needs.count() == 2
    assert not session.registrations.filter(needs__isnull=False, needs_consent_at__isnull=True).exists()


def test_the_next_session_of_the_dialogplattform_takes_registrations_with_needs_and_a_phone_call(
    town, people
):
    session = _event(town, "sitzung-dialogplattform")
    assert session.kind == EventKind.SESSION and session.takes_registrations
    assert session.capacity == 30 and session.agenda.count() == 4
    assert not session.agenda.exclude(outcome="").exists()
    rows = session.registrations.all()
    assert rows.filter(status=RegistrationStatus.CONFIRMED).count() == 9
    call = rows.get(member__isnull=True)
    assert (call.source, call.entered_by, call.language) == (Source.PHONE, people["admin"], "ar")
    with_needs = rows.filter(needs__isnull=False).distinct()
    assert with_needs.count() == 4
    assert not with_needs.filter(needs_consent_at__isnull=True).exists()
    # People heard of their registration as on the page.
    told = Notification.objects.filter(kind="events.confirmed", target_id=session.pk)
    assert told.filter(recipient=people["mitglied"].user).exists()


def test_the_expert_talk_on_spracherwerb_is_organised_by_the_expert_with_interpreting(town, people):
    talk = _event(town, "fachgespraech-spracherwerb")
    assert talk.kind == EventKind.TALK and talk.takes_registrations
    assert list(talk.organisers.all()) == [people["expertin"]]
    assert "dolmetschen" in talk.description.lower()
    assert set(talk.needs.values_list("detail", flat=True)) == {"fa", "uk"}


def test_the_workshop_for_multipliers_is_full_and_has_a_waiting_list_in_order(town):
    workshop = _event(town, "workshop-multiplikatoren")
    confirmed = workshop.registrations.filter(status=RegistrationStatus.CONFIRMED)
    waiting = list(workshop.registrations.waiting())
    assert workshop.capacity == 8 and confirmed.count() == 8 and len(waiting) == 3
    assert [row.queued_at for row in waiting] == sorted(row.queued_at for row in waiting)
    assert workshop.told_full_at is not None


def test_the_walk_is_called_off_with_its_reason_and_the_people_registered_were_told(town, people):
    walk = _event(town, "stadtteilspaziergang-oststadt")
    assert walk.is_cancelled and walk.cancel_reason and walk.is_published
    assert walk.starts_at > timezone.now() and not walk.takes_registrations
    told = Notification.objects.filter(kind="events.cancelled", target_id=walk.pk)
    assert set(told.values_list("recipient_id", flat=True)) == {
        people["nachbarschaft"].user_id,
        people["ewa.nowak"].user_id,
    }


def test_the_next_ankommenskonferenz_has_its_programme(town):
    conference = _event(town, demo.CONFERENCE)
    days = (timezone.localdate(conference.starts_at) - timezone.localdate()).days
    assert conference.kind == EventKind.CONFERENCE and 80 <= days <= 100
    assert conference.takes_registrations and conference.venue.slug == "das-k"
    assert conference.rooms.count() == 3
    sessions = list(conference.sessions.select_related("room").prefetch_related("speakers"))
    assert len(sessions) == 10
    slots = {(session.starts_at, session.ends_at) for session in sessions}
    assert len(slots) == 5
    for slot in slots:
        rooms = [session.room_id for session in sessions if (session.starts_at, session.ends_at) == slot]
        assert len(rooms) == len(set(rooms))  # parallel sessions in different rooms
    assert all(
        conference.starts_at <= session.starts_at < session.ends_at <= conference.ends_at
        for session in sessions
    )
    assert all(session.speakers.all() and session.description for session in sessions)
    assert sum(1 for session in sessions if session.capacity) == 5
    keynote = sessions[0]
    assert keynote.room.name == "Großer Saal" and keynote.capacity is None
    speakers = Speaker.objects.for_municipality(town).filter(slug__in=[row[0] for row in demo.SPEAKERS])
    assert speakers.count() == 8
    assert all(speaker.role and speaker.bio and not speaker.photo for speaker in speakers)
    # People registered for the conference, then for workshops with their own places.
    seats = Registration.objects.filter(event=conference, session__isnull=False)
    assert seats.count() == 9 and not seats.filter(session__capacity__isnull=True).exists()
    assert conference.registrations.filter(session__isnull=True).count() == 8


def _demo_texts(town):
    """(object, field) of every text of the events demo, and of the finding one of its points became."""
    rows = {
        Venue: Q(slug__in=[row[0] for row in demo.VENUES]),
        Event: Q(slug__in=SLUGS),
        Speaker: Q(slug__in=[row[0] for row in demo.SPEAKERS]),
        Session: Q(event__slug__in=SLUGS),
        AgendaEntry: Q(event__slug__in=SLUGS),
        MinutesPoint: Q(agenda_item__event__slug__in=SLUGS),
        Contribution: Q(minutes_point__agenda_item__event__slug__in=SLUGS),
    }
    return [
        (obj, field)
        for model, condition in rows.items()
        for obj in model.objects.for_municipality(town).filter(condition).prefetch_related("translations")
        for field in model.translatable_fields
        if getattr(obj, field)
    ]


def test_every_text_of_the_demo_events_is_machine_translated_into_every_language(town):
    languages = [code for code in town.languages if code != SOURCE]
    assert len(languages) == 7
    texts = _demo_texts(town)
    assert len(texts) == 173
    not_machine = [
        (type(obj).__name__, getattr(obj, field)[:30], language, status_of(obj, field, language))
        for obj, field in texts
        for language in languages
        if status_of(obj, field, language) != TranslationStatus.MACHINE
    ]
    assert not_machine == []


def _state(town):
    events = Event.objects.for_municipality(town)
    return {
        "events": sorted(events.values_list("slug", "starts_at", "sequence", "cancelled_at", "published_at")),
        "registrations": sorted(
            Registration.objects.for_municipality(town).values_list(
                "pk", "status", "queued_at", "checked_in_at"
            )
        ),
        "sessions": Session.objects.for_municipality(town).count(),
        "points": sorted(MinutesPoint.objects.for_municipality(town).values_list("pk", "text", "finding_id")),
        "contributions": Contribution.objects.for_municipality(town).count(),
        "translations": Translation.objects.for_municipality(town).count(),
        "notifications": Notification.objects.filter(municipality=town).count(),
    }


@pytest.mark.django_db
def test_the_demo_loads_twice_without_change(town):
    before = _state(town)
    call_command("demo", stdout=StringIO())
    assert _state(town) == before
