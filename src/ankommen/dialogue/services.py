"""Writing in the dialogue: contributions, comments, support, reports and moderation.

Each verb asks the rules first, writes in one transaction and leaves an audit line
where the brief asks for one (hidden items, promotions).
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ankommen.core.audit import audit
from ankommen.core.rules import require
from ankommen.dialogue.models import Comment, Contribution, ContributionKind, Report, ReportOutcome, Support

TAGS = ("principles", "focus_topics", "districts", "target_groups")


def add_contribution(
    stage, *, author, title, body, finding_kind="", paper_author="", paper_occasion="", **tags
):
    """Add a contribution; with `paper_author`, staff enter it on behalf of someone who handed it in on paper."""
    require(author, "record_on_paper" if paper_author else "contribute", stage)
    kind = stage.features.contribute[0]
    with transaction.atomic():
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
        comment = Comment.objects.create(
            municipality_id=contribution.municipality_id,
            contribution=contribution,
            author=author,
            body=body,
            paper_author=paper_author,
            paper_occasion=paper_occasion if paper_author else "",
        )
        Contribution.objects.filter(pk=contribution.pk).update(comment_count=F("comment_count") + 1)
    return comment


def support(contribution, *, member):
    """Support once; a second click (or a parallel one) changes nothing."""
    require(member, "support", contribution)
    try:
        with transaction.atomic():
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
        deleted, _ = Support.objects.filter(contribution=contribution, member=member).delete()
        if deleted:
            Contribution.objects.filter(pk=contribution.pk).update(support_count=F("support_count") - deleted)
    contribution.refresh_from_db(fields=["support_count"])
    return contribution


def report(item, *, reporter, reason):
    """Ask the moderators to look at a contribution or a comment."""
    require(reporter, "report", item)
    is_comment = isinstance(item, Comment)
    return Report.objects.create(
        municipality_id=item.municipality_id,
        contribution_id=item.contribution_id if is_comment else item.pk,
        comment=item if is_comment else None,
        reporter=reporter,
        reason=reason,
    )


def _hide(item, *, moderator, reason, action, reports):
    require(moderator, "moderate", item)
    with transaction.atomic():
        item.hidden_at = timezone.now()
        item.hidden_by = moderator
        item.hidden_reason = reason
        item.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        reports.open().update(resolved_at=item.hidden_at, resolved_by=moderator, outcome=ReportOutcome.HIDDEN)
        audit(moderator.user, action, item, reason=reason)
    return item


def hide_contribution(contribution, *, moderator, reason):
    """Hide a contribution from everyone but moderators, leaving a visible trace."""
    reports = Report.objects.filter(contribution=contribution, comment__isnull=True)
    return _hide(
        contribution, moderator=moderator, reason=reason, action="contribution.hidden", reports=reports
    )


def hide_comment(comment, *, moderator, reason):
    reports = Report.objects.filter(comment=comment)
    return _hide(comment, moderator=moderator, reason=reason, action="comment.hidden", reports=reports)


def dismiss_report(report_, *, moderator):
    require(moderator, "moderate", report_)
    with transaction.atomic():
        report_.resolved_at = timezone.now()
        report_.resolved_by = moderator
        report_.outcome = ReportOutcome.DISMISSED
        report_.save(update_fields=["resolved_at", "resolved_by", "outcome"])
        audit(moderator.user, "report.dismissed", report_)
    return report_
