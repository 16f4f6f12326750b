"""Pages for those who organise events: the events, agendas, attendees, check-in, minutes and programmes.

The town's admins keep every event, the places and the speakers; the members named as an event's
organisers reach their event's pages from the event itself (`events/organise/partials/event_nav.html`
links them all). Every page asks the rules (`rules.py`) and writes through `services.py`.
"""

import csv
import io
from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.db.models import CharField, Count, Prefetch, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ankommen.core.access import authorize, town_object_or_404
from ankommen.core.form_pages import form_page, posted
from ankommen.core.languages import BY_CODE
from ankommen.core.models import translations_of
from ankommen.core.rules import may
from ankommen.core.services import update_and_audit
from ankommen.dialogue.exports import neutralised
from ankommen.events import services
from ankommen.events.models import (
    AgendaEntry,
    Event,
    FoodNeed,
    MinutesPoint,
    NeedKind,
    Registration,
    RegistrationStatus,
    Room,
    Session,
    Source,
    Speaker,
    Venue,
)
from ankommen.events.organise_forms import (
    AgendaItemForm,
    CancelEventForm,
    CheckinCodeForm,
    ContactRegistrationForm,
    EventForm,
    FindingForm,
    MinutesForm,
    PaperListForm,
    PointFormSet,
    RoomForm,
    SessionForm,
    SpeakerForm,
    VenueForm,
)

FORM = "events/organise/form.html"
RESERVED = {"neu"}  # …/neu/ is the address of the new event's (place's, speaker's) form
PAST_SHOWN = 30  # the list of events shows the latest past ones; older ones stay reachable by address

# --- finding the event, and its address --------------------------------------------------------------


def _event(request, slug, rule, queryset=None):
    """The town's event `slug`, authorized for `rule` (404 for another town's, 403 for those not allowed)."""
    return town_object_or_404(
        queryset if queryset is not None else Event.objects.select_related("venue", "stage"),
        request,
        rule,
        slug=slug,
    )


