"""Moderation of whatever people write (any `Moderated` model): flags, hiding with a trace, showing again.

Each verb asks the rules first, writes in one transaction and leaves one audit line.
"""

from functools import cache

from django.apps import apps
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db import transaction
from django.utils import timezone

from ankommen.core import limits
from ankommen.core.audit import audit
from ankommen.core.models import Flag, FlagOutcome, Moderated
from ankommen.core.rules import require


@cache
def moderated_models():
    """{moderation slug: model} of every model people write that moderators can hide."""
    return {model.moderation_slug: model for model in apps.get_models() if issubclass(model, Moderated)}


def flag(item, *, reporter, reason):
    """Ask the moderators to look at `item`."""
    require(reporter, "flag", item)
    limits.count(reporter, limits.REPORTS)
    return Flag.objects.create(
        municipality_id=item.municipality_id, item=item, reporter=reporter.user, reason=reason
    )


def hide(item, *, moderator, reason):
    """Hide an item from everyone but moderators, leaving a visible trace; its open flags are resolved."""
    require(moderator, "moderate", item)
    with transaction.atomic():
        item.hidden_at = timezone.now()
        item.hidden_by = moderator.user
        item.hidden_reason = reason
        item.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        Flag.objects.of(item).open().update(
            resolved_at=item.hidden_at, resolved_by=moderator.user, outcome=FlagOutcome.HIDDEN
        )
        audit(moderator.user, f"{item._meta.model_name}.hidden", item, reason=reason)
    return item


def show(item, *, moderator, reason):
    """Show a hidden item again; the reason goes into the audit log."""
    require(moderator, "moderate", item)
    with transaction.atomic():
        item.hidden_at, item.hidden_by, item.hidden_reason = None, None, ""
        item.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        audit(moderator.user, f"{item._meta.model_name}.shown", item, reason=reason)
    return item


def dismiss_flag(flag_, *, moderator):
    require(moderator, "moderate", flag_)
    with transaction.atomic():
        flag_.resolved_at = timezone.now()
        flag_.resolved_by = moderator.user
        flag_.outcome = FlagOutcome.DISMISSED
        flag_.save(update_fields=["resolved_at", "resolved_by", "outcome"])
        audit(moderator.user, "flag.dismissed", flag_)
    return flag_


def queue(town):
    """The town's open flags, oldest first, each with its item (one query per kind of item)."""
    return (
        Flag.objects.for_municipality(town)
        .open()
        .select_related("reporter")
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
