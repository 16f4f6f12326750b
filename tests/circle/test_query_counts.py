"""The open circle's pages run exactly their pinned number of queries, with N items as with 3N.

See tests/queries.py for how a page is measured.
"""

import pytest

from ankommen.accounts.models import Member
from ankommen.circle.models import Call, CallInvitation, Competence, Organisation, Profile
from tests.circle import world
from tests.queries import Page, pin

TOWN = "kornwestheim"


def _creative():
    return Call.objects.get(municipality__slug=TOWN, title__startswith="Gesucht: Menschen, die kreativ")


def _member(local_part):
    return Member.objects.get(municipality__slug=TOWN, user__email__startswith=f"{local_part}@")


def _invitation_pk():
    return CallInvitation.objects.get(
        member=_member("mitglied"), call__title__startswith="Gesucht: Hausaufgaben"
    ).pk


def _held_pk():
    return _member("mitglied").circle_profile.competences.get(confirmed_at__isnull=False).pk


def add_calls(town, people, count):
    """Published calls, each with a criterion, an answer from a visitor and a request to a member."""
    for _number in range(count):
        record = world.call(town, f"Gesucht: Aufgabe {Call.objects.count()}", competences=[("Tanz", False)])
        world.answer(record, name="Gast", email="gast@example.org", message="Gern.")
        world.invitation(record, people["mitglied"])


def add_organisations(town, people, count):
    for number in range(count):
        Organisation.objects.create(
            municipality=town,
            slug=f"verein-{Organisation.objects.count()}",
            name=f"Verein {number}",
            kind="association",
        )


def add_organisation_members(town, people, count):
    """People who show the Arbeitskreis Asyl and their competences to everyone."""
    organisation = world.organisation(town, "arbeitskreis-asyl")
    for _ in range(count):
        world.person(
            town,
            competences=["Tanz", "Musik"],
            organisations=[organisation],
            organisations_visible_to=0,
            competences_visible_to=0,
        )


def add_competences(town, people, count):
    for _ in range(count):
        Competence.objects.create(municipality=town, name=f"Kompetenz {Competence.objects.count()}")


def add_to_the_members_profile(town, people, count):
    """Competences and languages in Amal Haddad's profile (and the town's list grows with them)."""
    profile = Profile.objects.get(member=people["mitglied"])
    codes = ["it", "es", "pt", "el", "pl", "ro", "bg", "hr", "sr"]
    taken = set(profile.languages.values_list("language", flat=True))
    free = [code for code in codes if code not in taken]
    for number in range(count):
        held = Competence.objects.create(municipality=town, name=f"Kompetenz {Competence.objects.count()}")
        profile.competences.create(municipality=town, competence=held)
        profile.languages.create(municipality=town, language=free[number], speak=3)
    Profile.objects.filter(pk=profile.pk).update(competences_visible_to=0, languages_visible_to=0)


def add_creative_people(town, people, count):
    """People who fit the creative call, half of them asked already."""
    record = _creative()
    for number in range(count):
        member = world.person(
            town, competences=["Tanz", "Film und Video"], languages=[("ar", 7, 7, 5)], sector="kultur"
        )
        if number % 2:
            world.invitation(record, member)


def add_arabic_speakers(town, people, count):
    for _ in range(count):
        world.person(
            town, competences=["Hausaufgabenhilfe"], languages=[("ar", 7, 7, 6)], languages_visible_to=1
        )


def add_requests_to_the_member(town, people, count):
    add_calls(town, people, count)
    for record in Call.objects.filter(municipality=town, title__startswith="Gesucht: Aufgabe")[:count]:
        world.answer(record, member=people["mitglied"], message="Ich helfe.")


