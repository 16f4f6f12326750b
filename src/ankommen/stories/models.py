"""Arrival stories (Ankommensgeschichten): portraits and interviews of people who arrived in town.

A story is told by a person — with an account (`storyteller`) or without — and written down by the
town's editorial staff or by the person. It goes from draft to review to published; every change
keeps the earlier text (core's `Revision`). The person chooses how they are named (full name, first
name, a pseudonym) and which details show (the year they arrived, where they came from).

What a story may be used for follows from its consent records (`Consent`), one per purpose — the
web, the printed brochure, press and social media, translation, a version in Leichte Sprache —
each naming the version and language of the consent text the person saw (`ConsentText`), how it
was given (online, or signed on paper and scanned), who recorded it and until when. A story shows on
the web only while it is published *and* its consent for the web is valid today
(`StoryQuerySet.public`): withdrawing or the end date takes it down at once, in every list, page,
feed and export that reads stories through that queryset. Its translations show only with a valid
consent to translation (to Leichte Sprache: its own consent).

A story is written in German, the platform's language, which translators work from; a person who
told it in another language (`original_language`) keeps their own words as the story's translation
into that language, written by the editors and marked as the original.

The brochure (`Brochure`) gathers chosen stories with an introduction into a tagged PDF, built by a
task; it holds only stories whose consent to print is valid, and is built again without a story
whose consent ends.
"""

import datetime

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ankommen.core.files import PrivateFileField
from ankommen.core.languages import SOURCE
from ankommen.core.models import (
    Authored,
    Moderated,
    TenantModel,
    TenantQuerySet,
    Translatable,
    TranslatableQuerySet,
)

TEXT_MAX = 20_000
NOTE_MAX = 4000
COMMENT_MAX = 2000


class StoryKind(models.TextChoices):
    PORTRAIT = "portrait", _("Porträt")
    INTERVIEW = "interview", _("Interview")


class Naming(models.TextChoices):
    FULL = "full", _("mit vollem Namen")
    FIRST = "first", _("nur mit Vornamen")
    PSEUDONYM = "pseudonym", _("mit einem anderen Namen (Pseudonym)")


class StoryStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    REVIEW = "review", _("in Prüfung")
    PUBLISHED = "published", _("veröffentlicht")


class Theme(models.TextChoices):
    WORK = "arbeit", _("Arbeit und Ausbildung")
    LANGUAGE = "sprache", _("Sprache")
    SCHOOL = "schule", _("Kita und Schule")
    NEIGHBOURHOOD = "nachbarschaft", _("Nachbarschaft")
    HOUSING = "wohnen", _("Wohnen")
    VOLUNTEERING = "engagement", _("Ehrenamt und Engagement")
    FAMILY = "familie", _("Familie")


class Purpose(models.TextChoices):
    """What a person may consent to, each on its own (GDPR Art. 7 and 9: separate and explicit)."""

    WEB = "web", _("Veröffentlichung auf dieser Website")
    BROCHURE = "brochure", _("Abdruck in der gedruckten Ankommensbroschüre")
    PRESS = "press", _("Weitergabe an Presse und soziale Medien")
    TRANSLATION = "translation", _("Übersetzung in andere Sprachen")
    EASY_LANGUAGE = "easy_language", _("Fassung in Leichter Sprache")


class ConsentWay(models.TextChoices):
    ONLINE = "online", _("online auf dieser Website")
    PAPER = "paper", _("auf Papier unterschrieben und eingescannt")


class ConsentText(Translatable):
    """The text a person reads before consenting to one purpose, in a numbered version.

    A consent records the version and language it was given in; a new version does not change what
    people consented to before. A consent is recorded only in a language the text exists in: German,
    or a translation the town's translators have checked (`exists_in`).
    """

    translatable_fields = ("text",)
    natural_key_fields = ("purpose", "version")

    purpose = models.CharField(_("Zweck"), max_length=20, choices=Purpose.choices)
    version = models.PositiveSmallIntegerField(_("Fassung"), default=1)
    text = models.TextField(_("Text der Einwilligung"), max_length=TEXT_MAX)
    valid_from = models.DateField(_("gilt ab"), default=datetime.date.today)

    class Meta:
        verbose_name = _("Text einer Einwilligung")
        verbose_name_plural = _("Texte der Einwilligungen")
        ordering = ["purpose", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "purpose", "version"], name="one_consent_text_per_version"
            )
        ]

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.version})"

    def exists_in(self, language):
        """Is this text there to read in `language`: German, or a checked translation of the current German?"""
        from ankommen.core.models import TranslationState

        if language == SOURCE:
            return True
        return self.translations.filter(
            language=language, field="text", state=TranslationState.REVIEWED, source_status="current"
        ).exists()


