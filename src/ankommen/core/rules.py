"""The one place that answers "may this member do this action on this object now?".

A decision combines three things, all of them data:
- the member's role in the municipality (None for a visitor without membership),
- the stage the object lives in: open or not, public or not, and which roles it lets
  contribute, comment and support (set per stage by the town's admins),
- what the stage's kind allows at all (announced by the apps, see `registry`).

Views call `require`, templates use `{% may %}`, lists use `visible_filter`; all of them
come from the same table below, so a list and its detail page never disagree.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, TextChoices
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ankommen.core.actors import SYSTEM_ROLE
from ankommen.core.registry import registry


class Role(TextChoices):
    ADMIN = "admin", _("Administration")
    MODERATOR = "moderator", _("Moderation")
    EXPERT = "expert", _("Fachexpert:in")
    MULTIPLIER = "multiplier", _("Multiplikator:in")
    MEMBER = "member", _("Mitglied")
    TRANSLATOR = "translator", pgettext_lazy("role", "Übersetzung")


class Sector(TextChoices):
    CIVIL_SOCIETY = "civil_society", _("Zivilgesellschaft")
    POLITICS = "politics", _("Politik")
    ADMINISTRATION = "administration", pgettext_lazy("sector", "Verwaltung")


ROLE_PLURALS = {
    Role.ADMIN: _("Administration"),
    Role.MODERATOR: _("Moderation"),
    Role.EXPERT: _("Fachexpert:innen"),
    Role.MULTIPLIER: _("Multiplikator:innen"),
    Role.MEMBER: _("Mitglieder"),
    Role.TRANSLATOR: _("Übersetzer:innen"),
}

STAFF_ROLES = frozenset({Role.ADMIN, Role.MODERATOR})
TRANSLATING_ROLES = STAFF_ROLES | {Role.TRANSLATOR}


def _role(member):
    return member.role if member is not None else None


def _same_town(member, obj):
    return member is not None and member.municipality_id == obj.municipality_id


# --- stage-level questions ------------------------------------------------------------


def may_view_stage(member, stage):
    """Public stages are for everyone; a members-only stage for the town's members."""
    return stage.is_public or _same_town(member, stage)


def _stage_lets(member, stage, roles):
    return stage.is_open and _same_town(member, stage) and _role(member) in roles


def may_contribute(member, stage):
    return bool(registry.features_of(stage.kind).contribute) and _stage_lets(
        member, stage, stage.contribute_roles
    )


def may_record_on_paper(member, stage):
    """Staff enter what someone handed in on paper at a workshop or a counselling hour."""
    return (
        bool(registry.features_of(stage.kind).contribute)
        and stage.is_open
        and _same_town(member, stage)
        and _role(member) in STAFF_ROLES
    )


def may_record_comment_on_paper(member, contribution):
    return not contribution.is_hidden and contribution.stage.is_open and may_moderate(member, contribution)


def may_run_stage(member, stage):
    """Open and close stages: the integration officer and the moderators."""
    return _same_town(member, stage) and _role(member) in STAFF_ROLES


# --- items inside a stage (contributions, comments) ------------------------------------


def may_view_item(member, item):
    return may_view_stage(member, item.stage)


def may_comment(member, contribution):
    stage = contribution.stage
    return not contribution.is_hidden and _stage_lets(member, stage, stage.comment_roles)


def may_support(member, contribution):
    stage = contribution.stage
    return not contribution.is_hidden and _stage_lets(member, stage, stage.support_roles)


def may_promote(member, contribution):
    stage = contribution.stage
    return (
        not contribution.is_hidden
        and contribution.kind in registry.features_of(stage.kind).promote
        and _stage_lets(member, stage, stage.contribute_roles)
    )


def may_report(member, item):
    return not item.is_hidden and _same_town(member, item) and may_view_item(member, item)


def may_moderate(member, obj):
    return _same_town(member, obj) and _role(member) in STAFF_ROLES


def may_see_hidden_text(member, item):
    return may_moderate(member, item)


# --- town-level questions (obj is the municipality or any object of it) -----------------


def _town_of(obj):
    return obj.pk if obj._meta.model_name == "municipality" else obj.municipality_id


def may_administer(member, obj):
    """Fields, stages, members, invitations and the audit log: the town's admins only."""
    return member is not None and member.municipality_id == _town_of(obj) and member.role == Role.ADMIN


def may_moderate_town(member, obj):
    return member is not None and member.municipality_id == _town_of(obj) and member.role in STAFF_ROLES


def may_translate(member, obj):
    """Translate the town's texts: admins, moderators, the town's translators, and the system (imports, the demo)."""
    return (
        member is not None
        and member.municipality_id == _town_of(obj)
        and (member.role in TRANSLATING_ROLES or member.role == SYSTEM_ROLE)
    )


CHECKS = {
    "view": may_view_item,
    "view_stage": may_view_stage,
    "contribute": may_contribute,
    "run_stage": may_run_stage,
    "record_on_paper": may_record_on_paper,
    "record_comment_on_paper": may_record_comment_on_paper,
    "comment": may_comment,
    "support": may_support,
    "promote": may_promote,
    "report": may_report,
    "moderate": may_moderate,
    "see_hidden_text": may_see_hidden_text,
    "administer": may_administer,
    "moderate_town": may_moderate_town,
    "translate": may_translate,
}


def may(member, action, obj) -> bool:
    """May `member` (a Member of the town, or None) do `action` on `obj` now?"""
    return CHECKS[action](member, obj)


def require(member, action, obj) -> None:
    if not may(member, action, obj):
        raise PermissionDenied(action)


def visible_filter(member, municipality, stage_path="stage") -> Q:
    """The rows a member may see in a list: the same rule as `may_view_stage`, as a query."""
    if member is not None and member.municipality_id == municipality.pk:
        return Q()
    return Q(**{f"{stage_path}__is_public": True})
