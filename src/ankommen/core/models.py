import functools
import hashlib
import operator

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ankommen.core.languages import SOURCE


def default_languages():
    return ["de", "en"]


class Municipality(models.Model):
    """A town running its Dialogplattform here; one installation can host several, each on its own host."""

    name = models.CharField(_("Name"), max_length=120)
    official_name = models.CharField(_("Amtlicher Name"), max_length=200, blank=True)
    slug = models.SlugField(_("Kurzname"), unique=True)
    host = models.CharField(_("Hostname"), max_length=253, unique=True)
    is_default = models.BooleanField(
        _("Standard für lokale Adressen"),
        default=False,
        help_text=_("Wird unter localhost und ähnlichen Adressen gezeigt."),
    )
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    languages = models.JSONField(
        _("Sprachen"),
        default=default_languages,
        help_text=_("Die Sprachen, in denen die Plattform dieser Kommune angeboten wird; Deutsch immer."),
    )
    # Limits against abuse, per member and hour (`core/limits.py`); the town's admins set them.
    open_joining = models.BooleanField(
        _("Offener Beitritt"),
        default=True,
        help_text=_(
            "Wer sich registriert, ist sofort Mitglied. Sonst bittet man mit ein paar Sätzen um Aufnahme, "
            "und die Administration nimmt an oder lehnt ab."
        ),
    )
    limit_contributions = models.PositiveIntegerField(
        _("Beiträge je Stunde"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("So viele Beiträge darf ein Mitglied höchstens in einer Stunde einbringen."),
    )
    limit_comments = models.PositiveIntegerField(
        _("Kommentare je Stunde"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("So viele Kommentare darf ein Mitglied höchstens in einer Stunde schreiben."),
    )
    limit_supports = models.PositiveIntegerField(
        _("Unterstützungen je Stunde"),
        default=200,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_(
            "So oft darf ein Mitglied höchstens in einer Stunde eine Unterstützung geben oder zurücknehmen."
        ),
    )
    limit_reports = models.PositiveIntegerField(
        _("Meldungen je Stunde"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_(
            "So viele Meldungen an die Moderation darf ein Mitglied höchstens in einer Stunde senden."
        ),
    )

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="one_default_municipality"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def active_languages(self):
        """The town's languages in the product's order, German first."""
        from ankommen.core.languages import LANGUAGES, SOURCE

        chosen = set(self.languages) | {SOURCE}
        return [language for language in LANGUAGES if language.code in chosen]

    def offers(self, code):
        return code == "de" or code in self.languages

    def cache_scopes(self):
        from ankommen.core.cache import town_scope

        return [town_scope(self.pk)]


def town_id_of(obj):
    """The town an object belongs to (the town itself for a municipality)."""
    return obj.pk if isinstance(obj, Municipality) else obj.municipality_id


class TenantQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)

    def get_by_natural_key(self, *key):
        """The row that `natural_key()` named `key`; ask it after `for_municipality`, keys hold within a town."""
        names = getattr(self.model, "natural_key_fields", None)
        if names is None:
            raise TypeError(f"{self.model.__name__} declares no natural_key_fields")
        if len(key) != len(names):
            raise self.model.DoesNotExist(
                f"{self.model.__name__} is named by {len(names)} parts, not {len(key)}"
            )
        return self.get(**dict(zip(names, key, strict=True)))


class TenantModel(models.Model):
    """A row that belongs to one municipality; query it through `objects.for_municipality(...)`."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, verbose_name=_("Kommune"))

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True

    def cache_scopes(self):
        """The cached fragments a change of this row makes stale (`core/cache.py`): by default all of
        the town's; a model whose rows show in fewer names those, one that shows in none returns ()."""
        from ankommen.core.cache import town_scope

        return [town_scope(self.municipality_id)]


class AuditEntryQuerySet(TenantQuerySet):
    def matching(self, *, action="", person="", since=None, until=None):
        entries = self
        if action:
            entries = entries.filter(action=action)
        if person:
            # As the one who acted, or as the one the entry is about (a member whose roles changed, …).
            from ankommen.core.registry import registry

            about = models.Q(target_type__in=sorted(registry.audit_subjects), target_label__icontains=person)
            entries = entries.filter(models.Q(actor_name__icontains=person) | about)
        if since:
            entries = entries.filter(created_at__date__gte=since)
        if until:
            entries = entries.filter(created_at__date__lte=until)
        return entries


class AuditEntry(TenantModel):
    """One change of a stage, a role or a hidden item: who, what, when, on which object.

    The object is named by its model (`app_label.model`) and id, and its words at the time; it may
    be the town itself.
    """

    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Person"),
    )
    actor_name = models.CharField(_("Name der Person"), max_length=200, blank=True)
    action = models.CharField(_("Aktion"), max_length=64)
    target_type = models.CharField(_("Objektart"), max_length=64)
    target_id = models.PositiveBigIntegerField(_("Objekt-ID"), null=True, blank=True)
    target_label = models.CharField(_("Objekt"), max_length=300)
    details = models.JSONField(_("Einzelheiten"), default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["municipality", "action", "-created_at"], name="audit_by_action"),
            # The whole log, newest first: without it a town's 100,000 lines are sorted for every page.
            models.Index(fields=["municipality", "-created_at", "-id"], name="audit_newest_first"),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_label}"

    def cache_scopes(self):
        return ()  # shown in no cached fragment

    @property
    def action_label(self):
        from ankommen.core.registry import registry

        return registry.audit_actions.get(self.action, self.action)

    @property
    def target_kind(self):
        """What the object is, in words ("Stufe", "Person")."""
        from ankommen.core.audit import target_kind

        return target_kind(self)

    @property
    def readable_details(self):
        """The details in plain German: each with its label, dates in the language's format, changes as alt → neu."""
        from ankommen.core.audit import readable_details

        return readable_details(self)


