"""Moderation of whatever people write (any `Moderated` model): flags, hiding with a trace, showing again,
and the author's one request for a review of a hiding.

Each verb asks the rules first, writes in one transaction and leaves one audit line. What the database
holds once (one report per person and item, one review request per hiding) is answered with a
`ValidationError` in plain German when it is asked for twice, also when both requests come at once.
"""

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, reduce
from operator import or_

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ankommen.core import limits, notifications
from ankommen.core.audit import audit
from ankommen.core.models import AuditEntry, Flag, FlagOutcome, Moderated, ReviewOutcome, ReviewRequest
from ankommen.core.rules import require

ALREADY_REQUESTED = gettext_lazy(
    "Sie haben bereits um eine Überprüfung gebeten. Die Moderation entscheidet einmal darüber."
)


@cache
def moderated_models():
    """{moderation slug: model} of every model people write that moderators can hide."""
    return {model.moderation_slug: model for model in apps.get_models() if issubclass(model, Moderated)}


def flag(item, *, reporter, reason):
    """Ask the moderators to look at `item`; a person reports an item once."""
    require(reporter, "flag", item)
    try:
        with transaction.atomic():
            flag_ = Flag.objects.create(
                municipality_id=item.municipality_id, item=item, reporter=reporter.user, reason=reason
            )
            # Counted after the constraint: a second report of the same item counts nothing.
            limits.count(reporter, limits.REPORTS)
            town = reporter.municipality
            moderators = notifications.people_who_may(town, "moderate_town", besides=[reporter.user])
            notifications.notify(
                moderators, "item.reported", event=f"flag:{flag_.pk}", target=item, label=_excerpt(item)
            )
            return flag_
    except IntegrityError:
        raise ValidationError(
            _("Sie haben das bereits gemeldet. Die Moderation sieht sich Ihre Meldung an."),
            code="already_flagged",
        ) from None


def _locked(item):
    """`item` as it is in the database now, its row locked until the transaction ends (PostgreSQL)."""
    return type(item)._base_manager.select_for_update().get(pk=item.pk)


def hide(item, *, moderator, reason):
    """Hide an item from everyone but moderators, leaving a visible trace; its open flags are resolved."""
    require(moderator, "hide", item)
    with transaction.atomic():
        if _locked(item).is_hidden:  # hidden by someone else since the page was shown
            raise ValidationError(_("Das ist bereits ausgeblendet."), code="already_hidden")
        item.hidden_at = timezone.now()
        item.hidden_by = moderator.user
        item.hidden_reason = reason
        item.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        Flag.objects.of(item).open().update(
            resolved_at=item.hidden_at, resolved_by=moderator.user, outcome=FlagOutcome.HIDDEN
        )
        audit(moderator.user, f"{item._meta.model_name}.hidden", item, reason=reason)
        notifications.notify(
            [notifications.author_of(item)],
            "item.hidden",
            event=f"hidden:{item._meta.label_lower}:{item.pk}:{item.hidden_at.isoformat()}",
            target=item,
            label=_excerpt(item),
        )
    return item


def _excerpt(item):
    return Truncator(item.moderation_excerpt).words(12)


def show(item, *, moderator, reason):
    """Show a hidden item again; the reason goes into the audit log and answers an open review request."""
    require(moderator, "show", item)
    with transaction.atomic():
        if not _locked(item).is_hidden:
            raise ValidationError(_("Das ist bereits wieder eingeblendet."), code="already_shown")
        now = timezone.now()
        item.hidden_at, item.hidden_by, item.hidden_reason = None, None, ""
        item.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        ReviewRequest.objects.of(item).open().update(
            resolved_at=now, resolved_by=moderator.user, outcome=ReviewOutcome.SHOWN, decision=reason
        )
        audit(moderator.user, f"{item._meta.model_name}.shown", item, reason=reason)
    return item


def dismiss_flags(item, *, moderator):
    """The moderators see nothing wrong with `item`: its open flags are closed, the item stays as it is."""
    require(moderator, "moderate", item)
    with transaction.atomic():
        count = (
            Flag.objects.of(item)
            .open()
            .update(resolved_at=timezone.now(), resolved_by=moderator.user, outcome=FlagOutcome.DISMISSED)
        )
        if count:
            audit(moderator.user, "flags.dismissed", item, count=count)
    return count


def open_flags_of(item):
    """The open reports of `item`, the oldest first, with their reporters."""
    return Flag.objects.of(item).open().select_related("reporter")


def review_request_of(item):
    """The request for a review of the item's current hiding, if its author made one."""
    if not item.is_hidden:
        return None
    return ReviewRequest.objects.of(item).filter(hidden_at=item.hidden_at).first()


def request_review(item, *, author, text=""):
    """The author of a hidden item asks the moderators to look at it again: once per hiding."""
    require(author, "request_review", item)
    try:
        with transaction.atomic():
            review = ReviewRequest.objects.create(
                municipality_id=item.municipality_id,
                item=item,
                hidden_at=item.hidden_at,
                requester=author.user,
                text=text,
            )
            audit(author.user, "review.requested", item)
    except IntegrityError:
        raise ValidationError(ALREADY_REQUESTED, code="already_requested") from None
    return review


def keep_hidden(review, *, moderator, reason):
    """Close a review request: the item stays hidden, and its author reads why."""
    require(moderator, "resolve_review", review)
    with transaction.atomic():
        changed = ReviewRequest.objects.filter(pk=review.pk, resolved_at__isnull=True).update(
            resolved_at=timezone.now(),
            resolved_by=moderator.user,
            outcome=ReviewOutcome.KEPT,
            decision=reason,
        )
        if not changed:
            raise ValidationError(_("Über diese Bitte ist bereits entschieden."), code="already_resolved")
        review.refresh_from_db()
        audit(moderator.user, "review.kept", review.item, reason=reason)
    return review


