from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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


class TenantQuerySet(models.QuerySet):
    def for_municipality(self, municipality):
        return self.filter(municipality=municipality)


class TenantModel(models.Model):
    """A row that belongs to one municipality; query it through `objects.for_municipality(...)`."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, verbose_name=_("Kommune"))

    objects = TenantQuerySet.as_manager()

    class Meta:
        abstract = True


class AuditEntryQuerySet(TenantQuerySet):
    def matching(self, *, action="", person="", since=None, until=None):
        entries = self
        if action:
            entries = entries.filter(action=action)
        if person:
            entries = entries.filter(actor_name__icontains=person)
        if since:
            entries = entries.filter(created_at__date__gte=since)
        if until:
            entries = entries.filter(created_at__date__lte=until)
        return entries


class AuditEntry(TenantModel):
    """One change of a stage, a role or a hidden item: who, what, when, on which object."""

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
        indexes = [models.Index(fields=["municipality", "action", "-created_at"], name="audit_by_action")]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_label}"

    @property
    def action_label(self):
        from ankommen.core.registry import registry

        return registry.audit_actions.get(self.action, self.action)
