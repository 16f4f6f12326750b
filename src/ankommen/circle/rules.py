"""Who may see which part of a profile, keep the town's lists, publish calls and answer them.

A viewer's level (`viewer_level`) is what a profile part's visibility is compared with: everyone
sees public parts, the town's members also theirs, the town's admins all of them. A moderator
searches the members for the town, but sees no more of a profile than any member.
"""

from ankommen.circle.vocabulary import Visibility
from ankommen.core.roles import STAFF, Role
from ankommen.core.rules import has_role, person_of_town, town_role


def viewer_level(member, town_id):
    """The highest `Visibility` a viewer may see in a town (`town_id`: the town's id)."""
    if member is None or member.municipality_id != town_id or not hasattr(member, "user_id"):
        return Visibility.PUBLIC
    return Visibility.ADMINS if has_role(member, Role.ADMIN) else Visibility.MEMBERS


def is_own(member, profile_or_member):
    """Is this the member's own profile (or the member themself)?"""
    if profile_or_member is None or not person_of_town(member, profile_or_member):
        return False
    return member.pk == (getattr(profile_or_member, "member_id", None) or profile_or_member.pk)


def may_edit_profile(member, subject):
    """A person of the town keeps their own profile."""
    return is_own(member, subject)


def may_view_profile(member, profile):
    """A profile's page shows to whoever may see one of its parts; to its member always (with a preview)."""
    if is_own(member, profile):
        return True
    level = viewer_level(member, profile.municipality_id)
    return any(
        profile.visible_to(part) <= level for part in ("competences", "sector", "interests", "organisations")
    )


def may_search_members(member, town):
    """Finding members by what they can do: the admins and moderators (each sees only what they may)."""
    return town_role(member, town, *STAFF)


def may_keep_circle(member, obj):
    """The list of competences, the organisations and the calls: the town's admins."""
    return town_role(member, obj, Role.ADMIN)


def may_confirm_competence(member, membership):
    """A contact person of the organisation (or an admin) confirms a competence of one of its members."""
    if town_role(member, membership, Role.ADMIN):
        return True
    if not person_of_town(member, membership) or member.pk is None or membership.member_id == member.pk:
        return False
    return membership.organisation_id in contact_for(member)


def contact_for(member):
    """The organisations `member` is a contact person of (asked once per request: kept on the member)."""
    if not hasattr(member, "_contact_for"):
        from ankommen.circle.models import OrganisationMembership

        member._contact_for = frozenset(
            OrganisationMembership.objects.filter(member=member, is_contact=True).values_list(
                "organisation_id", flat=True
            )
        )
    return member._contact_for


def may_view_call(member, call):
    """A published or closed call is for everyone; a draft for the admins."""
    return call.status != "draft" or may_keep_circle(member, call)


def may_answer_call(member, call):
    """Anyone answers an open call, a visitor with an address; the town's system actor does not."""
    return call.is_open and (member is None or person_of_town(member, call))


def may_publish_call(member, call):
    return call.status == "draft" and may_keep_circle(member, call)


def may_close_call(member, call):
    return call.status == "published" and may_keep_circle(member, call)


def may_invite_to_call(member, call):
    """The admins ask matching members to help while the call is published."""
    return call.status == "published" and may_keep_circle(member, call)


def may_answer_invitation(member, invitation):
    """The asked member says yes or no, once, while the call is published."""
    return (
        is_own(member, invitation.member)
        and invitation.status == "invited"
        and invitation.call.status == "published"
    )


RULES = {
    "edit_profile": may_edit_profile,
    "view_profile": may_view_profile,
    "search_members": may_search_members,
    "keep_circle": may_keep_circle,
    "confirm_competence": may_confirm_competence,
    "view_call": may_view_call,
    "answer_call": may_answer_call,
    "publish_call": may_publish_call,
    "close_call": may_close_call,
    "invite_to_call": may_invite_to_call,
    "answer_invitation": may_answer_invitation,
}