# --- moderation: any model a person writes joins by inheriting `Moderated` --------------------------------

REASON_MAX = 500


class OnPaper(models.Model):
    """Handed in on paper (at a workshop, in a counselling hour) and entered by staff on the person's behalf."""

    paper_author = models.CharField(_("Eingereicht von"), max_length=120, blank=True)
    paper_occasion = models.CharField(_("Eingereicht bei"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def is_on_paper(self):
        return bool(self.paper_author)


class Moderated(models.Model):
    """Something people write that moderators can hide: hiding keeps the row and leaves a visible trace.

    A model joins moderation by inheriting this and naming, as class attributes, the rule that says
    who may see an item (`view_action`), the part of its moderation addresses (`moderation_slug`,
    e.g. "beitraege": /beitraege/7/melden/) and its words (`moderation_labels`). Flags, the town's
    queue, hiding and showing again, and the trace then work for it without a line elsewhere.
    """

    hidden_at = models.DateTimeField(_("ausgeblendet am"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hidden_reason = models.CharField(_("Grund"), max_length=REASON_MAX, blank=True)
    flags = GenericRelation("core.Flag")  # an item's flags and review requests go with it
    review_requests = GenericRelation("core.ReviewRequest")

    view_action: str = ""
    moderation_slug: str = ""
    author_field = "author"  # the member who wrote it: they may ask for a review when it is hidden
    # "flag" and "hide": the headings of the forms; "hidden" and "shown": the audit log's words.
    moderation_labels: dict = {}
    # The fields holding what the person wrote, which moderators read in full before they decide.
    moderation_fields: tuple = ()

    class Meta:
        abstract = True

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    def is_written_by(self, member):
        """Did `member` write this in their own name (not entered by staff from paper)?"""
        if member is None or member.pk is None or getattr(self, "is_on_paper", False):
            return False
        return getattr(self, f"{self.author_field}_id", None) == member.pk

    @classmethod
    def moderation_queryset(cls):
        """The items with what their moderation pages show (their address, their excerpt) fetched along."""
        return cls.objects.all()

    @property
    def moderation_kind(self):
        """What the queue calls the item: "Kommentar", "Befund", …"""
        return self._meta.verbose_name

    @property
    def moderation_excerpt(self):
        """The text the queue and the moderation forms quote."""
        return str(self)

    @property
    def moderation_text(self):
        """What the person wrote, as (label, text) pairs: the whole text moderators decide about."""
        if not self.moderation_fields:
            return [("", self.moderation_excerpt)]
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name)) for name in self.moderation_fields
        ]

    @property
    def text_language(self):
        """The language the person wrote in: the town's source language, in which everything is written."""
        return SOURCE

    def flag_url(self):
        return reverse("core:flag", args=[self.moderation_slug, self.pk])

    def hide_url(self):
        return reverse("core:hide", args=[self.moderation_slug, self.pk])

    def show_url(self):
        return reverse("core:show", args=[self.moderation_slug, self.pk])

    def review_url(self):
        return reverse("core:request_review", args=[self.moderation_slug, self.pk])

    def dismiss_flags_url(self):
        return reverse("core:dismiss_flags", args=[self.moderation_slug, self.pk])


class FlagOutcome(models.TextChoices):
    HIDDEN = "hidden", _("ausgeblendet")
    DISMISSED = "dismissed", _("zurückgewiesen")


class AboutItemQuerySet(TenantQuerySet):
    """Requests about a moderated item (its reports, its authors' review requests)."""

    def open(self):
        return self.filter(resolved_at__isnull=True)

    def of(self, item):
        return self.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)


