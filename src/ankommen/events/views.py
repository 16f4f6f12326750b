"""Pages for everyone: the calendar, an event, registering and cancelling, the calendar files."""

import calendar as month_grid
from datetime import date, datetime, timedelta
from functools import partial
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ankommen.concept.models import Field
from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.cache import town_scope
from ankommen.core.cache import versions as cache_versions
from ankommen.core.form_pages import form_page, posted
from ankommen.core.models import translations_of
from ankommen.core.pagination import UncountedPage
from ankommen.core.rules import may
from ankommen.core.translation import translated
from ankommen.events import ical, services
from ankommen.events.forms import CalendarFilterForm, RegistrationForm
from ankommen.events.models import (
    AgendaEntry,
    Event,
    MinutesPoint,
    Registration,
    RegistrationStatus,
    Room,
    Session,
    Speaker,
)

PER_PAGE = 40  # events in one page of the calendar's list
FEED_PAST_DAYS = 365  # the subscribed calendar reaches a year back
CONFIRMED, WAITING = RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING


# --- the calendar ----------------------------------------------------------------------------------


def _fields(town, language):
    """The town's fields of action (not archived) for the filters, with their translations."""
    return list(Field.objects.for_municipality(town).filter(archived_at=None).with_translations(language))


def _listed(town, language):
    """Published events as the calendar's list shows them: with place, fields and stage."""
    return (
        Event.objects.for_municipality(town)
        .published()
        .defer("description")
        .select_related("venue", "stage")
        .with_translations(language)
        .prefetch_related(
            *translations_of("venue", language),
            Prefetch("fields", Field.objects.with_translations(language)),
        )
    )


# What a month's grid shows of an event: its title, day and time, and whether it is full or called off.
IN_THE_GRID = ("municipality", "slug", "kind", "title", "starts_at", "ends_at", "registration", "capacity")


def _in_the_grid(town, language):
    return (
        Event.objects.for_municipality(town)
        .published()
        .only(*IN_THE_GRID, "published_at", "cancelled_at")
        .with_translations(language)
    )


def _filtered(events, field, kind):
    if field is not None:
        events = events.filter(fields=field)
    if kind:
        events = events.filter(kind=kind)
    return events


def _mark(town, events, member):
    """Put on each event its seats taken and waited for, its free places, and the reader's own registration.

    The seats are counted for the listed events in one query grouped by event and status (the
    registration queue's index), not by joining every registration to the list.
    """
    counts, statuses = {}, {}
    if events:
        counts = {
            (event_id, status): count
            for event_id, status, count in Registration.objects.for_municipality(town)
            .filter(
                event__in=[event.pk for event in events],
                session__isnull=True,
                status__in=(CONFIRMED, WAITING),
            )
            .order_by()
            .values_list("event_id", "status")
            .annotate(count=Count("pk"))
        }
    if member is not None and member.pk and events:
        statuses = dict(
            Registration.objects.for_municipality(town)
            .filter(member=member, session__isnull=True, event__in=[event.pk for event in events])
            .active()
            .values_list("event_id", "status")
        )
    for event in events:
        event.taken = counts.get((event.pk, CONFIRMED), 0)
        event.waiting_count = counts.get((event.pk, WAITING), 0)
        event.free = None if event.capacity is None else max(0, event.capacity - event.taken)
        event.mine = statuses.get(event.pk, "")
    return events


def _filter_context(request, form, field, kind):
    """What the calendar and the month share: the filters, and the feed for the chosen field."""
    feed = reverse("events:feed")
    if field is not None:
        feed += f"?feld={field.slug}"
    chosen = urlencode(
        [(name, value) for name, value in (("feld", field and field.slug), ("art", kind)) if value]
    )
    return {
        "filter_query": f"?{chosen}" if chosen else "",
        "filter_form": form,
        "chosen_field": field,
        "feed_url": feed,
        "feed_address": f"{_base(request)}{feed}",
        "subscribe_url": f"webcal://{request.get_host()}{feed}",
    }


def _base(request):
    return f"{settings.SITE_SCHEME}://{request.get_host()}"


