"""Changing the open circle: profiles, the town's competences and organisations, calls and their answers.

Each verb asks the rules first and writes in one transaction; what staff do leaves an audit line.
A member's own profile changes are not audited: the profile is theirs, and the log would only
copy it.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ankommen.circle import matching
from ankommen.circle.models import (
    CallAnswer,
    CallCompetence,
    CallInvitation,
    CallLanguage,
    CallStatus,
    Competence,
    InvitationStatus,
    MemberCompetence,
    MemberLanguage,
    Organisation,
    OrganisationMembership,
    Profile,
)
from ankommen.core import notifications
from ankommen.core.audit import audit
from ankommen.core.rules import require
from ankommen.core.services import create_and_audit, update_and_audit

# --- a member's own profile ----------------------------------------------------------------------------


def profile_of(member, *, create=False):
    """The member's profile (a new, unsaved one with the defaults if they have none yet)."""
    profile = Profile.objects.filter(member=member).first()
    if profile is None:
        profile = Profile(municipality_id=member.municipality_id, member=member)
        if create:
            profile.save()
    return profile


def save_profile(member, *, actor, competences, interests, organisations, **values):
    """The member's profile as they set it: its fields, the competences from the town's list they hold,
    the fields they are interested in, the organisations they belong to. Confirmations of
    competences they keep stay; a competence taken off loses its confirmation."""
    require(actor, "edit_profile", member)
    with transaction.atomic():
        profile = profile_of(member)
        for name, value in values.items():
            setattr(profile, name, value)
        profile.save()
        chosen = {competence.pk for competence in competences}
        profile.competences.exclude(competence__in=chosen).delete()
        kept = set(profile.competences.values_list("competence_id", flat=True))
        MemberCompetence.objects.bulk_create(
            MemberCompetence(municipality_id=member.municipality_id, profile=profile, competence_id=pk)
            for pk in sorted(chosen - kept)
        )
        profile.interests.set(interests)
        joined = {organisation.pk for organisation in organisations}
        OrganisationMembership.objects.filter(member=member).exclude(organisation__in=joined).delete()
        belongs = set(
            OrganisationMembership.objects.filter(member=member).values_list("organisation_id", flat=True)
        )
        OrganisationMembership.objects.bulk_create(
            OrganisationMembership(municipality_id=member.municipality_id, member=member, organisation_id=pk)
            for pk in sorted(joined - belongs)
        )
    return profile


def set_language(member, *, actor, language, speak, understand, write):
    """Add a language to the member's profile, or change its levels."""
    require(actor, "edit_profile", member)
    if not (speak or understand or write):
        raise ValidationError({"speak": _("Bitte wählen Sie für mindestens eine Fähigkeit ein Niveau.")})
    with transaction.atomic():
        profile = profile_of(member, create=True)
        MemberLanguage.objects.update_or_create(
            profile=profile,
            language=language,
            defaults={
                "municipality_id": member.municipality_id,
                "speak": speak,
                "understand": understand,
                "write": write,
            },
        )
    return profile


def remove_language(member, *, actor, language):
    require(actor, "edit_profile", member)
    MemberLanguage.objects.filter(profile__member=member, language=language).delete()


# --- the town's list of competences and its organisations ------------------------------------------------


def create_competence(town, *, actor, **values):
    return create_and_audit(
        Competence(municipality=town, **values), actor=actor, action="competence.created", rule="keep_circle"
    )


def update_competence(competence, *, actor, **values):
    return update_and_audit(
        competence, actor=actor, action="competence.updated", values=values, rule="keep_circle"
    )


def create_organisation(town, *, actor, fields, **values):
    with transaction.atomic():
        organisation = create_and_audit(
            Organisation(municipality=town, **values),
            actor=actor,
            action="organisation.created",
            rule="keep_circle",
        )
        organisation.fields.set(fields)
    return organisation


def update_organisation(organisation, *, actor, fields, **values):
    with transaction.atomic():
        update_and_audit(
            organisation, actor=actor, action="organisation.updated", values=values, rule="keep_circle"
        )
        organisation.fields.set(fields)
    return organisation


def set_contact(membership, *, actor, is_contact):
    """Make a member of an organisation its contact person (who confirms competences), or no longer."""
    require(actor, "keep_circle", membership)
    with transaction.atomic():
        membership.is_contact = is_contact
        membership.save(update_fields=["is_contact"])
        audit(
            actor.user,
            "organisation.contact_set" if is_contact else "organisation.contact_unset",
            membership.organisation,
            member=str(membership.member),
        )
    return membership


def confirm_competence(held, membership, *, actor):
    """The organisation of `membership` confirms that its member has the competence `held`."""
    require(actor, "confirm_competence", membership)
    if held.profile.member_id != membership.member_id:
        raise ValidationError(_("Diese Kompetenz gehört nicht zu diesem Mitglied der Organisation."))
    with transaction.atomic():
        held.confirmed_by_id = membership.organisation_id
        held.confirmed_by_member = actor
        held.confirmed_at = timezone.now()
        held.save(update_fields=["confirmed_by", "confirmed_by_member", "confirmed_at"])
        audit(
            actor.user,
            "competence.confirmed",
            membership.organisation,
            member=str(membership.member),
            competence=held.competence.name,
        )
    return held


def withdraw_confirmation(held, membership, *, actor):
    """Take an organisation's confirmation of a competence back."""
    require(actor, "confirm_competence", membership)
    with transaction.atomic():
        held.confirmed_by = held.confirmed_by_member = held.confirmed_at = None
        held.save(update_fields=["confirmed_by", "confirmed_by_member", "confirmed_at"])
        audit(
            actor.user,
            "competence.confirmation_withdrawn",
            membership.organisation,
            member=str(membership.member),
            competence=held.competence.name,
        )
    return held


