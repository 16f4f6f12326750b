"""The open circle: what members can do (their profile), the organisations they belong to, and calls.

A profile is made of parts (competences, languages, sector, interests, organisations, district);
for each part its member chooses who sees it (`Visibility`). Nothing asks for origin or
nationality, and a place is the district at most. Matching a call reads only the profiles of
members who left "suggest me for calls" switched on (`matching.py`).
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ankommen.circle.vocabulary import SPOKEN_LANGUAGES, Interpreting, Level, Sector, Skill, Visibility
from ankommen.concept.models import OrderedTenantModel
from ankommen.core.models import OnPaper, TenantModel, TenantQuerySet, Translatable

# The parts of a profile, each with its own visibility, in the order a profile page shows them.
PARTS = ("competences", "languages", "sector", "interests", "organisations", "district")


class Competence(OrderedTenantModel):
    """A competence on the town's curated list (Tanz, Hausaufgabenhilfe, …), translated like every reader's text."""

    class Meta(OrderedTenantModel.Meta):
        verbose_name = _("Kompetenz")
        verbose_name_plural = _("Kompetenzen")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="competence_name_unique_per_town")
        ]

    def cache_scopes(self):
        return ()


class OrganisationKind(models.TextChoices):
    ASSOCIATION = "association", _("Verein oder Initiative")
    INSTITUTION = "institution", _("Einrichtung")
    DEPARTMENT = "department", _("Verwaltung (Fachbereich)")
    PARTNER = "partner", _("Partnergremium")


class Organisation(Translatable):
    """An association, an institution, a department of the town's administration or a partner body."""

    translatable_fields = ("description",)
    natural_key_fields = ("slug",)

    name = models.CharField(_("Name"), max_length=200)
    slug = models.SlugField(
        _("Adresse"),
        max_length=120,
        help_text=_("Teil der Adresse, z. B. arbeitskreis-asyl. Leer lassen: wird aus dem Namen gebildet."),
    )
    kind = models.CharField(_("Art"), max_length=20, choices=OrganisationKind.choices)
    description = models.TextField(_("Beschreibung"), max_length=3000, blank=True)
    website = models.URLField(_("Webseite"), blank=True, help_text=_("mit https://"))
    fields = models.ManyToManyField(
        "concept.Field", blank=True, related_name="organisations", verbose_name=_("Handlungsfelder")
    )

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "slug"], name="organisation_slug_unique_per_town")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("circle:organisation", args=[self.slug])

    def cache_scopes(self):
        return ()


class ProfileQuerySet(TenantQuerySet):
    def shown_to(self, level, part):
        """Profiles whose `part` a viewer of `level` (a `Visibility`) may see."""
        return self.filter(**{f"{part}_visible_to__lte": level})


def _visibility(label, default):
    return models.PositiveSmallIntegerField(label, choices=Visibility.choices, default=default)


class Profile(TenantModel):
    """What a member tells the town about what they can do, each part shown to whom they choose.

    Sensitive parts start hidden (only the administration): languages can tell of origin, the district
    of where one lives.
    """

    member = models.OneToOneField(
        "accounts.Member", on_delete=models.CASCADE, related_name="circle_profile", verbose_name=_("Mitglied")
    )
    free_terms = models.CharField(
        _("Weitere Kompetenzen"),
        max_length=300,
        blank=True,
        help_text=_("In eigenen Worten, durch Kommas getrennt, z. B. Hip-Hop, Trommeln"),
    )
    interpreting = models.PositiveSmallIntegerField(
        _("Dolmetschen"), choices=Interpreting.choices, default=Interpreting.NONE
    )
    sector = models.CharField(_("Bereich"), max_length=20, choices=Sector.choices, blank=True)
    district = models.ForeignKey(
        "concept.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Stadtteil"),
        help_text=_("Wo Sie mitmachen möchten; mehr als der Stadtteil wird nie gefragt."),
    )
    interests = models.ManyToManyField(
        "concept.Field",
        blank=True,
        related_name="+",
        verbose_name=_("Handlungsfelder, die mich interessieren"),
    )
    suggest_me = models.BooleanField(
        _("Für Gesuche vorschlagen"),
        default=True,
        help_text=_(
            "Die Verwaltung sieht Sie dann unter den passenden Personen, wenn sie jemanden für eine Aufgabe "
            "sucht. Dafür vergleicht die Plattform Ihr Profil mit dem Gesuch."
        ),
    )
    competences_visible_to = _visibility(_("Wer sieht Ihre Kompetenzen?"), Visibility.MEMBERS)
    languages_visible_to = _visibility(
        _("Wer sieht Ihre Sprachen und ob Sie dolmetschen?"), Visibility.ADMINS
    )
    sector_visible_to = _visibility(_("Wer sieht Ihren Bereich?"), Visibility.MEMBERS)
    interests_visible_to = _visibility(_("Wer sieht Ihre Interessen?"), Visibility.MEMBERS)
    organisations_visible_to = _visibility(_("Wer sieht Ihre Organisationen?"), Visibility.MEMBERS)
    district_visible_to = _visibility(_("Wer sieht Ihren Stadtteil?"), Visibility.ADMINS)
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("Profil")
        verbose_name_plural = _("Profile")
        indexes = [models.Index(fields=["municipality", "suggest_me"], name="profiles_to_suggest")]

    def __str__(self):
        return str(self.member)

    def get_absolute_url(self):
        return reverse("circle:member", args=[self.member_id])

    def cache_scopes(self):
        return ()

    def visible_to(self, part):
        return getattr(self, f"{part}_visible_to")

    @property
    def free_term_list(self):
        return [term.strip() for term in self.free_terms.split(",") if term.strip()]


