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


def may_see_own_data(member, subject):
    """A member sees and downloads all the town keeps of them (Art. 15 and 20 DSGVO)."""
    return member is not None and subject is not None and getattr(member, "pk", None) == subject.pk


def may_erase_account(member, subject):
    """A member erases their own account; not the town's last active admin, who would leave it without one."""
    if not may_see_own_data(member, subject) or not member.is_active:
        return False
    if Role.ADMIN not in member.roles:
        return True
    from ankommen.accounts.models import Member

    admins = (
        Member.objects.for_municipality(member.municipality_id).with_role(Role.ADMIN).filter(is_active=True)
    )
    return admins.exclude(pk=member.pk).exists()


def may_decide_join_request(member, join_request):
    """The town's admins accept or decline a request to join while it waits."""
    return town_role(member, join_request, Role.ADMIN) and join_request.is_open


RULES = {
    "decide_join_request": may_decide_join_request,
    "see_own_data": may_see_own_data,
    "erase_account": may_erase_account,
    "invite": may_invite,
    "deactivate_member": may_deactivate_member,
    "reactivate_member": may_reactivate_member,
}