# --- calls ------------------------------------------------------------------------------------------------


def save_call(call, *, actor, competences_wanted, competences_required, languages, **values):
    """Create or change a call with its criteria: competences wished for or required, and language rows
    (language, skill, lowest level, required?)."""
    required = {competence.pk for competence in competences_required}
    wanted = {competence.pk for competence in competences_wanted} - required
    with transaction.atomic():
        if call.pk is None:
            call.created_by = actor if hasattr(actor, "user_id") else None
        update_and_audit(call, actor=actor, action="call.saved", values=values, rule="keep_circle")
        call.competences.all().delete()
        CallCompetence.objects.bulk_create(
            CallCompetence(
                municipality_id=call.municipality_id, call=call, competence_id=pk, must=pk in required
            )
            for pk in sorted(wanted | required)
        )
        call.languages.all().delete()
        CallLanguage.objects.bulk_create(
            CallLanguage(municipality_id=call.municipality_id, call=call, **row) for row in languages
        )
    return call


def publish_call(call, *, actor):
    """Publish a draft: the people who follow its field hear of it."""
    require(actor, "publish_call", call)
    with transaction.atomic():
        call.status, call.published_at = CallStatus.PUBLISHED, timezone.now()
        call.save(update_fields=["status", "published_at"])
        audit(actor.user, "call.published", call)
        if call.field_id:
            notifications.notify(
                notifications.followers(call.field, besides=[actor.user]),
                "call.published",
                event=f"call_published:{call.pk}",
                target=call,
            )
    return call


def close_call(call, *, actor):
    """End a call: it stays readable, nobody answers any more, open requests can no longer be accepted."""
    require(actor, "close_call", call)
    with transaction.atomic():
        call.status = CallStatus.CLOSED
        call.save(update_fields=["status"])
        audit(actor.user, "call.closed", call)
    return call


def answer_call(call, *, member, name="", email="", message=""):
    """Someone offers to help: a member (the call's admins see their name, not their address) or a visitor."""
    require(member, "answer_call", call)
    try:
        with transaction.atomic():
            answer = CallAnswer.objects.create(
                municipality_id=call.municipality_id,
                call=call,
                member=member,
                name="" if member else name,
                email="" if member else email,
                message=message,
            )
            _tell_owners(call, "call.answered", f"call_answer:{answer.pk}", besides=member)
    except IntegrityError:
        raise ValidationError(_("Sie haben sich auf dieses Gesuch schon gemeldet.")) from None
    return answer


def answer_on_paper(call, *, actor, paper_author, paper_occasion, email="", message=""):
    """Staff enter an answer someone gave on paper, at the counter or on the phone, with where it came from."""
    require(actor, "keep_circle", call)
    if call.status == CallStatus.DRAFT:
        raise ValidationError(_("Auf einen Entwurf kann sich noch niemand melden."))
    with transaction.atomic():
        answer = CallAnswer.objects.create(
            municipality_id=call.municipality_id,
            call=call,
            name=paper_author,
            paper_author=paper_author,
            paper_occasion=paper_occasion,
            email=email,
            message=message,
            entered_by=actor,
        )
        audit(actor.user, "call.answer_on_paper", call, occasion=paper_occasion)
    return answer


def _tell_owners(call, kind, event, besides=None):
    owners = notifications.people_who_may(
        call.municipality, "keep_circle", besides=[getattr(besides, "user", None)]
    )
    notifications.notify(
        owners, kind, event=event, target=call, url=reverse("circle:call_matches", args=[call.pk])
    )


def invite_to_call(call, member_ids, *, actor):
    """Ask the chosen members among those who fit the call; each request keeps the score and its reasons
    as they were, and each member hears of it. Members who no longer fit are left out."""
    require(actor, "invite_to_call", call)
    fitting = {match.member_id: match for match in matching.rank(call, limit=None, with_members=False)}
    chosen = [fitting[pk] for pk in member_ids if pk in fitting]
    if not chosen:
        raise ValidationError(_("Bitte wählen Sie mindestens eine passende Person aus."))
    from ankommen.accounts.models import Member

    with transaction.atomic():
        invitations = CallInvitation.objects.bulk_create(
            [
                CallInvitation(
                    municipality_id=call.municipality_id,
                    call=call,
                    member_id=match.member_id,
                    score=match.score,
                    reasons=[reason.as_json() for reason in match.reasons],
                    invited_by=actor,
                )
                for match in chosen
            ],
            ignore_conflicts=True,
        )
        audit(actor.user, "call.invited", call, count=len(chosen))
        users = [
            member.user
            for member in Member.objects.select_related("user").filter(pk__in=[m.member_id for m in chosen])
        ]
        notifications.notify(
            users,
            "call.invited",
            event=f"call_invited:{call.pk}",
            target=call,
            url=reverse("circle:my_calls"),
        )
    return invitations


def answer_invitation(invitation, *, actor, accept):
    """The asked member says yes (the call's admins then see how to reach them) or no."""
    require(actor, "answer_invitation", invitation)
    with transaction.atomic():
        invitation.status = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
        invitation.answered_at = timezone.now()
        invitation.save(update_fields=["status", "answered_at"])
        _tell_owners(
            invitation.call,
            "call.accepted" if accept else "call.declined",
            f"call_invitation:{invitation.pk}:{invitation.status}",
            besides=actor,
        )
    return invitation
