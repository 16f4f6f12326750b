"""Every view of the open circle, every role: allowed requests succeed, refused ones change nothing.

See tests/permissions.py for the matrix.
"""

import pytest

from ankommen.accounts.models import Member
from ankommen.circle.models import (
    Call,
    CallAnswer,
    CallInvitation,
    Competence,
    MemberCompetence,
    MemberLanguage,
    Organisation,
    OrganisationMembership,
    Profile,
)
from tests.permissions import ADMIN, EVERYONE, MEMBERS, ROLES, STAFF, Case, check, role_id

TOWN = "kornwestheim"


def _call(start):
    return Call.objects.get(municipality__slug=TOWN, title__startswith=start)


def _creative():
    return _call("Gesucht: Menschen, die kreativ")


def _homework():
    return _call("Gesucht: Hausaufgabenhilfe")


def _authorities():
    return _call("Gesucht: Begleitung zur Ausländerbehörde")


def _draft():
    return _call("Gesucht: Patinnen")


def _invitation():
    return CallInvitation.objects.get(call=_homework(), member__user__email__startswith="mitglied@")


def _member(local_part):
    return Member.objects.get(municipality__slug=TOWN, user__email__startswith=f"{local_part}@")


def _held(name):
    return MemberCompetence.objects.get(
        municipality__slug=TOWN, profile__member=_member("mitglied"), competence__name=name
    )


def _competence(name):
    return Competence.objects.get(municipality__slug=TOWN, name=name)


def _membership():
    return OrganisationMembership.objects.get(
        organisation__slug="arbeitskreis-asyl", member=_member("mitglied")
    )


def _contact():
    return OrganisationMembership.objects.get(
        organisation__slug="arbeitskreis-asyl", member=_member("multiplikator")
    )


def prepare_cases(town):
    """Every demo login knows Albanian a little, for the case that takes a language off a profile."""
    for local_part in ("mitglied", "uebersetzung", "expertin", "multiplikator", "moderation", "admin"):
        member = _member(local_part)
        profile, _ = Profile.objects.get_or_create(municipality=town, member=member)
        MemberLanguage.objects.get_or_create(
            municipality=town, profile=profile, language="sq", defaults={"speak": 1, "understand": 2}
        )


@pytest.fixture(autouse=True)
def _prepared(town):
    prepare_cases(town)


VISIBILITY = {
    "competences_visible_to": "1",
    "languages_visible_to": "2",
    "sector_visible_to": "1",
    "interests_visible_to": "1",
    "organisations_visible_to": "1",
    "district_visible_to": "2",
}

OPEN_TO_EVERYONE = {"circle:calls", "circle:organisations", "circle:organisation"}

