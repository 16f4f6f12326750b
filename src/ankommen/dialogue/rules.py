"""Who may write, comment, support and promote in a stage, and who sees what was written there.

A stage names the roles that may contribute, comment and support (data the town's admins set);
its kind says which contribution kinds may be added and promoted (announced in `registration`).
"""

from ankommen.concept.rules import may_view_stage
from ankommen.core.registry import registry
from ankommen.core.roles import STAFF, Role, Sector
from ankommen.core.rules import any_of, may_moderate, same_town, stage_lets, town_role
from ankommen.dialogue.answers import ANSWERED_KINDS
from ankommen.dialogue.models import Comment


def may_view_item(member, item):
    """A contribution or a comment: whoever may see its stage."""
    return may_view_stage(member, item.stage)


def may_contribute(member, stage):
    """Write a contribution in one's own name."""
    return bool(registry.features_of(stage.kind).contribute) and stage_lets(
        member, stage, stage.contribute_roles
    )


def may_record_on_paper(member, stage):
    """Staff enter what someone handed in on paper at a workshop or a counselling hour."""
    return (
        bool(registry.features_of(stage.kind).contribute)
        and stage.is_open
        and town_role(member, stage, *STAFF)
    )


def may_record_from_source(member, stage):
    """Staff take a finding into a field's stage from another part of the product (a warning of the
    Seismograph), whether the stage runs or not: it records what was seen, it does not reopen the stage's
    debate. Not into an archived stage or field, which stay as they are."""
    archived = stage.is_archived or stage.field.is_archived
    return (
        bool(registry.features_of(stage.kind).contribute)
        and not archived
        and town_role(member, stage, *STAFF)
    )


def _shows(item):
    """Neither hidden by the moderation nor withdrawn by its author."""
    return not item.is_hidden and not item.is_withdrawn


def _shown_and_stage_lets(member, contribution, roles):
    return _shows(contribution) and stage_lets(member, contribution.stage, roles)


def may_comment(member, contribution):
    return _shown_and_stage_lets(member, contribution, contribution.stage.comment_roles)


def may_record_comment_on_paper(member, contribution):
    return _shows(contribution) and contribution.stage.is_open and may_moderate(member, contribution)


def may_support(member, contribution):
    return _shown_and_stage_lets(member, contribution, contribution.stage.support_roles)


def may_promote(member, contribution):
    """Raise an option to a recommendation, where the stage's kind allows it."""
    stage = contribution.stage
    promotable = contribution.kind in registry.features_of(stage.kind).promote
    return promotable and _shown_and_stage_lets(member, contribution, stage.contribute_roles)


def _is_author(member, item):
    return same_town(member, item) and member.pk == item.author_id


def may_change_own(member, item):
    """Edit or withdraw a contribution or comment: its author, while its stage is open and it shows.

    A comment also needs its contribution to show. Whether the author may still write in the
    stage does not matter: it is their text.
    """
    contribution = item.contribution if isinstance(item, Comment) else item
    return _is_author(member, item) and _shows(item) and _shows(contribution) and contribution.stage.is_open


def may_read_text(member, item):
    """Read what an item says: whoever sees it while it shows, its author a withdrawn one, moderators all."""
    if may_moderate(member, item):
        return True
    if item.is_hidden:
        return False
    return not item.is_withdrawn or _is_author(member, item)


def may_answer(member, contribution):
    """The official answer to an option or a recommendation: the admins and the administration's multipliers."""
    if contribution.kind not in ANSWERED_KINDS or contribution.is_hidden or contribution.is_withdrawn:
        return False
    if town_role(member, contribution, Role.ADMIN):
        return True
    return (
        town_role(member, contribution, Role.MULTIPLIER)
        and member.sectors.get(Role.MULTIPLIER) == Sector.ADMINISTRATION
    )


RULES = {
    "view_item": may_view_item,
    "contribute": may_contribute,
    "record_on_paper": may_record_on_paper,
    "record_from_source": may_record_from_source,
    # Open the contribution form: in one's own name, or for someone who wrote on paper.
    "write_in_stage": any_of(may_contribute, may_record_on_paper),
    "comment": may_comment,
    "record_comment_on_paper": may_record_comment_on_paper,
    "write_comment": any_of(may_comment, may_record_comment_on_paper),
    "support": may_support,
    "promote": may_promote,
    "answer_contribution": may_answer,
    "edit_item": may_change_own,
    "withdraw_item": may_change_own,
    "read_text": may_read_text,
}
