"""Writing in the dialogue: contributions, comments and support (moderation is core's).

Each verb asks the rules first, then the town's limits against abuse (`core/limits.py`), writes
in one transaction and leaves an audit line where the brief asks for one (promotions, and an
author's changes and withdrawals, written by `core/authorship.py`).
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ankommen.core import authorship, limits, notifications
from ankommen.core.audit import audit
from ankommen.core.rules import require
from ankommen.dialogue.models import Comment, Contribution, ContributionKind, Support

TAGS = ("principles", "focus_topics", "districts", "target_groups")


def add_contribution(
    stage,
    *,
    author,
    title,
    body,
    finding_kind="",
    paper_author="",
    paper_occasion="",
    from_source=False,
    **tags,
):
    """Add a contribution; with `paper_author`, staff enter it on behalf of someone who handed it in on paper.

    With `from_source`, staff take it from another part of the product (`paper_author` names it, e.g.
    the Seismograph's warnings): the rule `record_from_source` lets them do so in a stage that runs or not.
    """
    action = "record_from_source" if from_source else "record_on_paper" if paper_author else "contribute"
    require(author, action, stage)
    kind = stage.features.contribute[0]
    with transaction.atomic():
        limits.count(author, limits.CONTRIBUTIONS)
        contribution = Contribution.objects.create(
            municipality_id=stage.municipality_id,
            field_id=stage.field_id,
            stage=stage,
            kind=kind,
            finding_kind=finding_kind if kind == ContributionKind.FINDING else "",
            title=title,
            body=body,
            author=author,
            paper_author=paper_author,
            paper_occasion=paper_occasion if paper_author else "",
        )
        for name in TAGS:
            if tags.get(name):
                getattr(contribution, name).set(tags[name])
        field = contribution.field
        notifications.notify(
            notifications.followers(field, besides=[author.user]),
            "contribution.new_in_field",
            event=f"contribution:{contribution.pk}",
            target=contribution,
            label=f"{field}: {contribution.title}",
        )
    return contribution


def promote_contribution(contribution, *, actor):
    """An option becomes a recommendation, to go to the council committee."""
    require(actor, "promote", contribution)
    with transaction.atomic():
        contribution.kind = ContributionKind.RECOMMENDATION
        contribution.promoted_at = timezone.now()
        contribution.promoted_by = actor
        contribution.save(update_fields=["kind", "promoted_at", "promoted_by"])
        audit(actor.user, "contribution.promoted", contribution)
    return contribution


def add_comment(contribution, *, author, body, paper_author="", paper_occasion=""):
    require(author, "record_comment_on_paper" if paper_author else "comment", contribution)
    with transaction.atomic():
        limits.count(author, limits.COMMENTS)
        comment = Comment.objects.create(
            municipality_id=contribution.municipality_id,
            contribution=contribution,
            author=author,
            body=body,
            paper_author=paper_author,
            paper_occasion=paper_occasion if paper_author else "",
        )
        Contribution.objects.filter(pk=contribution.pk).update(comment_count=F("comment_count") + 1)
        event = f"comment:{comment.pk}"
        own = notifications.author_of(contribution)
        if own is not None and own != author.user:
            notifications.notify([own], "comment.on_yours", event=event, target=contribution)
        others = notifications.followers(contribution, besides=[author.user, own])
        notifications.notify(others, "comment.on_followed", event=event, target=contribution)
    return comment


def support(contribution, *, member):
    """Support once; a second click (or a parallel one) changes nothing."""
    require(member, "support", contribution)
    try:
        with transaction.atomic():
            limits.count(member, limits.SUPPORTS)
            Support.objects.create(
                municipality_id=contribution.municipality_id, contribution=contribution, member=member
            )
            Contribution.objects.filter(pk=contribution.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        pass
    contribution.refresh_from_db(fields=["support_count"])
    return contribution


def withdraw_support(contribution, *, member):
    require(member, "support", contribution)
    with transaction.atomic():
        limits.count(member, limits.SUPPORTS)
        deleted, _ = Support.objects.filter(contribution=contribution, member=member).delete()
        if deleted:
            Contribution.objects.filter(pk=contribution.pk).update(support_count=F("support_count") - deleted)
    contribution.refresh_from_db(fields=["support_count"])
    return contribution


def erase_supports(supports, member, erasure):
    """An erased person's supports go, and the contributions they supported count one fewer each."""
    supported = list(supports.values_list("contribution_id", flat=True))
    Contribution.objects.filter(pk__in=supported).update(support_count=F("support_count") - 1)
    supports.delete()


def edit_contribution(contribution, *, author, title, body):
    """The author changes their contribution; the earlier version is kept, translations become outdated."""
    return authorship.edit(contribution, author=author, values={"title": title, "body": body})


def withdraw_contribution(contribution, *, author):
    """The author withdraws their contribution: a dated trace stays, the text is no longer offered."""
    return authorship.withdraw(contribution, author=author)


def edit_comment(comment, *, author, body):
    return authorship.edit(comment, author=author, values={"body": body})


def withdraw_comment(comment, *, author):
    """The author withdraws their comment: a dated trace stays, and it no longer counts."""
    return authorship.withdraw(comment, author=author, then=_uncount_comment)


def remove_contributions(contributions):
    """At an erasing person's request: their contributions' texts go, a dated trace stays."""
    authorship.remove_texts(contributions)


def remove_comments(comments):
    """At an erasing person's request: their comments' texts go, and they no longer count."""
    authorship.remove_texts(comments, then=_uncount_comment)


def _uncount_comment(comment):
    Contribution.objects.filter(pk=comment.contribution_id, comment_count__gt=0).update(
        comment_count=F("comment_count") - 1
    )
