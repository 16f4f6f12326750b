"""The council: committees, their members and meetings, submissions (Sitzungsvorlagen), decisions and measures.

A submission carries every part of a Sitzungsvorlage (`PARTS`). It is edited by one admin at a
time in the sense that two never overwrite each other: each save names the version it started
from (`version`), and every saved version is kept (`SubmissionVersion`). Departments co-sign the
version they read (`CoSignature.version`); an edit makes their signature stale.

Everything that OParl serves inherits `OParlObject`: `created` and `modified` as OParl means them
(a save that changes nothing keeps `modified`; a child's change moves its parents'), `deleted_at`
instead of deleting, and `origin` for a read-only copy imported from another council system.

What is not public (GemO § 35) never leaves the administration: `Submission.objects.public()`,
`Consultation.objects.public()` and `AgendaItem.is_public` are what every public channel asks.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ankommen.core.files import PrivateFileField
from ankommen.core.models import TenantModel, TenantQuerySet, Translatable, TranslatableQuerySet


class OParlQuerySet(TenantQuerySet):
    def live(self):
        """Not deleted."""
        return self.filter(deleted_at__isnull=True)

    def own(self):
        """Written here, not copied from another council system: what our OParl interface serves."""
        return self.filter(origin="")


class OParlTranslatableQuerySet(OParlQuerySet, TranslatableQuerySet):
    pass


class OParlObject(models.Model):
    """A row OParl serves: `modified` moves only when something changed, here or in a child."""

    created = models.DateTimeField(_("angelegt am"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("geändert am"), default=timezone.now, editable=False)
    deleted_at = models.DateTimeField(_("gelöscht am"), null=True, blank=True, editable=False)
    # The OParl id of the object this row copies from another council system; "" for our own.
    origin = models.URLField(_("Herkunft"), max_length=500, blank=True, editable=False)

    class Meta:
        abstract = True

    # The fields whose change does not count as a change of the object (bookkeeping).
    _UNCOUNTED = frozenset({"modified", "created"})

    def save(self, *args, **kwargs):
        changed = self.changed_fields()
        if changed is not None and not changed and not kwargs.get("force_insert"):
            return  # nothing changed: no write, `modified` stays
        now = timezone.now()
        self.modified = now
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "modified"}
        super().save(*args, **kwargs)
        self._loaded = {field.attname: getattr(self, field.attname) for field in self._meta.concrete_fields}
        touch_parents(self.oparl_parents(), now)
        for rows in self.oparl_embedders():
            rows.update(modified=now)

    @classmethod
    def from_db(cls, db, field_names, values):
        obj = super().from_db(db, field_names, values)
        obj._loaded = dict(zip(field_names, values, strict=True))
        return obj

    def changed_fields(self):
        loaded = getattr(self, "_loaded", None)
        if loaded is None:
            return None  # new, or not read from the database: all of it
        return [
            field.attname
            for field in self._meta.concrete_fields
            if field.attname in loaded
            and field.attname not in self._UNCOUNTED
            and getattr(self, field.attname) != loaded[field.attname]
        ]

    # The foreign keys to the objects whose OParl object embeds or lists this one.
    oparl_parent_fields: tuple[str, ...] = ()

    def oparl_embedders(self):
        """Querysets of the objects that show something of this one without pointing at it as a parent
        (a meeting embeds its place, names its committee): their `modified` moves too."""
        return ()

    def oparl_parents(self):
        """The (model, pk) pairs of the parents, whose `modified` moves with this object's."""
        return [
            (self._meta.get_field(name).related_model, getattr(self, f"{name}_id"))
            for name in self.oparl_parent_fields
        ]

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    @property
    def is_imported(self):
        return bool(self.origin)


def touch_parents(parents, now=None):
    """Move `modified` of the objects named by `(model, pk)` pairs, and of their parents in turn."""
    now = now or timezone.now()
    for model, pk in parents:
        if pk is None:
            continue
        model.objects.filter(pk=pk).update(modified=now)
        if model.oparl_parent_fields:
            row = model.objects.filter(pk=pk).values(*model.oparl_parent_fields).first() or {}
            touch_parents(
                [
                    (model._meta.get_field(name).related_model, row.get(name))
                    for name in model.oparl_parent_fields
                ],
                now,
            )


