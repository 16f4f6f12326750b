"""Registering, cancelling, checking in, and keeping events, their agendas and minutes.

Seats are never counted from a stored counter: `seats(holder)` locks the row that holds the seats
(the event, or a conference session with its own places) for the transaction, and the service
counts the confirmed registrations inside that lock before it inserts (pretix's order). A lock that
is not had within `LOCK_TIMEOUT_MS` answers `TryAgain` (the page says "bitte erneut versuchen",
409), never a server error. A cancellation gives its seat to the first person waiting in the same
transaction; raising the capacity by k promotes k in order; lowering it cancels nobody.

People are told through the notification machinery (members: "Ihre Veranstaltungen", at once
unless they chose otherwise) or by a plain mail (people staff registered with an e-mail address);
both are written with the change, so a rolled-back change tells nobody.
"""

import re
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Count
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from ankommen.core import mail, notifications
from ankommen.core.audit import audit
from ankommen.core.cache import touch_town
from ankommen.core.rules import require
from ankommen.events.models import (
    Event,
    MinutesPoint,
    Need,
    NeedCount,
    Registration,
    RegistrationStatus,
    Room,
    Session,
    Source,
    new_code,
)

LOCK_TIMEOUT_MS = 5000


class TryAgain(Exception):
    """The seats could not be locked in time: nothing was written; the person may simply try again."""


class AlreadyRegistered(ValidationError):
    def __init__(self):
        super().__init__(_("Sie sind für diese Veranstaltung schon angemeldet."), code="already_registered")


# --- the seats' lock -------------------------------------------------------------------------------


@contextmanager
def seats(holder):
    """A transaction holding the lock on `holder`'s seats (an Event or a Session), yielding the locked row.

    `EVENTS_LOCK_SEATS = False` (a setting for the tests' negative control only) leaves the lock out.
    """
    try:
        with transaction.atomic():
            if getattr(settings, "EVENTS_LOCK_SEATS", True):
                if connection.vendor == "postgresql":
                    with connection.cursor() as cursor:
                        cursor.execute(f"SET LOCAL lock_timeout = {LOCK_TIMEOUT_MS}")
                locked = type(holder).objects.select_for_update().get(pk=holder.pk)
            else:
                locked = type(holder).objects.get(pk=holder.pk)
            yield locked
    except OperationalError as error:  # PostgreSQL's lock timeout, SQLite's "database is locked"
        raise TryAgain() from error


def _rows(holder):
    """The registrations that take `holder`'s seats: an event's own (not its sessions'), or a session's."""
    if isinstance(holder, Session):
        return Registration.objects.filter(session=holder)
    return Registration.objects.filter(event=holder, session__isnull=True)


def confirmed_count(holder):
    return _rows(holder).confirmed().count()


def _unique_code(registration):
    """Draw the short door code again in the rare case another registration of the event has it."""
    while (
        Registration.objects.filter(event_id=registration.event_id, checkin_code=registration.checkin_code)
        .exclude(pk=registration.pk)
        .exists()
    ):
        registration.checkin_code = new_code()


def _place(registration, holder, now):
    """Confirm `registration` if a seat is free (counted inside the lock), else put it at the end of the list."""
    free = holder.capacity is None or confirmed_count(holder) < holder.capacity
    _unique_code(registration)
    registration.status = RegistrationStatus.CONFIRMED if free else RegistrationStatus.WAITING
    registration.queued_at = now
    registration.cancelled_at = None
    registration.promoted_at = None


def _promote(holder, count, now):
    """Give `count` free seats of `holder` to the first people waiting, in order; returns them."""
    if count <= 0:
        return []
    promoted = list(_rows(holder).waiting().select_related("event", "member__user")[:count])
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.promoted_at = now
        registration.save(update_fields=["status", "promoted_at"])
        _tell(registration, "promoted")
    return promoted


def free_seats(holder):
    if holder.capacity is None:
        return None
    return max(0, holder.capacity - confirmed_count(holder))


# --- registering -----------------------------------------------------------------------------------