class MemberCompetence(TenantModel):
    """A competence from the town's list that a member has; an organisation may have confirmed it."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="competences")
    competence = models.ForeignKey(
        Competence, on_delete=models.CASCADE, related_name="holders", verbose_name=_("Kompetenz")
    )
    confirmed_by = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmations",
        verbose_name=_("bestätigt von"),
    )
    # Who confirmed it for the organisation (a staff act: unlinked when that person erases their account).
    confirmed_by_member = models.ForeignKey(
        "accounts.Member", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Kompetenz eines Mitglieds")
        verbose_name_plural = _("Kompetenzen der Mitglieder")
        constraints = [
            models.UniqueConstraint(fields=["profile", "competence"], name="competence_once_per_profile")
        ]
        indexes = [models.Index(fields=["competence", "profile"], name="holders_of_competence")]

    def __str__(self):
        return f"{self.profile_id}: {self.competence_id}"

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def cache_scopes(self):
        return ()


def _level(label):
    return models.PositiveSmallIntegerField(label, choices=[(0, _("gar nicht")), *Level.choices], default=0)


class MemberLanguage(TenantModel):
    """A language a member knows, with a level for speaking, understanding and writing (0: not at all)."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("Sprache"), max_length=8, choices=sorted(SPOKEN_LANGUAGES.items()))
    speak = _level(_("Sprechen"))
    understand = _level(_("Verstehen"))
    write = _level(_("Schreiben"))

    class Meta:
        verbose_name = _("Sprache eines Mitglieds")
        verbose_name_plural = _("Sprachen der Mitglieder")
        ordering = ["-speak", "language"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "language"], name="language_once_per_profile")
        ]
        indexes = [models.Index(fields=["municipality", "language"], name="speakers_of_language")]

    def __str__(self):
        return f"{self.profile_id}: {self.language}"

    @property
    def name(self):
        return SPOKEN_LANGUAGES.get(self.language, self.language)

    def cache_scopes(self):
        return ()