def unique_origin(name):
    """A copy of another council system's object is kept once per town."""
    return models.UniqueConstraint(fields=["municipality", "origin"], condition=~Q(origin=""), name=name)


# --- the council's structure -----------------------------------------------------------------


class LegislativeTerm(OParlObject, TenantModel):
    """A council's term (Wahlperiode)."""

    name = models.CharField(_("Bezeichnung"), max_length=100)
    start_date = models.DateField(_("Beginn"))
    end_date = models.DateField(_("Ende"), null=True, blank=True)

    objects = OParlQuerySet.as_manager()

    class Meta:
        verbose_name = _("Wahlperiode")
        verbose_name_plural = _("Wahlperioden")
        ordering = ["-start_date"]
        indexes = [
            models.Index(fields=["municipality", "modified"], name="legislativeterm_changes")
        ]  # OParl's lists of changes

    def __str__(self):
        return self.name


class Committee(OParlObject, TenantModel):
    """A body of the council (Gremium): the council itself, a committee, an advisory board. OParl's Organization."""

    name = models.CharField(_("Name"), max_length=200)
    short_name = models.CharField(_("Kurzname"), max_length=40, blank=True)
    classification = models.CharField(
        _("Art"),
        max_length=60,
        default=pgettext_lazy("committee", "Ausschuss"),
        help_text=_("z. B. Ausschuss, Gemeinderat, Beirat"),
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    website = models.URLField(_("Webseite"), blank=True, help_text=_("mit https://"))

    objects = OParlQuerySet.as_manager()

    class Meta:
        verbose_name = _("Gremium")
        verbose_name_plural = _("Gremien")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["municipality", "modified"], name="committee_changes")
        ]  # OParl's lists of changes
        constraints = [unique_origin("committee_origin_unique")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("council:committee", args=[self.pk])

    def oparl_embedders(self):
        return [self.meetings.all()] if self.pk else []


class Person(OParlObject, TenantModel):
    """A member of a council body (OParl's Person); may be a member of the platform too."""

    form_of_address = models.CharField(_("Anrede"), max_length=40, blank=True)
    title = models.CharField(_("Titel"), max_length=60, blank=True, help_text=_("z. B. Dr."))
    given_name = models.CharField(_("Vorname"), max_length=100)
    family_name = models.CharField(_("Nachname"), max_length=100)
    member = models.ForeignKey(
        "accounts.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="council_persons",
        verbose_name=_("Mitglied der Plattform"),
    )

    objects = OParlQuerySet.as_manager()

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["family_name", "given_name"]
        indexes = [
            models.Index(fields=["municipality", "modified"], name="person_changes")
        ]  # OParl's lists of changes
        constraints = [unique_origin("person_origin_unique")]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return " ".join(part for part in (self.title, self.given_name, self.family_name) if part)


class MembershipRole(models.TextChoices):
    CHAIR = "chair", _("Vorsitz")
    DEPUTY_CHAIR = "deputy_chair", _("stellvertretender Vorsitz")
    MEMBER = "member", _("Mitglied")
    DEPUTY = "deputy", _("Stellvertretung")
    ADVISORY = "advisory", _("beratendes Mitglied")


class Membership(OParlObject, TenantModel):
    """A person's seat in a committee: their group or party, their role, whether they vote."""

    oparl_parent_fields = ("person", "committee")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Person")
    )
    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Gremium")
    )
    group = models.CharField(_("Fraktion oder Gruppe"), max_length=100, blank=True)
    role = models.CharField(
        _("Rolle"), max_length=20, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    voting_right = models.BooleanField(_("stimmberechtigt"), default=True)
    start_date = models.DateField(_("seit"), null=True, blank=True)
    end_date = models.DateField(_("bis"), null=True, blank=True)

    objects = OParlQuerySet.as_manager()

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        ordering = ["committee", "role", "person__family_name"]
        indexes = [
            models.Index(fields=["municipality", "modified"], name="membership_changes")
        ]  # OParl's lists of changes

    def __str__(self):
        return f"{self.person} – {self.committee}"


class Location(OParlObject, TenantModel):
    """Where a meeting takes place."""

    description = models.CharField(
        _("Bezeichnung"), max_length=200, help_text=_("z. B. Rathaus, Großer Sitzungssaal")
    )
    street_address = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    locality = models.CharField(_("Ort"), max_length=100, blank=True)

    objects = OParlQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ort")
        verbose_name_plural = _("Orte")
        ordering = ["description"]
        indexes = [
            models.Index(fields=["municipality", "modified"], name="location_changes")
        ]  # OParl's lists of changes

    def __str__(self):
        return self.description

    def oparl_embedders(self):
        return [self.meetings.all()] if self.pk else []


class Meeting(OParlObject, TenantModel):
    """A meeting (Sitzung) of a committee, with its agenda."""

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("Gremium")
    )
    name = models.CharField(
        _("Bezeichnung"), max_length=200, blank=True, help_text=_("Leer lassen: „Sitzung“ und das Gremium")
    )
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"), null=True, blank=True)
    location = models.ForeignKey(
        Location,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("Ort"),
    )
    cancelled = models.BooleanField(_("abgesagt"), default=False)

    objects = OParlQuerySet.as_manager()

    class Meta:
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")
        ordering = ["-start"]
        indexes = [
            models.Index(fields=["municipality", "modified"], name="meeting_changes")
        ]  # OParl's lists of changes
        constraints = [unique_origin("meeting_origin_unique")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("council:meeting", args=[self.pk])

    @property
    def title(self):
        return self.name or f"{self.committee.name}, {timezone.localtime(self.start):%d.%m.%Y}"


# --- submissions -----------------------------------------------------------------------------


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    RELEASED = "released", _("freigegeben")
    DECIDED = "decided", _("entschieden")
    WITHDRAWN = "withdrawn", _("zurückgezogen")


class NonPublicReason(models.TextChoices):
    """Why a matter is discussed in private (Gemeindeordnung Baden-Württemberg § 35)."""

    PERSONNEL = "personnel", _("Personalangelegenheiten")
    PROPERTY = "property", _("Grundstücksangelegenheiten")
    CONTRACTS = "contracts", _("Vergaben und Verträge")
    TAXES = "taxes", _("Steuer- und Abgabenangelegenheiten einzelner")
    PRIVATE_INTERESTS = "private_interests", _("berechtigte Interessen einzelner")
    PUBLIC_WELFARE = "public_welfare", _("Gründe des öffentlichen Wohls")


class PaperType(models.TextChoices):
    SUBMISSION = "submission", _("Sitzungsvorlage")
    INFORMATION = "information", _("Informationsvorlage")
    MOTION = "motion", _("Antrag")


class SubmissionQuerySet(OParlTranslatableQuerySet):
    def searchable_by(self, member, municipality):
        """What the search finds: everything for the admins, what is public for everyone else."""
        from ankommen.core.rules import may

        submissions = self.for_municipality(municipality).live()
        return submissions if may(member, "keep_council", municipality) else submissions.public()

    def for_search(self, language):
        return self.select_related("field").with_translations(language)

    def public(self):
        """What anyone may read: released or decided, public, not deleted."""
        return self.filter(
            is_public=True,
            status__in=(SubmissionStatus.RELEASED, SubmissionStatus.DECIDED),
            deleted_at__isnull=True,
        )


# The parts of a Sitzungsvorlage in the seed's order; a version keeps all of them.
PARTS = (
    "subject",
    "paper_type",
    "date",
    "field_id",
    "decision_proposal",
    "external_participation",
    "financial_impact",
    "coverage_proposal",
    "statement",
    "is_public",
    "nonpublic_reason",
)


class Submission(OParlObject, Translatable):
    """A council submission (Sitzungsvorlage); OParl's Paper."""

    translatable_fields = ("subject", "decision_proposal", "statement")
    natural_key_fields = ("reference",)
    # Translators see a submission once it is public: never a draft, never a private matter.
    translation_offer_fields = ("is_public", "status", "deleted_at")

    reference = models.CharField(
        _("Vorlagennummer"), max_length=40, help_text=_("z. B. 2017/045; leer lassen: wird vergeben")
    )
    paper_type = models.CharField(
        _("Art der Vorlage"), max_length=20, choices=PaperType.choices, default=PaperType.SUBMISSION
    )
    date = models.DateField(_("Datum"), default=timezone.localdate)
    subject = models.CharField(_("Betreff"), max_length=300)
    field = models.ForeignKey(
        "concept.Field",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("Handlungsfeld"),
        help_text=_("Leer lassen, wenn die Vorlage das Konzept als Ganzes betrifft."),
    )
    decision_proposal = models.TextField(_("Beschlussvorschlag"), max_length=5000, blank=True)
    external_participation = models.TextField(_("Beteiligung extern"), max_length=2000, blank=True)
    financial_impact = models.TextField(
        _("Finanzielle Auswirkungen"), max_length=2000, blank=True, help_text=_("Leer lassen: „Entfällt“")
    )
    coverage_proposal = models.TextField(
        _("Deckungsvorschlag"), max_length=2000, blank=True, help_text=_("Leer lassen: „Entfällt“")
    )
    statement = models.TextField(
        _("Sachdarstellung und Begründung"),
        max_length=60000,
        blank=True,
        help_text=_(
            "Eine Leerzeile beginnt einen neuen Abschnitt; hat er mehrere Zeilen, ist die erste seine Überschrift. "
            "Zeilen mit „- “ am Anfang werden eine Liste, Zeilen mit „|“ zwischen den Spalten eine Tabelle "
            "(die erste Zeile sind die Spaltenköpfe). „[Abbildung 1]“ allein in einer Zeile zeigt die erste Abbildung."
        ),
    )
    is_public = models.BooleanField(_("öffentlich"), default=True)
    nonpublic_reason = models.CharField(
        _("Grund für die nichtöffentliche Beratung"),
        max_length=20,
        choices=NonPublicReason.choices,
        blank=True,
    )
    status = models.CharField(
        _("Stand"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.DRAFT
    )
    version = models.PositiveIntegerField(_("Fassung"), default=1, editable=False)
    recommendations = models.ManyToManyField(
        "dialogue.Contribution", blank=True, related_name="submissions", verbose_name=_("Empfehlungen")
    )
    author = models.ForeignKey(
        "accounts.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("angelegt von"),
    )
    released_at = models.DateTimeField(_("freigegeben am"), null=True, blank=True, editable=False)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Sitzungsvorlage")
        verbose_name_plural = _("Sitzungsvorlagen")
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["municipality", "modified"], name="submission_changes")
        ]  # OParl's lists of changes
        constraints = [
            models.UniqueConstraint(fields=["municipality", "reference"], name="submission_reference_unique"),
            unique_origin("submission_origin_unique"),
            models.CheckConstraint(
                condition=Q(is_public=True, nonpublic_reason="")
                | Q(is_public=False) & ~Q(nonpublic_reason=""),
                name="nonpublic_submission_has_a_reason",
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.subject}"

    def get_absolute_url(self):
        return reverse("council:submission", args=[self.pk])

    @property
    def is_published(self):
        """Public, released or decided, not deleted: what `SubmissionQuerySet.public()` selects, for one row."""
        return (
            self.is_public
            and self.status in (SubmissionStatus.RELEASED, SubmissionStatus.DECIDED)
            and self.deleted_at is None
        )

    @property
    def offered_for_translation(self):
        """Translators see a submission once it is published: never a draft, never a private matter."""
        return self.is_published

    @property
    def search_title(self):
        from ankommen.core.translation import translated

        return translated(self, "subject")

    @property
    def search_kind(self):
        return self.get_paper_type_display()

    @property
    def search_context(self):
        return self.field.name if self.field_id else _("Integrationskonzept")

    @property
    def is_editable(self):
        return self.status == SubmissionStatus.DRAFT and not self.is_imported

    def parts(self):
        """The parts as a version keeps them (JSON)."""
        return {
            part: (value.isoformat() if hasattr(value, "isoformat") else value)
            for part in PARTS
            for value in (getattr(self, part),)
        }


class SubmissionVersion(TenantModel):
    """A saved version of a submission: all its parts as they were, who saved them, when."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("Fassung"))
    parts = models.JSONField(_("Inhalt"))
    saved_by = models.ForeignKey(
        "accounts.Member",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gespeichert von"),
    )
    saved_at = models.DateTimeField(_("gespeichert am"), default=timezone.now)

    class Meta:
        verbose_name = _("Fassung einer Vorlage")
        verbose_name_plural = _("Fassungen einer Vorlage")
        ordering = ["submission", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="one_row_per_submission_version")
        ]

    def cache_scopes(self):
        return ()


class FileRole(models.TextChoices):
    ATTACHMENT = "attachment", _("Anlage")
    FIGURE = "figure", _("Abbildung")
    MINUTES = "minutes", _("Niederschrift")


class Attachment(OParlObject, TenantModel):
    """A file of a submission (an attachment, a figure of its statement) or a meeting's minutes; OParl's File."""

    oparl_parent_fields = ("submission", "meeting")

    submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="files"
    )
    role = models.CharField(_("Art"), max_length=20, choices=FileRole.choices, default=FileRole.ATTACHMENT)
    position = models.PositiveSmallIntegerField(_("Nummer"), default=1, validators=[MaxValueValidator(99)])
    title = models.CharField(_("Titel"), max_length=200)
    alt_text = models.CharField(
        _("Alternativtext"),
        max_length=500,
        blank=True,
        help_text=_("Was die Abbildung zeigt, für alle, die sie nicht sehen."),
    )
    is_public = models.BooleanField(
        _("öffentlich"), default=True, help_text=_("Eine nichtöffentliche Datei sehen nur die Admins.")
    )
    file = PrivateFileField(_("Datei"), upload_to="council/%Y/", view_action="view_attachment", blank=True)
    mime_type = models.CharField(max_length=100, blank=True, editable=False)
    size = models.PositiveIntegerField(default=0, editable=False)
    # A file of another council system is linked, not copied.
    origin_access_url = models.URLField(max_length=500, blank=True, editable=False)

    objects = OParlQuerySet.as_manager()

    class Meta:
        verbose_name = _("Datei")
        verbose_name_plural = _("Dateien")
        ordering = ["role", "position", "id"]
        indexes = [
            models.Index(fields=["municipality", "modified"], name="attachment_changes")
        ]  # OParl's lists of changes
        constraints = [
            models.CheckConstraint(
                condition=Q(submission__isnull=False) | Q(meeting__isnull=False),
                name="file_belongs_somewhere",
            )
        ]

    def __str__(self):
        return self.title

    def cache_scopes(self):
        return ()


class CoSignatureStatus(models.TextChoices):
    REQUESTED = "requested", _("angefragt")
    SIGNED = "signed", _("mitgezeichnet")
    DECLINED = "declined", _("abgelehnt")


class CoSignature(TenantModel):
    """A department's co-signature (Mitzeichnung) of one version of a submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="cosignatures")
    department = models.ForeignKey(
        "circle.Organisation",
        on_delete=models.PROTECT,
        related_name="cosignatures",
        verbose_name=_("Fachbereich"),
    )
    required = models.BooleanField(_("erforderlich"), default=True)
    status = models.CharField(
        _("Stand"), max_length=20, choices=CoSignatureStatus.choices, default=CoSignatureStatus.REQUESTED
    )
    version = models.PositiveIntegerField(_("gezeichnete Fassung"), null=True, blank=True)
    comment = models.TextField(_("Anmerkung"), max_length=2000, blank=True)
    signed_by = models.ForeignKey(
        "accounts.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gezeichnet von"),
    )
    signed_at = models.DateTimeField(_("gezeichnet am"), null=True, blank=True)
    requested_at = models.DateTimeField(_("angefragt am"), default=timezone.now)

    class Meta:
        verbose_name = _("Mitzeichnung")
        verbose_name_plural = _("Mitzeichnungen")
        ordering = ["department__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "department"], name="one_cosignature_per_department"
            )
        ]

    def __str__(self):
        return f"{self.department} – {self.submission}"

    @property
    def is_stale(self):
        """Signed, but an earlier version than the submission's current one."""
        return self.status == CoSignatureStatus.SIGNED and self.version != self.submission.version

    @property
    def holds_release(self):
        """Does this co-signature stop the submission from being released?"""
        if self.status == CoSignatureStatus.DECLINED:
            return True
        return self.required and (self.status != CoSignatureStatus.SIGNED or self.is_stale)

    def cache_scopes(self):
        return ()