class Flag(TenantModel):
    """Someone asks the moderators to look at an item (a contribution, a comment, any `Moderated`)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("Gemeldet von")
    )
    reason = models.CharField(_("Was ist das Problem?"), max_length=REASON_MAX)
    created_at = models.DateTimeField(_("Gemeldet am"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("Entscheidung"), max_length=20, choices=FlagOutcome.choices, blank=True)

    objects = AboutItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("Meldung")
        verbose_name_plural = _("Meldungen")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["municipality", "resolved_at", "created_at"], name="open_flags_of_town"),
            models.Index(fields=["content_type", "object_id"], name="flags_of_item"),
        ]
        constraints = [
            # Also what makes two reports sent at once by the same person end as one.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"], name="one_flag_per_reporter"
            )
        ]

    def __str__(self):
        return self.reason[:60]

    def cache_scopes(self):
        return ()  # shown in no cached fragment


REVIEW_TEXT_MAX = 1000


class ReviewOutcome(models.TextChoices):
    SHOWN = "shown", _("wieder eingeblendet")
    KEPT = "kept", _("bleibt ausgeblendet")


class ReviewRequest(TenantModel):
    """The author of a hidden item asks the moderators to look at the hiding again: once per hiding."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    hidden_at = models.DateTimeField()  # which hiding it asks about
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("Erbeten von")
    )
    text = models.CharField(
        _("Ihre Nachricht an die Moderation (freiwillig)"),
        max_length=REVIEW_TEXT_MAX,
        blank=True,
        help_text=_("Zum Beispiel, was Sie gemeint haben oder was die Moderation übersehen hat."),
    )
    created_at = models.DateTimeField(_("Erbeten am"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("Entscheidung"), max_length=20, choices=ReviewOutcome.choices, blank=True)
    decision = models.CharField(
        _("Begründung"),
        max_length=REASON_MAX,
        blank=True,
        help_text=_("Die Person, die um Überprüfung gebeten hat, sieht diese Begründung."),
    )

    objects = AboutItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("Bitte um Überprüfung")
        verbose_name_plural = _("Bitten um Überprüfung")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["municipality", "resolved_at", "created_at"], name="open_reviews_of_town"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "hidden_at"], name="one_review_request_per_hiding"
            )
        ]

    def __str__(self):
        return self.text[:60] or str(_("Bitte um Überprüfung"))

    def cache_scopes(self):
        return ()  # shown in no cached fragment

    def keep_hidden_url(self):
        return reverse("core:keep_hidden", args=[self.pk])


