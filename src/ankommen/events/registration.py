from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ankommen.core.registry import (
    DELETE,
    UNLINK,
    Link,
    register_audit_actions,
    register_demo,
    register_links,
    register_notification_kind,
    register_periodic,
    register_personal_data,
    register_rules,
    register_staff_acts,
    register_topic,
)
from ankommen.core.search import register_search
from ankommen.events import demo, rules, services
from ankommen.events.models import Event

register_rules(rules.RULES)

register_search(
    Event,
    fields=("title", "summary", "description"),
    visible=Event.objects.searchable_by,
    results=Event.objects.for_search,
)

register_links(
    "menu",
    Link(_("Veranstaltungen"), "events:calendar", order=35, current=("events:*",)),
)


def waiting(town):
    """The hub tile: upcoming events that are full, and drafts not yet published."""
    drafts = Event.objects.for_municipality(town).filter(published_at__isnull=True).count()
    return ngettext("%(count)s Entwurf", "%(count)s Entwürfe", drafts) % {"count": drafts} if drafts else ""


register_links(
    "hub",
    Link(
        _("Veranstaltungen"),
        "events:manage",
        "keep_events",
        35,
        _("Sitzungen, Fachgespräche, Workshops und die Ankommenskonferenz: Anmeldungen, Einlass, Protokolle"),
        current=(
            "events:manage",
            "events:event_*",
            "events:attendees*",
            "events:register_contact",
            "events:paper_list",
            "events:checkin*",
            "events:agenda*",
            "events:minutes",
            "events:make_finding",
            "events:programme_edit",
            "events:session_*",
            "events:room_new",
            "events:venue*",
            "events:speaker*",
        ),
        waiting=waiting,
    ),
)
group = _("Veranstaltungen")
register_links(
    "footer",
    Link(_("Veranstaltungskalender"), "events:calendar", order=0, group=group),
    Link(_("Meine Anmeldungen"), "events:my_registrations", "view_own_registrations", order=1, group=group),
)

register_audit_actions(
    {
        "event.created": _("Veranstaltung angelegt"),
        "event.changed": _("Veranstaltung geändert"),
        "event.published": _("Veranstaltung veröffentlicht"),
        "event.cancelled": _("Veranstaltung abgesagt"),
        "registration.entered": _("Anmeldung für eine Person eingetragen (Telefon oder vor Ort)"),
        "registration.paper_list": _("Teilnehmerliste von Papier eingetragen"),
        "registration.cancelled": _("Anmeldung einer Person storniert"),
        "registration.check_in_undone": _("Einlass zurückgenommen"),
        "agenda_item.saved": _("Tagesordnungspunkt gespeichert"),
        "minutes.saved": _("Protokoll eines Tagesordnungspunkts gespeichert"),
        "minutes.finding": _("Punkt des Protokolls als Befund übernommen"),
        "venue.saved": _("Veranstaltungsort gespeichert"),
        "speaker.saved": _("Referentin oder Referent gespeichert"),
        "session.saved": _("Programmpunkt gespeichert"),
        "room.created": _("Raum angelegt"),
    },
    area=_("Veranstaltungen"),
)

register_topic(
    "events",
    _("Ihre Veranstaltungen"),
    _(
        "Anmeldung, Warteliste, Nachrücken, Erinnerungen und Änderungen der Veranstaltungen, für die Sie angemeldet sind."
    ),
    default="immediately",
    order=20,
)
register_topic(
    "organising",
    _("Veranstaltungen, die Sie organisieren"),
    _("Wenn vier Fünftel und wenn alle Plätze einer Veranstaltung vergeben sind."),
    default="immediately",
    order=70,
)
register_notification_kind("events.confirmed", "events", _("Anmeldung bestätigt: „%(target)s“"))
register_notification_kind("events.waiting", "events", _("Auf der Warteliste: „%(target)s“"))
register_notification_kind("events.promoted", "events", _("Sie haben einen Platz: „%(target)s“"))
register_notification_kind("events.reminder", "events", _("Erinnerung: „%(target)s“"))
register_notification_kind("events.changed", "events", _("Geändert: „%(target)s“"))
register_notification_kind("events.cancelled", "events", _("Abgesagt: „%(target)s“"))
register_notification_kind(
    "events.filling", "organising", _("Vier Fünftel der Plätze vergeben: „%(target)s“")
)
register_notification_kind("events.full", "organising", _("Alle Plätze vergeben: „%(target)s“"))

register_periodic("events.remind", services.remind, minutes=5)
register_periodic("events.prune", services.prune, minutes=1440)

# After the council (50): sessions point at the fields' stages and findings.
register_demo(60)(demo.load)

register_personal_data(
    "events.Registration",
    "member__user",
    name=_("Ihre Anmeldungen zu Veranstaltungen"),
    purpose=_(
        "Ihr Platz bei einer Veranstaltung, die Warteliste, der Einlass und was Sie zur Teilnahme brauchen"
    ),
    retention=_(
        "Angaben zu Bedarfen bis 30 Tage nach der Veranstaltung (dann nur noch gezählt, ohne Namen); "
        "die Anmeldung selbst, bis Sie Ihr Konto löschen"
    ),
    erasure=DELETE,
    export=(
        "event__title",
        "event__starts_at",
        "status",
        "registered_at",
        "checked_in_at",
        "needs_consent_at",
    ),
    erase_with=services.erase_registrations,
)
register_personal_data(
    "events.Registration",
    "email",
    by_email=True,
    name=_("Anmeldungen, die das Team für Sie eingetragen hat"),
    purpose=_("Ihr Platz bei einer Veranstaltung, wenn Sie angerufen haben oder vorbeigekommen sind"),
    retention=_("bis 180 Tage nach der Veranstaltung; Angaben zu Bedarfen bis 30 Tage danach"),
    erasure=DELETE,
    export=("event__title", "event__starts_at", "name", "phone", "status"),
    erase_with=services.erase_registrations,
)
register_personal_data(
    "events.Event",
    "organisers__user",
    name=_("Veranstaltungen, die Sie organisieren"),
    purpose=_("Wer eine Veranstaltung organisiert, sieht die Anmeldungen und schreibt das Protokoll"),
    retention=_("solange Sie die Veranstaltung organisieren"),
    erasure=UNLINK,
    export=("title", "starts_at"),
    erase_with=services.erase_organiser,
)
register_staff_acts(
    (
        "events.Registration",
        "entered_by__user",
        _("Wer eine Anmeldung am Telefon, vor Ort oder von Papier eingetragen hat"),
        ("event__title", "source", "registered_at"),
    ),
)
