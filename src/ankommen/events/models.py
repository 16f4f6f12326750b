"""Events: sessions of the Dialogplattform, expert talks, workshops and the Ankommenskonferenz.

An event has a place (a `Venue` with what it offers for access) or an online link, belongs to
fields and perhaps a stage, and takes registrations up to its capacity; the rest wait in order.
Capacity is never a stored counter: the service locks the event's row (or a conference session's),
counts the confirmed registrations inside the lock and only then inserts (`services.register`).
A cancellation gives the freed seat to the first person waiting in the same transaction.

A registration belongs to a member, or to a person staff registered who called or came by (a name
and a telephone number or an e-mail address: `contact_key`); the database holds one per account
or contact and event. What a person needs to take part (`Need`: interpreting, sign language,
childcare, …) is special-category data: given only with its own consent, summed per event for the
organisers, and deleted 30 days after the event, its counts kept (`NeedCount`).

A conference has rooms, time slots and parallel sessions with speakers; minutes are kept per
agenda item (`AgendaEntry.outcome` and its `MinutesPoint`s), and a point of a stocktaking session's
minutes can become a finding of its field (`MinutesPoint.finding`).
"""

import secrets
import uuid

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from ankommen.core.models import TenantModel, TenantQuerySet, Translatable, TranslatableQuerySet
from ankommen.core.translation import translated

# The alphabet of the short code a person can say or type at the door (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
NEEDS_KEPT_DAYS = 30  # needs data leave 30 days after the event; their counts stay
CONTACTS_KEPT_DAYS = 180  # the name, number and address of people without an account, after the event


class EventKind(models.TextChoices):
    SESSION = "session", _("Sitzung der Dialogplattform")
    TALK = "talk", _("Fachgespräch")
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Konferenz")
    OTHER = "other", _("Sonstige Veranstaltung")


class Venue(Translatable):
    """A place where events happen, with what it offers for access: people decide whether they can come."""

    translatable_fields = ("name", "accessibility", "directions")
    natural_key_fields = ("slug",)

    slug = models.SlugField(_("Adresse"), max_length=120)
    name = models.CharField(_("Name"), max_length=160)
    address = models.CharField(_("Anschrift"), max_length=200)
    step_free = models.BooleanField(_("stufenlos erreichbar"), default=False)
    accessible_toilet = models.BooleanField(_("barrierefreies WC"), default=False)
    hearing_loop = models.BooleanField(_("Induktionsschleife"), default=False)
    accessibility = models.TextField(
        _("Zugänglichkeit"),
        max_length=2000,
        blank=True,
        help_text=_("Was Menschen mit Rollstuhl, Kinderwagen, Seh- oder Hörbehinderung wissen müssen."),
    )
    directions = models.TextField(_("Anfahrt"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("Veranstaltungsort")
        verbose_name_plural = _("Veranstaltungsorte")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "slug"], name="venue_slug_unique")]

    def __str__(self):
        return self.name