@require_safe
def calendar(request):
    """The events as a list, upcoming first and by month (or the past ones, latest first), filterable."""
    town, language = request.municipality, get_language()
    form = CalendarFilterForm(request.GET or None, fields=_fields(town, language))
    field, kind = form.chosen()
    past = request.GET.get("zeit") == "vergangen"
    now = timezone.now()
    events = _filtered(_listed(town, language), field, kind)
    if past:
        events = events.filter(ends_at__lt=now).order_by("-starts_at", "-id")
    else:
        events = events.filter(ends_at__gte=now).order_by("starts_at", "id")
    page = UncountedPage(request.GET.get("page"), PER_PAGE)
    rows = _mark(town, page.fill(events[page.offset : page.offset + PER_PAGE + 1]), request.member)
    today = timezone.localdate()
    return render(
        request,
        "events/calendar.html",
        {
            "months": _by_month(rows),
            "page_obj": page,
            "past": past,
            "this_month": reverse("events:month", args=[today.year, today.month]),
            **_filter_context(request, form, field, kind),
        },
    )


def _by_month(events):
    months = []
    for event in events:
        start = timezone.localtime(event.starts_at)
        first = date(start.year, start.month, 1)
        if not months or months[-1]["first"] != first:
            months.append({"first": first, "events": [], "id": f"monat-{first:%Y-%m}"})
        months[-1]["events"].append(event)
    return months


@require_safe
def month(request, year, month):
    """A month as a grid of weeks and weekdays (on a phone: the days that have events), with the same filters."""
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    town, language = request.municipality, get_language()
    form = CalendarFilterForm(request.GET or None, fields=_fields(town, language))
    field, kind = form.chosen()
    zone = timezone.get_current_timezone()
    first = date(year, month, 1)
    after = (first + timedelta(days=31)).replace(day=1)
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(after.year, after.month, 1, tzinfo=zone)
    events = _mark(
        town,
        list(
            _filtered(_in_the_grid(town, language), field, kind)
            .between(start, end)
            .order_by("starts_at", "id")
        ),
        request.member,
    )
    by_day = {}
    for event in events:
        day = max(timezone.localtime(event.starts_at).date(), first)
        last = min(timezone.localtime(event.ends_at).date(), after - timedelta(days=1))
        while day <= last:
            by_day.setdefault(day, []).append(event)
            day += timedelta(days=1)
    today = timezone.localdate()
    weeks = [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "today": day == today,
                "events": by_day.get(day, []) if day.month == month else [],
            }
            for day in week
        ]
        for week in month_grid.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    before = first - timedelta(days=1)
    context = _filter_context(request, form, field, kind)
    query = context["filter_query"]
    return render(
        request,
        "events/month.html",
        {
            "first": first,
            "weeks": weeks,
            "has_events": bool(events),
            "previous_url": reverse("events:month", args=[before.year, before.month]) + query,
            "next_url": reverse("events:month", args=[after.year, after.month]) + query,
            "previous": before,
            "next": after,
            **context,
        },
    )


# --- an event --------------------------------------------------------------------------------------


def _one(language):
    return (
        Event.objects.select_related("venue", "stage")
        .with_translations(language)
        .prefetch_related(
            *translations_of("venue", language),
            Prefetch("fields", Field.objects.with_translations(language)),
        )
    )


def _counts(town, holder_filter):
    return (
        Registration.objects.for_municipality(town)
        .filter(**holder_filter)
        .aggregate(
            taken=Count("pk", filter=Q(status=CONFIRMED)), waiting=Count("pk", filter=Q(status=WAITING))
        )
    )


def waiting_position(registration):
    """Where a waiting registration stands in its list (1 = next to move up)."""
    rows = Registration.objects.for_municipality(registration.municipality_id).filter(
        event_id=registration.event_id, session_id=registration.session_id
    )
    ahead = (
        rows.filter(status=WAITING)
        .filter(
            Q(queued_at__lt=registration.queued_at)
            | Q(queued_at=registration.queued_at, pk__lt=registration.pk)
        )
        .count()
    )
    return ahead + 1


