"""Official answers: the administration answers every option and recommendation publicly.

An answer has an author, a date, a state and a text (translatable like every other). Changing
an answer adds a new one; the earlier ones stay as the item's visible history. The states that
follow a council submission are offered only once the town has submissions: an app that keeps
submissions says so through `register_submissions`.
"""

from collections import Counter
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ankommen.accounts.models import Member
from ankommen.concept.models import Field
from ankommen.core import notifications
from ankommen.core.audit import audit
from ankommen.core.cache import scope_of
from ankommen.core.languages import SOURCE
from ankommen.core.models import Translatable, TranslatableQuerySet, Translation
from ankommen.core.rules import require

ANSWER_MAX = 3000


class AnswerState(models.TextChoices):
    UNDER_REVIEW = "under_review", _("in Prüfung")
    NOT_PURSUED = "not_pursued", _("nicht weiterverfolgt")
    MERGED = "merged", _("in einen anderen Beitrag übernommen")
    IN_SUBMISSION = "in_submission", _("in eine Sitzungsvorlage aufgenommen")
    ADOPTED = "adopted", _("beschlossen")
    ADOPTED_WITH_CHANGES = "adopted_with_changes", _("mit Änderungen beschlossen")
    REJECTED = "rejected", _("abgelehnt")
    IMPLEMENTED = "implemented", _("als Maßnahme umgesetzt")


# The states that follow a council submission: offered once the town has submissions.
SUBMISSION_STATES = frozenset(
    {
        AnswerState.IN_SUBMISSION,
        AnswerState.ADOPTED,
        AnswerState.ADOPTED_WITH_CHANGES,
        AnswerState.REJECTED,
        AnswerState.IMPLEMENTED,
    }
)

# The KERN badge each state wears on the field page and the contribution page.
BADGES = {
    AnswerState.UNDER_REVIEW: "info",
    AnswerState.NOT_PURSUED: "warning",
    AnswerState.MERGED: "info",
    AnswerState.IN_SUBMISSION: "info",
    AnswerState.ADOPTED: "success",
    AnswerState.ADOPTED_WITH_CHANGES: "success",
    AnswerState.REJECTED: "danger",
    AnswerState.IMPLEMENTED: "success",
}

ANSWERED_KINDS = ("option", "recommendation")  # findings are not answered


# --- the hook for the app that keeps council submissions -------------------------------------

_submission_sources: list[Callable] = []


def register_submissions(has_submissions: Callable) -> None:
    """`has_submissions(town) -> bool`: an app with council submissions says whether a town has any."""
    if has_submissions not in _submission_sources:
        _submission_sources.append(has_submissions)


def unregister_submissions(has_submissions: Callable) -> None:
    if has_submissions in _submission_sources:
        _submission_sources.remove(has_submissions)


def submission_states_available(town) -> bool:
    """Are the states after a council submission offered in this town? Not until an app says so."""
    return any(has_submissions(town) for has_submissions in _submission_sources)


def state_choices(town):
    """The states an answer in this town may take now."""
    offered = submission_states_available(town)
    return [
        (value, label) for value, label in AnswerState.choices if offered or value not in SUBMISSION_STATES
    ]


# --- the answer ------------------------------------------------------------------------------


class AnswerQuerySet(TranslatableQuerySet):
    def current(self):
        return self.filter(is_current=True)

    def for_display(self, language):
        """With their author, the item they name and the translations of both into `language`."""
        answers = self.select_related("author__user", "merged_into__field").with_translations(language)
        if language == SOURCE:
            return answers
        return answers.prefetch_related(
            models.Prefetch(
                "merged_into__translations",
                queryset=Translation.objects.filter(language=language),
                to_attr="translations_prefetched",
            )
        )


class AnswerManager(models.Manager.from_queryset(AnswerQuerySet)):
    def get_queryset(self):
        # An answer is named by its item (the translators' lists, the audit log): fetched along.
        return super().get_queryset().select_related("contribution")


