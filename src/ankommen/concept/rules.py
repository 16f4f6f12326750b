"""Who may see and run a field's stages, and archive fields and stages."""

from ankommen.core.roles import STAFF, Role
from ankommen.core.rules import same_town, town_role


def may_view_stage(member, stage):
    """Public stages are for everyone; a members-only stage for the town's members."""
    return stage.is_public or same_town(member, stage)


def may_run_stage(member, stage):
    """Open and close stages: the integration officer and the moderators; an archived one stays closed."""
    return town_role(member, stage, *STAFF) and not stage.is_archived and not stage.field.is_archived


def may_archive(member, obj):
    """Archive a field or a stage instead of deleting it: the town's admins."""
    return town_role(member, obj, Role.ADMIN) and not obj.is_archived


def may_unarchive(member, obj):
    """Take a field or a stage back out of the archive: the town's admins."""
    return town_role(member, obj, Role.ADMIN) and obj.is_archived


RULES = {
    "view_stage": may_view_stage,
    "run_stage": may_run_stage,
    "archive": may_archive,
    "unarchive": may_unarchive,
}
