"""Who may invite people into the town, and deactivate and reactivate its members."""

from ankommen.core.roles import SYSTEM, Role
from ankommen.core.rules import town_role


def may_invite(member, town):
    """The town's admins; and the operator's command, acting as the system, for a new town's first admin."""
    return town_role(member, town, Role.ADMIN, SYSTEM)


def may_deactivate_member(member, subject):
    """The town's admins take an active member's login here away; never their own."""
    return town_role(member, subject, Role.ADMIN) and subject.is_active and subject.pk != member.pk


def may_reactivate_member(member, subject):
    """The town's admins give a deactivated member their login here back."""
    return town_role(member, subject, Role.ADMIN) and not subject.is_active


RULES = {
    "invite": may_invite,
    "deactivate_member": may_deactivate_member,
    "reactivate_member": may_reactivate_member,
}
