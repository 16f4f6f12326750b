from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ankommen.core import roles
from ankommen.core.models import Translatable, TranslatableQuerySet
from ankommen.core.registry import registry
from ankommen.core.roles import Role


class Concept(Translatable):
    """The town's written integration concept: its title, introduction and where it was adopted."""

    translatable_fields = ("title", "introduction", "adopted_by", "responsible", "external_participation")
    natural_key_fields = ()  # one per town

    title = models.CharField(_("Titel"), max_length=200)
    introduction = models.TextField(_("Einleitung"), max_length=5000)
    adopted_by = models.CharField(_("Beschlossen durch"), max_length=200, blank=True)
    adopted_on = models.DateField(_("Beschlossen am"), null=True, blank=True)
    responsible = models.TextField(_("Verantwortlich"), max_length=1000, blank=True)
    external_participation = models.CharField(_("Externe Beteiligung"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Integrationskonzept")
        verbose_name_plural = _("Integrationskonzepte")
        constraints = [models.UniqueConstraint(fields=["municipality"], name="one_concept_per_town")]

    def __str__(self):
        return self.title


class OrderedTenantModel(Translatable):
    translatable_fields = ("name", "description")
    natural_key_fields = ("name",)

    name = models.CharField(_("Name"), max_length=120)
    description = models.TextField(_("Beschreibung"), max_length=2000, blank=True)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Principle(OrderedTenantModel):
    """A principle across every field of action, e.g. Teilhabe."""

    class Meta(OrderedTenantModel.Meta):
        verbose_name = _("Handlungsprinzip")
        verbose_name_plural = _("Handlungsprinzipien")


class FocusTopic(OrderedTenantModel):
    """A topic that gets special attention, e.g. Spracherwerb."""

    class Meta(OrderedTenantModel.Meta):
        verbose_name = _("Schwerpunkt")
        verbose_name_plural = _("Schwerpunkte")


class District(OrderedTenantModel):
    """A district of the town, for tagging contributions (and later the Seismograph)."""

    class Meta(OrderedTenantModel.Meta):
        verbose_name = _("Stadtteil")
        verbose_name_plural = _("Stadtteile")


class TargetGroup(OrderedTenantModel):
    """A group of people a contribution is about, e.g. geflüchtete Jugendliche."""

    class Meta(OrderedTenantModel.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")


class Milestone(Translatable):
    """A point on the concept's timeline; `date_label` says it in words where the day is vague."""

    translatable_fields = ("date_label", "title", "description")
    natural_key_fields = ("title",)

    date = models.DateField(_("Datum"))
    date_label = models.CharField(
        _("Zeitangabe"), max_length=60, blank=True, help_text=_("z. B. „Sommer 2015“")
    )
    title = models.CharField(_("Titel"), max_length=200)
    description = models.TextField(_("Beschreibung"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")
        ordering = ["date", "id"]

    def __str__(self):
        return self.title


class FieldQuerySet(TranslatableQuerySet):
    def with_stages(self, language="de", *, archived=False):
        """Fields with their stages in order; the archived stages only where `archived` (the admins' pages)."""
        stages = Stage.objects.order_by("position", "id").with_translations(language)
        if not archived:
            stages = stages.filter(archived_at__isnull=True)
        return self.prefetch_related(models.Prefetch("stages", queryset=stages))

    def listed(self):
        """The fields the town's pages list: the archived ones are left out (their pages stay readable)."""
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)


class Field(Translatable):
    """A field of action (Handlungsfeld), worked in stages."""

    translatable_fields = ("name", "summary", "description")
    natural_key_fields = ("slug",)

    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(
        _("Adresse"),
        max_length=120,
        help_text=_("Teil der Adresse, z. B. wohnen-und-leben. Leer lassen: wird aus dem Namen gebildet."),
    )
    summary = models.CharField(_("Kurzbeschreibung"), max_length=300)
    description = models.TextField(_("Beschreibung"), max_length=5000, blank=True)
    position = models.PositiveSmallIntegerField(
        _("Reihenfolge"), default=0, validators=[MaxValueValidator(999)]
    )
    # Archived instead of deleted: out of the lists, its page and everything written in it readable.
    archived_at = models.DateTimeField(_("archiviert am"), null=True, blank=True, editable=False)

    objects = FieldQuerySet.as_manager()

    class Meta:
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="field_slug_unique_per_town")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dialogue:field", args=[self.slug])

    @property
    def is_archived(self):
        return self.archived_at is not None

    @property
    def current_stage(self):
        """The open stage; else the next planned one; else the last closed one (from prefetched stages)."""
        stages = list(self.stages.all())
        for status in (StageStatus.OPEN, StageStatus.PLANNED):
            for stage in stages:
                if stage.status == status:
                    return stage
        return stages[-1] if stages else None


class HelpPage(Translatable):
    """A page of the town's help: how the Dialogplattform works, how to take part, whom to ask."""

    translatable_fields = ("title", "summary", "body")
    natural_key_fields = ("slug",)

    title = models.CharField(_("Titel"), max_length=120)
    slug = models.SlugField(
        _("Adresse"),
        max_length=120,
        help_text=_("Teil der Adresse, z. B. mitmachen. Leer lassen: wird aus dem Titel gebildet."),
    )
    summary = models.CharField(
        _("Kurzbeschreibung"), max_length=300, help_text=_("Ein Satz für die Übersicht der Hilfe.")
    )
    body = models.TextField(
        _("Text"),
        max_length=20000,
        help_text=_(
            "Eine Leerzeile beginnt einen neuen Abschnitt. Hat ein Abschnitt mehrere Zeilen, wird die erste "
            "seine Überschrift. Kurze Sätze helfen allen, die wenig Deutsch sprechen."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("Reihenfolge"), default=0, validators=[MaxValueValidator(999)]
    )
    updated_at = models.DateTimeField(_("Geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Hilfeseite")
        verbose_name_plural = _("Hilfeseiten")
        ordering = ["position", "title"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="help_page_slug_unique_per_town")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("concept:help_page", args=[self.slug])


class StageKind(models.TextChoices):
    STOCKTAKING = "stocktaking", _("Bestandsaufnahme")
    OPTIONS = "options", _("Handlungsoptionen und -empfehlungen")
    DECISION = "decision", _("Beschluss")
    IMPLEMENTATION = "implementation", _("Umsetzung")


class StageStatus(models.TextChoices):
    PLANNED = "planned", _("geplant")
    OPEN = "open", _("läuft")
    CLOSED = "closed", _("abgeschlossen")


EVERY_ROLE = "*"  # in the table below: every role a person can hold here

# Who may contribute, comment and support in a new stage of each kind; admins change it per stage.
DEFAULT_STAGE_RULES = {
    StageKind.STOCKTAKING: {"contribute_roles": [Role.EXPERT, Role.ADMIN], "support_roles": EVERY_ROLE},
    StageKind.OPTIONS: {"contribute_roles": [Role.MULTIPLIER, Role.ADMIN], "support_roles": EVERY_ROLE},
    StageKind.DECISION: {"contribute_roles": [], "support_roles": []},
    StageKind.IMPLEMENTATION: {"contribute_roles": [], "support_roles": []},
}


class Stage(Translatable):
    """A dated step of a field's process, with rules for who may do what while it runs."""

    translatable_fields = ("description",)
    natural_key_fields = ("field__slug", "kind")

    field = models.ForeignKey(
        Field, on_delete=models.CASCADE, related_name="stages", verbose_name=_("Handlungsfeld")
    )
    kind = models.CharField(_("Art der Stufe"), max_length=20, choices=StageKind.choices)
    position = models.PositiveSmallIntegerField(
        _("Reihenfolge"), default=0, validators=[MaxValueValidator(99)]
    )
    description = models.TextField(
        _("Beschreibung"),
        max_length=2000,
        blank=True,
        help_text=_("Worum es in dieser Stufe geht und wer eingeladen ist."),
    )
    starts_on = models.DateField(_("Beginn"))
    ends_on = models.DateField(_("Ende"))
    status = models.CharField(
        _("Stand"), max_length=10, choices=StageStatus.choices, default=StageStatus.PLANNED
    )
    is_public = models.BooleanField(
        _("Öffentlich sichtbar"),
        default=True,
        help_text=_("Sonst sehen nur Mitglieder die Beiträge dieser Stufe."),
    )
    contribute_roles = models.JSONField(_("Wer darf Beiträge einbringen?"), default=list, blank=True)
    comment_roles = models.JSONField(_("Wer darf kommentieren?"), default=list, blank=True)
    support_roles = models.JSONField(_("Wer darf unterstützen?"), default=list, blank=True)
    # Archived instead of deleted: closed, out of the field's plan, what was written in it kept.
    archived_at = models.DateTimeField(_("archiviert am"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Stufe")
        verbose_name_plural = _("Stufen")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["field", "kind"], name="one_stage_of_each_kind_per_field"),
            models.UniqueConstraint(
                fields=["field"], condition=Q(status="open"), name="at_most_one_open_stage_per_field"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="stage_ends_after_it_starts"
            ),
        ]

    def __str__(self):
        return f"{self.field.name}: {self.get_kind_display()}"

    @property
    def is_open(self):
        return self.status == StageStatus.OPEN

    @property
    def is_archived(self):
        return self.archived_at is not None

    def holds_contributions(self):
        """Whether anything points at this stage: contributions, and what other apps keep in a stage.

        Asked through the stage's reverse relations, so this app needs to know none of those apps.
        """
        return any(
            relation.related_model._base_manager.filter(**{relation.field.name: self}).exists()
            for relation in self._meta.related_objects
            if relation.one_to_many
        )

    @property
    def features(self):
        return registry.features_of(self.kind)

    @property
    def state_label(self):
        """The state in words; a planned stage whose start has come says that nobody opened it yet."""
        if self.status == StageStatus.PLANNED and self.starts_on <= timezone.localdate():
            return _("geplant, noch nicht geöffnet")
        return self.get_status_display()

    @property
    def period_has_passed(self):
        return self.ends_on < timezone.localdate()

    def dates_when_opened(self, today):
        """The period this stage has once opened on `today`: it runs from today at the latest."""
        return min(self.starts_on, today), self.ends_on

    def dates_when_closed(self, today):
        """The period this stage has once closed on `today`: it ended today at the latest."""
        return min(self.starts_on, today), min(self.ends_on, today)

    def dates_contradict(self, starts_on, ends_on, today):
        """Why the period `starts_on`–`ends_on` would contradict this stage's state on `today` ("" if it fits).

        The rule every page relies on: a running stage's period holds today, a closed stage's period
        lies behind it. A planned stage may have any period; opening and closing set its dates.
        """
        if self.status == StageStatus.OPEN and not starts_on <= today <= ends_on:
            return _("Die Stufe läuft: Ihr Zeitraum muss den heutigen Tag enthalten.")
        if self.status == StageStatus.CLOSED and ends_on > today:
            return _("Die Stufe ist abgeschlossen: Ihr Ende darf nicht in der Zukunft liegen.")
        return ""

    def overlapping(self, starts_on, ends_on, *, besides=()):
        """The field's other stages (in the plan) whose period overlaps `starts_on`–`ends_on`.

        Two stages may share the day on which one hands over to the next, no more.
        """
        return (
            Stage.objects.filter(field_id=self.field_id, archived_at__isnull=True)
            .exclude(pk__in=[self.pk, *besides])
            .filter(starts_on__lt=ends_on, ends_on__gt=starts_on)
            .order_by("starts_on")
        )

    def roles_text(self, names):
        every = set(roles.role_codes())
        if set(names) >= every:
            return _("alle Mitglieder")
        return ", ".join(str(roles.plural_of(role)) for role in names if role in every)

    @cached_property
    def who_does_what(self):
        """Who may contribute, comment and support here, in words, for the stage's summary."""
        lines = []
        if self.features.contribute and self.contribute_roles:
            lines.append((self.features.description, self.roles_text(self.contribute_roles)))
        if self.comment_roles:
            lines.append((_("Kommentieren"), self.roles_text(self.comment_roles)))
        if self.support_roles:
            lines.append((_("Unterstützen"), self.roles_text(self.support_roles)))
        return lines
