import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ankommen.core import roles as role_registry
from ankommen.core.models import TenantModel, TenantQuerySet
from ankommen.core.roles import Role, Sector

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
        _("Anzeigename"),
        max_length=80,
        help_text=_(
            "So erscheinen Sie bei Ihren Beiträgen, z. B. Vorname und erster Buchstabe des Nachnamens."
        ),
    )
    preferred_language = models.CharField(
        _("Bevorzugte Sprache"),
        max_length=10,
        default=settings.LANGUAGE_CODE,
        help_text=_("In dieser Sprache zeigen wir Ihnen die Seiten nach der Anmeldung."),
    )
    languages_spoken = models.CharField(
        _("Sprachen, die Sie sprechen"),
        max_length=200,
        blank=True,
        help_text=_(
            "Zum Beispiel: Deutsch, Arabisch, Englisch. Andere können Sie so für Übersetzungen ansprechen."
        ),
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
        # Lists of members come in the order of their names (the members' page, the member search):
        # with it, the first page of a long list is read in name order instead of sorting them all.
        indexes = [models.Index(fields=["display_name", "id"], name="users_by_name")]

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        return str(self)

    def get_short_name(self):
        return str(self)


class MemberQuerySet(TenantQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_role(self, role):
        return self.filter(role_sectors__has_key=role)

    def with_sector(self, sector):
        """Members holding a role with a sector (a multiplier from politics, …) in `sector`."""
        roles = [info.code for info in role_registry.all_roles() if info.sectors]
        return self.filter(
            models.Q.create([(f"role_sectors__{role}", sector) for role in roles], connector=models.Q.OR)
            if roles
            else models.Q(pk__in=[])
        )

    def matching(self, text):
        """Members whose display name or e-mail address contains `text` (any case)."""
        return self.filter(
            models.Q(user__display_name__icontains=text) | models.Q(user__email__icontains=text)
        )


class Member(TenantModel):
    """A user's membership in a municipality, with a set of roles (multipliers with their sector)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("Person")
    )
    # The roles held, each with its sector ("" where the role has none): {"multiplier": "politics"}.
    # One row holds them, so the signed-in member and every byline come without another query;
    # `with_role` finds members by a role on SQLite and PostgreSQL alike.
    role_sectors = models.JSONField(_("Rollen"), default=dict)
    joined_at = models.DateTimeField(_("Mitglied seit"), default=timezone.now)
    is_active = models.BooleanField(_("aktiv"), default=True)

    objects = MemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("Mitglied")
        verbose_name_plural = _("Mitglieder")
        ordering = ["user__display_name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "user"], name="one_membership_per_town"),
        ]

    def __str__(self):
        return self.user.display_name or self.user.email

    @property
    def display_name(self):
        return str(self)

    @property
    def roles(self):
        return frozenset(self.role_sectors)

    @property
    def sectors(self):
        """{role: sector} of the roles the member holds ("" where a role has no sector)."""
        return self.role_sectors

    def with_roles(self, roles):
        """This member holding `roles` ({role: sector} or a set of roles), for rules asked in memory."""
        self.role_sectors = dict(roles) if isinstance(roles, dict) else dict.fromkeys(roles, "")
        return self

    @property
    def role_labels(self):
        """The member's roles in words, in the product's order; a multiplier with their sector."""
        return self.role_labels_without()

    def role_labels_without(self, *left_out):
        labels = []
        for info in role_registry.all_roles():
            if info.code in self.role_sectors and info.code not in left_out:
                sector = self.role_sectors[info.code]
                labels.append(
                    f"{info.label} ({role_registry.sector_label(info.code, sector)})"
                    if sector
                    else str(info.label)
                )
        return labels

    @property
    def role_label(self):
        return role_registry.in_a_list(self.role_labels)


class InvitationQuerySet(TenantQuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


def _new_token():
    return secrets.token_urlsafe(32)


def _expiry():
    return timezone.now() + INVITATION_VALID_FOR


class Invitation(TenantModel):
    """An invitation by email to join the town with a role; accepted once, by the invited address.

    Accepting it adds the role to those the person holds; it never takes one away.
    """

    email = models.EmailField(_("E-Mail-Adresse"))
    role = models.CharField(_("Rolle"), max_length=20, default=Role.MEMBER)
    sector = models.CharField(_("Bereich"), max_length=20, choices=Sector.choices, blank=True)
    message = models.TextField(_("Persönliche Nachricht"), max_length=1000, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("verschickt am"), auto_now_add=True)
    expires_at = models.DateTimeField(_("gültig bis"), default=_expiry)
    accepted_at = models.DateTimeField(_("angenommen am"), null=True, blank=True)
    accepted_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    revoked_at = models.DateTimeField(_("zurückgezogen am"), null=True, blank=True)
    # Where the person is invited to work (a field of action), if anywhere: they land there after
    # accepting. Any app's page can be such a place (see `accounts.places`), hence the generic key.
    place_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    place_id = models.PositiveBigIntegerField(null=True, blank=True)
    place = GenericForeignKey("place_type", "place_id")

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Einladung")
        verbose_name_plural = _("Einladungen")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    @property
    def role_label(self):
        label = role_registry.label_of(self.role)
        if self.sector:
            return f"{label} ({role_registry.sector_label(self.role, self.sector)})"
        return str(label)

    @property
    def is_pending(self):
        return self.accepted_at is None and self.revoked_at is None and self.expires_at > timezone.now()

    ACCEPTED, REVOKED, EXPIRED, PENDING = "accepted", "revoked", "expired", "pending"

    @property
    def state(self):
        """Why a link still works or no longer does: accepted, revoked, expired or pending."""
        if self.accepted_at is not None:
            return self.ACCEPTED
        if self.revoked_at is not None:
            return self.REVOKED
        if self.expires_at <= timezone.now():
            return self.EXPIRED
        return self.PENDING

    def is_for(self, user):
        return user.is_authenticated and user.email.lower() == self.email.lower()

    @property
    def has_account(self):
        """Whether someone already has an account with the invited address (they log in, not sign up)."""
        return User.objects.filter(email=self.email).exists()

    @property
    def place_kind(self):
        """The word for the kind of place invited to ("Handlungsfeld"), or "" without one."""
        from ankommen.accounts.places import kind_label

        place = self.place
        return kind_label(place) if place is not None else ""


class JoinOutcome(models.TextChoices):
    ACCEPTED = "accepted", _("angenommen")
    DECLINED = "declined", _("abgelehnt")


class JoinRequestQuerySet(TenantQuerySet):
    def open(self):
        return self.filter(decided_at__isnull=True)


class JoinRequest(TenantModel):
    """A person asks to become a member of a town that does not let everyone join at once.

    The town's admins accept (the person becomes a member) or decline, each with a message to the
    person. One open request per person and town.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="join_requests", verbose_name=_("Person")
    )
    motivation = models.TextField(
        _("Warum möchten Sie mitmachen?"),
        max_length=1000,
        help_text=_("Ein paar Sätze genügen: was Sie mitbringen, wofür Sie sich interessieren."),
    )
    created_at = models.DateTimeField(_("angefragt am"), default=timezone.now)
    decided_at = models.DateTimeField(_("entschieden am"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entschieden von"),
    )
    outcome = models.CharField(_("Entscheidung"), max_length=20, choices=JoinOutcome.choices, blank=True)
    answer = models.TextField(_("Nachricht an die Person"), max_length=2000, blank=True)

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("Beitrittsanfrage")
        verbose_name_plural = _("Beitrittsanfragen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "user"],
                condition=models.Q(decided_at__isnull=True),
                name="one_open_join_request_per_person",
            )
        ]

    def __str__(self):
        return self.user.display_name or self.user.email

    def cache_scopes(self):
        return ()  # shown in no cached fragment

    @property
    def is_open(self):
        return self.decided_at is None
