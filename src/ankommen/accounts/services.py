"""Memberships, roles, invitations and profiles: each verb atomic, permission first, audited."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ankommen.accounts import mail
from ankommen.accounts.models import Invitation, JoinOutcome, JoinRequest, Member
from ankommen.core import notifications
from ankommen.core.audit import audit
from ankommen.core.roles import Role, sectors_of
from ankommen.core.rules import require


def set_joining(municipality, *, actor, open_joining):
    """Whether people join the town at once (open) or by asking (the admins decide)."""
    require(actor, "administer", municipality)
    if municipality.open_joining == open_joining:
        return municipality
    municipality.open_joining = open_joining
    municipality.save(update_fields=["open_joining"])
    audit(actor.user, "town.joining_changed", municipality, open_joining=open_joining)
    return municipality


class AlreadyDecided(ValidationError):
    """Another admin decided the request first."""


def ask_to_join(user, municipality, *, motivation):
    """The person asks to become a member; where joining is open, they are one at once.

    Asking again while a request waits changes its words, not its place in the queue.
    """
    if municipality.open_joining:
        return join_municipality(user, municipality)
    with transaction.atomic():
        waiting = (
            JoinRequest.objects.for_municipality(municipality).open().select_for_update().filter(user=user)
        )
        request = waiting.first()
        if request is None:
            request = JoinRequest.objects.create(municipality=municipality, user=user, motivation=motivation)
            audit(user, "member.join_requested", request)
            notifications.notify(
                notifications.people_who_may(municipality, "administer"),
                "join.requested",
                event=f"join_request:{request.pk}",
                target=request,
                url=reverse("accounts:join_requests"),
            )
        elif request.motivation != motivation:
            request.motivation = motivation
            request.save(update_fields=["motivation"])
    return request


def decide_join_request(join_request, *, actor, accept, answer="", home_url=""):
    """An admin accepts (the person becomes a member) or declines a request; the person gets the answer by
    mail, with the address of the town's platform (`home_url`)."""
    require(actor, "decide_join_request", join_request)
    with transaction.atomic():
        join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
        if not join_request.is_open:
            raise AlreadyDecided(_("Über diese Anfrage ist schon entschieden."))
        join_request.decided_at = timezone.now()
        join_request.decided_by = actor.user
        join_request.outcome = JoinOutcome.ACCEPTED if accept else JoinOutcome.DECLINED
        join_request.answer = answer
        join_request.save(update_fields=["decided_at", "decided_by", "outcome", "answer"])
        if accept:
            join_municipality(join_request.user, join_request.municipality)
        audit(
            actor.user,
            "member.join_accepted" if accept else "member.join_declined",
            join_request,
            **({"answer": answer} if answer else {}),
        )
        transaction.on_commit(lambda: mail.send_join_answer(join_request, home_url))
    return join_request


def join_municipality(user, municipality):
    """Make `user` a member of `municipality` (the open circle: anyone may join as a member).

    Someone who is a member already stays as they are: their roles, and a deactivated membership
    stays deactivated (only an admin reactivates it).
    """
    try:
        with transaction.atomic():
            member = Member.objects.create(
                municipality=municipality, user=user, role_sectors={Role.MEMBER: ""}
            )
            audit(user, "member.joined", member)
    except IntegrityError:
        member = Member.objects.get(municipality=municipality, user=user)
    return member


def _active_admins(municipality_id):
    """The pks of the town's active admins, their rows locked (in one order) until the transaction ends.

    Two admins deactivating each other at once: the second waits for the first, then finds
    its actor no longer among them.
    """
    admins = Member.objects.filter(municipality_id=municipality_id, is_active=True).with_role(Role.ADMIN)
    return set(admins.select_for_update().order_by("pk").values_list("pk", flat=True))


def deactivate_member(member, *, actor):
    """An admin takes a member's login in this town away; their texts stay, under their name.

    Their sessions here end with their next request (see `MemberMiddleware`), and logging in is
    refused (see the account adapter). The town always keeps an active admin.
    """
    require(actor, "deactivate_member", member)
    with transaction.atomic():
        admins = _active_admins(member.municipality_id)
        if actor.pk not in admins or not admins - {member.pk}:
            raise ValidationError(
                _("Die Kommune braucht mindestens eine aktive Person mit Administrationsrolle.")
            )
        member.is_active = False
        member.save(update_fields=["is_active"])
        audit(actor.user, "member.deactivated", member, roles=member.role_label)
    return member


def reactivate_member(member, *, actor):
    """An admin gives a deactivated member their login in this town back, with the roles they held."""
    require(actor, "reactivate_member", member)
    with transaction.atomic():
        member.is_active = True
        member.save(update_fields=["is_active"])
        audit(actor.user, "member.reactivated", member, roles=member.role_label)
    return member