def contact_key_of(*, name="", phone="", email=""):
    """What makes a person without an account one: their address, else their number, else their name."""
    if email:
        return "mail:" + email.strip().lower()
    digits = re.sub(r"\D", "", phone or "")
    if digits:
        if digits.startswith("00"):
            digits = digits[2:]
        elif digits.startswith("0"):
            digits = "49" + digits[1:]  # a German number written the national way
        return "tel:" + digits
    return "name:" + " ".join(name.casefold().split())


def register(event, *, member, needs=(), consent=False, session=None):
    """`member` registers for `event` (or for one `session` of a conference): a seat, or the waiting list."""
    holder = session or event
    require(member, "register_for_session" if session else "register", holder)
    _check_needs(needs, consent)
    try:
        with seats(holder) as locked:
            now = timezone.now()
            if session is not None:
                _require_conference_seat(event, member)
            registration = _rows(holder).filter(member=member).first() or Registration(
                municipality_id=event.municipality_id, event=event, session=session, member=member
            )
            if registration.pk and not registration.is_cancelled:
                raise AlreadyRegistered()
            registration.language = member.user.preferred_language or settings.LANGUAGE_CODE
            registration.source = Source.ONLINE
            registration.registered_at = now
            _place(registration, locked, now)
            registration.save()
            _set_needs(registration, needs, consent, now)
            _tell(registration, "confirmed" if registration.is_confirmed else "waiting")
            _tell_organisers_of_filling(locked, now)
    except IntegrityError as error:  # a second click, only possible without the lock
        raise AlreadyRegistered() from error
    return registration


def _require_conference_seat(event, member):
    if not Registration.objects.filter(
        event=event, session__isnull=True, member=member, status=RegistrationStatus.CONFIRMED
    ).exists():
        raise ValidationError(
            _("Melden Sie sich zuerst für die Konferenz an; dann für einzelne Programmpunkte."),
            code="conference_first",
        )


def register_contact(
    event,
    *,
    actor,
    name,
    phone="",
    email="",
    language=settings.LANGUAGE_CODE,
    needs=(),
    consent=False,
    source=Source.PHONE,
    paper_occasion="",
):
    """Staff register a person who called or came by (a name and a number or an address)."""
    require(actor, "register_someone", event)
    if not (phone or email):
        raise ValidationError(
            {
                "phone": _(
                    "Bitte eine Telefonnummer oder eine E-Mail-Adresse angeben, damit wir die Person erreichen."
                )
            }
        )
    _check_needs(needs, consent)
    key = contact_key_of(name=name, phone=phone, email=email)
    try:
        with seats(event) as locked:
            now = timezone.now()
            registration = _rows(event).filter(member__isnull=True, contact_key=key).first()
            if registration and not registration.is_cancelled:
                raise ValidationError(
                    {
                        "phone": _("Diese Person ist schon angemeldet (%(name)s).")
                        % {"name": registration.name}
                    }
                )
            registration = registration or Registration(municipality_id=event.municipality_id, event=event)
            registration.name, registration.phone, registration.email = name, phone, email
            registration.contact_key, registration.language = key, language
            registration.source, registration.entered_by = source, actor
            registration.paper_occasion = paper_occasion
            registration.registered_at = now
            _place(registration, locked, now)
            registration.save()
            _set_needs(registration, needs, consent, now)
            _tell(registration, "confirmed" if registration.is_confirmed else "waiting")
            _tell_organisers_of_filling(locked, now)
            audit(actor.user, "registration.entered", event, person=name, source=Source(source).label)
    except IntegrityError as error:
        raise ValidationError({"phone": _("Diese Person ist schon angemeldet.")}) from error
    return registration