def _free_slug(rows, title, fallback):
    """A slug from `title` that no row of `rows` has yet ("sitzung-der-dialogplattform-2")."""
    base = slugify(title)[:100].strip("-") or fallback
    taken = RESERVED | set(rows.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _with_free_slug(make, rows, title, fallback):
    """Save a new row with a free slug; two people saving the same title at once: the second takes the next."""
    for _attempt in range(3):
        try:
            return make(_free_slug(rows, title, fallback))
        except IntegrityError:
            continue
    raise ValidationError(_("Bitte versuchen Sie es noch einmal."))


def _next_url(request, default):
    """Where a button on another page asked to return (its own site only), else `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        return target
    return default


def _context(event, current, **more):
    """What every page of one event shows: the event and its organising pages (`current` marked)."""
    return {"event": event, "current": current, **more}


# --- the events -----------------------------------------------------------------------------------------


@require_safe
def events(request):
    """Every event of the town: drafts, those to come, the latest past ones; places, speakers and counts."""
    town = request.municipality
    authorize(request, "keep_events", town)
    now, language = timezone.now(), get_language()
    own = Q(registrations__session__isnull=True)
    rows = (
        Event.objects.for_municipality(town)
        .select_related("venue")
        .with_translations(language)
        .prefetch_related(*translations_of("venue", language))
        .annotate(
            confirmed=Count(
                "registrations", filter=own & Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            waiting=Count("registrations", filter=own & Q(registrations__status=RegistrationStatus.WAITING)),
            checked_in=Count(
                "registrations",
                filter=own
                & Q(
                    registrations__status=RegistrationStatus.CONFIRMED,
                    registrations__checked_in_at__isnull=False,
                ),
            ),
        )
    )
    drafts, upcoming, past = [], [], []
    for event in rows.order_by("starts_at", "id"):
        if not event.is_published:
            drafts.append(event)
        elif event.ends_at >= now:
            upcoming.append(event)
        else:
            past.append(event)
    past.reverse()
    return render(
        request,
        "events/organise/events.html",
        {
            "groups": [
                ("entwuerfe", _("Entwürfe"), drafts, _("Kein Entwurf.")),
                ("kommende", _("Kommende Veranstaltungen"), upcoming, _("Keine Veranstaltung geplant.")),
                ("vergangene", _("Vergangene Veranstaltungen"), past[:PAST_SHOWN], _("Noch keine.")),
            ],
            "more_past": max(0, len(past) - PAST_SHOWN),
        },
    )


def _event_values(cleaned):
    values = dict(cleaned)
    fields = values.pop("fields", None)
    organisers = values.pop("organisers", None)
    return values, fields, organisers


def event_new(request):
    town = request.municipality
    authorize(request, "keep_events", town)

    def save(**cleaned):
        values, fields, organisers = _event_values(cleaned)

        def make(slug):
            event = Event(municipality=town, slug=slug)
            return services.save_event(
                event, actor=request.member, fields=fields, organisers=organisers, **values
            )

        return _with_free_slug(make, Event.objects.for_municipality(town), values["title"], "veranstaltung")

    return form_page(
        request,
        EventForm(posted(request), municipality=town, may_choose_organisers=True),
        FORM,
        save=save,
        done=_("Die Veranstaltung ist als Entwurf angelegt. Veröffentlichen Sie sie, wenn alles stimmt."),
        then=lambda event: reverse("events:event_edit", args=[event.slug]),
        context={"heading": _("Neue Veranstaltung"), "back": reverse("events:manage")},
    )


def event_edit(request, slug):
    event = _event(request, slug, "organise_event")
    choose = may(request.member, "keep_events", request.municipality)

    def save(**cleaned):
        values, fields, organisers = _event_values(cleaned)
        return services.save_event(
            event, actor=request.member, fields=fields, organisers=organisers if choose else None, **values
        )

    return form_page(
        request,
        EventForm(
            posted(request), municipality=request.municipality, may_choose_organisers=choose, instance=event
        ),
        "events/organise/event_form.html",
        save=save,
        done=_(
            "Die Änderungen sind gespeichert. Wer angemeldet ist, erfährt von geänderter Zeit, Ort oder Titel."
        ),
        then=reverse("events:event_edit", args=[event.slug]),
        context=_context(event, "event_edit", heading=_("Veranstaltung bearbeiten")),
    )


@require_POST
def event_publish(request, slug):
    event = _event(request, slug, "organise_event")
    services.publish_event(event, actor=request.member)
    messages.success(request, _("Die Veranstaltung ist veröffentlicht: sie steht jetzt im Kalender."))
    return redirect(_next_url(request, reverse("events:event_edit", args=[event.slug])))


def event_cancel(request, slug):
    event = _event(request, slug, "cancel_event")
    told = Registration.objects.for_municipality(request.municipality).filter(event=event).active().count()
    return form_page(
        request,
        CancelEventForm(posted(request)),
        FORM,
        save=partial(services.cancel_event, event, actor=request.member),
        done=_("Die Veranstaltung ist abgesagt; alle Angemeldeten sind benachrichtigt."),
        then=reverse("events:manage"),
        context=_context(
            event,
            "event_cancel",
            heading=_("Veranstaltung absagen?"),
            intro=[
                _("„%(title)s“ bleibt im Kalender, als abgesagt markiert.") % {"title": event.title},
                _("%(count)s angemeldete oder wartende Personen erhalten die Absage mit dem Grund.")
                % {"count": told},
                _("Eine Absage lässt sich nicht zurücknehmen."),
            ],
            submit=_("Ja, Veranstaltung absagen"),
            button="primary",
        ),
    )


# --- attendees ------------------------------------------------------------------------------------------


ATTENDEE_FIELDS = (
    *("municipality_id", "event_id", "session_id", "status", "source", "paper_occasion"),
    *("name", "phone", "email", "registered_at", "queued_at", "cancelled_at", "checked_in_at"),
    *("checkin_token", "checkin_code"),  # the door's list
    "member_id",
    *("entered_by__municipality_id", "entered_by__user__display_name", "entered_by__user__email"),
)


# A member's name as `Member.display_name` says it: the display name, else the address.
MEMBER_NAME = Coalesce(
    NullIf("member__user__display_name", Value("")), "member__user__email", output_field=CharField()
)


def _registrations(request, event):
    """The event's own registrations (not its sessions'), with who entered them; each knows its event."""
    rows = list(
        Registration.objects.for_municipality(request.municipality)
        .filter(event=event, session__isnull=True)
        .select_related("entered_by__user")
        # What the lists show, a member by their name: a conference's hundreds of rows are read lean.
        .annotate(member_name=MEMBER_NAME)
        .only(*ATTENDEE_FIELDS)
        .order_by("queued_at", "id")
    )
    for row in rows:
        row.event = event  # one event object: the rules ask its organisers once
    return rows


def _sorted_by_name(rows):
    return sorted(rows, key=lambda row: (str(row.display_name).casefold(), row.pk))


def _lists(rows):
    confirmed = _sorted_by_name(row for row in rows if row.is_confirmed)
    waiting = [row for row in rows if row.is_waiting]  # in order: queued_at, id
    for position, row in enumerate(waiting, start=1):
        row.position = position
    cancelled = sorted(
        (row for row in rows if row.is_cancelled), key=lambda row: row.cancelled_at or row.registered_at
    )
    return confirmed, waiting, cancelled


def registration_source(registration, labels=None):
    """How a registration came: "online", "am Telefon oder vor Ort (Sabine Keller)", "Liste auf Papier: …".

    `labels`: the sources' labels translated once, for a list of many (`source_labels()`)."""
    label = (labels or source_labels())[registration.source]
    if registration.source == Source.PAPER:
        parts = [label + (f": {registration.paper_occasion}" if registration.paper_occasion else "")]
    else:
        parts = [label]
    if registration.source != Source.ONLINE and registration.entered_by_id:
        parts.append(_("eingetragen von %(name)s") % {"name": registration.entered_by.display_name})
    return "; ".join(parts)


