"""Who may read the council's papers, write submissions, co-sign them, record decisions and keep measures.

Everyone reads what is public: released submissions that are not discussed in private, their
public consultations and decisions, and the measures. The town's admins keep the council's
lists and write the submissions; a member of a department that is asked to co-sign reads the
submission and signs or declines for the department.
"""

from ankommen.core.roles import Role
from ankommen.core.rules import person_of_town, town_role


def is_admin(member, obj):
    return town_role(member, obj, Role.ADMIN)


def departments_of(member):
    """The organisations `member` belongs to (asked once per request: kept on the member)."""
    if not hasattr(member, "_departments"):
        from ankommen.circle.models import OrganisationMembership

        member._departments = frozenset(
            OrganisationMembership.objects.filter(member=member).values_list("organisation_id", flat=True)
        )
    return member._departments


def may_keep_council(member, obj):
    """Committees, people, meetings, submissions and measures: the town's admins."""
    return is_admin(member, obj)


def may_view_submission(member, submission):
    """A public, released submission is for everyone; a draft or a private one for the admins and
    for the members of a department asked to co-sign it."""
    if submission.is_published or is_admin(member, submission):
        return True
    if not person_of_town(member, submission) or member.pk is None:
        return False
    if submission.pk is None:
        return False
    asked = {cosignature.department_id for cosignature in submission.cosignatures.all()}
    return bool(asked & departments_of(member))


def may_edit_submission(member, submission):
    """A draft written here (not a copy from another council system), by the admins."""
    return is_admin(member, submission) and submission.is_editable


def may_release_submission(member, submission):
    """Sent on to the committee: a draft whose required co-signatures are in, for its version, none declined."""
    if not may_edit_submission(member, submission):
        return False
    return submission.pk is None or not any(
        cosignature.holds_release for cosignature in submission.cosignatures.all()
    )


def may_withdraw_submission(member, submission):
    """A draft or a released submission not yet decided on, by the admins."""
    return (
        is_admin(member, submission)
        and submission.status in ("draft", "released")
        and not submission.is_imported
    )


def may_cosign(member, cosignature):
    """A member of the department signs or declines for it while the submission is a draft."""
    submission = cosignature.submission
    if submission.status != "draft" or not person_of_town(member, cosignature) or member.pk is None:
        return False
    return cosignature.department_id in departments_of(member)


def may_record_decision(member, consultation):
    """The admins record a body's decision on a released submission's consultation once."""
    return (
        is_admin(member, consultation)
        and consultation.submission.status == "released"
        and not has_decision(consultation)
    )


def has_decision(consultation):
    from ankommen.council.models import Decision

    if consultation.pk is None:
        return False
    try:
        return consultation.decision is not None
    except Decision.DoesNotExist:
        return False


def may_announce_decision(member, decision):
    """A decision taken in private is made public word for word (Bekanntgabe), once."""
    return (
        is_admin(member, decision) and decision.announced_at is None and not decision.consultation.is_public
    )


def may_view_attachment(member, attachment):
    """A public file of a submission anyone may read, or of a meeting, is public; the others the admins'."""
    if attachment.submission_id and not may_view_submission(member, attachment.submission):
        return False
    return attachment.is_public or is_admin(member, attachment)


def may_keep_measure(member, measure):
    """The admins keep the measures: their status, progress and a reason when one is late."""
    return is_admin(member, measure)


def may_view_own_cosignatures(member, subject):
    """A person of the town sees what their departments are asked to co-sign."""
    return person_of_town(member, subject) and member.pk is not None and member.pk == subject.pk


RULES = {
    "view_own_cosignatures": may_view_own_cosignatures,
    "keep_council": may_keep_council,
    "view_submission": may_view_submission,
    "edit_submission": may_edit_submission,
    "release_submission": may_release_submission,
    "withdraw_submission": may_withdraw_submission,
    "cosign": may_cosign,
    "record_decision": may_record_decision,
    "announce_decision": may_announce_decision,
    "view_attachment": may_view_attachment,
    "keep_measure": may_keep_measure,
}
