"""Who may keep the Seismograph's data.

The town's admins keep the indicators and import values (and roll imports back); the town's system
actor does the same for the operators' command (`ankommen seismograph import`) and the demo.
"""

from ankommen.core.roles import STAFF, SYSTEM, Role
from ankommen.core.rules import person_of_town, town_role
from ankommen.seismograph.models import SignalStatus


def may_keep_seismograph_data(member, obj):
    """Indicators, imports and their rollback: the admins, and the system for commands."""
    return town_role(member, obj, Role.ADMIN, SYSTEM)


RULES = {
    "keep_indicators": may_keep_seismograph_data,
    "import_values": may_keep_seismograph_data,
}


# --- signals: the early warnings and the members' observations ------------------------------------------
#
# Warnings and observations are for the town's people, not for the public: a warning names a district
# whose figures are worse than the others', and published it could mark the district and the people
# who live there. What the town makes public of it is a finding, written by a moderator.


def may_view_signals(member, obj):
    """The list of the town's warnings and observations, and each of them: the town's people."""
    return person_of_town(member, obj)


def may_add_observation(member, town):
    """Note an observation about a district in one's own name: the town's people."""
    return person_of_town(member, town)


def may_record_observation_on_paper(member, town):
    """Staff enter an observation someone made where people meet (a counselling hour, a district walk)."""
    return town_role(member, town, *STAFF)


def may_compute_warnings(member, town):
    """Compute the warnings again: the system after each import and on its schedule, and the admins."""
    return town_role(member, town, Role.ADMIN, SYSTEM)


def _decidable(signal):
    """An open signal, and an observation only while it shows."""
    return signal.status == SignalStatus.OPEN and not signal.is_hidden


def may_make_finding_from_signal(member, signal):
    """A moderator or an admin takes an open signal of a field into that field's stocktaking."""
    return _decidable(signal) and signal.field_id is not None and town_role(member, signal, *STAFF)


def may_dismiss_signal(member, signal):
    """A moderator or an admin dismisses an open signal, with a reason."""
    return _decidable(signal) and town_role(member, signal, *STAFF)


RULES.update(
    {
        "view_signals": may_view_signals,
        "view_signal": may_view_signals,
        "add_observation": may_add_observation,
        "record_observation_on_paper": may_record_observation_on_paper,
        "compute_warnings": may_compute_warnings,
        "make_finding_from_signal": may_make_finding_from_signal,
        "dismiss_signal": may_dismiss_signal,
    }
)
