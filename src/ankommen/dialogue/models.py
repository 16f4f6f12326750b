from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ankommen.accounts.models import Member
from ankommen.concept.models import District, Field, FocusTopic, Principle, Stage, TargetGroup
from ankommen.core.cache import scope_of, town_scope
from ankommen.core.models import (
    Authored,
    Moderated,
    OnPaper,
    TenantModel,
    TenantQuerySet,
    Translatable,
    TranslatableQuerySet,
    translations_of,
)
from ankommen.core.rules import may, visible_filter
from ankommen.core.translation import translated

TITLE_MAX = 160
BODY_MAX = 5000
COMMENT_MAX = 2000


class ContributionKind(models.TextChoices):
    FINDING = "finding", _("Befund")
    OPTION = "option", _("Handlungsoption")
    RECOMMENDATION = "recommendation", _("Handlungsempfehlung")


class FindingKind(models.TextChoices):
    STRENGTH = "strength", _("Stärke")
    PROBLEM = "problem", _("Problem")
    OFFER = "offer", _("Bestehendes Angebot")
    NEED = "need", _("Bedarf")


class Sort(models.TextChoices):
    """The orders of a field's list (`?sort=`), each with an index that serves it."""

    NEWEST = "newest", _("neueste zuerst")
    SUPPORTED = "supported", _("meiste Unterstützung")
    DISCUSSED = "discussed", _("meiste Kommentare")


ORDERINGS = {
    Sort.NEWEST: ("-created_at", "-id"),
    Sort.SUPPORTED: ("-support_count", "-created_at", "-id"),
    Sort.DISCUSSED: ("-comment_count", "-created_at", "-id"),
}


class ContributionQuerySet(TranslatableQuerySet):
    def visible_to(self, member, municipality):
        return self.for_municipality(municipality).filter(visible_filter(member, municipality))

    def for_list(self, language, *, tags=True):
        """With what a card shows; without `tags` where the tags come otherwise (`tags.TownTags.put_on`)."""
        fetched = self.select_related("author__user", "stage", "field").with_translations(language)
        if not tags:
            return fetched
        return fetched.prefetch_related(
            *(
                # Into plain lists: a prefetch into `name` builds a manager and a queryset for
                # every row and kind, the most costly part of a list of cards.
                models.Prefetch(
                    name, queryset=model.objects.with_translations(language), to_attr=f"{name}_list"
                )
                for name, model in (
                    ("principles", Principle),
                    ("focus_topics", FocusTopic),
                    ("districts", District),
                    ("target_groups", TargetGroup),
                )
            )
        )

    def searchable_by(self, member, municipality):
        """What the search may find for `member`: the visible contributions whose author has not withdrawn them."""
        return self.visible_to(member, municipality).filter(withdrawn_at=None)

    def for_search(self, language):
        """Found contributions with their title and their field's name in `language` (`core/search.py`)."""
        return (
            self.select_related("field")
            .with_translations(language)
            .prefetch_related(*translations_of("field", language))
        )

    def filtered(
        self,
        *,
        stage=None,
        kind="",
        finding_kind="",
        principle=None,
        focus_topic=None,
        district=None,
        target_group=None,
    ):
        conditions = {
            "stage": stage,
            "kind": kind,
            "finding_kind": finding_kind,
            "principles": principle,
            "focus_topics": focus_topic,
            "districts": district,
            "target_groups": target_group,
        }
        return self.filter(**{name: value for name, value in conditions.items() if value})

    def sorted(self, sort):
        return self.order_by(*ORDERINGS.get(sort, ORDERINGS[Sort.NEWEST]))