# --- authorship: any model a person writes in their own name joins by inheriting `Authored` ---------------


class Authored(models.Model):
    """Something a person wrote that they own: they may change it and withdraw it, and both leave a trace.

    Changing keeps each earlier version as a `Revision` and shows "bearbeitet" with the time;
    withdrawing keeps the row and shows "vom Verfasser zurückgezogen" with the date where it stood.
    A model joins by inheriting this and naming its `revised_fields` (the texts its author may
    change) and, as for moderation, the rules that allow it (`edit_action`, `withdraw_action`);
    `core/authorship.py` does the writing.
    """

    edited_at = models.DateTimeField(_("bearbeitet am"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)
    revisions = GenericRelation("core.Revision")  # an item's earlier versions go with it

    revised_fields: tuple[str, ...] = ()
    edit_action: str = ""
    withdraw_action: str = ""

    class Meta:
        abstract = True

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None


class Revision(TenantModel):
    """An earlier version of something a person wrote (any `Authored`): its texts before one change."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    # {field: text} of the fields that this change replaced, as they read before it.
    texts = models.JSONField(_("Frühere Fassung"))
    written_at = models.DateTimeField(_("geschrieben am"))  # when this version was written
    replaced_at = models.DateTimeField(_("ersetzt am"), auto_now_add=True)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Frühere Fassung")
        verbose_name_plural = _("Frühere Fassungen")
        ordering = ["replaced_at", "id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "replaced_at"], name="revisions_of_item")
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} ({self.written_at:%Y-%m-%d %H:%M})"

    def cache_scopes(self):
        return ()  # shown in no cached fragment


def source_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslationState(models.TextChoices):
    IN_TRANSLATION = "in_translation", _("in Übersetzung")
    MACHINE = "machine", _("maschinell übersetzt, nicht geprüft")
    REVIEWED = "reviewed", _("geprüft")


class TranslationStatus(models.TextChoices):
    """What a reader and a translator see for one text in one language (derived, never stored)."""

    MISSING = "missing", _("fehlt")
    IN_TRANSLATION = "in_translation", _("in Übersetzung")
    MACHINE = "machine", _("maschinell übersetzt, nicht geprüft")
    REVIEWED = "reviewed", _("geprüft")
    OUTDATED = "outdated", _("veraltet")


class SourceText(TenantModel):
    """The German text of one field of one object, by its hash: what translations are measured against."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "field"], name="one_source_per_text")
        ]
        indexes = [
            # Narrow, for counting a town's texts per kind.
            models.Index(fields=["municipality", "content_type"], name="source_by_town"),
            # Covering the translators' lists: they walk a town's texts in order and stop after one page.
            models.Index(
                fields=["municipality", "content_type", "object_id", "field", "hash"], name="source_listing"
            ),
            # The places of one German text, for listing a text used in several places once.
            models.Index(
                fields=["municipality", "hash", "content_type", "object_id", "field"], name="source_twins"
            ),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}:{self.field}"

    def cache_scopes(self):
        return ()  # shown in no cached fragment