class EventQuerySet(TranslatableQuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def searchable_by(self, member, municipality):
        """What the search finds: published events; drafts too for the admins."""
        from ankommen.core.rules import may

        events = self.for_municipality(municipality)
        return events if may(member, "keep_events", municipality) else events.published()

    def for_search(self, language):
        return self.with_translations(language)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def between(self, start, end):
        """Events that overlap [start, end)."""
        return self.filter(starts_at__lt=end, ends_at__gte=start)


class Event(Translatable):
    """An event people come to: its time and place, its capacity, its agenda and minutes."""

    translatable_fields = ("title", "summary", "description")
    natural_key_fields = ("slug",)
    # A change of these is a change people registered must hear of (and calendars: SEQUENCE + 1).
    announced_fields = ("title", "starts_at", "ends_at", "venue_id", "room", "online_url", "cancelled_at")

    slug = models.SlugField(_("Adresse"), max_length=120)
    kind = models.CharField(_("Art"), max_length=20, choices=EventKind.choices, default=EventKind.SESSION)
    title = models.CharField(_("Titel"), max_length=160)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300, blank=True)
    description = models.TextField(_("Beschreibung"), max_length=5000, blank=True)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    venue = models.ForeignKey(
        Venue,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("Ort"),
    )
    room = models.CharField(_("Raum"), max_length=120, blank=True)
    online_url = models.URLField(_("Online-Teilnahme"), max_length=500, blank=True)
    fields = models.ManyToManyField(
        "concept.Field", blank=True, related_name="events", verbose_name=_("Handlungsfelder")
    )
    stage = models.ForeignKey(
        "concept.Stage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("Stufe"),
    )
    registration = models.BooleanField(_("mit Anmeldung"), default=True)
    capacity = models.PositiveIntegerField(
        _("Plätze"), null=True, blank=True, help_text=_("Leer lassen, wenn die Plätze nicht begrenzt sind.")
    )
    organisers = models.ManyToManyField(
        "accounts.Member", blank=True, related_name="organised_events", verbose_name=_("Organisation")
    )
    contact = models.CharField(_("Kontakt für Fragen und Anmeldung per Telefon"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("abgesagt am"), null=True, blank=True)
    cancel_reason = models.CharField(_("Grund der Absage"), max_length=300, blank=True)
    # iCalendar: a stable UID and a SEQUENCE raised by every change people were told of.
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    # Reminders and notices already sent (each once).
    reminded_48h_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_3h_at = models.DateTimeField(null=True, blank=True, editable=False)
    told_80_at = models.DateTimeField(null=True, blank=True, editable=False)
    told_full_at = models.DateTimeField(null=True, blank=True, editable=False)
    needs_pruned_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["municipality", "starts_at"], name="event_by_start")]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="event_slug_unique"),
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event", args=[self.slug])

    @property
    def is_published(self):
        return self.published_at is not None

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def is_conference(self):
        return self.kind == EventKind.CONFERENCE

    def has_begun(self, now=None):
        return self.starts_at <= (now or timezone.now())

    def has_ended(self, now=None):
        return self.ends_at < (now or timezone.now())

    @property
    def takes_registrations(self):
        """Open for registration: asked for, published, not cancelled and not yet begun."""
        return self.registration and self.is_published and not self.is_cancelled and not self.has_begun()

    @property
    def kind_label(self):
        return EventKind(self.kind).label

    @property
    def search_kind(self):
        return self.kind_label

    @property
    def search_title(self):
        return translated(self, "title")

    @property
    def search_context(self):
        return formats.date_format(timezone.localtime(self.starts_at), "DATE_FORMAT")


class Room(TenantModel):
    """A room of a conference, for its parallel sessions."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("Raum"), max_length=120)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    accessibility = models.CharField(_("Zugänglichkeit"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Raum")
        verbose_name_plural = _("Räume")
        ordering = ["position", "name"]
        constraints = [models.UniqueConstraint(fields=["event", "name"], name="room_once_per_event")]

    def __str__(self):
        return self.name


class Speaker(Translatable):
    """Someone who speaks at a conference, with a short biography and a photo."""

    translatable_fields = ("role", "bio")
    natural_key_fields = ("slug",)

    slug = models.SlugField(_("Adresse"), max_length=120)
    name = models.CharField(_("Name"), max_length=160)
    role = models.CharField(_("Funktion"), max_length=200, blank=True)
    bio = models.TextField(_("Kurzbiografie"), max_length=1500, blank=True)
    photo = models.FileField(
        _("Foto"),
        upload_to="referierende/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"])],
        help_text=_("JPEG, PNG oder WebP."),
    )
    photo_alt = models.CharField(
        _("Bildbeschreibung"), max_length=300, blank=True, help_text=_("Was auf dem Foto zu sehen ist.")
    )

    class Meta:
        verbose_name = _("Referentin oder Referent")
        verbose_name_plural = _("Referentinnen und Referenten")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "slug"], name="speaker_slug_unique")]

    def __str__(self):
        return self.name


class Session(Translatable):
    """A session of a conference's programme: a room and a time slot, its speakers, perhaps its own places."""

    translatable_fields = ("title", "description")
    natural_key_fields = ("event__slug", "slug")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    slug = models.SlugField(_("Adresse"), max_length=120)
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), max_length=2000, blank=True)
    room = models.ForeignKey(
        Room, null=True, blank=True, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("Raum")
    )
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    speakers = models.ManyToManyField(
        Speaker, blank=True, related_name="sessions", verbose_name=_("Referierende")
    )
    capacity = models.PositiveIntegerField(
        _("Plätze"),
        null=True,
        blank=True,
        help_text=_(
            "Nur wenn diese Sitzung eigene, begrenzte Plätze hat: dann melden sich Menschen für sie an."
        ),
    )
    field = models.ForeignKey(
        "concept.Field",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Handlungsfeld"),
    )

    class Meta:
        verbose_name = _("Programmpunkt")
        verbose_name_plural = _("Programmpunkte")
        ordering = ["starts_at", "room__position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "slug"], name="session_slug_unique"),
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event", args=[self.event.slug]) + f"#programm-{self.slug}"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("angemeldet")
    WAITING = "waiting", _("Warteliste")
    CANCELLED = "cancelled", _("abgemeldet")


class Source(models.TextChoices):
    ONLINE = "online", _("online")
    PHONE = "phone", _("am Telefon oder vor Ort")
    PAPER = "paper", _("Liste auf Papier")


def new_token():
    return secrets.token_urlsafe(24)  # 192 bits: the QR code's part, names nobody


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class RegistrationQuerySet(TenantQuerySet):
    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("queued_at", "id")

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)