def enter_paper_list(event, *, actor, lines, occasion):
    """A sign-up list on paper after a session: each line one person who was there ("Name; Telefon oder E-Mail").

    Every line is checked before anything is written; a bad line is named with its number, and then
    nothing is written. People already registered are marked as there.
    """
    require(actor, "register_someone", event)
    people, errors = parse_paper_list(lines)
    if errors:
        raise ValidationError({"lines": errors})
    with seats(event):
        now = timezone.now()
        existing = {row.contact_key: row for row in _rows(event).filter(member__isnull=True)}
        for name, phone, email in people:
            key = contact_key_of(name=name, phone=phone, email=email)
            registration = existing.get(key) or Registration(
                municipality_id=event.municipality_id, event=event, contact_key=key
            )
            registration.name = name
            registration.phone = phone or registration.phone
            registration.email = email or registration.email
            if registration.pk is None or registration.is_cancelled:
                registration.status = RegistrationStatus.CONFIRMED
                registration.source = Source.PAPER
                registration.entered_by = actor
                registration.paper_occasion = occasion
                registration.registered_at = registration.queued_at = now
                registration.cancelled_at = None
            registration.checked_in_at = registration.checked_in_at or event.starts_at
            registration.save()
            existing[key] = registration
        audit(actor.user, "registration.paper_list", event, count=len(people), occasion=occasion)
    return len(people)


EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[\d\s/()-]{5,30}$")


