"""Who may invite people into the town."""

from ankommen.core.roles import SYSTEM, Role
from ankommen.core.rules import town_role


def may_invite(member, town):
    """The town's admins; and the operator's command, acting as the system, for a new town's first admin."""
    return town_role(member, town, Role.ADMIN, SYSTEM)


RULES = {"invite": may_invite}