class Registration(TenantModel):
    """One person's place at an event (or at one session of a conference), or on its waiting list."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    session = models.ForeignKey(
        Session, null=True, blank=True, on_delete=models.CASCADE, related_name="registrations"
    )
    member = models.ForeignKey(
        "accounts.Member", null=True, blank=True, on_delete=models.CASCADE, related_name="registrations"
    )
    # A person without an account, registered by staff: a name and a number or an address.
    name = models.CharField(_("Name"), max_length=160, blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    # The number or address as compared: one registration per contact and event.
    contact_key = models.CharField(max_length=254, blank=True, editable=False)
    language = models.CharField(_("Sprache"), max_length=10, default=settings.LANGUAGE_CODE)
    status = models.CharField(_("Stand"), max_length=20, choices=RegistrationStatus.choices)
    registered_at = models.DateTimeField(_("angemeldet am"), default=timezone.now)
    # The order of the waiting list: when the person (last) joined it.
    queued_at = models.DateTimeField(default=timezone.now)
    promoted_at = models.DateTimeField(_("nachgerückt am"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("abgemeldet am"), null=True, blank=True)
    source = models.CharField(_("Anmeldung"), max_length=10, choices=Source.choices, default=Source.ONLINE)
    entered_by = models.ForeignKey(
        "accounts.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("eingetragen von"),
    )
    paper_occasion = models.CharField(_("Herkunft der Liste"), max_length=200, blank=True)
    needs_consent_at = models.DateTimeField(_("Einwilligung zu Bedarfen am"), null=True, blank=True)
    checkin_token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    checkin_code = models.CharField(
        _("Einlass-Code"), max_length=CODE_LENGTH, default=new_code, editable=False
    )
    checked_in_at = models.DateTimeField(_("eingelassen am"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["registered_at", "id"]
        indexes = [
            models.Index(fields=["event", "status", "queued_at", "id"], name="registration_queue"),
            models.Index(fields=["session", "status", "queued_at", "id"], name="registration_session_queue"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "member"],
                condition=Q(session__isnull=True, member__isnull=False),
                name="one_registration_per_member",
            ),
            models.UniqueConstraint(
                fields=["session", "member"],
                condition=Q(session__isnull=False, member__isnull=False),
                name="one_session_registration_per_member",
            ),
            models.UniqueConstraint(
                fields=["event", "contact_key"],
                condition=Q(session__isnull=True, member__isnull=True),
                name="one_registration_per_contact",
            ),
            models.UniqueConstraint(fields=["event", "checkin_code"], name="checkin_code_once_per_event"),
            models.CheckConstraint(
                condition=Q(member__isnull=False) | ~Q(contact_key=""), name="registration_names_someone"
            ),
        ]

    def __str__(self):
        return self.display_name

    def cache_scopes(self):
        return ()  # shown in no cached fragment

    @property
    def display_name(self):
        if self.member_id:
            # A long list reads the member's name with its rows (the attendee list), not the member.
            return getattr(self, "member_name", None) or self.member.display_name
        return self.name or _("ehemalige Teilnehmerin oder ehemaliger Teilnehmer")

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == RegistrationStatus.WAITING

    @property
    def is_cancelled(self):
        return self.status == RegistrationStatus.CANCELLED

    @property
    def status_label(self):
        return RegistrationStatus(self.status).label


class NeedKind(models.TextChoices):
    INTERPRETING = "interpreting", _("Dolmetschen")
    SIGN_LANGUAGE = "sign_language", _("Gebärdensprache")
    CHILDCARE = "childcare", _("Kinderbetreuung")
    STEP_FREE = "step_free", _("stufenloser Zugang")
    EASY_LANGUAGE = "easy_language", _("Leichte Sprache")
    FOOD = "food", _("Essen")


class FoodNeed(models.TextChoices):
    VEGETARIAN = "vegetarian", _("vegetarisch")
    VEGAN = "vegan", _("vegan")
    HALAL = "halal", _("halal")
    KOSHER = "kosher", _("koscher")
    NO_PORK = "no_pork", _("ohne Schweinefleisch")


class Need(TenantModel):
    """What one person needs to take part (special-category data: with consent, for the organisers only)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="needs")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="needs")
    kind = models.CharField(_("Bedarf"), max_length=20, choices=NeedKind.choices)
    # The language to interpret into (a language code), the kind of food; "" otherwise.
    detail = models.CharField(_("genauer"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("Bedarf")
        verbose_name_plural = _("Bedarfe")
        indexes = [models.Index(fields=["event", "kind", "detail"], name="need_by_event")]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "kind", "detail"], name="need_once_per_registration"
            )
        ]

    def cache_scopes(self):
        return ()


