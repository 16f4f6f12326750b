"""The town's legal pages, its accessibility statement, barrier reports, Leichte Sprache and DGS.

The texts that newcomers read are `Translatable`, so the translators' overview, the editor and
XLIFF of core take them up without knowing them by name.
"""

import calendar
import secrets
from datetime import date

from django.core.validators import FileExtensionValidator, MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ankommen.core.models import TenantModel, TenantQuerySet, Translatable, TranslatableQuerySet

# --- Impressum and Datenschutzerklärung ---------------------------------------------------------


class Imprint(Translatable):
    """The Impressum: who runs the platform (§ 5 DDG) and who answers for its content (§ 18 Abs. 2 MStV)."""

    translatable_fields = (
        "body_name",
        "legal_form",
        "represented_by",
        "supervisory_authority",
        "content_responsible",
        "notes",
    )
    natural_key_fields = ()  # one per town

    body_name = models.CharField(
        _("Name der Körperschaft"), max_length=200, help_text=_("zum Beispiel: Stadt Kornwestheim")
    )
    legal_form = models.CharField(
        _("Rechtsform"), max_length=200, help_text=_("zum Beispiel: Körperschaft des öffentlichen Rechts")
    )
    represented_by = models.CharField(
        _("Vertreten durch"),
        max_length=200,
        help_text=_("zum Beispiel: Oberbürgermeisterin/Oberbürgermeister"),
    )
    address = models.TextField(_("Anschrift"), max_length=500)
    phone = models.CharField(_("Telefon"), max_length=60)
    email = models.EmailField(_("E-Mail-Adresse"))
    vat_id = models.CharField(
        _("Umsatzsteuer-Identifikationsnummer"),
        max_length=20,
        blank=True,
        help_text=_("nach § 27a Umsatzsteuergesetz, falls vorhanden"),
    )
    supervisory_authority = models.CharField(
        _("Aufsichtsbehörde"),
        max_length=300,
        blank=True,
        help_text=_("zum Beispiel: Regierungspräsidium Stuttgart (Rechtsaufsicht)"),
    )
    content_responsible = models.CharField(
        _("Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"),
        max_length=200,
        help_text=_("Name oder Funktion"),
    )
    content_responsible_address = models.TextField(
        _("Anschrift der oder des Verantwortlichen"), max_length=500
    )
    notes = models.TextField(
        _("Weitere Angaben"),
        max_length=10000,
        blank=True,
        help_text=_("zum Beispiel: Haftung für Links, Urheberrecht, Bildnachweise"),
    )
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Impressum")
        verbose_name_plural = _("Impressen")
        constraints = [models.UniqueConstraint(fields=["municipality"], name="one_imprint_per_town")]

    def __str__(self):
        return str(_("Impressum"))

    def get_absolute_url(self):
        return reverse("legal:imprint")


class PrivacyNotice(Translatable):
    """The Datenschutzerklärung, with the data-protection officer's contact as structured fields."""

    translatable_fields = ("officer_name", "text")
    natural_key_fields = ()  # one per town

    controller = models.TextField(
        _("Verantwortliche Stelle"),
        max_length=1000,
        help_text=_("Name und Anschrift der Stelle, die über die Verarbeitung entscheidet"),
    )
    officer_name = models.CharField(
        _("Datenschutzbeauftragte oder Datenschutzbeauftragter"),
        max_length=200,
        help_text=_("Name oder Stelle"),
    )
    officer_address = models.TextField(_("Anschrift der oder des Datenschutzbeauftragten"), max_length=500)
    officer_email = models.EmailField(_("E-Mail-Adresse der oder des Datenschutzbeauftragten"))
    officer_phone = models.CharField(
        _("Telefon der oder des Datenschutzbeauftragten"), max_length=60, blank=True
    )
    text = models.TextField(
        _("Text der Datenschutzerklärung"),
        max_length=20000,
        help_text=_("Absätze durch eine Leerzeile trennen."),
    )
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Datenschutzerklärung")
        verbose_name_plural = _("Datenschutzerklärungen")
        constraints = [models.UniqueConstraint(fields=["municipality"], name="one_privacy_notice_per_town")]

    def __str__(self):
        return str(_("Datenschutzerklärung"))

    def get_absolute_url(self):
        return reverse("legal:privacy")