@require_safe
def event(request, slug):
    """Everything about an event: when, where and how accessible, the agenda or programme, the minutes."""
    town, language, member = request.municipality, get_language(), request.member
    item = town_object_or_404(_one(language), request, "view_event", slug=slug)
    counts = _counts(town, {"event": item, "session__isnull": True})
    item.taken, item.waiting_count = counts["taken"], counts["waiting"]
    item.free = None if item.capacity is None else max(0, item.capacity - item.taken)
    mine = (
        list(Registration.objects.for_municipality(town).filter(event=item, member=member).active())
        if member is not None and member.pk
        else []
    )
    for row in mine:
        row.event = item  # the rules ask it (whether the event has begun, who organises it)
    own = next((row for row in mine if row.session_id is None), None)
    if own is not None and own.is_waiting:
        own.position = waiting_position(own)
    agenda = list(
        AgendaEntry.objects.for_municipality(town)
        .filter(event=item)
        .with_translations(language)
        .prefetch_related(
            Prefetch(
                "points",
                MinutesPoint.objects.select_related("finding__field")
                .with_translations(language)
                .prefetch_related(*translations_of("finding", language)),
            )
        )
    )
    minutes = [entry for entry in agenda if entry.outcome or entry.points.all()]
    context = {
        "event": item,
        "own": own,
        "agenda": agenda,
        "minutes": minutes if item.has_begun() else [],
        "may_register": may(member, "register", item),
        "may_organise": may(member, "organise_event", item),
        "visitor": not request.user.is_authenticated,
    }
    if item.is_conference:
        context.update(_programme(town, item, language, member, mine, own))
    return render(request, "events/event.html", context)


def _programme(town, item, language, member, mine=(), own=None):
    """A conference's rooms × time slots, each session with its speakers and its own places."""
    rooms = list(Room.objects.for_municipality(town).filter(event=item))
    sessions = list(
        Session.objects.for_municipality(town)
        .filter(event=item)
        .select_related("room")
        .with_translations(language)
        .prefetch_related(Prefetch("speakers", Speaker.objects.with_translations(language)))
        .annotate(taken=Count("registrations", filter=Q(registrations__status=CONFIRMED)))
    )
    registered = {row.session_id: row for row in mine if row.session_id is not None}
    seated = own is not None and own.is_confirmed
    column = {room.pk: index for index, room in enumerate(rooms)}
    slots = {}
    speakers = {}
    for session in sessions:
        session.free = None if session.capacity is None else max(0, session.capacity - session.taken)
        session.mine = registered.get(session.pk)
        session.may_register = (
            seated and session.mine is None and may(member, "register_for_session", session)
        )
        key = (session.starts_at, session.ends_at)
        slot = slots.setdefault(key, {"starts_at": key[0], "ends_at": key[1], "cells": None, "all": []})
        if session.room_id is None or session.room_id not in column:
            slot["all"].append(session)
        else:
            if slot["cells"] is None:
                slot["cells"] = [[] for _room in rooms]
            slot["cells"][column[session.room_id]].append(session)
        for speaker in session.speakers.all():
            speakers.setdefault(speaker.pk, speaker)
    for slot in slots.values():
        slot["has_rooms"] = slot["cells"] is not None
        cells = slot["cells"] or [[] for _room in rooms]
        slot["cells"] = [{"room": room, "sessions": cell} for room, cell in zip(rooms, cells, strict=True)]
    return {
        "rooms": rooms,
        "slots": sorted(slots.values(), key=lambda slot: (slot["starts_at"], slot["ends_at"])),
        "sessions": sessions,
        "speakers": sorted(speakers.values(), key=lambda speaker: speaker.name),
        "seated": seated,
        "multi_day": timezone.localtime(item.starts_at).date() != timezone.localtime(item.ends_at).date(),
    }


@require_safe
def programme(request, slug):
    """A conference's programme to print: on one A4 page, rooms × time slots."""
    language = get_language()
    item = town_object_or_404(_one(language), request, "view_event", slug=slug)
    if not item.is_conference:
        raise Http404
    return render(
        request,
        "events/programme.html",
        {"event": item, **_programme(request.municipality, item, language, None)},
    )


# --- registering and cancelling --------------------------------------------------------------------


def _try_again(request, item):
    """Another registration held the seats too long: nothing was written, the person tries again."""
    return render(request, "events/try_again.html", {"event": item}, status=409)


