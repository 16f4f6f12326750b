"""Who may see events, register, and organise them.

Everyone reads published events; the town's admins keep the events and places and organise every
event; members named as an event's organisers organise that one: its agenda, its attendee list
and check-in, its minutes, and the registrations they enter for people who called or came by.
A member registers themself for an event that takes registrations and cancels their own.
"""

from ankommen.core.roles import Role
from ankommen.core.rules import may, person_of_town, town_role


def is_admin(member, obj):
    return town_role(member, obj, Role.ADMIN)


def organiser_ids(event):
    """The members who organise `event` (asked once per event and request)."""
    if not hasattr(event, "_organiser_ids"):
        event._organiser_ids = (
            frozenset(member.pk for member in event.organisers.all()) if event.pk else frozenset()
        )
    return event._organiser_ids


def may_keep_events(member, town):
    """Create events, keep the places and speakers: the town's admins."""
    return is_admin(member, town)


def may_view_event(member, event):
    """A published event is for everyone; a draft for those who organise it."""
    return event.is_published or may_organise_event(member, event)


def may_organise_event(member, event):
    """The admins, and the members named as the event's organisers."""
    if is_admin(member, event):
        return True
    return person_of_town(member, event) and member.pk is not None and member.pk in organiser_ids(event)


def may_register(member, event):
    """A person of the town registers themself while the event takes registrations."""
    return person_of_town(member, event) and event.takes_registrations


def may_register_for_session(member, session):
    """A session with its own places, at a conference the person is registered for (checked by the service)."""
    return session.capacity is not None and may_register(member, session.event)


def may_cancel_registration(member, registration):
    """One's own registration, or any for those who organise the event, before the event begins."""
    event = registration.event
    if registration.is_cancelled or event.has_begun():
        return False
    if registration.member_id is not None and member is not None and registration.member_id == member.pk:
        return True
    return may_organise_event(member, event)


def may_register_someone(member, event):
    """Staff register a person who called or came by, or enter a paper list after a session."""
    return may_organise_event(member, event) and not event.is_cancelled and event.registration


def may_check_in(member, event):
    """At the door, on the day: those who organise the event."""
    return may_organise_event(member, event) and not event.is_cancelled


def may_write_minutes(member, event):
    """The minutes, once the event has begun."""
    return may_organise_event(member, event) and event.has_begun() and not event.is_cancelled


def may_make_finding(member, point):
    """A point of a stocktaking session's minutes becomes a finding of the field, while the stocktaking runs.

    The finding is entered like one handed in at a workshop (the session its source), so the dialogue's
    rule for that must allow it too.
    """
    event = point.agenda_item.event
    stage = event.stage
    return (
        point.finding_id is None
        and stage is not None
        and stage.kind == "stocktaking"
        and may_write_minutes(member, event)
        and may(member, "record_on_paper", stage)
    )


def may_cancel_event(member, event):
    """Calling an event off, before it ends, by the admins."""
    return is_admin(member, event) and not event.is_cancelled and not event.has_ended()


def may_view_needs(member, event):
    """What participants need, summed: for those who organise the event."""
    return may_organise_event(member, event)


def may_view_own_registrations(member, town):
    return person_of_town(member, town)


RULES = {
    "keep_events": may_keep_events,
    "view_event": may_view_event,
    "organise_event": may_organise_event,
    "register": may_register,
    "register_for_session": may_register_for_session,
    "cancel_registration": may_cancel_registration,
    "register_someone": may_register_someone,
    "check_in": may_check_in,
    "write_minutes": may_write_minutes,
    "make_finding": may_make_finding,
    "cancel_event": may_cancel_event,
    "view_needs": may_view_needs,
    "view_own_registrations": may_view_own_registrations,
}