class Translation(TenantModel):
    """One field of one object in one language, with the state a person (or a machine) left it in."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(_("Feld"), max_length=64)
    language = models.CharField(_("Sprache"), max_length=12)
    text = models.TextField(_("Übersetzung"), max_length=20000)
    state = models.CharField(_("Stand"), max_length=20, choices=TranslationState.choices)
    # The hash of the German text this translates; when the German changes, it is outdated.
    source_hash = models.CharField(max_length=64)
    # How it stands to the German now (CURRENT, OUTDATED or WITHDRAWN), kept by `record_sources`
    # and `source_status_of`, so that the translators' counts need no join with `SourceText`.
    source_status = models.CharField(max_length=9, default="current", editable=False)
    checked_by_target_group = models.BooleanField(
        _("von Leser:innen der Zielgruppe geprüft"),
        default=False,
        help_text=_("Nur für Leichte Sprache: Erst dann darf der Text „Leichte Sprache“ heißen."),
    )
    updated_at = models.DateTimeField(_("bearbeitet am"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    content_object = GenericForeignKey("content_type", "object_id")

    class Meta:
        verbose_name = _("Übersetzung")
        verbose_name_plural = _("Übersetzungen")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"], name="one_translation_per_text"
            )
        ]
        # The state of a text in a language, read from the index alone by the translators' lists
        # and counts.
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "field", "language", "state", "source_hash"],
                name="translation_state_of_text",
            ),
            models.Index(
                fields=["municipality", "language", "content_type", "state", "source_status"],
                name="translation_counts",
            ),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}:{self.field} [{self.language}]"


def translations_of(path, language):
    """Prefetch the translations into `language` of the rows at `path` (nothing to fetch for German)."""
    from ankommen.core.languages import SOURCE

    if language == SOURCE:
        return []
    return [
        models.Prefetch(
            f"{path}__translations",
            queryset=Translation.objects.filter(language=language),
            to_attr="translations_prefetched",
        )
    ]


class TranslatableQuerySet(TenantQuerySet):
    def with_translations(self, language):
        """Fetch the translations into `language` with the rows (one query for a whole list)."""
        from ankommen.core.languages import SOURCE

        if language == SOURCE:
            return self
        return self.prefetch_related(
            models.Prefetch(
                "translations",
                queryset=Translation.objects.filter(language=language),
                to_attr="translations_prefetched",
            )
        )


class Translatable(TenantModel):
    """A model whose German texts newcomers read, and which can therefore be translated.

    A model declares its translatable fields in `translatable_fields`; that is all it takes.
    Saving it keeps `SourceText` current, so that translations of a changed text show as outdated.
    """

    translatable_fields: tuple[str, ...] = ()
    # What names a row within its town, for files that must outlive database ids (the demo's
    # translations): lookups such as ("slug",) or ("field__slug", "kind"); () for a town's one row.
    # Every translatable model declares it; `natural_key()` and `get_by_natural_key()` use it.
    natural_key_fields: tuple[str, ...] | None = None
    # May the town's admins edit the German text beside its translation (not people's own contributions)?
    source_edited_by_admins = True
    # The fields that decide `offered_for_translation`; saving one of them updates what translators see.
    translation_offer_fields: tuple[str, ...] = ()

    translations = GenericRelation(Translation)
    sources = GenericRelation(SourceText)

    objects = TranslatableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        watched = {*self.translatable_fields, *self.translation_offer_fields}
        if update_fields is None or watched & set(update_fields):
            record_sources([self])

    @property
    def offered_for_translation(self):
        """Do translators see this object's texts now (not, for example, while moderators hide it)?"""
        return True

    def natural_key(self):
        """This row's name within its town: its `natural_key_fields`, followed through related rows, as strings."""
        names = type(self).natural_key_fields
        if names is None:
            raise TypeError(f"{type(self).__name__} declares no natural_key_fields")
        return tuple(_key_part(self, name) for name in names)


def _key_part(obj, lookup):
    value = obj
    for name in lookup.split("__"):
        value = getattr(value, name)
    if value is None:
        raise ValueError(f"{type(obj).__name__} {obj.pk} has no {lookup}")
    return key_text(value)