# --- the consultation sequence, the agenda and the decisions ---------------------------------


class ConsultationRole(models.TextChoices):
    DECISION = "decision", _("Beschlussfassung")
    PRELIMINARY = "preliminary", _("Vorberatung")
    NOTICE = "notice", _("Kenntnisnahme")


class ConsultationQuerySet(OParlQuerySet):
    def public(self):
        return self.filter(
            is_public=True,
            submission__is_public=True,
            submission__status__in=(SubmissionStatus.RELEASED, SubmissionStatus.DECIDED),
            submission__deleted_at__isnull=True,
            deleted_at__isnull=True,
        )


class Consultation(OParlObject, TenantModel):
    """A row of a submission's consultation sequence (Beratungsfolge): a body, its role, the meeting."""

    oparl_parent_fields = ("submission", "meeting")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="consultations")
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="consultations", verbose_name=_("Gremium")
    )
    role = models.CharField(
        _("zur"), max_length=20, choices=ConsultationRole.choices, default=ConsultationRole.DECISION
    )
    is_public = models.BooleanField(_("öffentliche Sitzung"), default=True)
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
        verbose_name=_("Sitzung"),
    )
    meeting_date = models.DateField(_("Sitzungsdatum"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=1)
    # A consultation that follows a postponement or a referral names the one before.
    follows = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="followed_by", editable=False
    )

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Beratung")
        verbose_name_plural = _("Beratungsfolge")
        ordering = ["submission", "position", "id"]
        indexes = [
            models.Index(fields=["municipality", "modified"], name="consultation_changes")
        ]  # OParl's lists of changes

    def __str__(self):
        return f"{self.committee} ({self.get_role_display()})"

    @property
    def date(self):
        return timezone.localdate(self.meeting.start) if self.meeting_id else self.meeting_date