CASES = [
    Case("see the calls", "get", lambda: "/gesucht/", EVERYONE),
    Case("read a call", "get", lambda: _creative().get_absolute_url(), EVERYONE),
    Case("read a draft call", "get", lambda: _draft().get_absolute_url(), ADMIN),
    Case(
        "answer a call",
        "post",
        lambda: _authorities().get_absolute_url(),
        EVERYONE,
        {"name": "Rana Saleh", "email": "rana@example.org", "message": "Ich spreche Dari."},
        lambda: CallAnswer.objects.count(),
    ),
    Case(
        "answer a draft call",
        "post",
        lambda: _draft().get_absolute_url(),
        set(),
        {"name": "Rana Saleh", "email": "rana@example.org", "message": "Ich spreche Dari."},
        # The admin sees the draft, but nobody may answer it yet.
        refused_with={"admin": 403},
    ),
    Case("see the organisations", "get", lambda: "/organisationen/", EVERYONE),
    Case("see an organisation", "get", lambda: "/organisationen/arbeitskreis-asyl/", EVERYONE),
    Case("see a public profile", "get", lambda: f"/mitglieder/{_member('leyla.ahmadi').pk}/", EVERYONE),
    Case("see a profile for members", "get", lambda: f"/mitglieder/{_member('mitglied').pk}/", MEMBERS),
    Case("see one's profile form", "get", lambda: "/konto/kompetenzen/", MEMBERS),
    Case(
        "change one's profile",
        "post",
        lambda: "/konto/kompetenzen/",
        MEMBERS,
        lambda: {
            "competences": [str(_competence("Computerkurse geben").pk)],
            "interpreting": "0",
            "suggest_me": "on",
            **VISIBILITY,
        },
        lambda: MemberCompetence.objects.filter(competence__name="Computerkurse geben").count(),
    ),
    Case("see one's languages", "get", lambda: "/konto/kompetenzen/sprachen/", MEMBERS),
    Case(
        "add a language",
        "post",
        lambda: "/konto/kompetenzen/sprachen/",
        MEMBERS,
        {"language": "it", "speak": "3", "understand": "4", "write": "2"},
        lambda: MemberLanguage.objects.filter(language="it").count(),
    ),
    Case(
        "remove a language",
        "post",
        lambda: "/konto/kompetenzen/sprachen/sq/entfernen/",
        MEMBERS,
        {},
        lambda: MemberLanguage.objects.filter(language="sq").count(),
    ),
    Case("preview one's profile", "get", lambda: "/konto/kompetenzen/vorschau/", MEMBERS),
    Case("see one's requests", "get", lambda: "/konto/anfragen/", MEMBERS),
    Case(
        "see the accepting page", "get", lambda: f"/konto/anfragen/{_invitation().pk}/zusagen/", {"mitglied"}
    ),
    Case(
        "accept a request",
        "post",
        lambda: f"/konto/anfragen/{_invitation().pk}/zusagen/",
        {"mitglied"},
        {},
        lambda: CallInvitation.objects.filter(status="accepted").count(),
    ),
    Case(
        "see the declining page", "get", lambda: f"/konto/anfragen/{_invitation().pk}/absagen/", {"mitglied"}
    ),
    Case(
        "decline a request",
        "post",
        lambda: f"/konto/anfragen/{_invitation().pk}/absagen/",
        {"mitglied"},
        {},
        lambda: CallInvitation.objects.filter(status="declined").count(),
    ),
    Case(
        "confirm a member's competence",
        "post",
        lambda: f"/organisationen/arbeitskreis-asyl/bestaetigen/{_held('Kochen für Gruppen').pk}/",
        {"admin", "multiplikator"},
        {},
        lambda: MemberCompetence.objects.filter(confirmed_at__isnull=False).count(),
    ),
    Case(
        "see the page taking a confirmation back",
        "get",
        lambda: (
            f"/organisationen/arbeitskreis-asyl/bestaetigung-zuruecknehmen/{_held('Hausaufgabenhilfe').pk}/"
        ),
        {"admin", "multiplikator"},
    ),
    Case(
        "take a confirmation back",
        "post",
        lambda: (
            f"/organisationen/arbeitskreis-asyl/bestaetigung-zuruecknehmen/{_held('Hausaufgabenhilfe').pk}/"
        ),
        {"admin", "multiplikator"},
        {},
        lambda: MemberCompetence.objects.filter(confirmed_at__isnull=False).count(),
    ),
    Case("see the competences", "get", lambda: "/verwaltung/kompetenzen/", ADMIN),
    Case("see the competence form", "get", lambda: "/verwaltung/kompetenzen/neu/", ADMIN),
    Case(
        "add a competence",
        "post",
        lambda: "/verwaltung/kompetenzen/neu/",
        ADMIN,
        {"name": "Gebärdensprache dolmetschen", "description": "", "position": "50"},
        lambda: Competence.objects.count(),
    ),
    Case(
        "see a competence's form", "get", lambda: f"/verwaltung/kompetenzen/{_competence('Tanz').pk}/", ADMIN
    ),
    Case(
        "change a competence",
        "post",
        lambda: f"/verwaltung/kompetenzen/{_competence('Tanz').pk}/",
        ADMIN,
        {"name": "Tanz und Bewegung", "description": "", "position": "0"},
        lambda: Competence.objects.filter(name="Tanz und Bewegung").count(),
    ),
    Case("see the organisation form", "get", lambda: "/verwaltung/organisationen/neu/", ADMIN),
    Case(
        "add an organisation",
        "post",
        lambda: "/verwaltung/organisationen/neu/",
        ADMIN,
        {
            "name": "Moscheeverein Kornwestheim",
            "slug": "",
            "kind": "association",
            "description": "",
            "website": "",
        },
        lambda: Organisation.objects.count(),
    ),
    Case("see an organisation's form", "get", lambda: "/verwaltung/organisationen/arbeitskreis-asyl/", ADMIN),
    Case(
        "change an organisation",
        "post",
        lambda: "/verwaltung/organisationen/arbeitskreis-asyl/",
        ADMIN,
        {
            "name": "AK Asyl Kornwestheim",
            "slug": "arbeitskreis-asyl",
            "kind": "association",
            "description": "",
            "website": "",
        },
        lambda: Organisation.objects.filter(name="AK Asyl Kornwestheim").count(),
    ),
    Case(
        "make a member a contact person",
        "post",
        lambda: f"/verwaltung/organisationen/arbeitskreis-asyl/ansprechperson/{_membership().pk}/",
        ADMIN,
        {"is_contact": "1"},
        lambda: OrganisationMembership.objects.filter(is_contact=True).count(),
    ),
    Case(
        "see the question before a contact person is one no more",
        "get",
        lambda: f"/verwaltung/organisationen/arbeitskreis-asyl/ansprechperson/{_contact().pk}/",
        ADMIN,
    ),
    Case(
        "end a contact person's role",
        "post",
        lambda: f"/verwaltung/organisationen/arbeitskreis-asyl/ansprechperson/{_contact().pk}/",
        ADMIN,
        {},
        lambda: OrganisationMembership.objects.filter(is_contact=True).count(),
    ),
    Case("see the calls' administration", "get", lambda: "/verwaltung/gesucht/", ADMIN),
    Case("see the call form", "get", lambda: "/verwaltung/gesucht/neu/", ADMIN),
    Case(
        "create a call",
        "post",
        lambda: "/verwaltung/gesucht/neu/",
        ADMIN,
        lambda: {
            "title": "Gesucht: Nähcafé",
            "text": "Wer näht mit uns?",
            "interpreting_min": "0",
            "competences_wanted": [str(_competence("Nähen").pk)],
        },
        lambda: Call.objects.count(),
    ),
    Case("see a call's answers and matches", "get", lambda: f"/verwaltung/gesucht/{_creative().pk}/", ADMIN),
    Case(
        "ask members to help",
        "post",
        lambda: f"/verwaltung/gesucht/{_creative().pk}/",
        ADMIN,
        lambda: {"members": [str(_member("dmytro.bondarenko").pk)]},
        lambda: CallInvitation.objects.count(),
    ),
    Case("see a call's form", "get", lambda: f"/verwaltung/gesucht/{_creative().pk}/bearbeiten/", ADMIN),
    Case(
        "change a call",
        "post",
        lambda: f"/verwaltung/gesucht/{_draft().pk}/bearbeiten/",
        ADMIN,
        {
            "title": "Gesucht: Ausbildungspatenschaften",
            "text": "Ein Jahr lang begleiten.",
            "interpreting_min": "0",
        },
        lambda: Call.objects.filter(title="Gesucht: Ausbildungspatenschaften").count(),
    ),
    Case(
        "publish a call",
        "post",
        lambda: f"/verwaltung/gesucht/{_draft().pk}/veroeffentlichen/",
        ADMIN,
        {},
        lambda: Call.objects.filter(status="published").count(),
    ),
    Case(
        "see the page ending a call", "get", lambda: f"/verwaltung/gesucht/{_creative().pk}/beenden/", ADMIN
    ),
    Case(
        "end a call",
        "post",
        lambda: f"/verwaltung/gesucht/{_creative().pk}/beenden/",
        ADMIN,
        {},
        lambda: Call.objects.filter(status="closed").count(),
    ),
    Case(
        "see the paper answer form", "get", lambda: f"/verwaltung/gesucht/{_creative().pk}/auf-papier/", ADMIN
    ),
    Case(
        "enter an answer from paper",
        "post",
        lambda: f"/verwaltung/gesucht/{_creative().pk}/auf-papier/",
        ADMIN,
        {"paper_author": "Fatma Kaya", "paper_occasion": "Sprechstunde im Rathaus", "message": "Ich male."},
        lambda: CallAnswer.objects.count(),
    ),
    Case("find members", "get", lambda: "/verwaltung/personen-finden/", STAFF, {"language": "ar"}),
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