PAGES = [
    Page("calls", None, lambda: "/gesucht/", (2, 2), add_calls),
    Page("calls in Arabic", None, lambda: "/ar/gesucht/", (6, 6), add_calls),
    Page("a call", None, lambda: _creative().get_absolute_url(), (4, 4), add_calls),
    Page("a call for a member", "mitglied", lambda: _creative().get_absolute_url(), (9, 9), add_calls),
    Page("organisations", None, lambda: "/organisationen/", (2, 2), add_organisations),
    Page(
        "an organisation",
        None,
        lambda: "/organisationen/arbeitskreis-asyl/",
        (7, 7),
        add_organisation_members,
    ),
    Page(
        "an organisation for its contact person",
        "multiplikator",
        lambda: "/organisationen/arbeitskreis-asyl/",
        (14, 14),
        add_organisation_members,
    ),
    Page(
        "a member's profile",
        "expertin",
        lambda: f"/mitglieder/{_member('mitglied').pk}/",
        (10, 10),
        add_to_the_members_profile,
    ),
    Page(
        "one's profile form", "mitglied", lambda: "/konto/kompetenzen/", (15, 15), add_to_the_members_profile
    ),
    Page(
        "one's languages",
        "mitglied",
        lambda: "/konto/kompetenzen/sprachen/",
        (6, 6),
        add_to_the_members_profile,
    ),
    Page(
        "the preview", "mitglied", lambda: "/konto/kompetenzen/vorschau/", (7, 7), add_to_the_members_profile
    ),
    Page("one's requests", "mitglied", lambda: "/konto/anfragen/", (6, 6), add_requests_to_the_member),
    Page(
        "accepting a request",
        "mitglied",
        lambda: f"/konto/anfragen/{_invitation_pk()}/zusagen/",
        (5, 5),
        add_calls,
    ),
    Page(
        "declining a request",
        "mitglied",
        lambda: f"/konto/anfragen/{_invitation_pk()}/absagen/",
        (5, 5),
        add_calls,
    ),
    Page(
        "taking a confirmation back",
        "admin",
        lambda: f"/organisationen/arbeitskreis-asyl/bestaetigung-zuruecknehmen/{_held_pk()}/",
        (9, 9),
        add_organisation_members,
    ),
    Page("competences", "admin", lambda: "/verwaltung/kompetenzen/", (5, 5), add_competences),
    Page("the competence form", "admin", lambda: "/verwaltung/kompetenzen/neu/", (4, 4), add_competences),
    Page(
        "a competence's form",
        "admin",
        lambda: f"/verwaltung/kompetenzen/{Competence.objects.get(municipality__slug=TOWN, name='Tanz').pk}/",
        (5, 5),
        add_competences,
    ),
    Page(
        "the organisation form", "admin", lambda: "/verwaltung/organisationen/neu/", (5, 5), add_organisations
    ),
    Page(
        "an organisation's form",
        "admin",
        lambda: "/verwaltung/organisationen/arbeitskreis-asyl/",
        (8, 8),
        add_organisation_members,
    ),
    Page(
        "ending a contact person's role",
        "admin",
        lambda: (
            "/verwaltung/organisationen/arbeitskreis-asyl/ansprechperson/"
            f"{_member('multiplikator').organisation_memberships.get().pk}/"
        ),
        (7, 7),
        add_organisation_members,
    ),
    Page("the calls' administration", "admin", lambda: "/verwaltung/gesucht/", (7, 7), add_calls),
    Page("the call form", "admin", lambda: "/verwaltung/gesucht/neu/", (8, 8), add_competences),
    Page(
        "a call's form",
        "admin",
        lambda: f"/verwaltung/gesucht/{_creative().pk}/bearbeiten/",
        (11, 11),
        add_competences,
    ),
    Page(
        "the paper answer form",
        "admin",
        lambda: f"/verwaltung/gesucht/{_creative().pk}/auf-papier/",
        (5, 5),
        add_calls,
    ),
    Page(
        "a call's answers and matches",
        "admin",
        lambda: f"/verwaltung/gesucht/{_creative().pk}/",
        (15, 15),
        add_creative_people,
    ),
    Page(
        "ending a call", "admin", lambda: f"/verwaltung/gesucht/{_creative().pk}/beenden/", (5, 5), add_calls
    ),
    Page(
        "finding members",
        "moderation",
        lambda: "/verwaltung/personen-finden/?language=ar",
        (15, 15),
        add_arabic_speakers,
    ),
    Page(
        "finding members as an admin",
        "admin",
        lambda: "/verwaltung/personen-finden/?language=ar&level=3",
        (16, 16),
        add_arabic_speakers,
    ),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