class Answer(Translatable):
    """The administration's public answer to an option or a recommendation; a change adds a new one."""

    translatable_fields = ("text",)
    natural_key_fields = ("contribution__field__slug", "contribution__title", "number")
    translation_offer_fields = ("is_current",)  # translators work on the answer that stands

    contribution = models.ForeignKey(
        "dialogue.Contribution", on_delete=models.CASCADE, related_name="answers", verbose_name=_("Beitrag")
    )
    number = models.PositiveIntegerField(_("Nummer"))
    is_current = models.BooleanField(default=True)
    state = models.CharField(_("Stand"), max_length=30, choices=AnswerState.choices)
    text = models.TextField(
        _("Antwort"),
        max_length=ANSWER_MAX,
        blank=True,
        help_text=_("Öffentlich sichtbar. Bei „nicht weiterverfolgt“ ist eine Begründung nötig."),
    )
    merged_into = models.ForeignKey(
        "dialogue.Contribution",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_answers",
        verbose_name=_("Übernommen in"),
    )
    author = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+", verbose_name=_("Von"))
    created_at = models.DateTimeField(_("geantwortet am"), auto_now_add=True)

    objects = AnswerManager()

    class Meta:
        verbose_name = _("Offizielle Antwort")
        verbose_name_plural = _("Offizielle Antworten")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["contribution", "number"], name="answer_numbered_once"),
            models.UniqueConstraint(
                fields=["contribution"], condition=Q(is_current=True), name="one_current_answer"
            ),
            models.CheckConstraint(
                condition=Q(state="merged", merged_into__isnull=False)
                | ~Q(state="merged") & Q(merged_into=None),
                name="merged_answer_names_its_target",
            ),
        ]
        indexes = [models.Index(fields=["merged_into", "is_current"], name="answer_by_merge_target")]

    def __str__(self):
        return f"{self.contribution} – {self.state_label}"

    def get_absolute_url(self):
        return f"{self.contribution.get_absolute_url()}#antwort"

    def cache_scopes(self):
        return [scope_of(Field, self.contribution.field_id)]  # the badges in its field's list

    @property
    def offered_for_translation(self):
        return self.is_current and bool(self.text)

    @property
    def state_label(self):
        return AnswerState(self.state).label

    @property
    def badge(self):
        return BADGES[self.state]


# --- reading ---------------------------------------------------------------------------------


def with_answers(contributions, language):
    """Contributions with their current answer (`current_answers`), its text and the item it names,
    translated: one query for a whole list and one or two for the translations. (A list of cards
    shows only the state and a link: `answer_state` and `with_merge_targets`.)"""
    return contributions.prefetch_related(
        models.Prefetch(
            "answers", queryset=Answer.objects.current().for_display(language), to_attr="current_answers"
        )
    )


def with_merge_targets(contributions):
    """A list's contributions (a list), each one merged into another with `merge_target_url`: the
    address of the item its current answer names. One query, asked only where the list holds one."""
    merged = [item.pk for item in contributions if item.answer_state == AnswerState.MERGED]
    targets = {}
    if merged:
        found = Answer.objects.current().filter(contribution__in=merged, merged_into__isnull=False)
        targets = {
            contribution: reverse("dialogue:contribution", args=[slug, pk])
            for contribution, pk, slug in found.values_list(
                "contribution_id", "merged_into_id", "merged_into__field__slug"
            )
        }
    for item in contributions:
        item.merge_target_url = targets.get(item.pk, "")
    return contributions


def counted(contributions):
    """(how many `contributions` (a queryset) there are, [(state label, badge, count)] of their current
    answers in the states' order): one query, answered from the index of a field's list."""
    counts = Counter(
        dict(contributions.order_by().values_list("answer_state").annotate(count=models.Count("*")))
    )
    return counts.total(), _counted(counts)


def summary_of(contributions):
    """The same for contributions fetched `with_answers`, without asking the database again."""
    return _counted(Counter(answer.state for item in contributions for answer in item.current_answers))