def key_text(value):
    """A part of a natural key as text: a date in ISO, anything else as `str` writes it."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# How a translation stands to the German text (`Translation.source_status`).
CURRENT, OUTDATED, WITHDRAWN = "current", "outdated", "withdrawn"  # withdrawn: no German offered now


def source_status_of(obj, field, digest):
    """How a translation made from the German with hash `digest` stands to `obj.field` now."""
    text = getattr(obj, field) or ""
    if not text or not obj.offered_for_translation:
        return WITHDRAWN
    return CURRENT if digest == source_hash(text) else OUTDATED


def record_sources(objects):
    """Keep `SourceText` in step with the German texts of `objects` (all of one model).

    An object not offered for translation has no rows, so the translators' counts, lists and
    exports, all built on `SourceText`, leave it out until it is offered again.
    """
    if not objects:
        return
    model = type(objects[0])
    content_type = ContentType.objects.get_for_model(model)
    wanted = {
        (obj.pk, field): source_hash(getattr(obj, field))
        for obj in objects
        if obj.offered_for_translation
        for field in model.translatable_fields
        if getattr(obj, field)
    }
    existing = {
        (row.object_id, row.field): row
        for row in SourceText.objects.filter(
            content_type=content_type, object_id__in=[obj.pk for obj in objects]
        )
    }
    municipality = {obj.pk: obj.municipality_id for obj in objects}
    restated = _restate_translations(
        content_type,
        {
            key: digest
            for key, digest in wanted.items()
            if key not in existing or existing[key].hash != digest
        },
        [key for key in existing if key not in wanted],
    )
    changed = [row for key, row in existing.items() if key in wanted and row.hash != wanted[key]]
    for row in changed:
        row.hash = wanted[(row.object_id, row.field)]
        row.changed_at = timezone.now()
    if changed:
        SourceText.objects.bulk_update(changed, ["hash", "changed_at"])
    created = SourceText.objects.bulk_create(
        SourceText(
            municipality_id=municipality[pk],
            content_type=content_type,
            object_id=pk,
            field=field,
            hash=digest,
        )
        for (pk, field), digest in wanted.items()
        if (pk, field) not in existing
    )
    gone = [row.pk for key, row in existing.items() if key not in wanted]
    if gone:
        SourceText.objects.filter(pk__in=gone).delete()
    # Bulk writes send no signals, so the cache is told here: the number of German texts changed,
    # or translations now stand otherwise to their German.
    from ankommen.core.cache import touch
    from ankommen.core.translation import sources_scope, states_scope

    towns = set(municipality.values())
    if created or gone:
        touch(*(sources_scope(town_id) for town_id in towns))
    if restated:
        touch(*(states_scope(town_id) for town_id in towns))


def _restate_translations(content_type, current, withdrawn):
    """The translations of texts whose German changed, appeared (`current`: key → hash) or went away.

    One query finds which of them have translations at all (new texts mostly have none); then at
    most two updates: one for the texts with German, one for those without. True if any was restated.
    """

    def texts(keys):
        return functools.reduce(
            operator.or_, (models.Q(object_id=object_id, field=field) for object_id, field in keys)
        )

    rows = Translation.objects.filter(content_type=content_type)
    keys = {*current, *withdrawn}
    if not keys:
        return False
    translated = set(
        rows.filter(object_id__in={object_id for object_id, _field in keys}).values_list("object_id", "field")
    )
    current = {key: digest for key, digest in current.items() if key in translated}
    withdrawn = [key for key in withdrawn if key in translated]
    if current:
        rows.filter(texts(current)).update(
            source_status=models.Case(
                *(
                    models.When(
                        object_id=object_id, field=field, source_hash=digest, then=models.Value(CURRENT)
                    )
                    for (object_id, field), digest in current.items()
                ),
                default=models.Value(OUTDATED),
            )
        )
    if withdrawn:
        rows.filter(texts(withdrawn)).update(source_status=WITHDRAWN)
    return bool(current or withdrawn)


class SearchEntry(TenantModel):
    """One text of one object in one language, as the search reads it (`core/search.py`).

    `folded` is the text in lower case without diacritics; the full-text indexes over it live beside
    the table, made by the migration for each database: FTS5 tables kept by triggers on SQLite, a
    generated tsvector with a GIN index and a trigram index on PostgreSQL.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field = models.CharField(max_length=64)
    language = models.CharField(max_length=12)
    text = models.TextField()
    folded = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"], name="one_search_entry_per_text"
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}:{self.field} [{self.language}]"

    def cache_scopes(self):
        return ()  # shown in no cached fragment


# --- notifications (`core/notifications.py`) -----------------------------------------------------