class NeedCount(TenantModel):
    """What remains of an event's needs after their rows are deleted: how many people needed what."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="need_counts")
    kind = models.CharField(_("Bedarf"), max_length=20, choices=NeedKind.choices)
    detail = models.CharField(_("genauer"), max_length=20, blank=True)
    count = models.PositiveIntegerField(_("Anzahl"))

    class Meta:
        verbose_name = _("Bedarfe (gezählt)")
        verbose_name_plural = _("Bedarfe (gezählt)")
        constraints = [models.UniqueConstraint(fields=["event", "kind", "detail"], name="need_counted_once")]

    def cache_scopes(self):
        return ()


class AgendaEntry(Translatable):
    """A point of an event's agenda, with its time and speakers, and afterwards what came of it."""

    translatable_fields = ("title", "outcome")
    natural_key_fields = ("event__slug", "position")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    starts_at = models.TimeField(_("von"), null=True, blank=True)
    ends_at = models.TimeField(_("bis"), null=True, blank=True)
    title = models.CharField(_("Tagesordnungspunkt"), max_length=200)
    speakers = models.CharField(_("Wer spricht"), max_length=300, blank=True)
    outcome = models.TextField(_("Ergebnis"), max_length=5000, blank=True)

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnung")
        ordering = ["position", "starts_at", "id"]
        constraints = [models.UniqueConstraint(fields=["event", "position"], name="agenda_position_once")]

    def __str__(self):
        return self.title


class PointKind(models.TextChoices):
    RESULT = "result", _("Ergebnis")
    DECISION = "decision", _("Vereinbarung")
    ACTION = "action", _("Aufgabe")


class MinutesPoint(Translatable):
    """A point of the minutes of an agenda item: a result, an agreement or a task (who, until when)."""

    translatable_fields = ("text",)
    natural_key_fields = ("agenda_item__event__slug", "agenda_item__position", "position")

    agenda_item = models.ForeignKey(AgendaEntry, on_delete=models.CASCADE, related_name="points")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("Art"), max_length=20, choices=PointKind.choices, default=PointKind.RESULT)
    text = models.TextField(_("Text"), max_length=2000)
    responsible = models.CharField(_("Wer"), max_length=160, blank=True)
    due_on = models.DateField(_("bis wann"), null=True, blank=True)
    # The finding of the field this point became (stocktaking sessions).
    finding = models.OneToOneField(
        "dialogue.Contribution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="minutes_point",
        verbose_name=_("Befund"),
    )

    class Meta:
        verbose_name = _("Punkt des Protokolls")
        verbose_name_plural = _("Punkte des Protokolls")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agenda_item", "position"], name="minutes_point_position_once")
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def kind_label(self):
        return PointKind(self.kind).label