def source_labels():
    return {value: str(label) for value, label in Source.choices}


def _needs(event):
    """The needs summed per kind, each with its details (languages, kinds of food) summed too."""
    kinds = {}
    for kind, detail, count in services.needs_summary(event):
        entry = kinds.setdefault(kind, {"label": NeedKind(kind).label, "count": 0, "details": []})
        entry["count"] += count
        if detail:
            entry["details"].append((_detail_label(kind, detail), count))
    return list(kinds.values())


def _detail_label(kind, detail):
    if kind == NeedKind.INTERPRETING and detail in BY_CODE:
        return BY_CODE[detail].name
    if kind == NeedKind.FOOD and detail in FoodNeed.values:
        return FoodNeed(detail).label
    return detail


def _languages(event):
    return [
        (BY_CODE[code].name if code in BY_CODE else code, count)
        for code, count in services.languages_summary(event)
    ]


@require_safe
def attendees(request, slug):
    """Who is registered, who waits (in order), who cancelled; the needs summed, never per person."""
    event = _event(request, slug, "organise_event")
    labels = source_labels()
    for row in (rows := _registrations(request, event)):
        row.source_text = registration_source(row, labels)
    confirmed, waiting, cancelled = _lists(rows)
    shows_needs = may(request.member, "view_needs", event)
    return render(
        request,
        "events/organise/attendees.html",
        _context(
            event,
            "attendees",
            confirmed=confirmed,
            waiting=waiting,
            cancelled=cancelled,
            checked_in=sum(1 for row in confirmed if row.checked_in_at),
            shows_needs=shows_needs,
            needs=_needs(event) if shows_needs else [],
            languages=_languages(event) if shows_needs else [],
            may_register_someone=may(request.member, "register_someone", event),
            back_here=reverse("events:attendees", args=[event.slug]),
        ),
    )


CSV_COLUMNS = (
    lambda: _("Name"),
    lambda: _("Stand"),
    lambda: _("Platz auf der Warteliste"),
    lambda: _("Anmeldung"),
    lambda: _("eingetragen von"),
    lambda: _("angemeldet am"),
    lambda: _("eingelassen am"),
)


def _spreadsheet_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


@require_safe
def attendees_csv(request, slug):
    """The attendee list for a spreadsheet (UTF-8 with BOM, semicolons); needs are never in it, per person."""
    event = _event(request, slug, "organise_event")
    confirmed, waiting, cancelled = _lists(_registrations(request, event))
    buffer = io.StringIO()
    buffer.write("\ufeff")  # the BOM: spreadsheets then read the file as UTF-8
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([column() for column in CSV_COLUMNS])
    for row in [*confirmed, *waiting, *cancelled]:
        source = str(row.get_source_display())
        if row.source == Source.PAPER and row.paper_occasion:
            source = f"{source}: {row.paper_occasion}"
        values = [
            str(row.display_name),
            str(row.status_label),
            getattr(row, "position", "") or "",
            source,
            row.entered_by.display_name if row.entered_by_id else "",
            _spreadsheet_time(row.registered_at),
            _spreadsheet_time(row.checked_in_at),
        ]
        writer.writerow([neutralised(value) for value in values])
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="teilnehmende-{event.slug}.csv"'
    return response