def _valid_consents(purpose, today):
    return Consent.objects.filter(
        story=OuterRef("pk"), purpose=purpose, withdrawn_at__isnull=True, given_on__lte=today
    ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))


class StoryQuerySet(TranslatableQuerySet):
    def with_consent(self, purpose, today=None):
        """The stories with a valid consent to `purpose` today (not withdrawn, not ended)."""
        return self.filter(Exists(_valid_consents(purpose, today or timezone.localdate())))

    def public(self, today=None):
        """What anyone may read: published, with a valid consent to the web today."""
        return self.filter(status=StoryStatus.PUBLISHED).with_consent(Purpose.WEB, today)


class Story(Translatable, Authored):
    """A portrait or an interview of a person who arrived in town."""

    translatable_fields = ("title", "teaser", "body", "photo_alt", "origin")
    natural_key_fields = ("slug",)
    revised_fields = ("title", "teaser", "body")
    edit_action = "edit_story"

    slug = models.SlugField(_("Adresse"), max_length=120)
    kind = models.CharField(_("Form"), max_length=12, choices=StoryKind.choices, default=StoryKind.PORTRAIT)
    title = models.CharField(_("Titel"), max_length=160)
    teaser = models.TextField(
        _("Kurzfassung"), max_length=400, help_text=_("Zwei, drei Sätze für die Übersicht.")
    )
    body = models.TextField(
        _("Text"),
        max_length=TEXT_MAX,
        help_text=_("Das Porträt; bei einem Interview die Einleitung. Absätze durch eine Leerzeile trennen."),
    )
    original_language = models.CharField(
        _("erzählt auf"),
        max_length=12,
        default=SOURCE,
        help_text=_("Die Sprache, in der die Person ihre Geschichte erzählt hat."),
    )
    # The person: with an account, or only by name. Their names are personal data; what shows
    # follows `naming`.
    storyteller = models.ForeignKey(
        "accounts.Member",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("erzählende Person (Konto)"),
    )
    given_name = models.CharField(_("Vorname"), max_length=80)
    family_name = models.CharField(_("Nachname"), max_length=80, blank=True)
    pseudonym = models.CharField(_("Pseudonym"), max_length=80, blank=True)
    naming = models.CharField(_("genannt"), max_length=12, choices=Naming.choices, default=Naming.FIRST)
    under_16 = models.BooleanField(
        _("unter 16 Jahre alt"),
        default=False,
        help_text=_("Dann willigen die Sorgeberechtigten ein."),
    )
    arrival_year = models.PositiveSmallIntegerField(_("angekommen im Jahr"), null=True, blank=True)
    show_arrival_year = models.BooleanField(_("Jahr der Ankunft zeigen"), default=True)
    origin = models.CharField(
        pgettext_lazy("a person's", "Herkunft"),
        max_length=80,
        blank=True,
        help_text=_(
            "Kann auf die ethnische Herkunft schließen lassen: nur zeigen, wenn die Person es möchte."
        ),
    )
    show_origin = models.BooleanField(_("Herkunft zeigen"), default=False)
    fields = models.ManyToManyField(
        "concept.Field", blank=True, related_name="+", verbose_name=_("Handlungsfelder")
    )
    photo = PrivateFileField(
        _("Foto"), upload_to="stories/photos/", blank=True, view_action="view_story_photo"
    )
    photo_alt = models.CharField(
        _("Beschreibung des Fotos"),
        max_length=300,
        blank=True,
        help_text=_("Für Menschen, die das Foto nicht sehen: was darauf zu sehen ist."),
    )
    status = models.CharField(
        _("Stand"), max_length=12, choices=StoryStatus.choices, default=StoryStatus.DRAFT
    )
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)
    is_fictional = models.BooleanField(
        _("erfunden"), default=False, help_text=_("Eine erfundene Geschichte, etwa in der Demo.")
    )
    created_by = models.ForeignKey(
        "accounts.Member", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ankommensgeschichte")
        verbose_name_plural = _("Ankommensgeschichten")
        ordering = ["-published_at", "-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="story_slug_unique"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("stories:story", args=[self.slug])

    @property
    def shown_name(self):
        """The name readers see, as the person chose."""
        if self.naming == Naming.FULL:
            return f"{self.given_name} {self.family_name}".strip()
        if self.naming == Naming.PSEUDONYM and self.pseudonym:
            return self.pseudonym
        return self.given_name

    @property
    def full_name(self):
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def is_published(self):
        return self.status == StoryStatus.PUBLISHED

    def is_told_by(self, member):
        return member is not None and member.pk is not None and self.storyteller_id == member.pk

    def valid_consent(self, purpose, today=None):
        """The consent to `purpose` that holds today, or None (read from the prefetched consents if there)."""
        today = today or timezone.localdate()
        consents = getattr(self, "consents_prefetched", None)
        if consents is None:
            consents = self.consents.filter(purpose=purpose)
        return next(
            (each for each in consents if each.purpose == purpose and each.holds_on(today)),
            None,
        )

    def may_show_in(self, language):
        """May this story be read in `language`: its German, its own original, and translations it consented to."""
        if language in (SOURCE, self.original_language):
            return True
        purpose = Purpose.EASY_LANGUAGE if language == "de-simple" else Purpose.TRANSLATION
        return self.valid_consent(purpose) is not None


class StoryTheme(TenantModel):
    """A theme a story is about (work, language, school, …), for the readers' filter."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(_("Thema"), max_length=20, choices=Theme.choices)

    class Meta:
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        constraints = [models.UniqueConstraint(fields=["story", "theme"], name="one_theme_per_story")]

    def __str__(self):
        return self.get_theme_display()


class InterviewAnswer(Translatable):
    """One question of an interview and the person's answer, in order."""

    translatable_fields = ("question", "answer")
    natural_key_fields = ("story__slug", "position")

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField(_("Reihenfolge"))
    question = models.CharField(_("Frage"), max_length=400)
    answer = models.TextField(_("Antwort"), max_length=TEXT_MAX)

    class Meta:
        verbose_name = _("Frage und Antwort")
        verbose_name_plural = _("Fragen und Antworten")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["story", "position"], name="one_answer_per_position")]

    def __str__(self):
        return self.question