def _sector_for(role, sector):
    return sector if sectors_of(role) else ""


def _write_roles(member, roles):
    """Make the member hold exactly `roles` ({role: sector}); a sector only where the role has one."""
    member.role_sectors = {role: _sector_for(role, sector) for role, sector in roles.items()}
    member.save(update_fields=["role_sectors"])


def set_roles(member, *, actor, roles):
    """The admin gives a member exactly `roles` ({role: sector}); at least one, and never their own admin role away."""
    require(actor, "administer", member)
    if not roles:
        raise ValidationError({"roles": _("Bitte wählen Sie mindestens eine Rolle.")})
    if member.pk == actor.pk and Role.ADMIN not in roles:
        # Nobody locks themselves out; another admin can change the roles.
        raise ValidationError(
            {"roles": _("Ihre eigene Administrationsrolle kann nur eine andere Person ändern.")}
        )
    with transaction.atomic():
        previous = member.role_label
        _write_roles(member, roles)
        audit(actor.user, "member.role_changed", member, before=previous, after=member.role_label)
    return member


def invite(municipality, *, actor, email, role, sector="", message="", place=None, accept_url_for):
    """Invite `email` with a role (to work in `place`, a field, if given); the mail goes out once it is saved."""
    require(actor, "invite", municipality)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            municipality=municipality,
            email=email.lower(),
            role=role,
            sector=_sector_for(role, sector),
            message=message,
            invited_by=actor.user,
            place=place,
        )
        audit(actor.user, "member.invited", invitation, **_invitation_details(invitation))
        transaction.on_commit(lambda: mail.send_invitation(invitation, accept_url_for(invitation)))
    return invitation


def revoke_invitation(invitation, *, actor):
    require(actor, "administer", invitation)
    with transaction.atomic():
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit(actor.user, "member.invitation_revoked", invitation)
    return invitation


class InvitationNotForYou(Exception):
    pass


def _with_role(sectors, role, sector):
    """`sectors` ({role: sector}) with `role` added; a role held already keeps the sector it has."""
    if role in sectors and sectors[role]:
        return sectors
    return {**sectors, role: sector}


def _invitation_details(invitation):
    """The audit log's words for an invitation: its role, and where to, if anywhere."""
    details = {"role": invitation.role_label}
    if invitation.place is not None:
        details["place"] = _("%(kind)s „%(name)s“") % {
            "kind": invitation.place_kind,
            "name": invitation.place,
        }
    return details


def accept_invitation(invitation, *, user):
    """The invited person joins, or gains the invitation's role beside those they hold; only from the invited address."""
    if not invitation.is_for(user):
        raise InvitationNotForYou
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_pending:
            raise InvitationNotForYou
        member, _created = Member.objects.get_or_create(municipality_id=invitation.municipality_id, user=user)
        if not member.is_active:
            # Deactivated by an admin: an invitation sent earlier does not undo that.
            raise InvitationNotForYou
        previous = member.role_label
        _write_roles(member, _with_role(member.sectors, invitation.role, invitation.sector))
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        details = _invitation_details(invitation)
        if previous and previous != member.role_label:
            details["roles"] = f"{previous} → {member.role_label}"
        audit(user, "member.invitation_accepted", member, **details)
    return member


def prove_address(user, invitation):
    """The invitation reached its address: the person's account with that address counts it as confirmed."""
    EmailAddress.objects.filter(user=user, email__iexact=invitation.email).update(verified=True)


def update_profile(user, **values):
    for name, value in values.items():
        setattr(user, name, value)
    user.save(update_fields=list(values))
    return user


def people_who_may(town, action):
    """The active members' users of `town` whom the rule `action` allows on the town (the staff, mostly)."""
    from ankommen.core.roles import Role
    from ankommen.core.rules import may

    members = (
        Member.objects.for_municipality(town).filter(is_active=True).exclude(role_sectors={Role.MEMBER: ""})
    )
    return [member.user for member in members.select_related("user") if may(member, action, town)]


def active_members(town_id, user_ids):
    """{user id: active membership in the town, with user and town} of the people `user_ids`."""
    members = Member.objects.filter(municipality_id=town_id, user_id__in=list(user_ids), is_active=True)
    return {member.user_id: member for member in members.select_related("user", "municipality")}


INVITATIONS_KEPT = timedelta(days=30)


def prune_invitations(now=None):
    """Once a day: invitations nobody accepted leave 30 days after they expired or were withdrawn
    (the retention the privacy notice states); accepted ones stay as the record of who joined how."""
    now = now or timezone.now()
    before = now - INVITATIONS_KEPT
    gone = Invitation.objects.filter(accepted_at__isnull=True).filter(
        Q(expires_at__lt=before) | Q(revoked_at__lt=before)
    )
    removed, _kinds = gone.delete()
    return removed
