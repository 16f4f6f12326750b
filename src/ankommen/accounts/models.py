import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ankommen.core.models import TenantModel, TenantQuerySet
from ankommen.core.rules import Role, Sector

INVITATION_VALID_FOR = timedelta(days=14)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        return self.create_user(email, password, is_staff=True, is_superuser=True, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with a login; what they may do in a town comes from their `Member` there."""

    email = models.EmailField(_("E-Mail-Adresse"), unique=True)
    display_name = models.CharField(
        _("Anzeigename"), max_length=80, help_text=_("So erscheinen Sie bei Ihren Beiträgen.")
    )
    preferred_language = models.CharField(
        _("Bevorzugte Sprache"), max_length=10, default=settings.LANGUAGE_CODE
    )
    languages_spoken = models.CharField(
        _("Gesprochene Sprachen"),
        max_length=200,
        blank=True,
        help_text=_("Zum Beispiel: Deutsch, Arabisch, Englisch"),
    )
    is_active = models.BooleanField(_("aktiv"), default=True)
    is_staff = models.BooleanField(_("Zugang zur Django-Verwaltung"), default=False)
    date_joined = models.DateTimeField(_("registriert am"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        return str(self)

    def get_short_name(self):
        return str(self)


class MemberQuerySet(TenantQuerySet):
    def active(self):
        return self.filter(is_active=True)


class Member(TenantModel):
    """A user's membership in a municipality, with one role (and a sector for multipliers)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Person")
    )
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    sector = models.CharField(_("Bereich"), max_length=20, choices=Sector.choices, blank=True)
    joined_at = models.DateTimeField(_("Mitglied seit"), default=timezone.now)
    is_active = models.BooleanField(_("aktiv"), default=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("Mitglied")
        verbose_name_plural = _("Mitglieder")
        ordering = ["user__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "user"], name="one_membership_per_town"),
            models.CheckConstraint(
                condition=models.Q(role=Role.MULTIPLIER) | models.Q(sector=""),
                name="sector_only_for_multipliers",
            ),
        ]

    def __str__(self):
        return self.user.display_name or self.user.email

    @property
    def display_name(self):
        return str(self)

    @property
    def role_label(self):
        if self.role == Role.MULTIPLIER and self.sector:
            return f"{Role(self.role).label} ({Sector(self.sector).label})"
        return Role(self.role).label


class InvitationQuerySet(TenantQuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


def _new_token():
    return secrets.token_urlsafe(32)


def _expiry():
    return timezone.now() + INVITATION_VALID_FOR


class Invitation(TenantModel):
    """An invitation by email to join the town with a role; accepted once, by the invited address."""

    email = models.EmailField(_("E-Mail-Adresse"))
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    sector = models.CharField(_("Bereich"), max_length=20, choices=Sector.choices, blank=True)
    message = models.TextField(_("Persönliche Nachricht"), max_length=1000, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def is_pending(self):
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()