def _registered_message(registration):
    if registration is None:
        return _("Sie sind für diese Veranstaltung schon angemeldet.")
    if registration.is_confirmed:
        return _("Sie sind angemeldet. Wir haben Ihnen eine Bestätigung geschickt.")
    return _(
        "Alle Plätze sind vergeben: Sie stehen auf der Warteliste (Platz %(position)s). "
        "Wird ein Platz frei, rücken Sie nach und bekommen Bescheid."
    ) % {"position": waiting_position(registration)}


@require_http_methods(["GET", "HEAD", "POST"])
def register(request, slug):
    """The registration form with the optional needs (each only with its own consent)."""
    item = town_object_or_404(_one(get_language()), request, "register", slug=slug)
    member = request.member
    item.free = None if item.capacity is None else max(0, item.capacity - services.confirmed_count(item))
    if request.method != "POST":
        own = (
            Registration.objects.for_municipality(request.municipality)
            .filter(event=item, member=member, session__isnull=True)
            .active()
            .first()
        )
        if own is not None:
            messages.info(request, _registered_message(None))
            return redirect(item)
    form = RegistrationForm(posted(request), town=request.municipality)

    def save(*, consent, **needs):
        try:
            return services.register(item, member=member, needs=form.needs(**needs), consent=consent)
        except services.AlreadyRegistered:
            return None

    try:
        return form_page(
            request,
            form,
            "events/register.html",
            save=save,
            done=_registered_message,
            then=item.get_absolute_url(),
            context={"event": item},
        )
    except services.TryAgain:
        return _try_again(request, item)


@require_POST
def register_session(request, slug, session):
    """Registering for one session of a conference that has its own places."""
    language = get_language()
    chosen = town_object_or_404(
        Session.objects.select_related("event").with_translations(language),
        request,
        "register_for_session",
        event__slug=slug,
        slug=session,
    )
    item = chosen.event
    title = translated(chosen, "title").text
    then = f"{item.get_absolute_url()}#programm-{chosen.slug}"
    try:
        registration = services.register(item, member=request.member, session=chosen)
    except services.TryAgain:
        return _try_again(request, item)
    except services.AlreadyRegistered:
        messages.info(request, _("Sie sind für „%(title)s“ schon angemeldet.") % {"title": title})
        return redirect(then)
    except forms.ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect(then)
    if registration.is_confirmed:
        messages.success(request, _("Sie sind für „%(title)s“ angemeldet.") % {"title": title})
    else:
        messages.success(
            request,
            _("„%(title)s“ ist voll: Sie stehen auf der Warteliste (Platz %(position)s).")
            % {"title": title, "position": waiting_position(registration)},
        )
    return redirect(then)


@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, pk):
    """ "Wirklich abmelden?": the event named, then the registration cancelled; a freed seat moves someone up."""
    registration = town_object_or_404(
        Registration.objects.select_related("event", "session", "member__user"),
        request,
        "cancel_registration",
        pk=pk,
    )
    item = registration.event
    own = request.member is not None and registration.member_id == request.member.pk
    title = translated(registration.session or item, "title").text
    default = item.get_absolute_url() if own else reverse("events:attendees", args=[item.slug])
    then = _next_url(request, default)  # the attendee list or the door, when an organiser came from there

    def done(result):
        if own:
            return _("Sie sind von „%(title)s“ abgemeldet.") % {"title": title}
        return _("Die Anmeldung von %(name)s ist storniert.") % {"name": registration.display_name}

    try:
        return form_page(
            request,
            forms.Form(posted(request)),
            "events/cancel.html",
            save=partial(services.cancel, registration, actor=request.member),
            done=done,
            then=then,
            context={
                "back": then,
                "registration": registration,
                "event": item,
                "title": title,
                "own": own,
                "heading": _("Wirklich abmelden?"),
                "submit": _("Ja, abmelden"),
            },
        )
    except services.TryAgain:
        return _try_again(request, item)


def _next_url(request, default):
    """Where the page that led here asked to return (this site only), else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        return target
    return default


# --- one's own registrations -----------------------------------------------------------------------


def checkin_qr(request, registration):
    """The check-in code as an SVG: it holds only the address of the check-in with the registration's token."""
    url = _base(request) + reverse("events:checkin_token", args=[registration.checkin_token])
    return segno.make(url, error="m").svg_inline(
        scale=1,
        border=2,
        omitsize=True,
        svgclass="checkin-qr",
        lineclass=None,
        title=_("QR-Code für den Einlass"),
        dark="#000",
        light="#fff",
    )