class AgendaItem(OParlObject, TenantModel):
    """An item of a meeting's agenda; a non-public one shows only as a generic label outside the administration."""

    oparl_parent_fields = ("meeting", "consultation")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    number = models.CharField(_("Nummer"), max_length=10)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=1)
    name = models.CharField(_("Gegenstand"), max_length=300)
    is_public = models.BooleanField(_("öffentlich"), default=True)
    nonpublic_reason = models.CharField(
        _("Grund für die nichtöffentliche Beratung"),
        max_length=20,
        choices=NonPublicReason.choices,
        blank=True,
    )
    consultation = models.OneToOneField(
        Consultation, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_item"
    )

    objects = OParlQuerySet.as_manager()

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnung")
        ordering = ["meeting", "position", "id"]
        indexes = [
            models.Index(fields=["municipality", "modified"], name="agendaitem_changes")
        ]  # OParl's lists of changes

    def __str__(self):
        return f"{self.number} {self.name}"


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("beschlossen")
    ADOPTED_WITH_CHANGES = "adopted_with_changes", _("mit Änderungen beschlossen")
    REJECTED = "rejected", _("abgelehnt")
    POSTPONED = "postponed", _("vertagt")
    REFERRED = "referred", _("verwiesen")
    NOTED = "noted", _("zur Kenntnis genommen")


