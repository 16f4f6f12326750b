"""Who may keep the Seismograph's data.

The town's admins keep the indicators and import values (and roll imports back); the town's system
actor does the same for the operators' command (`ankommen seismograph import`) and the demo.
"""

from ankommen.core.roles import SYSTEM, Role
from ankommen.core.rules import town_role


def may_keep_seismograph_data(member, obj):
    """Indicators, imports and their rollback: the admins, and the system for commands."""
    return town_role(member, obj, Role.ADMIN, SYSTEM)


RULES = {
    "keep_indicators": may_keep_seismograph_data,
    "import_values": may_keep_seismograph_data,
}