# --- Nutzungsbedingungen: versioned ---------------------------------------------------------------


class TermsVersionQuerySet(TranslatableQuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def newest_first(self):
        return self.order_by("-dated", "-published_at", "-pk")

    def current(self):
        """The version in force: the newest published one whose date has come (None if there is none)."""
        return self.published().filter(dated__lte=timezone.localdate()).newest_first().first()


class TermsVersion(Translatable):
    """One version (Fassung) of the terms of use and netiquette; published versions never change."""

    translatable_fields = ("changes", "text")
    natural_key_fields = ("number",)
    # What people agreed to must stay as it was: the German of a published version is not edited
    # beside its translation. Drafts are edited on the legal pages' own form.
    source_edited_by_admins = False

    number = models.CharField(_("Fassung"), max_length=20, help_text=_("zum Beispiel: 2 oder 2.1"))
    dated = models.DateField(_("Fassung vom"), help_text=_("Ab diesem Tag gilt die Fassung."))
    changes = models.CharField(
        _("Was sich geändert hat"),
        max_length=500,
        blank=True,
        help_text=_("Ein Satz für alle, die die vorige Fassung kennen."),
    )
    text = models.TextField(_("Text"), max_length=20000, help_text=_("Absätze durch eine Leerzeile trennen."))
    created_at = models.DateTimeField(_("Angelegt"), auto_now_add=True)
    published_at = models.DateTimeField(_("Veröffentlicht"), null=True, blank=True)
    published_by = models.ForeignKey(
        "accounts.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Veröffentlicht von"),
    )

    objects = TermsVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Fassung der Nutzungsbedingungen")
        verbose_name_plural = _("Fassungen der Nutzungsbedingungen")
        ordering = ["-dated", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "number"], name="terms_number_unique_per_town")
        ]

    def __str__(self):
        return _("Nutzungsbedingungen, Fassung %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("legal:terms_version", args=[self.pk])

    @property
    def is_published(self):
        return self.published_at is not None


# --- Erklärung zur Barrierefreiheit (Anlage 1 L-BGG-DVO) -----------------------------------------


class Compliance(models.TextChoices):
    FULL = "full", _("vollständig vereinbar")
    PARTIAL = "partial", _("teilweise vereinbar")
    NONE = "none", _("nicht vereinbar")


class ReviewMethod(models.TextChoices):
    SELF_ASSESSMENT = "self_assessment", _("Selbstbewertung")
    THIRD_PARTY = "third_party", _("Prüfung durch Dritte")


class ExemptionReason(models.TextChoices):
    NON_COMPLIANCE = "non_compliance", _("Unvereinbarkeit mit den Anforderungen")
    DISPROPORTIONATE_BURDEN = "disproportionate_burden", _("unverhältnismäßige Belastung")
    OUT_OF_SCOPE = "out_of_scope", _("fällt nicht in den Anwendungsbereich")


ENFORCEMENT_BODY = "Schlichtungsstelle nach § 15 L-BGG bei der Landes-Behindertenbeauftragten"
ENFORCEMENT_ADDRESS = "Else-Josenhans-Str. 6\n70173 Stuttgart"
ENFORCEMENT_PHONE = "0711 279-3360"
ENFORCEMENT_EMAIL = "schlichtungsstelle@sm.bwl.de"
ENFORCEMENT_TEXT = (
    "Wenn Sie auf Ihre Mitteilung oder Anfrage keine zufriedenstellende Antwort erhalten haben, "
    "können Sie sich an die Schlichtungsstelle nach § 15 L-BGG wenden. Die Schlichtungsstelle hat die "
    "Aufgabe, bei Konflikten zur Barrierefreiheit zwischen Menschen mit Behinderungen und öffentlichen "
    "Stellen des Landes Baden-Württemberg eine außergerichtliche Einigung zu unterstützen.\n\n"
    "Das Schlichtungsverfahren ist kostenlos. Sie brauchen dafür keinen Rechtsbeistand."
)


class AccessibilityStatement(Translatable):
    """The Erklärung zur Barrierefreiheit after the Baden-Württemberg model (Anlage 1 L-BGG-DVO)."""

    translatable_fields = ("contact_name", "enforcement_body", "enforcement_text")
    natural_key_fields = ()  # one per town

    compliance = models.CharField(
        _("Stand der Vereinbarkeit mit den Anforderungen"),
        max_length=20,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
    )
    prepared_on = models.DateField(_("Erklärung erstellt am"))
    reviewed_on = models.DateField(_("Zuletzt überprüft am"))
    review_method = models.CharField(
        _("Methode der Überprüfung"),
        max_length=20,
        choices=ReviewMethod.choices,
        default=ReviewMethod.SELF_ASSESSMENT,
    )
    reviewer = models.CharField(
        _("Prüfende Stelle"), max_length=200, blank=True, help_text=_("nur bei einer Prüfung durch Dritte")
    )
    contact_name = models.CharField(
        _("Kontaktstelle für Rückmeldungen"),
        max_length=200,
        help_text=_("zum Beispiel: Beauftragte für die Belange von Menschen mit Behinderungen"),
    )
    contact_address = models.TextField(_("Anschrift der Kontaktstelle"), max_length=500)
    contact_phone = models.CharField(_("Telefon der Kontaktstelle"), max_length=60, blank=True)
    contact_email = models.EmailField(_("E-Mail-Adresse der Kontaktstelle"))
    enforcement_body = models.CharField(_("Schlichtungsstelle"), max_length=300, default=ENFORCEMENT_BODY)
    enforcement_address = models.TextField(
        _("Anschrift der Schlichtungsstelle"), max_length=500, default=ENFORCEMENT_ADDRESS
    )
    enforcement_phone = models.CharField(
        _("Telefon der Schlichtungsstelle"), max_length=60, default=ENFORCEMENT_PHONE
    )
    enforcement_email = models.EmailField(
        _("E-Mail-Adresse der Schlichtungsstelle"), default=ENFORCEMENT_EMAIL
    )
    enforcement_text = models.TextField(
        _("Hinweis zum Durchsetzungsverfahren"), max_length=3000, default=ENFORCEMENT_TEXT
    )
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")
        constraints = [
            models.UniqueConstraint(fields=["municipality"], name="one_accessibility_statement_per_town")
        ]

    def __str__(self):
        return str(_("Erklärung zur Barrierefreiheit"))

    def get_absolute_url(self):
        return reverse("legal:accessibility")


class NonAccessibleContent(Translatable):
    """A content that is not accessible yet: why, and what accessible alternative there is."""

    translatable_fields = ("content", "explanation", "alternative")
    natural_key_fields = ("content",)

    statement = models.ForeignKey(
        AccessibilityStatement,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
    )
    content = models.CharField(
        _("Nicht barrierefreier Inhalt"),
        max_length=300,
        help_text=_("zum Beispiel: ältere PDF-Anhänge von Sitzungsvorlagen"),
    )
    reason = models.CharField(_("Grund"), max_length=30, choices=ExemptionReason.choices)
    explanation = models.TextField(_("Begründung"), max_length=2000)
    alternative = models.TextField(
        _("Barrierefreie Alternative"),
        max_length=2000,
        blank=True,
        help_text=_("Wie Menschen den Inhalt trotzdem bekommen, zum Beispiel auf Anfrage."),
    )
    position = models.PositiveSmallIntegerField(
        _("Reihenfolge"), default=0, validators=[MaxValueValidator(999)]
    )

    class Meta:
        verbose_name = _("Nicht barrierefreier Inhalt")
        verbose_name_plural = _("Nicht barrierefreie Inhalte")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.content

    def get_absolute_url(self):
        return reverse("legal:accessibility")


# --- Barrier reports ("Barriere melden") -----------------------------------------------------------


def one_month_after(day):
    """The same day a month later, or that month's last day (31 January → 28 or 29 February)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class BarrierReportKind(models.TextChoices):
    BARRIER = "barrier", _("Eine Barriere melden")
    ACCESSIBLE_FORMAT = "accessible_format", _("Einen Inhalt in barrierefreier Form anfragen")


class BarrierReportStatus(models.TextChoices):
    OPEN = "open", _("offen")
    ANSWERED = "answered", _("beantwortet")
    CLOSED = "closed", _("ohne Antwort geschlossen")


class BarrierReportQuerySet(TenantQuerySet):
    def open(self):
        return self.filter(status=BarrierReportStatus.OPEN)

    def resolved(self):
        return self.exclude(status=BarrierReportStatus.OPEN)

    def for_queue(self):
        """Open reports, the one due first at the top: overdue ones therefore come first."""
        return self.open().order_by("due_on", "received_at", "pk")


class BarrierReport(TenantModel):
    """A barrier someone ran into, or a request for a content in accessible form; answered within a month."""

    kind = models.CharField(
        _("Anliegen"), max_length=20, choices=BarrierReportKind.choices, default=BarrierReportKind.BARRIER
    )
    subject = models.CharField(
        _("Worum geht es?"),
        max_length=200,
        help_text=_(
            "Zum Beispiel: Ein PDF lässt sich nicht vorlesen. Oder: Ich brauche die Vorlage in Leichter Sprache."
        ),
    )
    location = models.CharField(
        _("Wo ist das?"),
        max_length=500,
        help_text=_("Die Adresse der Seite (sie beginnt mit https://) oder eine Beschreibung, wo Sie waren."),
    )
    message = models.TextField(
        _("Nachricht"),
        max_length=5000,
        help_text=_(
            "Was ist passiert? Welche Hilfsmittel nutzen Sie? In welcher Form brauchen Sie den Inhalt?"
        ),
    )
    name = models.CharField(_("Name"), max_length=120, blank=True)
    email = models.EmailField(
        _("E-Mail-Adresse"),
        blank=True,
        help_text=_("Nur wenn Sie eine Antwort möchten. Wir nutzen sie nur für die Antwort."),
    )
    received_at = models.DateTimeField(_("Eingegangen"), default=timezone.now)
    # § 10 L-BGG: an answer within a month of receipt.
    due_on = models.DateField(_("Antwort fällig am"))
    status = models.CharField(
        _("Stand"), max_length=20, choices=BarrierReportStatus.choices, default=BarrierReportStatus.OPEN
    )
    resolved_at = models.DateTimeField(_("Erledigt am"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        "accounts.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Erledigt von"),
    )
    note = models.TextField(_("Vermerk"), max_length=2000, blank=True)

    objects = BarrierReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("Barriere-Meldung")
        verbose_name_plural = _("Barriere-Meldungen")
        ordering = ["due_on", "received_at", "pk"]
        indexes = [models.Index(fields=["municipality", "status", "due_on"], name="barrier_report_queue")]

    def __str__(self):
        return _("Meldung %(number)s: %(subject)s") % {"number": self.pk, "subject": self.subject}

    def save(self, *args, **kwargs):
        if self.due_on is None:
            self.due_on = one_month_after(timezone.localdate(self.received_at))
        super().save(*args, **kwargs)

    def cache_scopes(self):
        return ()  # shown in no cached fragment: a report from outside flushes nothing

    @property
    def is_open(self):
        return self.status == BarrierReportStatus.OPEN

    @property
    def is_overdue(self):
        return self.is_open and self.due_on < timezone.localdate()


# --- Leichte Sprache and Deutsche Gebärdensprache (BITV 2.0 § 4 with Anlage 2) --------------------


class Part(models.TextChoices):
    """The three parts that BITV 2.0 Anlage 2 asks for, in Leichte Sprache and in DGS."""

    CONTENT = "inhalte", _("Was es auf dieser Seite gibt")
    NAVIGATION = "navigation", _("Wie Sie sich auf der Seite zurechtfinden")
    ACCESSIBILITY = "barrierefreiheit", _("Das Wichtigste aus der Erklärung zur Barrierefreiheit")


class EasyLanguageText(TenantModel):
    """The town's texts in Leichte Sprache; a part left empty shows the text that ships with the product."""

    content = models.TextField(
        _("Was es auf dieser Seite gibt (in Leichter Sprache)"),
        max_length=10000,
        blank=True,
        help_text=_(
            "Ein Satz pro Zeile. Absätze durch eine Leerzeile trennen. "
            "Leer lassen: Ein allgemeiner Text über die Dialogplattform erscheint."
        ),
    )
    navigation = models.TextField(
        _("Wie Sie sich zurechtfinden (in Leichter Sprache)"),
        max_length=10000,
        blank=True,
        help_text=_("Leer lassen: Der mitgelieferte Text in Leichter Sprache erscheint."),
    )
    accessibility = models.TextField(
        _("Das Wichtigste zur Barrierefreiheit (in Leichter Sprache)"),
        max_length=10000,
        blank=True,
        help_text=_("Leer lassen: Der mitgelieferte Text in Leichter Sprache erscheint."),
    )
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Texte in Leichter Sprache")
        verbose_name_plural = _("Texte in Leichter Sprache")
        constraints = [
            models.UniqueConstraint(fields=["municipality"], name="one_easy_language_text_per_town")
        ]

    def __str__(self):
        return str(_("Leichte Sprache"))


VIDEO_FORMATS = {"mp4": "video/mp4", "webm": "video/webm"}


def video_path(instance, filename):
    """Where an uploaded video is kept: per town, with a fresh name so that no old copy is served."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"gebaerdensprache/{instance.municipality_id}/{instance.part}-{secrets.token_hex(6)}.{extension}"


class SignLanguageVideo(Translatable):
    """A video in Deutsche Gebärdensprache for one part, self-hosted and downloadable, with a text alternative."""

    translatable_fields = ("description",)
    natural_key_fields = ("part",)

    part = models.CharField(_("Teil"), max_length=20, choices=Part.choices)
    video = models.FileField(
        _("Video"),
        upload_to=video_path,
        max_length=200,
        validators=[FileExtensionValidator(list(VIDEO_FORMATS))],
        help_text=_("MP4 oder WebM, höchstens 200 MB. Das Video wird von diesem Server ausgeliefert."),
    )
    media_type = models.CharField(_("Format"), max_length=20)
    size = models.PositiveBigIntegerField(_("Größe in Bytes"))
    duration = models.PositiveIntegerField(_("Dauer in Sekunden"), null=True, blank=True)
    description = models.TextField(
        _("Beschreibung (Textalternative)"),
        max_length=5000,
        help_text=_("Was im Video gesagt wird, kurz in Textform."),
    )
    uploaded_at = models.DateTimeField(_("Hochgeladen"), default=timezone.now)

    class Meta:
        verbose_name = _("Video in Gebärdensprache")
        verbose_name_plural = _("Videos in Gebärdensprache")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "part"], name="one_sign_language_video_per_part")
        ]

    def __str__(self):
        return _("Gebärdensprache: %(part)s") % {"part": self.get_part_display()}

    def get_absolute_url(self):
        return reverse("legal:sign_language") + f"#{self.part}"

    @property
    def format_label(self):
        return "WebM" if self.media_type == VIDEO_FORMATS["webm"] else "MP4"

    @property
    def size_mb(self):
        return self.size / 1_000_000

    @property
    def duration_label(self):
        """The duration as minutes:seconds (2:05), or "" when the file did not say."""
        if self.duration is None:
            return ""
        minutes, seconds = divmod(self.duration, 60)
        return f"{minutes}:{seconds:02d}"

    @property
    def duration_iso(self):
        """For `<time datetime>`: an ISO 8601 duration (PT2M5S)."""
        if self.duration is None:
            return ""
        return f"PT{self.duration // 60}M{self.duration % 60}S"