def register_contact(request, slug):
    """Staff register a person who called or came by."""
    event = _event(request, slug, "register_someone")
    town = request.municipality

    def save(**values):
        return services.register_contact(event, actor=request.member, source=Source.PHONE, **values)

    def done(registration):
        if registration.is_confirmed:
            return _("%(name)s ist angemeldet.") % {"name": registration.name}
        return _("%(name)s steht auf der Warteliste.") % {"name": registration.name}

    return form_page(
        request,
        ContactRegistrationForm(posted(request), municipality=town, initial={"language": "de"}),
        FORM,
        save=save,
        done=done,
        then=reverse("events:attendees", args=[event.slug]),
        context=_context(
            event,
            "attendees",
            heading=_("Person anmelden"),
            intro=[
                _("Für eine Person, die angerufen hat oder vorbeigekommen ist."),
                _("Sie bekommt einen Platz, solange Plätze frei sind, sonst einen Platz auf der Warteliste."),
            ],
            submit=pgettext("event", "Anmelden"),
        ),
    )


def paper_list(request, slug):
    """A sign-up list on paper after a session: every line one person who was there."""
    event = _event(request, slug, "register_someone")

    def save(lines, occasion):
        return services.enter_paper_list(event, actor=request.member, lines=lines, occasion=occasion)

    return form_page(
        request,
        PaperListForm(posted(request)),
        FORM,
        save=save,
        done=lambda count: _("%(count)s Personen von der Liste sind eingetragen.") % {"count": count},
        then=reverse("events:attendees", args=[event.slug]),
        context=_context(
            event,
            "attendees",
            heading=_("Liste von Papier eintragen"),
            intro=[
                _("Ist eine Zeile nicht lesbar, nennt die Seite sie; dann wird nichts eingetragen."),
                _("Wer schon angemeldet ist, wird nicht doppelt eingetragen, nur als da gewesen markiert."),
            ],
            submit=_("Liste eintragen"),
        ),
    )


# --- at the door ----------------------------------------------------------------------------------------


def _at(moment):
    return formats.time_format(timezone.localtime(moment), "TIME_FORMAT")


def _check_in(request, registration):
    """Let the person in and say so; a second scan of the same code says when they came."""
    name = registration.display_name
    if services.check_in(registration, actor=request.member):
        messages.success(request, _("Eingelassen: %(name)s") % {"name": name})
    else:
        messages.warning(
            request,
            _("%(name)s war schon eingelassen um %(time)s.")
            % {"name": name, "time": _at(registration.checked_in_at)},
        )


def _why_not_in(registration):
    """Why a registration cannot be let in, or None."""
    if registration.is_waiting:
        return _("%(name)s steht auf der Warteliste und hat noch keinen Platz.") % {
            "name": registration.display_name
        }
    if registration.is_cancelled:
        return _("%(name)s hat sich abgemeldet.") % {"name": registration.display_name}
    return None


def checkin(request, slug):
    """The door: type the code a person shows or says, or let them in from the list."""
    event = _event(request, slug, "check_in")
    form = CheckinCodeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        registration = services.find_by_code(event, form.cleaned_data["code"])
        if registration is None:
            form.add_error("code", _("Zu diesem Code gibt es keine Anmeldung für diese Veranstaltung."))
        elif reason := _why_not_in(registration):
            form.add_error("code", reason)
        else:
            registration.event = event
            _check_in(request, registration)
            return redirect(reverse("events:checkin", args=[event.slug]))
    confirmed = [row for row in _registrations(request, event) if row.is_confirmed]
    inside = sorted(
        (row for row in confirmed if row.checked_in_at), key=lambda row: row.checked_in_at, reverse=True
    )
    return render(
        request,
        "events/organise/checkin.html",
        _context(
            event,
            "checkin",
            form=form,
            outside=_sorted_by_name(row for row in confirmed if not row.checked_in_at),
            inside=inside,
            total=len(confirmed),
            back_here=reverse("events:checkin", args=[event.slug]),
        ),
        status=400 if form.errors else 200,
    )