@require_safe
def my_registrations(request):
    """The member's registrations, upcoming first; each confirmed one with its QR code and short code for the door."""
    town, language, member = request.municipality, get_language(), request.member
    authorize(request, "view_own_registrations", town)
    now = timezone.now()
    rows = list(
        Registration.objects.for_municipality(town)
        .filter(member=member)
        .exclude(status=RegistrationStatus.CANCELLED, event__ends_at__lt=now)
        .select_related("event__venue", "session__room")
        .prefetch_related(
            *translations_of("event", language),
            *translations_of("event__venue", language),
            *translations_of("session", language),
        )
        .order_by("event__starts_at", "event_id", "session__starts_at", "id")
    )
    waiting = [row for row in rows if row.is_waiting]
    if waiting:
        queues = (
            Registration.objects.for_municipality(town)
            .filter(event_id__in={row.event_id for row in waiting}, status=WAITING)
            .order_by("queued_at", "id")
            .values_list("pk", "event_id", "session_id")
        )
        places, counted = {}, {}
        for pk, event_id, session_id in queues:
            counted[event_id, session_id] = counted.get((event_id, session_id), 0) + 1
            places[pk] = counted[event_id, session_id]
        for row in waiting:
            row.position = places.get(row.pk)
    events = {}
    for row in rows:
        entry = events.setdefault(row.event_id, {"event": row.event, "own": None, "sessions": []})
        if row.session_id is None:
            entry["own"] = row
            if row.is_confirmed and not row.event.has_ended(now) and not row.event.is_cancelled:
                row.qr = mark_safe(checkin_qr(request, row))  # noqa: S308 (segno's SVG of our own address)
        else:
            entry["sessions"].append(row)
    entries = list(events.values())
    upcoming = [entry for entry in entries if not entry["event"].has_ended(now)]
    past = [entry for entry in entries if entry["event"].has_ended(now)][::-1]
    return render(request, "events/my_registrations.html", {"upcoming": upcoming, "past": past})


# --- calendar files --------------------------------------------------------------------------------


@require_safe
def event_ics(request, slug):
    """One event as a calendar file, to add to one's own calendar."""
    town, language = request.municipality, get_language()
    item = town_object_or_404(
        Event.objects.select_related("venue")
        .with_translations(language)
        .prefetch_related(*translations_of("venue", language)),
        request,
        "view_event",
        slug=slug,
    )
    content = ical.calendar([ical.Entry.of(item, language)], town=town, name=translated(item, "title").text)
    return ical.response(content, f"{item.slug}.ics")


@require_safe
def feed(request):
    """The calendar to subscribe to: the published events from a year ago on; `?feld=` one field's.

    Built once per change of the town, language, field and day, and kept (`ical.kept_feed`).
    """
    town, language = request.municipality, get_language()
    name = _("Veranstaltungen – %(town)s") % {"town": town.name}
    filename = f"veranstaltungen-{town.slug}.ics"
    slug = request.GET.get("feld") or ""
    field = None
    if slug:
        field = Field.objects.for_municipality(town).with_translations(language).filter(slug=slug).first()
        if field is None:
            raise Http404
        name = _("%(field)s – Veranstaltungen in %(town)s") % {
            "field": translated(field, "name").text,
            "town": town.name,
        }
        filename = f"veranstaltungen-{town.slug}-{field.slug}.ics"

    def build():
        events = (
            Event.objects.for_municipality(town)
            .published()
            .filter(ends_at__gte=timezone.now() - timedelta(days=FEED_PAST_DAYS))
            .order_by("starts_at", "id")
        )
        if field is not None:
            events = events.filter(fields=field)
        return ical.calendar(ical.entries(events, town, language), town=town, name=name, ttl="PT1H")

    version = cache_versions(town_scope(town.pk))
    key = f"events-feed:{town.pk}:{language}:{slug}:{timezone.localdate():%Y-%m-%d}:{version}"
    return ical.kept_feed(request, key, build, filename)