class Consent(TenantModel):
    """One person's consent to one purpose of their story: a record, never a ticked box.

    It names the text and its version the person saw, the language they read it in, how they gave it
    (online, or on paper — then the signed scan is kept), who gave it (the person, or for someone under
    16 their guardian), who recorded it and when, and until when it holds. Withdrawing keeps the record
    and ends the consent at once.
    """

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("Zweck"), max_length=20, choices=Purpose.choices)
    text = models.ForeignKey(
        ConsentText, on_delete=models.PROTECT, related_name="+", verbose_name=_("Text der Einwilligung")
    )
    language = models.CharField(_("Sprache des Textes"), max_length=12)
    way = models.CharField(_("gegeben"), max_length=12, choices=ConsentWay.choices)
    scan = PrivateFileField(
        _("Scan der Unterschrift"), upload_to="stories/consents/", blank=True, view_action="view_consent_scan"
    )
    given_by = models.CharField(_("eingewilligt hat"), max_length=160)
    guardian = models.BooleanField(_("als sorgeberechtigte Person"), default=False)
    print_notice = models.BooleanField(
        _("auf den Druck hingewiesen"),
        default=False,
        help_text=_(
            "Gedruckte Broschüren lassen sich nicht zurückholen: die Person wurde vorher darauf hingewiesen."
        ),
    )
    given_on = models.DateField(_("eingewilligt am"))
    valid_until = models.DateField(_("gilt bis"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        "accounts.Member", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("erfasst am"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("widerrufen am"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        "accounts.Member", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(_("abgelaufen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Einwilligung")
        verbose_name_plural = _("Einwilligungen")
        ordering = ["purpose", "-given_on", "-id"]
        indexes = [models.Index(fields=["story", "purpose"], name="consents_of_story")]

    def __str__(self):
        return f"{self.get_purpose_display()}: {self.given_by} ({self.given_on:%d.%m.%Y})"

    def holds_on(self, day):
        return (
            self.withdrawn_at is None
            and self.given_on <= day
            and (self.valid_until is None or self.valid_until >= day)
        )

    @property
    def holds(self):
        return self.holds_on(timezone.localdate())


class StoryNote(TenantModel):
    """A note between the editors and the storyteller about a story in the works; not public."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        "accounts.Member", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("von")
    )
    text = models.TextField(_("Anmerkung"), max_length=NOTE_MAX)
    created_at = models.DateTimeField(_("geschrieben am"), default=timezone.now)

    class Meta:
        verbose_name = _("Anmerkung zur Geschichte")
        verbose_name_plural = _("Anmerkungen zur Geschichte")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]

    def cache_scopes(self):
        return ()


class StoryComment(Moderated, TenantModel):
    """A reader's comment under a published story; moderated like every text people write here."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        "accounts.Member", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("von")
    )
    text = models.TextField(_("Kommentar"), max_length=COMMENT_MAX)
    created_at = models.DateTimeField(_("geschrieben am"), default=timezone.now)

    view_action = "view_story_comment"
    moderation_slug = "geschichten-kommentare"
    moderation_fields = ("text",)
    moderation_labels = {
        "flag": _("Kommentar zu einer Ankommensgeschichte melden"),
        "hide": _("Kommentar zu einer Ankommensgeschichte ausblenden"),
        "hidden": _("Kommentar zu einer Ankommensgeschichte ausgeblendet"),
        "shown": _("Kommentar zu einer Ankommensgeschichte wieder eingeblendet"),
    }

    class Meta:
        verbose_name = _("Kommentar zu einer Ankommensgeschichte")
        verbose_name_plural = _("Kommentare zu Ankommensgeschichten")
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return f"{self.story.get_absolute_url()}#kommentar-{self.pk}"

    @classmethod
    def moderation_queryset(cls):
        return cls.objects.select_related("story", "author__user")


class BrochureStatus(models.TextChoices):
    DRAFT = "draft", _("in Arbeit")
    BUILDING = "building", _("wird gesetzt")
    READY = "ready", _("fertig")
    FAILED = "failed", _("fehlgeschlagen")


class BrochureQuerySet(TenantQuerySet):
    def published(self):
        return self.filter(published_at__isnull=False, status=BrochureStatus.READY).exclude(file="")


class Brochure(TenantModel):
    """The Ankommensbroschüre: chosen stories with an introduction, set as a tagged PDF by a task.

    Its file is built again whenever a story in it may no longer be printed; the old file is deleted
    then, so that a withdrawn story is never downloaded again.
    """

    title = models.CharField(_("Titel"), max_length=160, default=_("Ankommensgeschichten"))
    subtitle = models.CharField(_("Untertitel"), max_length=200, blank=True)
    edition = models.CharField(_("Ausgabe"), max_length=60, blank=True, help_text=_("z. B. „Dezember 2026“"))
    introduction = models.TextField(_("Einleitung"), max_length=TEXT_MAX, blank=True)
    stories = models.ManyToManyField(Story, through="BrochureEntry", related_name="brochures")
    status = models.CharField(
        _("Stand"), max_length=12, choices=BrochureStatus.choices, default=BrochureStatus.DRAFT
    )
    progress = models.PositiveSmallIntegerField(_("Fortschritt"), default=0)  # percent, while building
    problem = models.CharField(_("Fehler"), max_length=500, blank=True)
    file = PrivateFileField(
        _("PDF"), upload_to="stories/brochures/", blank=True, view_action="download_brochure"
    )
    pages = models.PositiveSmallIntegerField(_("Seiten"), default=0)
    built_at = models.DateTimeField(_("gesetzt am"), null=True, blank=True)
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now)

    objects = BrochureQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ankommensbroschüre")
        verbose_name_plural = _("Ankommensbroschüren")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.title} {self.edition}".strip()

    def get_absolute_url(self):
        return reverse("stories:brochure", args=[self.pk])

    @property
    def is_published(self):
        return self.published_at is not None


class BrochureEntry(TenantModel):
    """A story's place in a brochure."""

    brochure = models.ForeignKey(Brochure, on_delete=models.CASCADE, related_name="entries")
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="brochure_entries")
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Geschichte in der Broschüre")
        verbose_name_plural = _("Geschichten in der Broschüre")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["brochure", "story"], name="story_once_per_brochure")]

    def __str__(self):
        return f"{self.brochure_id}:{self.position}"