def checkin_token(request, token):
    """What a registration's QR code opens: the person and a button to let them in (or to take it back).

    Only those who may check people in to the event see who it is; anyone else gets a refusal
    that names nobody.
    """
    registration = get_object_or_404(
        Registration.objects.for_municipality(request.municipality).select_related(
            "event", "session", "member__user", "entered_by__user"
        ),
        checkin_token=token,
    )
    event = registration.event
    authorize(request, "check_in", event)
    if request.method == "POST":
        if request.POST.get("undo"):
            if registration.checked_in_at:
                services.undo_check_in(registration, actor=request.member)
                messages.success(
                    request, _("Einlass zurückgenommen: %(name)s") % {"name": registration.display_name}
                )
        elif reason := _why_not_in(registration):
            messages.error(request, reason)
        else:
            _check_in(request, registration)
        return redirect(_next_url(request, request.path))
    return render(
        request,
        "events/organise/checkin_token.html",
        _context(
            event,
            "checkin",
            registration=registration,
            source=registration_source(registration),
            back=_next_url(request, reverse("events:checkin", args=[event.slug])),
        ),
    )


# --- agenda and minutes ---------------------------------------------------------------------------------


def agenda(request, slug):
    """The agenda of an event, in order, with a form for the next item."""
    event = _event(request, slug, "organise_event")
    items = list(
        AgendaEntry.objects.for_municipality(request.municipality)
        .filter(event=event)
        .with_translations(get_language())
        .annotate(point_count=Count("points"))
    )
    return form_page(
        request,
        AgendaItemForm(posted(request)),
        "events/organise/agenda.html",
        save=lambda **values: services.save_agenda_item(
            AgendaEntry(municipality=request.municipality, event=event), actor=request.member, **values
        ),
        done=_("Der Tagesordnungspunkt ist eingetragen."),
        then=reverse("events:agenda", args=[event.slug]),
        context=_context(
            event, "agenda", items=items, may_write_minutes=may(request.member, "write_minutes", event)
        ),
    )


def _agenda_item(request, event, pk):
    return get_object_or_404(
        AgendaEntry.objects.for_municipality(request.municipality).filter(event=event), pk=pk
    )


def agenda_item_edit(request, slug, pk):
    event = _event(request, slug, "organise_event")
    item = _agenda_item(request, event, pk)
    item.event = event
    return form_page(
        request,
        AgendaItemForm(posted(request), instance=item),
        FORM,
        save=partial(services.save_agenda_item, item, actor=request.member),
        done=_("Der Tagesordnungspunkt ist gespeichert."),
        then=reverse("events:agenda", args=[event.slug]),
        context=_context(event, "agenda", heading=_("Tagesordnungspunkt bearbeiten")),
    )


def _point_rows(points):
    return [
        {"kind": point.kind, "text": point.text, "responsible": point.responsible, "due_on": point.due_on}
        for point in points
    ]


