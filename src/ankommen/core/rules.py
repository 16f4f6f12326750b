"""The one place that answers "may this member do this action on this object now?".

Each app keeps its predicates in its own `rules.py` and registers them, by action name, from
its `registration.py`; this module holds the only ways to ask (`may`, `require`, `{% may %}` in
templates, `visible_filter` for lists) and the building blocks the apps' rules are made of:
`same_town`, `person_of_town`, `has_role`, `town_role` and `stage_lets`.

A member is a `Member` of the town (with `roles`, a set), the town's system actor, or None for
a visitor. A decision combines the member's roles with the object's state; a person with two
roles may what either of them allows.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from ankommen.core.models import town_id_of
from ankommen.core.registry import registry
from ankommen.core.roles import STAFF, SYSTEM, TRANSLATING, Role


class UnknownAction(LookupError):
    """`may()` was asked about an action no app registered: a typo or a missing `register_rules`."""


def may(member, action, obj) -> bool:
    """May `member` (a Member of the town, the system actor, or None) do `action` on `obj` now?"""
    try:
        predicate = registry.rules[action]
    except KeyError:
        raise UnknownAction(f"No app registered a rule for the action {action!r}.") from None
    return bool(predicate(member, obj))


def require(member, action, obj) -> None:
    if not may(member, action, obj):
        raise PermissionDenied(action)


def visible_filter(member, municipality, stage_path="stage") -> Q:
    """The rows a member may see in a list: public stages for everyone, all of them for the town's members."""
    if member is not None and member.municipality_id == municipality.pk:
        return Q()
    return Q(**{f"{stage_path}__is_public": True})


# --- building blocks --------------------------------------------------------------------------


def same_town(member, obj):
    return member is not None and member.municipality_id == town_id_of(obj)


def person_of_town(member, obj):
    """A person of `obj`'s town, with any role: not the town's system actor, which acts only where named."""
    return same_town(member, obj) and SYSTEM not in member.roles


def has_role(member, *roles):
    """Does the member hold at least one of `roles`?"""
    return member is not None and not member.roles.isdisjoint(roles)


def town_role(member, obj, *roles):
    """A member of `obj`'s town holding one of `roles`."""
    return same_town(member, obj) and has_role(member, *roles)


def any_of(*predicates):
    """A rule that allows what any of `predicates` allows (one action for "in one's own name or from paper")."""

    def predicate(member, obj):
        return any(allowed(member, obj) for allowed in predicates)

    return predicate


def stage_lets(member, stage, roles):
    """The stage is open, and the member is of its town and holds one of the roles it names."""
    return stage.is_open and town_role(member, stage, *roles)


# --- the town's own rules ---------------------------------------------------------------------


def may_administer(member, obj):
    """Fields, stages, members, invitations and the audit log: the town's admins only."""
    return town_role(member, obj, Role.ADMIN)


def may_moderate_town(member, obj):
    """The moderation queue and the barrier reports: the admins and the moderators."""
    return town_role(member, obj, *STAFF)


def may_translate(member, obj):
    """Translate the town's texts: admins, moderators, translators, and imports by the system."""
    return town_role(member, obj, *TRANSLATING, SYSTEM)


def may_moderate(member, item):
    """Hide an item someone wrote, and see what a hidden one said."""
    return town_role(member, item, *STAFF)


def may_hide(member, item):
    """Hide an item that shows; a hidden one is not hidden again (its reason and date stay as they were)."""
    return not item.is_hidden and may_moderate(member, item)


def may_show(member, item):
    """Show a hidden item again, undoing the hiding."""
    return item.is_hidden and may_moderate(member, item)


def may_request_review(member, item):
    """Ask the moderators to look at a hiding again: the item's author, while it is hidden."""
    return item.is_hidden and same_town(member, item) and item.is_written_by(member)


def may_resolve_review(member, review):
    """Decide an open request for review (show the item again, or keep it hidden with a reason)."""
    return review.resolved_at is None and town_role(member, review, *STAFF)


def may_flag(member, item):
    """Ask the moderators to look at an item: its town's members who can see it, while it shows."""
    shows = not item.is_hidden and not getattr(item, "is_withdrawn", False)
    return shows and person_of_town(member, item) and may(member, item.view_action, item)


def may_receive_notifications(member, town):
    """Every person of the town hears of what concerns them and chooses how often."""
    return person_of_town(member, town)


def may_follow(member, obj):
    """A person of the town follows what they may see (a field, a contribution)."""
    view_action = getattr(obj, "view_action", None)
    return person_of_town(member, obj) and (view_action is None or may(member, view_action, obj))


RULES = {
    "receive_notifications": may_receive_notifications,
    "follow": may_follow,
    "administer": may_administer,
    "moderate_town": may_moderate_town,
    "translate": may_translate,
    "moderate": may_moderate,
    "see_hidden_text": may_moderate,
    "flag": may_flag,
    "hide": may_hide,
    "show": may_show,
    "request_review": may_request_review,
    "resolve_review": may_resolve_review,
}