def parse_paper_list(text):
    """(people, errors): people as (name, phone, email); errors as "Zeile 3: …"."""
    people, errors, seen = [], [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        name, _sep, contact = (part.strip() for part in line.partition(";"))
        phone = email = ""
        if contact and EMAIL.match(contact):
            email = contact
        elif contact and PHONE.match(contact):
            phone = contact
        elif contact:
            errors.append(
                _("Zeile %(number)s: „%(contact)s“ ist weder eine Telefonnummer noch eine E-Mail-Adresse.")
                % {"number": number, "contact": contact[:60]}
            )
            continue
        if len(name) < 2 or len(name) > 160:
            errors.append(_("Zeile %(number)s: Bitte einen Namen angeben.") % {"number": number})
            continue
        key = contact_key_of(name=name, phone=phone, email=email)
        if key in seen:
            errors.append(_("Zeile %(number)s: Diese Person steht schon weiter oben.") % {"number": number})
            continue
        seen.add(key)
        people.append((name, phone, email))
    if not people and not errors:
        errors.append(_("Die Liste ist leer: eine Person pro Zeile, „Name; Telefon oder E-Mail“."))
    return people, errors


def _check_needs(needs, consent):
    if needs and not consent:
        raise ValidationError(
            {"consent": _("Bitte willigen Sie ein, damit wir Ihre Angaben zu Bedarfen speichern dürfen.")}
        )


def _set_needs(registration, needs, consent, now):
    """`needs`: pairs (kind, detail). Replaces what the registration had; without consent, nothing is kept."""
    Need.objects.filter(registration=registration).delete()
    if not needs:
        registration.needs_consent_at = None
        return
    Need.objects.bulk_create(
        Need(
            municipality_id=registration.municipality_id,
            registration=registration,
            event_id=registration.event_id,
            kind=kind,
            detail=detail,
        )
        for kind, detail in sorted(set(needs))
    )
    registration.needs_consent_at = now
    registration.save(update_fields=["needs_consent_at"])


def cancel(registration, *, actor):
    """Cancel a registration; a freed seat goes to the first person waiting, in the same transaction."""
    require(actor, "cancel_registration", registration)
    holder = registration.session or registration.event
    with seats(holder) as locked:
        now = timezone.now()
        registration = Registration.objects.select_related("event", "member__user").get(pk=registration.pk)
        if registration.is_cancelled:
            return registration, []
        was_confirmed = registration.is_confirmed
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        Need.objects.filter(registration=registration).delete()
        # A seat is free only below the capacity (lowered, it may still be exceeded).
        promoted = _promote(locked, free_seats(locked) or 0, now) if was_confirmed else []
        if actor.pk != registration.member_id:
            audit(actor.user, "registration.cancelled", registration.event, person=registration.display_name)
    if registration.session_id is None and registration.member_id:  # leaving a conference leaves its sessions
        sessions = Registration.objects.filter(
            event_id=registration.event_id, session__isnull=False, member_id=registration.member_id
        )
        for row in sessions.active():
            cancel(row, actor=actor)
    return registration, promoted


# --- at the door -----------------------------------------------------------------------------------


def check_in(registration, *, actor):
    """Let a person in; True for the first check-in, False if they were already in (a second phone, say)."""
    require(actor, "check_in", registration.event)
    with transaction.atomic():
        done = (
            Registration.objects.filter(
                pk=registration.pk, checked_in_at__isnull=True, status=RegistrationStatus.CONFIRMED
            ).update(checked_in_at=timezone.now())
            == 1
        )
    registration.refresh_from_db(fields=["checked_in_at", "status"])
    return done


def undo_check_in(registration, *, actor):
    require(actor, "check_in", registration.event)
    Registration.objects.filter(pk=registration.pk).update(checked_in_at=None)
    audit(actor.user, "registration.check_in_undone", registration.event, person=registration.display_name)


def find_by_code(event, code):
    """The registration of `event` with the short code a person says at the door (spaces and case ignored)."""
    code = re.sub(r"\s", "", code or "").upper()
    return Registration.objects.filter(event=event, checkin_code=code).select_related("member__user").first()


# --- keeping events --------------------------------------------------------------------------------


# What the services write on an event of their own accord (publishing, calling off, the notices sent,
# the needs pruned): an edit saved from a copy read before keeps the row's, unless `values` name them.
KEPT_BY_THE_SERVICES = (
    "sequence",
    "published_at",
    "cancelled_at",
    "cancel_reason",
    "reminded_48h_at",
    "reminded_3h_at",
    "told_80_at",
    "told_full_at",
    "needs_pruned_at",
)


def save_event(event, *, actor, fields=None, organisers=None, **values):
    """Create or change an event; people registered hear of a change of time, place or title, spelled out."""
    if event.pk is None:
        require(actor, "keep_events", event.municipality)
        with transaction.atomic():
            _write_event(event, values, fields, organisers)
            audit(actor.user, "event.created", event)
        return event
    require(actor, "organise_event", event)
    with seats(event) as before:
        for name in KEPT_BY_THE_SERVICES:  # `event` may be older than the locked row
            setattr(event, name, getattr(before, name))
        for name, value in values.items():
            setattr(event, name, value)
        told = event.is_published and any(
            getattr(before, name) != getattr(event, name) for name in Event.announced_fields
        )
        if told:
            event.sequence = before.sequence + 1
        _write_event(event, values, fields, organisers)
        if event.capacity is None or (before.capacity is not None and event.capacity > before.capacity):
            _promote(event, free_seats(event) if event.capacity is not None else 10**9, timezone.now())
        if told:
            _tell_everyone(event, "changed", lambda: describe_changes(before, event))
        audit(actor.user, "event.changed", event, announced="; ".join(describe_changes(before, event)))
    return event


def _write_event(event, values, fields, organisers):
    for name, value in values.items():
        setattr(event, name, value)
    event.full_clean(exclude=["fields", "organisers"])
    event.save()
    if fields is not None:
        event.fields.set(fields)
    if organisers is not None:
        event.organisers.set(organisers)


def describe_changes(before, after):
    """The changes people registered must hear of, spelled out ("Beginn: neu … (bisher …)"), in the active language."""
    changes = []

    def when(value):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")

    if before.starts_at != after.starts_at:
        changes.append(
            _("Beginn: neu %(new)s (bisher %(old)s)")
            % {"new": when(after.starts_at), "old": when(before.starts_at)}
        )
    if before.ends_at != after.ends_at:
        changes.append(
            _("Ende: neu %(new)s (bisher %(old)s)")
            % {"new": when(after.ends_at), "old": when(before.ends_at)}
        )
    if before.venue_id != after.venue_id or before.room != after.room:
        changes.append(
            _("Ort: neu %(new)s (bisher %(old)s)") % {"new": place_of(after), "old": place_of(before)}
        )
    if before.online_url != after.online_url:
        changes.append(_("Online-Teilnahme: %(new)s") % {"new": after.online_url or _("entfällt")})
    if before.title != after.title:
        changes.append(
            _("Titel: neu „%(new)s“ (bisher „%(old)s“)") % {"new": after.title, "old": before.title}
        )
    return changes


def place_of(event):
    parts = [str(event.venue) if event.venue_id else "", event.room]
    if event.venue_id:
        parts.append(event.venue.address)
    return ", ".join(part for part in parts if part) or _("online")


def cancel_event(event, *, actor, reason):
    """Call an event off: it stays in the calendars as cancelled; everyone registered is told with the reason."""
    require(actor, "cancel_event", event)
    with seats(event) as locked:
        locked.cancelled_at = timezone.now()
        locked.cancel_reason = reason
        locked.sequence += 1
        locked.save(update_fields=["cancelled_at", "cancel_reason", "sequence", "updated_at"])
        _tell_everyone(locked, "cancelled", lambda: [reason] if reason else [])
        audit(actor.user, "event.cancelled", locked, reason=reason)
    return locked


def publish_event(event, *, actor):
    require(actor, "organise_event", event)
    if Event.objects.filter(pk=event.pk, published_at__isnull=True).update(published_at=timezone.now()):
        touch_town(event.municipality_id)  # an update sends no signal: kept pages and the feed show it now
    audit(actor.user, "event.published", event)


def save_session(session, *, actor, speakers=None, **values):
    """A session of a conference's programme, new or changed; more places give seats to those waiting."""
    require(actor, "organise_event", session.event)
    if session.pk is None:
        with transaction.atomic():
            _write_session(session, values, speakers)
            audit(actor.user, "session.saved", session)
        return session
    with seats(session) as before:
        _write_session(session, values, speakers)
        if session.capacity is None or (before.capacity is not None and session.capacity > before.capacity):
            _promote(session, free_seats(session) if session.capacity is not None else 10**9, timezone.now())
        audit(actor.user, "session.saved", session)
    return session


def _write_session(session, values, speakers):
    for name, value in values.items():
        setattr(session, name, value)
    session.full_clean(exclude=["speakers"])
    session.save()
    if speakers is not None:
        session.speakers.set(speakers)


def add_room(room, *, actor, **values):
    """A room of a conference, its name once per conference."""
    require(actor, "organise_event", room.event)
    for name, value in values.items():
        setattr(room, name, value)
    if Room.objects.filter(event_id=room.event_id, name=room.name).exists():
        raise ValidationError({"name": _("Einen Raum mit diesem Namen gibt es schon.")})
    with transaction.atomic():
        room.save()
        audit(actor.user, "room.created", room)
    return room


def save_agenda_item(item, *, actor, **values):
    require(actor, "organise_event", item.event)
    with transaction.atomic():
        if item.pk is None and "position" not in values:
            item.position = (
                item.event.agenda.order_by("-position").values_list("position", flat=True).first() or 0
            ) + 1
        for name, value in values.items():
            setattr(item, name, value)
        item.save()
        audit(actor.user, "agenda_item.saved", item.event, item=item.title)
    return item


def save_minutes(item, *, actor, outcome, points):
    """The outcome of an agenda item and its points (kind, text, who, until when), replacing earlier ones.

    Points that became findings keep their row and their link; the others are written anew.
    """
    require(actor, "write_minutes", item.event)
    with transaction.atomic():
        item.outcome = outcome
        item.save(update_fields=["outcome"])
        kept = list(item.points.filter(finding__isnull=False))
        item.points.filter(finding__isnull=True).delete()
        position = max((point.position for point in kept), default=0)
        for kind, text, responsible, due_on in points:
            position += 1
            MinutesPoint.objects.create(
                municipality_id=item.municipality_id,
                agenda_item=item,
                position=position,
                kind=kind,
                text=text,
                responsible=responsible,
                due_on=due_on,
            )
        audit(actor.user, "minutes.saved", item.event, item=item.title)
    return item


def make_finding(point, *, actor, title, finding_kind):
    """A point of a stocktaking session's minutes becomes a finding of the field, linked both ways."""
    from ankommen.dialogue.services import add_contribution

    require(actor, "make_finding", point)
    event = point.agenda_item.event
    with transaction.atomic():
        point = MinutesPoint.objects.select_for_update().get(pk=point.pk)
        if point.finding_id is not None:
            raise ValidationError(_("Aus diesem Punkt ist schon ein Befund geworden."))
        finding = add_contribution(
            event.stage,
            author=actor,
            title=title,
            body=point.text,
            finding_kind=finding_kind,
            paper_author=event.title,
            paper_occasion=_("Protokoll vom %(date)s")
            % {"date": formats.date_format(timezone.localtime(event.starts_at), "DATE_FORMAT")},
        )
        point.finding = finding
        point.save(update_fields=["finding"])
        audit(actor.user, "minutes.finding", event, finding=title)
    return finding


# --- telling people --------------------------------------------------------------------------------


def _label(registration_or_event, extra=()):
    """ "Ankommenskonferenz (06.03.2027 09:30)", for a session "Ankommenskonferenz: Sprachkurse (… 11:00)"."""
    event = getattr(registration_or_event, "event", registration_or_event)
    session = getattr(registration_or_event, "session", None)
    title, starts = (
        (f"{event.title}: {session.title}", session.starts_at) if session else (event.title, event.starts_at)
    )
    when = formats.date_format(timezone.localtime(starts), "SHORT_DATETIME_FORMAT")
    return "; ".join([f"{title} ({when})", *[str(part) for part in extra]])


def _tell(registration, kind, extra=list):
    """Tell one registered person of `kind` (a member by a notification, a contact with an address by mail).

    `extra` gives the lines that spell out a change, called in the person's language.
    """
    event = registration.event
    if registration.member_id:
        user = registration.member.user
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            label = _label(registration, extra())
        stamp = int((registration.promoted_at or registration.queued_at or timezone.now()).timestamp())
        if kind in ("confirmed", "waiting", "promoted"):
            key = f"registration:{registration.pk}:{kind}:{stamp}"
        else:
            key = f"event:{event.pk}:{kind}:{event.sequence}"
        notifications.notify([user], f"events.{kind}", event=key, target=event, label=label)
    elif registration.email:
        from ankommen.events.mails import contact_mail

        mail.send(contact_mail(registration, kind, extra))


def _tell_everyone(event, kind, extra=list):
    """Tell everyone registered or waiting (not who cancelled) of a change or the cancellation."""
    for registration in (
        Registration.objects.filter(event=event).active().select_related("event", "member__user")
    ):
        _tell(registration, kind, extra)


def _tell_organisers_of_filling(holder, now):
    """Organisers hear when 80 % and when all of the places are taken, once each."""
    event = holder if isinstance(holder, Event) else None
    if event is None or event.capacity is None:
        return
    taken = confirmed_count(event)
    for share, stamp, kind in ((1.0, "told_full_at", "events.full"), (0.8, "told_80_at", "events.filling")):
        if taken >= share * event.capacity and getattr(event, stamp) is None:
            stamps = {stamp: now}
            if kind == "events.full" and event.told_80_at is None:
                stamps["told_80_at"] = now  # all at once: "four fifths" must not follow "all"
            Event.objects.filter(pk=event.pk).update(**stamps)
            for name in stamps:
                setattr(event, name, now)
            people = [member.user for member in event.organisers.select_related("user")]
            notifications.notify(
                people, kind, event=f"event:{event.pk}:{kind}", target=event, label=_label(event)
            )
            return


# --- periodic jobs ---------------------------------------------------------------------------------


REMINDERS = (("reminded_48h_at", timedelta(hours=48)), ("reminded_3h_at", timedelta(hours=3)))


def remind(now=None):
    """Remind people 48 and 3 hours before an event (each once; none for cancelled events)."""
    now = now or timezone.now()
    sent = 0
    for index, (stamp, ahead) in enumerate(REMINDERS):
        # An event first seen within the next reminder's hours gets that one only, not two at once.
        sooner = REMINDERS[index + 1][1] if index + 1 < len(REMINDERS) else timedelta(0)
        due = Event.objects.filter(
            published_at__isnull=False,
            cancelled_at__isnull=True,
            starts_at__gt=now + sooner,
            starts_at__lte=now + ahead,
            **{f"{stamp}__isnull": True},
        )
        for event in due:
            with transaction.atomic():
                # Claimed by an update: two runs at once remind once.
                if not Event.objects.filter(pk=event.pk, **{f"{stamp}__isnull": True}).update(**{stamp: now}):
                    continue
                for registration in (
                    Registration.objects.filter(event=event)
                    .confirmed()
                    .select_related("event", "member__user")
                ):
                    _tell_reminder(registration, stamp)
                    sent += 1
    return sent


def _tell_reminder(registration, stamp):
    event = registration.event
    if registration.member_id:
        user = registration.member.user
        with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
            label = _label(registration, [place_of(event)])
        notifications.notify(
            [user],
            "events.reminder",
            event=f"event:{event.pk}:{stamp}:{registration.pk}",
            target=event,
            label=label,
        )
    elif registration.email:
        from ankommen.events.mails import contact_mail

        mail.send(contact_mail(registration, "reminder", lambda: [place_of(event)]))


def prune(now=None):
    """Needs leave 30 days after their event (their counts stay); contacts of people without an account after 180."""
    from ankommen.events.models import CONTACTS_KEPT_DAYS, NEEDS_KEPT_DAYS

    now = now or timezone.now()
    for event in Event.objects.filter(
        ends_at__lt=now - timedelta(days=NEEDS_KEPT_DAYS), needs_pruned_at__isnull=True
    ):
        with transaction.atomic():
            counts = (
                Need.objects.filter(event=event)
                .values("kind", "detail")
                .annotate(count=Count("id"))
                .order_by()
            )
            NeedCount.objects.bulk_create(
                NeedCount(municipality_id=event.municipality_id, event=event, **row) for row in counts
            )
            Need.objects.filter(event=event).delete()
            Registration.objects.filter(event=event).update(needs_consent_at=None)
            Event.objects.filter(pk=event.pk).update(needs_pruned_at=now)
    old = Registration.objects.filter(
        member__isnull=True, event__ends_at__lt=now - timedelta(days=CONTACTS_KEPT_DAYS)
    ).exclude(contact_key__startswith="erased:")
    for pk in old.values_list("pk", flat=True):
        Registration.objects.filter(pk=pk).update(name="", phone="", email="", contact_key=f"erased:{pk}")


# --- sums for the organisers -----------------------------------------------------------------------


def needs_summary(event):
    """[(kind, detail, count)] of an event's needs: from the rows while they exist, else from the counts kept."""
    rows = list(
        Need.objects.filter(
            event=event, registration__status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
        )
        .values_list("kind", "detail")
        .annotate(count=Count("id"))
        .order_by("kind", "detail")
    )
    if not rows and event.needs_pruned_at:
        rows = list(
            NeedCount.objects.filter(event=event)
            .values_list("kind", "detail", "count")
            .order_by("kind", "detail")
        )
    return rows


def languages_summary(event):
    """How many of those registered read which language: what interpreters and handouts are needed."""
    return list(
        Registration.objects.filter(event=event, session__isnull=True)
        .active()
        .values_list("language")
        .annotate(count=Count("id"))
        .order_by("-count", "language")
    )


# --- erasure ---------------------------------------------------------------------------------------


def erase_registrations(rows, member, erasure):
    """A person's registrations go; a seat they held at an event still to come goes to the next person waiting."""
    now = timezone.now()
    holders = []
    for registration in rows.filter(
        status=RegistrationStatus.CONFIRMED, event__starts_at__gt=now
    ).select_related("event", "session"):
        holders.append(registration.session or registration.event)
    rows.delete()
    for holder in holders:
        with seats(holder) as locked:
            _promote(locked, free_seats(locked) or 0, now)


def erase_organiser(rows, member, erasure):
    """The events stay; the person no longer organises them."""
    for event in rows:
        event.organisers.remove(member)