# --- the moderators' queue ------------------------------------------------------------------------


@dataclass
class ReportedItem:
    """An item with open flags, as the queue shows it: how often, since when, and why."""

    content_type_id: int
    object_id: int
    count: int
    first: datetime
    last: datetime
    item: Moderated = None
    flags: list = field(default_factory=list)


def reported_items(town):
    """The town's items with open flags, one row each, the longest waiting first (a queryset of dicts)."""
    return (
        Flag.objects.for_municipality(town)
        .open()
        .values("content_type_id", "object_id")
        .annotate(count=Count("id"), first=Min("created_at"), last=Max("created_at"))
        .order_by("first", "content_type_id", "object_id")
    )


def with_items_and_flags(rows):
    """`ReportedItem`s for a page of `reported_items`: the flags in one query, the items in one per kind."""
    reported = [ReportedItem(**row) for row in rows]
    if not reported:
        return reported
    by_key = {(entry.content_type_id, entry.object_id): entry for entry in reported}
    kinds = {}
    for kind, pk in by_key:
        kinds.setdefault(kind, []).append(pk)
    of_these = reduce(or_, (Q(content_type_id=kind, object_id__in=pks) for kind, pks in kinds.items()))
    for flag_ in Flag.objects.open().filter(of_these).select_related("reporter"):
        by_key[flag_.content_type_id, flag_.object_id].flags.append(flag_)
    for kind, pks in kinds.items():
        model = ContentType.objects.get_for_id(kind).model_class()
        for item in model.moderation_queryset().filter(pk__in=pks):
            by_key[kind, item.pk].item = item
    return [entry for entry in reported if entry.item is not None]


def open_review_requests(town):
    """The town's open review requests, oldest first, each with its item (one query per kind of item)."""
    return (
        ReviewRequest.objects.for_municipality(town)
        .open()
        .select_related("requester")
        .prefetch_related(
            GenericPrefetch("item", [model.moderation_queryset() for model in moderated_models().values()])
        )
    )


def audit_labels():
    """The audit log's words for hiding and showing each kind of item."""
    labels = {}
    for model in moderated_models().values():
        for verb in ("hidden", "shown"):
            if verb in model.moderation_labels:
                labels[f"{model._meta.model_name}.{verb}"] = model.moderation_labels[verb]
    return labels


# --- what the moderators decided --------------------------------------------------------------------


@dataclass
class Decision:
    """The moderators' answer to an item's reports: hidden or dismissed, by whom, when, and any later showing."""

    content_type_id: int
    object_id: int
    resolved_at: datetime
    outcome: str
    count: int
    item: Moderated = None
    flags: list = field(default_factory=list)
    shown_again: object = None  # the audit entry of showing the item again after this hiding

    @property
    def resolved_by(self):
        return self.flags[0].resolved_by if self.flags else None

    @property
    def is_hidden(self):
        return self.outcome == FlagOutcome.HIDDEN


def decisions(town):
    """The town's decided reports, one row per decision about an item, the newest first (a queryset of dicts)."""
    return (
        Flag.objects.for_municipality(town)
        .filter(resolved_at__isnull=False)
        .values("content_type_id", "object_id", "resolved_at", "outcome")
        .annotate(count=Count("id"))
        .order_by("-resolved_at", "content_type_id", "object_id")
    )


def with_decided_items(rows, town):
    """`Decision`s for a page of `decisions`: the flags in one query, the items in one per kind, and in one
    query the audit entries of showing hidden items again."""
    decided = [Decision(**row) for row in rows]
    if not decided:
        return decided
    by_key = {(entry.content_type_id, entry.object_id, entry.resolved_at): entry for entry in decided}
    pairs = [Q(content_type_id=kind, object_id=pk, resolved_at=at) for kind, pk, at in by_key]
    for flag_ in Flag.objects.filter(reduce(or_, pairs)).select_related("reporter", "resolved_by"):
        by_key[flag_.content_type_id, flag_.object_id, flag_.resolved_at].flags.append(flag_)
    kinds = {}
    for entry in decided:
        kinds.setdefault(entry.content_type_id, set()).add(entry.object_id)
    items, shown, kind_of_label = {}, [], {}
    for kind, pks in kinds.items():
        model = ContentType.objects.get_for_id(kind).model_class()
        for item in model.moderation_queryset().filter(pk__in=pks):
            items[kind, item.pk] = item
        kind_of_label[model._meta.label_lower] = kind
        shown.append(
            Q(
                action=f"{model._meta.model_name}.shown",
                target_type=model._meta.label_lower,
                target_id__in=pks,
            )
        )
    showings = (
        AuditEntry.objects.for_municipality(town)
        .filter(reduce(or_, shown), created_at__gte=min(entry.resolved_at for entry in decided))
        .order_by("created_at", "id")
    )
    for entry in decided:
        entry.item = items.get((entry.content_type_id, entry.object_id))
    for showing in showings:
        kind = kind_of_label[showing.target_type]
        for entry in decided:
            if (
                entry.is_hidden
                and entry.shown_again is None
                and (entry.content_type_id, entry.object_id) == (kind, showing.target_id)
                and showing.created_at >= entry.resolved_at
            ):
                entry.shown_again = showing
                break
    return [entry for entry in decided if entry.item is not None]