def minutes(request, slug, pk):
    """The minutes of one agenda item: its outcome and its points (results, agreements, tasks)."""
    event = _event(request, slug, "write_minutes")
    item = _agenda_item(request, event, pk)
    item.event = event
    points = list(
        MinutesPoint.objects.for_municipality(request.municipality)
        .filter(agenda_item=item)
        .select_related("finding__field")
    )
    for point in points:
        point.agenda_item = item
    findings = [point for point in points if point.finding_id]
    editable = [point for point in points if not point.finding_id]
    data = posted(request)
    form = MinutesForm(data, initial={"outcome": item.outcome})
    formset = PointFormSet(data, initial=_point_rows(editable), prefix="punkte")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        rows = [
            (row["kind"], row["text"], row["responsible"], row["due_on"])
            for row in formset.cleaned_data
            if row.get("text")
        ]
        try:
            services.save_minutes(
                item, actor=request.member, outcome=form.cleaned_data["outcome"], points=rows
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Das Protokoll ist gespeichert."))
            return redirect(reverse("events:minutes", args=[event.slug, item.pk]))
    errors = bool(form.errors or any(formset.errors) or formset.non_form_errors())
    return render(
        request,
        "events/organise/minutes.html",
        _context(
            event,
            "agenda",
            item=item,
            form=form,
            formset=formset,
            findings=findings,
            saved_points=editable,
            errors=errors,
        ),
        status=400 if errors else 200,
    )


def make_finding(request, pk):
    """A point of a stocktaking session's minutes becomes a finding of its field."""
    point = get_object_or_404(
        MinutesPoint.objects.for_municipality(request.municipality).select_related(
            "agenda_item__event__stage__field", "finding__field"
        ),
        pk=pk,
    )
    event = point.agenda_item.event
    if point.finding_id and may(request.member, "write_minutes", event):
        messages.info(request, _("Aus diesem Punkt ist schon ein Befund geworden."))
        return redirect(point.finding.get_absolute_url())
    authorize(request, "make_finding", point)
    back = reverse("events:minutes", args=[event.slug, point.agenda_item_id])
    return form_page(
        request,
        FindingForm(posted(request), point=point),
        FORM,
        save=partial(services.make_finding, point, actor=request.member),
        done=_("Der Punkt ist als Befund im Handlungsfeld eingetragen."),
        then=lambda finding: finding.get_absolute_url(),
        context=_context(
            event,
            "agenda",
            heading=_("Als Befund übernehmen"),
            back=back,
            intro=[
                _("Der Befund erscheint in der Bestandsaufnahme des Handlungsfelds „%(field)s“.")
                % {"field": event.stage.field.name},
                _("Als Quelle steht die Sitzung „%(title)s“ dabei; der Text ist der des Punkts:")
                % {"title": event.title},
            ],
            quote=point.text,
            submit=_("Als Befund übernehmen"),
        ),
    )


# --- a conference's programme ---------------------------------------------------------------------------


@require_safe
def programme_edit(request, slug):
    """The programme as the organisers plan it: time slots down, rooms across, places taken per session."""
    event = _event(request, slug, "organise_event")
    _only_conferences(event)
    rooms = list(Room.objects.for_municipality(request.municipality).filter(event=event))
    taken = Q(registrations__status=RegistrationStatus.CONFIRMED)
    sessions = list(
        Session.objects.for_municipality(request.municipality)
        .filter(event=event)
        .select_related("room")
        .with_translations(get_language())
        .prefetch_related(Prefetch("speakers", Speaker.objects.order_by("name")))
        .annotate(
            confirmed=Count("registrations", filter=taken),
            waiting=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)),
        )
    )
    columns = [*rooms, None] if any(session.room_id is None for session in sessions) else rooms
    slots = {}
    for session in sessions:
        slots.setdefault((session.starts_at, session.ends_at), {}).setdefault(session.room_id, []).append(
            session
        )
    rows = [
        {
            "starts_at": start,
            "ends_at": end,
            "cells": [cells.get(room.pk if room else None, []) for room in columns],
        }
        for (start, end), cells in sorted(slots.items())
    ]
    return render(
        request,
        "events/organise/programme.html",
        _context(
            event,
            "programme_edit",
            rooms=rooms,
            rows=rows,
            headings=[_("Zeit"), *(room.name if room else _("ohne Raum") for room in columns)],
        ),
    )


def session_new(request, slug):
    event = _event(request, slug, "organise_event")
    town = request.municipality
    _only_conferences(event)

    def save(speakers, **values):
        def make(slug):
            return services.save_session(
                Session(municipality=town, event=event, slug=slug),
                actor=request.member,
                speakers=speakers,
                **values,
            )

        return _with_free_slug(
            make, Session.objects.for_municipality(town).filter(event=event), values["title"], "programmpunkt"
        )

    return form_page(
        request,
        SessionForm(posted(request), municipality=town, event=event),
        FORM,
        save=save,
        done=_("Der Programmpunkt ist eingetragen."),
        then=reverse("events:programme_edit", args=[event.slug]),
        context=_context(event, "programme_edit", heading=_("Neuer Programmpunkt")),
    )


def _only_conferences(event):
    """Only a conference has a programme of rooms and sessions."""
    if not event.is_conference:
        raise Http404


def session_edit(request, slug, pk):
    event = _event(request, slug, "organise_event")
    _only_conferences(event)
    session = get_object_or_404(
        Session.objects.for_municipality(request.municipality).filter(event=event), pk=pk
    )
    session.event = event
    return form_page(
        request,
        SessionForm(posted(request), municipality=request.municipality, event=event, instance=session),
        FORM,
        save=partial(services.save_session, session, actor=request.member),
        done=_("Der Programmpunkt ist gespeichert."),
        then=reverse("events:programme_edit", args=[event.slug]),
        context=_context(event, "programme_edit", heading=_("Programmpunkt bearbeiten")),
    )


