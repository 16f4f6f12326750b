"""Who may see and run a field's stages."""

from ankommen.core.roles import STAFF
from ankommen.core.rules import same_town, town_role


def may_view_stage(member, stage):
    """Public stages are for everyone; a members-only stage for the town's members."""
    return stage.is_public or same_town(member, stage)


def may_run_stage(member, stage):
    """Open and close stages: the integration officer and the moderators."""
    return town_role(member, stage, *STAFF)


RULES = {
    "view_stage": may_view_stage,
    "run_stage": may_run_stage,
}
