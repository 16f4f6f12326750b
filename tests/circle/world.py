"""People of the open circle for tests: members with profiles built in one call."""

import itertools

from ankommen.accounts.models import Member, User
from ankommen.circle.models import (
    Call,
    CallAnswer,
    CallCompetence,
    CallInvitation,
    CallLanguage,
    Competence,
    MemberCompetence,
    MemberLanguage,
    Organisation,
    OrganisationMembership,
    Profile,
)

_numbers = itertools.count(1)


def competence(town, name):
    return Competence.objects.get_or_create(municipality=town, name=name)[0]


def person(town, name=None, *, competences=(), confirmed_by=None, languages=(), organisations=(), **profile):
    """A new member with a profile: `competences` by name, `languages` as (code, speak, understand, write)."""
    number = next(_numbers)
    name = name or f"Person {number}"
    user = User.objects.create_user(
        f"circle{number}-{User.objects.count()}@example.org", None, display_name=name
    )
    member = Member.objects.create(municipality=town, user=user, role_sectors={"member": ""})
    record = Profile.objects.create(municipality=town, member=member, **profile)
    for each in competences:
        MemberCompetence.objects.create(
            municipality=town,
            profile=record,
            competence=competence(town, each),
            confirmed_by=confirmed_by,
            confirmed_at=member.joined_at if confirmed_by else None,
        )
    for code, speak, understand, write in languages:
        MemberLanguage.objects.create(
            municipality=town, profile=record, language=code, speak=speak, understand=understand, write=write
        )
    for organisation in organisations:
        OrganisationMembership.objects.create(municipality=town, organisation=organisation, member=member)
    return member


def call(town, title="Gesucht: Test", *, competences=(), languages=(), status="published", **values):
    """A call: `competences` as (name, must), `languages` as (code, skill, level, must)."""
    record = Call.objects.create(municipality=town, title=title, text="Wer hilft?", status=status, **values)
    for name, must in competences:
        CallCompetence.objects.create(
            municipality=town, call=record, competence=competence(town, name), must=must
        )
    for code, skill, level, must in languages:
        CallLanguage.objects.create(
            municipality=town, call=record, language=code, skill=skill, min_level=level, must=must
        )
    return record


def organisation(town, slug):
    return Organisation.objects.get(municipality=town, slug=slug)


def answer(record, member=None, **values):
    return CallAnswer.objects.create(municipality=record.municipality, call=record, member=member, **values)


def invitation(record, member, **values):
    return CallInvitation.objects.create(
        municipality=record.municipality, call=record, member=member, **values
    )