class Contribution(OnPaper, Moderated, Authored, Translatable):
    """A finding, option or recommendation, written in a stage of a field."""

    translatable_fields = ("title", "body")
    natural_key_fields = ("field__slug", "title")
    source_edited_by_admins = False  # people's own words: translators translate, only the author rewrites
    # A hidden contribution's text is for moderators only, a withdrawn one's for nobody else.
    translation_offer_fields = ("hidden_at", "withdrawn_at")
    revised_fields = ("title", "body")
    edit_action = "edit_item"
    withdraw_action = "withdraw_item"
    view_action = "view_item"
    moderation_slug = "beitraege"
    moderation_fields = ("title", "body")
    moderation_labels = {
        "flag": _("Beitrag melden"),
        "hide": _("Beitrag ausblenden"),
        "hidden": _("Beitrag ausgeblendet"),
        "shown": _("Beitrag wieder eingeblendet"),
    }

    field = models.ForeignKey(Field, on_delete=models.CASCADE, related_name="contributions")
    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="contributions", verbose_name=_("Stufe")
    )
    kind = models.CharField(_("Art"), max_length=20, choices=ContributionKind.choices)
    finding_kind = models.CharField(
        _("Art des Befunds"), max_length=20, choices=FindingKind.choices, blank=True
    )
    title = models.CharField(_("Titel"), max_length=TITLE_MAX)
    body = models.TextField(_("Text"), max_length=BODY_MAX)
    author = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="contributions")
    created_at = models.DateTimeField(_("geschrieben am"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("zur Empfehlung erhoben am"), null=True, blank=True)
    promoted_by = models.ForeignKey(
        Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    principles = models.ManyToManyField(Principle, blank=True, verbose_name=_("Handlungsprinzipien"))
    focus_topics = models.ManyToManyField(FocusTopic, blank=True, verbose_name=_("Schwerpunkte"))
    districts = models.ManyToManyField(District, blank=True, verbose_name=_("Stadtteile"))
    target_groups = models.ManyToManyField(TargetGroup, blank=True, verbose_name=_("Zielgruppen"))
    # Kept by the services that add and remove supports and comments, so lists need no counting;
    # a withdrawn comment no longer counts.
    support_count = models.PositiveIntegerField(_("Unterstützungen"), default=0)
    comment_count = models.PositiveIntegerField(_("Kommentare"), default=0)
    # The state of its current official answer ("" while it has none), kept by the service that
    # answers (`answers.answer_contribution`): a field's list counts its answers from one index.
    answer_state = models.CharField(max_length=30, blank=True, default="", editable=False)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Beitrag")
        verbose_name_plural = _("Beiträge")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["field", "-created_at", "-id"], name="contribution_by_field"),
            models.Index(fields=["stage", "-created_at", "-id"], name="contribution_by_stage"),
            # The field's list by most support and by most comments (`Sort`).
            models.Index(
                fields=["field", "-support_count", "-created_at", "-id"], name="contribution_by_supports"
            ),
            models.Index(
                fields=["field", "-comment_count", "-created_at", "-id"], name="contribution_by_comments"
            ),
            # Covers the count of a field's list and of its answers by state (SQLite would otherwise
            # pick the town's index).
            models.Index(
                fields=["field", "municipality", "stage", "answer_state"], name="contribution_count_by_field"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=ContributionKind.FINDING) | Q(finding_kind=""),
                name="finding_kind_only_for_findings",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dialogue:contribution", args=[self.field.slug, self.pk])

    def cache_scopes(self):
        return [scope_of(Field, self.field_id)]  # its field's list, not the home page or other fields

    @classmethod
    def moderation_queryset(cls):
        return cls.objects.select_related("field")

    @property
    def moderation_kind(self):
        return self.kind_label

    @property
    def moderation_excerpt(self):
        return self.title

    @property
    def offered_for_translation(self):
        return not self.is_hidden and not self.is_withdrawn

    @property
    def kind_label(self):
        return ContributionKind(self.kind).label

    @property
    def search_title(self):
        return translated(self, "title")

    @property
    def search_kind(self):
        return self.kind_label

    @property
    def search_context(self):
        return translated(self.field, "name")

    @property
    def finding_kind_label(self):
        return FindingKind(self.finding_kind).label if self.finding_kind else ""

    @property
    def tags(self):
        if "tag_list" in self.__dict__:  # given with a whole list (`tags.TownTags.put_on`)
            return self.tag_list
        if "principles_list" in self.__dict__:  # fetched with the list (`for_list`)
            return [
                *self.principles_list,
                *self.focus_topics_list,
                *self.districts_list,
                *self.target_groups_list,
            ]
        return [
            *self.principles.all(),
            *self.focus_topics.all(),
            *self.districts.all(),
            *self.target_groups.all(),
        ]


def _scopes_of_field_of(row):
    """The cache scope of the field a comment's or a support's contribution is in (the town's if it is gone)."""
    try:
        return [scope_of(Field, row.contribution.field_id)]
    except Contribution.DoesNotExist:
        return [town_scope(row.municipality_id)]


class CommentQuerySet(TenantQuerySet):
    def visible_to(self, member, municipality):
        """The comments a member may read in a list: those in stages they see, and for all but moderators
        not those under a hidden contribution (a comment's result names its contribution)."""
        comments = self.for_municipality(municipality).filter(
            visible_filter(member, municipality, "contribution__stage")
        )
        if not may(member, "see_hidden_text", municipality):
            comments = comments.filter(contribution__hidden_at=None)
        return comments

    def searchable_by(self, member, municipality):
        """What the search may find: visible comments, neither they nor their contribution withdrawn."""
        return self.visible_to(member, municipality).filter(
            withdrawn_at=None, contribution__withdrawn_at=None
        )

    def for_search(self, language):
        return self.select_related("contribution__field").prefetch_related(
            *translations_of("contribution", language), *translations_of("contribution__field", language)
        )

    def for_page(self):
        return self.select_related("author__user").order_by("created_at", "id")


class Comment(OnPaper, Moderated, Authored, TenantModel):
    view_action = "view_item"
    revised_fields = ("body",)
    edit_action = "edit_item"
    withdraw_action = "withdraw_item"
    moderation_slug = "kommentare"
    moderation_fields = ("body",)
    moderation_labels = {
        "flag": _("Kommentar melden"),
        "hide": _("Kommentar ausblenden"),
        "hidden": _("Kommentar ausgeblendet"),
        "shown": _("Kommentar wieder eingeblendet"),
    }

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="comments")
    body = models.TextField(_("Kommentar"), max_length=COMMENT_MAX)
    created_at = models.DateTimeField(_("geschrieben am"), auto_now_add=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["contribution", "created_at", "id"], name="comment_by_contribution")]

    def __str__(self):
        return self.body[:60]

    def get_absolute_url(self):
        return f"{self.contribution.get_absolute_url()}#kommentar-{self.pk}"

    def cache_scopes(self):
        return _scopes_of_field_of(self)  # the count in its field's list

    @classmethod
    def moderation_queryset(cls):
        return cls.objects.select_related("contribution__field")

    @property
    def moderation_excerpt(self):
        return self.body

    @property
    def search_title(self):
        return self.contribution.search_title

    @property
    def search_context(self):
        return self.contribution.search_context

    @property
    def stage(self):
        return self.contribution.stage


class SupportQuerySet(TenantQuerySet):
    def supported_by(self, member, contributions):
        """The ids among `contributions` (or their ids) that `member` supports (empty for a visitor)."""
        if member is None:
            return set()
        ids = [getattr(contribution, "pk", contribution) for contribution in contributions]
        return set(self.filter(member=member, contribution__in=ids).values_list("contribution_id", flat=True))


class Support(TenantModel):
    """A member's support for a contribution: at most one, held by a database constraint."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="supports")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="supports")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SupportQuerySet.as_manager()

    def cache_scopes(self):
        return _scopes_of_field_of(self)  # the count in its field's list

    class Meta:
        verbose_name = _("Unterstützung")
        verbose_name_plural = _("Unterstützungen")
        constraints = [
            models.UniqueConstraint(fields=["contribution", "member"], name="one_support_per_member")
        ]


# The official answers live in their own module; imported here so that Django finds the model.
from ankommen.dialogue.answers import Answer, AnswerState  # noqa: E402, F401