class Frequency(models.TextChoices):
    """How often a person hears of a topic by mail; in the product they see everything at once."""

    IMMEDIATELY = "immediately", _("sofort")
    DAILY = "daily", _("einmal am Tag")
    WEEKLY = "weekly", _("einmal in der Woche")
    NEVER = "never", _("nicht per E-Mail")


class Notification(TenantModel):
    """Something a person is told of, once: what happened (`kind`, registered with its topic), about what.

    `event` names the happening ("comment:812"); one notification per person and event, held by the
    database, so however often a hook runs, nobody is told twice. It joins one mail (`delivery`).
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("für")
    )
    kind = models.CharField(_("Art"), max_length=64)
    event = models.CharField(max_length=120)
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target_label = models.CharField(_("Worum es geht"), max_length=300)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(_("am"), default=timezone.now)
    read_at = models.DateTimeField(_("gelesen am"), null=True, blank=True)
    delivery = models.ForeignKey(
        "core.Delivery", on_delete=models.SET_NULL, null=True, blank=True, related_name="notifications"
    )
    # Not to be mailed (again): its person chose "never" for its topic or may no longer hear of it (the
    # packing reads it once, marks it, and leaves it alone after), or its mail left the outbox after
    # 90 days (`notifications.prune_outbox`). It stays in the person's list either way.
    not_mailed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "recipient", "event"], name="told_once_per_event")
        ]
        indexes = [
            models.Index(fields=["recipient", "municipality", "-created_at"], name="notifications_of_person"),
            models.Index(fields=["municipality", "delivery", "recipient"], name="notifications_to_mail"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.target_label}"

    def cache_scopes(self):
        return ()  # shown in no cached fragment


class NotificationSetting(TenantModel):
    """How often a person hears of a topic by mail in a town (the topic's default where there is no row)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.CharField(_("Thema"), max_length=64)
    frequency = models.CharField(_("Wie oft per E-Mail"), max_length=20, choices=Frequency.choices)

    class Meta:
        verbose_name = _("Einstellung für Benachrichtigungen")
        verbose_name_plural = _("Einstellungen für Benachrichtigungen")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "user", "topic"], name="one_setting_per_topic")
        ]

    def __str__(self):
        return f"{self.topic}: {self.frequency}"

    def cache_scopes(self):
        return ()


class Follow(TenantModel):
    """A person follows something (a field, a contribution): they are told of what happens there."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("seit"), auto_now_add=True)

    class Meta:
        verbose_name = _("Gefolgt")
        verbose_name_plural = _("Gefolgt")
        constraints = [
            models.UniqueConstraint(fields=["user", "content_type", "object_id"], name="follow_once")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="followers_of")]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"

    def cache_scopes(self):
        return ()


class Delivery(TenantModel):
    """One mail to one person: a notification at once, or a digest of a day or a week (`key`).

    Written with its notifications in one transaction, then sent, then marked `sent_at`: a crash
    between sending and marking sends at most this one message again; the key keeps each digest once.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("an")
    )
    key = models.CharField(max_length=40)
    subject = models.CharField(_("Betreff"), max_length=300)
    body = models.TextField(_("Text"))
    headers = models.JSONField(default=dict)
    created_at = models.DateTimeField(_("erstellt am"), default=timezone.now)
    sent_at = models.DateTimeField(_("verschickt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Versand")
        verbose_name_plural = _("Versand")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "recipient", "key"], name="one_mail_per_key")
        ]
        indexes = [models.Index(fields=["sent_at", "created_at"], name="deliveries_to_send")]

    def __str__(self):
        return f"{self.key} → {self.recipient_id}"

    def cache_scopes(self):
        return ()


class ScheduledRun(models.Model):
    """A periodic job's run for one period (`core/schedule.py`): one row per job and period, so that
    several workers, or one restarted, run each job once per period."""

    job = models.CharField(max_length=100)
    period = models.CharField(max_length=40)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="one_run_per_period")]

    def __str__(self):
        return f"{self.job} {self.period}"