def room_new(request, slug):
    event = _event(request, slug, "organise_event")
    _only_conferences(event)
    return form_page(
        request,
        RoomForm(posted(request), initial={"position": event.rooms.count() + 1}),
        FORM,
        save=lambda **values: services.add_room(
            Room(municipality=request.municipality, event=event), actor=request.member, **values
        ),
        done=_("Der Raum ist angelegt."),
        then=reverse("events:programme_edit", args=[event.slug]),
        context=_context(event, "programme_edit", heading=_("Neuer Raum")),
    )


# --- places and speakers --------------------------------------------------------------------------------


@require_safe
def venues(request):
    town = request.municipality
    authorize(request, "keep_events", town)
    rows = (
        Venue.objects.for_municipality(town)
        .with_translations(get_language())
        .annotate(event_count=Count("events"))
    )
    return render(request, "events/organise/venues.html", {"venues": rows})


def _save_row(row, *, actor, action_name, **values):
    return update_and_audit(row, actor=actor, action=action_name, values=values, rule="keep_events")


def venue_new(request):
    town = request.municipality
    authorize(request, "keep_events", town)

    def save(**values):
        def make(slug):
            return _save_row(
                Venue(municipality=town, slug=slug), actor=request.member, action_name="venue.saved", **values
            )

        return _with_free_slug(make, Venue.objects.for_municipality(town), values["name"], "ort")

    return form_page(
        request,
        VenueForm(posted(request)),
        FORM,
        save=save,
        done=_("Der Veranstaltungsort ist angelegt."),
        then=reverse("events:venues"),
        context={"heading": _("Neuer Veranstaltungsort"), "back": reverse("events:venues")},
    )


def venue_edit(request, slug):
    venue = town_object_or_404(Venue.objects.all(), request, "keep_events", slug=slug)
    return form_page(
        request,
        VenueForm(posted(request), instance=venue),
        FORM,
        save=partial(_save_row, venue, actor=request.member, action_name="venue.saved"),
        done=_("Der Veranstaltungsort ist gespeichert."),
        then=reverse("events:venues"),
        context={"heading": _("Veranstaltungsort bearbeiten"), "back": reverse("events:venues")},
    )


@require_safe
def speakers(request):
    town = request.municipality
    authorize(request, "keep_events", town)
    rows = (
        Speaker.objects.for_municipality(town)
        .with_translations(get_language())
        .annotate(session_count=Count("sessions"))
    )
    return render(request, "events/organise/speakers.html", {"speakers": rows})


def _speaker_values(values, speaker=None):
    """The photo as the form gives it: a new file, False to remove it, None to keep it."""
    photo = values.pop("photo", None)
    if photo is False:
        values["photo"] = ""
        values["photo_alt"] = ""
    elif photo is not None and hasattr(photo, "content_type"):
        values["photo"] = photo
    return values


def speaker_new(request):
    town = request.municipality
    authorize(request, "keep_events", town)

    def save(**values):
        values = _speaker_values(values)

        def make(slug):
            return _save_row(
                Speaker(municipality=town, slug=slug),
                actor=request.member,
                action_name="speaker.saved",
                **values,
            )

        return _with_free_slug(make, Speaker.objects.for_municipality(town), values["name"], "person")

    return form_page(
        request,
        SpeakerForm(posted(request), request.FILES or None),
        FORM,
        save=save,
        done=_("Die Referentin oder der Referent ist eingetragen."),
        then=reverse("events:speakers"),
        context={"heading": _("Neue Referentin, neuer Referent"), "back": reverse("events:speakers")},
    )


def speaker_edit(request, slug):
    speaker = town_object_or_404(Speaker.objects.all(), request, "keep_events", slug=slug)
    return form_page(
        request,
        SpeakerForm(posted(request), request.FILES or None, instance=speaker),
        FORM,
        save=lambda **values: _save_row(
            speaker, actor=request.member, action_name="speaker.saved", **_speaker_values(values, speaker)
        ),
        done=_("Die Angaben sind gespeichert."),
        then=reverse("events:speakers"),
        context={"heading": _("Referentin oder Referent bearbeiten"), "back": reverse("events:speakers")},
    )