def _counted(counts):
    return [(label, BADGES[value], counts[value]) for value, label in AnswerState.choices if counts[value]]


def history_of(contribution, language):
    """All answers to `contribution`, newest first (the current one among them); none for a finding."""
    if contribution.kind not in ANSWERED_KINDS:
        return []
    return list(
        Answer.objects.for_municipality(contribution.municipality_id)
        .filter(contribution=contribution)
        .for_display(language)
    )


def merged_into_this(contribution, language):
    """The items whose current answer says they were taken into `contribution`, with their translations."""
    if contribution.kind not in ANSWERED_KINDS:
        return []
    answers = Answer.objects.current().filter(merged_into=contribution).select_related("contribution__field")
    if language != SOURCE:
        answers = answers.prefetch_related(
            models.Prefetch(
                "contribution__translations",
                queryset=Translation.objects.filter(language=language),
                to_attr="translations_prefetched",
            )
        )
    return [answer.contribution for answer in answers.order_by("contribution_id")]


def merge_targets(contribution):
    """What an item may be merged into: the other options and recommendations of its field that show."""
    from ankommen.dialogue.models import Contribution

    return (
        Contribution.objects.for_municipality(contribution.municipality_id)
        .filter(field_id=contribution.field_id, kind__in=ANSWERED_KINDS, hidden_at=None, withdrawn_at=None)
        .exclude(pk=contribution.pk)
        .order_by("title")
    )


# --- writing ---------------------------------------------------------------------------------


def answer_contribution(contribution, *, actor, state, text="", merged_into=None):
    """Give the item a new official answer; the one before stays in its history."""
    require(actor, "answer_contribution", contribution)
    text = (text or "").strip()
    if state in SUBMISSION_STATES and not submission_states_available(contribution.municipality):
        raise ValidationError(
            {"state": _("Diesen Stand gibt es erst, wenn die Kommune Sitzungsvorlagen hat.")}
        )
    if state == AnswerState.NOT_PURSUED and not text:
        raise ValidationError(
            {"text": _("Bitte begründen Sie, warum der Beitrag nicht weiterverfolgt wird.")}
        )
    if state == AnswerState.MERGED:
        if merged_into is None:
            raise ValidationError(
                {"merged_into": _("Bitte wählen Sie den Beitrag, in den dieser übernommen wird.")}
            )
        if not merge_targets(contribution).filter(pk=merged_into.pk).exists():
            raise ValidationError(
                {"merged_into": _("Wählen Sie eine Option oder Empfehlung aus demselben Handlungsfeld.")}
            )
    else:
        merged_into = None
    from ankommen.dialogue.models import Contribution

    with transaction.atomic():
        # One answer at a time per item: a second, parallel one waits here and numbers after it.
        Contribution.objects.select_for_update().filter(pk=contribution.pk).first()
        answers = Answer.objects.filter(contribution=contribution)
        number = (answers.aggregate(last=Max("number"))["last"] or 0) + 1
        previous = answers.filter(is_current=True).first()
        if previous is not None:
            previous.is_current = False
            previous.save(
                update_fields=["is_current"]
            )  # it leaves the translators' lists, stays in the history
        Contribution.objects.filter(pk=contribution.pk).update(answer_state=state)
        contribution.answer_state = state
        answer = Answer.objects.create(
            municipality_id=contribution.municipality_id,
            contribution=contribution,
            number=number,
            state=state,
            text=text,
            merged_into=merged_into,
            author=actor,
        )
        details = {"state": answer.state_label}
        if merged_into is not None:
            details["merged_into"] = merged_into.title
        audit(actor.user, "contribution.answered", contribution, **details)
        own = notifications.author_of(contribution)
        if own is not None and own != actor.user:
            notifications.notify(
                [own], "contribution.answered", event=f"answer:{answer.pk}", target=contribution
            )
    return answer