ADOPTING = frozenset({Outcome.ADOPTED, Outcome.ADOPTED_WITH_CHANGES})
# Outcomes after which the matter comes back: a next consultation row follows.
CONTINUING = frozenset({Outcome.POSTPONED, Outcome.REFERRED})


class DecisionQuerySet(TranslatableQuerySet):
    def public(self):
        """Decisions anyone may read: of public consultations, or announced (Bekanntgabe) since."""
        return self.filter(Q(consultation__in=Consultation.objects.public()) | Q(announced_at__isnull=False))


class Decision(Translatable):
    """What a body decided on one consultation row, with the votes, and in plain words for everyone."""

    translatable_fields = ("wording", "summary")
    natural_key_fields = ("consultation__submission__reference", "consultation__position")
    # A decision taken in private reaches the translators only once announced.
    translation_offer_fields = ("announced_at",)

    consultation = models.OneToOneField(Consultation, on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(_("Ergebnis"), max_length=30, choices=Outcome.choices)
    wording = models.TextField(
        _("Wortlaut des Beschlusses"),
        max_length=5000,
        blank=True,
        help_text=_("Leer lassen bei „beschlossen“: dann gilt der Beschlussvorschlag."),
    )
    votes_yes = models.PositiveSmallIntegerField(
        _("Ja-Stimmen"), null=True, blank=True, validators=[MaxValueValidator(999)]
    )
    votes_no = models.PositiveSmallIntegerField(
        _("Nein-Stimmen"), null=True, blank=True, validators=[MaxValueValidator(999)]
    )
    votes_abstain = models.PositiveSmallIntegerField(
        _("Enthaltungen"), null=True, blank=True, validators=[MaxValueValidator(999)]
    )
    summary = models.TextField(
        _("Zusammenfassung in einfachen Worten"),
        max_length=2000,
        blank=True,
        help_text=_("Was der Beschluss für die Menschen in der Stadt bedeutet, in kurzen Sätzen."),
    )
    no_measure_reason = models.TextField(_("Warum keine Maßnahme folgt"), max_length=2000, blank=True)
    # A decision taken in private is published later word for word (Bekanntgabe, GemO § 35 Abs. 1).
    announced_at = models.DateTimeField(_("bekanntgegeben am"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        "accounts.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("erfasst von"),
    )
    recorded_at = models.DateTimeField(_("erfasst am"), default=timezone.now)
    excluded = models.ManyToManyField(
        Person, blank=True, related_name="excluded_from", verbose_name=_("befangen (GemO § 18)")
    )

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Beschluss")
        verbose_name_plural = _("Beschlüsse")
        ordering = ["-recorded_at"]

    def __str__(self):
        return f"{self.consultation.submission.reference}: {self.get_outcome_display()}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # OParl shows a decision in its agenda item (result, resolution) and its consultation: they changed.
        touch_parents(
            [
                (Consultation, self.consultation_id),
                *(
                    (AgendaItem, pk)
                    for pk in AgendaItem.objects.filter(consultation_id=self.consultation_id).values_list(
                        "pk", flat=True
                    )
                ),
            ]
        )

    @property
    def offered_for_translation(self):
        consultation = self.consultation
        public = consultation.is_public and consultation.submission.is_published
        return public or self.announced_at is not None

    @property
    def is_unanimous(self):
        """Computed, never typed: every vote cast was yes."""
        return bool(self.votes_yes) and not self.votes_no and not self.votes_abstain

    @property
    def adopts(self):
        return self.outcome in ADOPTING

    @property
    def effective_wording(self):
        return self.wording or (self.consultation.submission.decision_proposal if self.adopts else "")


# --- measures --------------------------------------------------------------------------------


class MeasureStatus(models.TextChoices):
    PLANNED = "planned", _("geplant")
    RUNNING = "running", _("läuft")
    DONE = "done", _("umgesetzt")
    STOPPED = "stopped", _("eingestellt")


class MeasureQuerySet(TranslatableQuerySet):
    def late(self, today=None):
        today = today or timezone.localdate()
        return self.filter(due_on__lt=today, status__in=(MeasureStatus.PLANNED, MeasureStatus.RUNNING))


class Measure(Translatable):
    """What follows an adopted decision (Maßnahme): who, with what money, until when, how far."""

    translatable_fields = ("title", "description", "progress_note", "late_reason")
    natural_key_fields = ("slug",)

    slug = models.SlugField(_("Adresse"), max_length=120)
    title = models.CharField(_("Maßnahme"), max_length=200)
    description = models.TextField(_("Beschreibung"), max_length=3000, blank=True)
    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="measures", verbose_name=_("Beschluss")
    )
    field = models.ForeignKey(
        "concept.Field",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("Handlungsfeld"),
    )
    recommendation = models.ForeignKey(
        "dialogue.Contribution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures",
        verbose_name=_("aus der Empfehlung"),
    )
    owner = models.ForeignKey(
        "circle.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="measures",
        verbose_name=_("verantwortlich"),
    )
    budget = models.DecimalField(_("Mittel (Euro)"), max_digits=12, decimal_places=2, null=True, blank=True)
    starts_on = models.DateField(_("Beginn"), null=True, blank=True)
    due_on = models.DateField(_("fertig bis"), null=True, blank=True)
    status = models.CharField(
        _("Stand"), max_length=20, choices=MeasureStatus.choices, default=MeasureStatus.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("Fortschritt (Prozent)"), default=0, validators=[MaxValueValidator(100)]
    )
    progress_note = models.TextField(_("Bericht zum Stand"), max_length=2000, blank=True)
    late_reason = models.TextField(
        _("Grund für die Verzögerung"),
        max_length=2000,
        blank=True,
        help_text=_("Wenn der Termin nicht zu halten ist."),
    )
    updated_at = models.DateTimeField(_("zuletzt aktualisiert"), auto_now=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")
        ordering = ["due_on", "title"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="measure_slug_unique_per_town"),
            models.CheckConstraint(
                condition=Q(due_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(due_on__gte=models.F("starts_on")),
                name="measure_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("council:measure", args=[self.slug])

    @property
    def is_late(self):
        return bool(
            self.due_on
            and self.due_on < timezone.localdate()
            and self.status in (MeasureStatus.PLANNED, MeasureStatus.RUNNING)
        )

    @property
    def is_late_without_reason(self):
        return self.is_late and not self.late_reason


# --- importing from another council system ---------------------------------------------------


class ImportStatus(models.TextChoices):
    RUNNING = "running", _("läuft")
    DONE = "done", _("fertig")
    FAILED = "failed", _("abgebrochen")


class ImportRun(TenantModel):
    """One import from another OParl server: its progress, what it wrote, a line per quirk it met."""

    url = models.URLField(_("Adresse des OParl-Systems"), max_length=500)
    started_at = models.DateTimeField(_("begonnen"), default=timezone.now)
    finished_at = models.DateTimeField(_("beendet"), null=True, blank=True)
    status = models.CharField(
        _("Stand"), max_length=20, choices=ImportStatus.choices, default=ImportStatus.RUNNING
    )
    counts = models.JSONField(_("gelesen und geschrieben"), default=dict)
    # Per list (organizations, meetings, papers): the `modified` up to which all is imported.
    cursor = models.JSONField(default=dict)
    log = models.TextField(_("Protokoll"), blank=True)
    started_by = models.ForeignKey(
        "accounts.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gestartet von"),
    )

    class Meta:
        verbose_name = _("OParl-Import")
        verbose_name_plural = _("OParl-Importe")
        ordering = ["-started_at"]

    def __str__(self):
        return self.url

    def cache_scopes(self):
        return ()