class OrganisationMembership(TenantModel):
    """A member belongs to an organisation; a contact person may confirm its members' competences."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey(
        "accounts.Member", on_delete=models.CASCADE, related_name="organisation_memberships"
    )
    is_contact = models.BooleanField(
        _("Ansprechperson"), default=False, help_text=_("darf für die Organisation Kompetenzen bestätigen")
    )
    joined_at = models.DateTimeField(_("seit"), default=timezone.now)

    class Meta:
        verbose_name = _("Zugehörigkeit zu einer Organisation")
        verbose_name_plural = _("Zugehörigkeiten zu Organisationen")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "member"], name="membership_once_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.organisation_id}: {self.member_id}"

    def cache_scopes(self):
        return ()


# --- calls ("Gesucht") ------------------------------------------------------------------------------


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("veröffentlicht")
    CLOSED = "closed", _("beendet")


class Call(Translatable):
    """A call for people with given competences and languages, for a field or one of its stages."""

    translatable_fields = ("title", "text")
    natural_key_fields = ("title",)

    title = models.CharField(_("Titel"), max_length=200, help_text=_("z. B. „Gesucht: Menschen, die tanzen“"))
    text = models.TextField(_("Beschreibung"), max_length=5000, help_text=_("Was zu tun ist, wann und wo."))
    field = models.ForeignKey(
        "concept.Field",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="calls",
        verbose_name=_("Handlungsfeld"),
    )
    stage = models.ForeignKey(
        "concept.Stage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="calls",
        verbose_name=_("Stufe"),
    )
    involves_vulnerable = models.BooleanField(
        _("Arbeit mit Kindern oder besonders schutzbedürftigen Menschen"),
        default=False,
        help_text=_("Dann passen nur Kompetenzen, die eine Organisation bestätigt hat."),
    )
    interpreting_min = models.PositiveSmallIntegerField(
        _("Dolmetschen mindestens"), choices=Interpreting.choices, default=Interpreting.NONE
    )
    sector = models.CharField(_("Erwünschter Bereich"), max_length=20, choices=Sector.choices, blank=True)
    closes_on = models.DateField(_("Antworten bis"), null=True, blank=True)
    status = models.CharField(_("Stand"), max_length=20, choices=CallStatus.choices, default=CallStatus.DRAFT)
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.Member", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now)

    class Meta:
        verbose_name = _("Gesuch")
        verbose_name_plural = _("Gesuche")
        ordering = ["-published_at", "-created_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("circle:call", args=[self.pk])

    def cache_scopes(self):
        return ()

    @property
    def is_published(self):
        return self.status == CallStatus.PUBLISHED

    @property
    def is_open(self):
        return self.is_published and (self.closes_on is None or self.closes_on >= timezone.localdate())


class CallCompetence(TenantModel):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="competences")
    competence = models.ForeignKey(
        Competence, on_delete=models.CASCADE, related_name="+", verbose_name=_("Kompetenz")
    )
    must = models.BooleanField(_("Bedingung"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call", "competence"], name="competence_once_per_call")
        ]

    def cache_scopes(self):
        return ()


class CallLanguage(TenantModel):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="languages")
    language = models.CharField(_("Sprache"), max_length=8, choices=sorted(SPOKEN_LANGUAGES.items()))
    skill = models.CharField(_("Fähigkeit"), max_length=20, choices=Skill.choices, default=Skill.SPEAK)
    min_level = models.PositiveSmallIntegerField(_("mindestens"), choices=Level.choices, default=Level.B1)
    must = models.BooleanField(_("Bedingung"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call", "language", "skill"], name="language_skill_once_per_call")
        ]

    @property
    def name(self):
        return SPOKEN_LANGUAGES.get(self.language, self.language)

    def cache_scopes(self):
        return ()


class CallAnswer(OnPaper, TenantModel):
    """Someone answers a call: a member (their contact stays with the platform), a visitor with an address,
    or someone on paper or at the counter, entered by staff (`paper_author`, `paper_occasion`, `entered_by`)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="answers")
    member = models.ForeignKey(
        "accounts.Member", on_delete=models.CASCADE, null=True, blank=True, related_name="call_answers"
    )
    name = models.CharField(_("Name"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    message = models.TextField(_("Nachricht"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("am"), default=timezone.now)
    entered_by = models.ForeignKey(
        "accounts.Member", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Antwort auf ein Gesuch")
        verbose_name_plural = _("Antworten auf Gesuche")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "member"],
                condition=models.Q(member__isnull=False),
                name="one_answer_per_member",
            )
        ]

    def __str__(self):
        return f"{self.call_id}: {self.member_id or self.email}"

    def cache_scopes(self):
        return ()


class InvitationStatus(models.TextChoices):
    INVITED = "invited", _("angefragt")
    ACCEPTED = "accepted", _("zugesagt")
    DECLINED = "declined", _("abgesagt")


class CallInvitation(TenantModel):
    """The admin asks a matching member to help with a call; their contact reaches the admin only if they agree."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="invitations")
    member = models.ForeignKey("accounts.Member", on_delete=models.CASCADE, related_name="call_invitations")
    status = models.CharField(
        _("Stand"), max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.INVITED
    )
    score = models.IntegerField(_("Punkte"), default=0)
    reasons = models.JSONField(_("Gründe"), default=list)
    invited_by = models.ForeignKey(
        "accounts.Member", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invited_at = models.DateTimeField(_("angefragt am"), default=timezone.now)
    answered_at = models.DateTimeField(_("geantwortet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Anfrage zu einem Gesuch")
        verbose_name_plural = _("Anfragen zu Gesuchen")
        ordering = ["-invited_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["call", "member"], name="one_invitation_per_member")]
        indexes = [
            models.Index(fields=["member", "invited_at"], name="invitations_of_member"),
            models.Index(fields=["municipality", "invited_at"], name="recent_invitations"),
        ]

    def __str__(self):
        return f"{self.call_id}: {self.member_id}"

    def cache_scopes(self):
        return ()
