"""A member's profile: each part shown to whom its member chooses, everywhere a profile shows."""

import pytest

from ankommen.circle.models import MemberLanguage, Profile
from ankommen.circle.vocabulary import Visibility
from tests.circle import world

PARTS_VISIBLE = {
    "competences_visible_to": "1",
    "languages_visible_to": "2",
    "sector_visible_to": "1",
    "interests_visible_to": "1",
    "organisations_visible_to": "1",
    "district_visible_to": "2",
}


def test_a_new_profile_keeps_languages_and_district_for_the_administration(town, people):
    profile = Profile(municipality=town, member=people["expertin"])
    assert profile.languages_visible_to == profile.district_visible_to == Visibility.ADMINS
    assert profile.competences_visible_to == Visibility.MEMBERS and profile.suggest_me


def test_saving_the_profile_form_keeps_competences_interests_and_organisations(client_as, town, people):
    from ankommen.circle.models import Competence, Organisation
    from ankommen.concept.models import Field

    dance = Competence.objects.get(municipality=town, name="Tanz")
    field = Field.objects.get(municipality=town, slug="wohnen-und-leben")
    club = Organisation.objects.get(municipality=town, slug="tanzwerkstatt")
    response = client_as("expertin").post(
        "/konto/kompetenzen/",
        {
            "competences": [dance.pk],
            "free_terms": "Salsa, Tango",
            "interpreting": "0",
            "sector": "kultur",
            "interests": [field.pk],
            "organisations": [club.pk],
            "suggest_me": "on",
            **PARTS_VISIBLE,
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(member=people["expertin"])
    assert [row.competence for row in profile.competences.all()] == [dance]
    assert profile.free_term_list == ["Salsa", "Tango"] and list(profile.interests.all()) == [field]
    assert club.memberships.filter(member=people["expertin"]).exists()


def test_a_language_needs_a_level_for_at_least_one_skill(client_as, people):
    client = client_as("expertin")
    response = client.post(
        "/konto/kompetenzen/sprachen/", {"language": "it", "speak": "0", "understand": "0", "write": "0"}
    )
    assert response.status_code == 400
    assert "mindestens eine Fähigkeit" in response.content.decode()
    assert not MemberLanguage.objects.filter(profile__member=people["expertin"], language="it").exists()
    client.post(
        "/konto/kompetenzen/sprachen/", {"language": "it", "speak": "3", "understand": "4", "write": "0"}
    )
    client.post(
        "/konto/kompetenzen/sprachen/", {"language": "it", "speak": "5", "understand": "5", "write": "2"}
    )
    row = MemberLanguage.objects.get(profile__member=people["expertin"], language="it")
    assert (row.speak, row.understand, row.write) == (5, 5, 2)  # changed, not added twice


@pytest.mark.parametrize(
    ("visibility", "who_sees"),
    [
        (Visibility.PUBLIC, {None, "stranger", "expertin", "moderation", "admin"}),
        (Visibility.MEMBERS, {"expertin", "moderation", "admin"}),
        (Visibility.ADMINS, {"admin"}),
    ],
)
def test_each_part_shows_to_whom_its_member_chose(client_as, town, people, visibility, who_sees):
    member = people["nachbarschaft"]
    Profile.objects.filter(member=member).update(
        competences_visible_to=visibility,
        languages_visible_to=visibility,
        sector_visible_to=Visibility.PUBLIC,
        free_terms="Lastenrad-Schrauber",
    )
    for viewer in (None, "stranger", "expertin", "moderation", "admin"):
        page = client_as(viewer).get(f"/mitglieder/{member.pk}/").content.decode()
        sees = viewer in who_sees
        assert ("Lastenrad-Schrauber" in page) == sees, viewer
        assert ("Fahrradwerkstatt" in page) == sees, viewer
        assert ("Türkisch" in page) == sees, viewer
        assert "Wirtschaft und Handwerk" in page  # the sector, public


def test_the_preview_shows_the_profile_as_each_kind_of_viewer_sees_it(client_as, people):
    client = client_as("mitglied")
    everyone = client.get("/konto/kompetenzen/vorschau/?als=alle").content.decode()
    members = client.get("/konto/kompetenzen/vorschau/?als=mitglieder").content.decode()
    administration = client.get("/konto/kompetenzen/vorschau/?als=verwaltung").content.decode()
    assert "Hausaufgabenhilfe" not in everyone and "Hausaufgabenhilfe" in members
    assert "Arabisch" not in members and "Arabisch" in administration  # languages start hidden
    assert "Oststadt" not in members and "Oststadt" in administration


def test_the_member_search_finds_only_by_parts_the_viewer_may_see(client_as, town, people):
    hidden = world.person(town, "Verborgene Sprecherin", languages=[("wo", 7, 7, 5)])
    shown = world.person(town, "Offene Sprecherin", languages=[("wo", 5, 5, 3)], languages_visible_to=1)
    moderator = (
        client_as("moderation").get("/verwaltung/personen-finden/", {"language": "wo"}).content.decode()
    )
    assert "Offene Sprecherin" in moderator and "Verborgene Sprecherin" not in moderator
    admin = client_as("admin").get("/verwaltung/personen-finden/", {"language": "wo"}).content.decode()
    assert "Offene Sprecherin" in admin and "Verborgene Sprecherin" in admin
    level = client_as("admin").get("/verwaltung/personen-finden/", {"language": "wo", "level": "6"})
    assert (
        "Verborgene Sprecherin" in level.content.decode()
        and "Offene Sprecherin" not in level.content.decode()
    )
    assert hidden.pk != shown.pk


def test_filters_combine(client_as, town, people):
    from ankommen.circle.models import Competence
    from ankommen.concept.models import District

    west = District.objects.get(municipality=town, name="Weststadt")
    world.person(town, "Tanz im Westen", competences=["Tanz"], district=west, district_visible_to=1)
    world.person(town, "Tanz anderswo", competences=["Tanz"])
    dance = Competence.objects.get(municipality=town, name="Tanz")
    page = (
        client_as("admin")
        .get("/verwaltung/personen-finden/", {"competence": dance.pk, "district": west.pk})
        .content.decode()
    )
    assert "Tanz im Westen" in page and "Tanz anderswo" not in page


def test_an_organisation_shows_only_members_who_let_the_viewer_see_it(client_as, town, people):
    club = world.organisation(town, "tanzwerkstatt")
    world.person(town, "Zeigt sich allen", organisations=[club], organisations_visible_to=0)
    world.person(town, "Zeigt sich Mitgliedern", organisations=[club], organisations_visible_to=1)
    world.person(town, "Zeigt sich niemandem", organisations=[club], organisations_visible_to=2)
    visitor = client_as(None).get("/organisationen/tanzwerkstatt/").content.decode()
    member = client_as("expertin").get("/organisationen/tanzwerkstatt/").content.decode()
    assert "Zeigt sich allen" in visitor and "Zeigt sich Mitgliedern" not in visitor
    assert "Zeigt sich Mitgliedern" in member and "Zeigt sich niemandem" not in member


def test_a_contact_person_confirms_a_competence_and_takes_it_back_after_a_question(client_as, town, people):
    from ankommen.circle.models import MemberCompetence

    held = MemberCompetence.objects.get(
        profile__member=people["mitglied"], competence__name="Kochen für Gruppen"
    )
    contact = client_as("multiplikator")
    page = contact.get("/organisationen/arbeitskreis-asyl/").content.decode()
    assert "Kompetenzen bestätigen" in page
    contact.post(f"/organisationen/arbeitskreis-asyl/bestaetigen/{held.pk}/")
    held.refresh_from_db()
    assert held.is_confirmed and held.confirmed_by.slug == "arbeitskreis-asyl"
    question = contact.get(f"/organisationen/arbeitskreis-asyl/bestaetigung-zuruecknehmen/{held.pk}/")
    assert "Bestätigung zurücknehmen?" in question.content.decode()
    contact.post(f"/organisationen/arbeitskreis-asyl/bestaetigung-zuruecknehmen/{held.pk}/")
    held.refresh_from_db()
    assert not held.is_confirmed
    assert (
        client_as("expertin")
        .get("/organisationen/arbeitskreis-asyl/")
        .content.decode()
        .count("Kompetenzen bestätigen")
        == 0
    )


def test_a_long_result_is_paged_and_counted_up_to_a_limit(client_as, town, people, monkeypatch):
    from ankommen.circle import views

    for number in range(4):
        world.person(town, f"Seitenweise {number}", sector="sport", sector_visible_to=1)
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 3)
    monkeypatch.setattr(views, "COUNTED_UP_TO", 2)
    admin = client_as("admin")
    first = admin.get("/verwaltung/personen-finden/", {"sector": "sport"}).content.decode()
    assert (
        "Mehr als 2 Personen gefunden" in first and "Seitenweise 2" in first and "Seitenweise 3" not in first
    )
    second = admin.get("/verwaltung/personen-finden/", {"sector": "sport", "page": "2"}).content.decode()
    assert "Seitenweise 3" in second and "Seitenweise 0" not in second
    monkeypatch.setattr(views, "COUNTED_UP_TO", 10)
    assert (
        "4 Personen gefunden"
        in admin.get("/verwaltung/personen-finden/", {"sector": "sport"}).content.decode()
    )


def test_ending_a_contact_persons_role_asks_first(client_as, people):
    contact = people["multiplikator"].organisation_memberships.get()
    admin = client_as("admin")
    question = admin.get(f"/verwaltung/organisationen/arbeitskreis-asyl/ansprechperson/{contact.pk}/")
    assert "nicht mehr Ansprechperson?" in question.content.decode()
    contact.refresh_from_db()
    assert contact.is_contact  # asking changed nothing
    admin.post(f"/verwaltung/organisationen/arbeitskreis-asyl/ansprechperson/{contact.pk}/")
    contact.refresh_from_db()
    assert not contact.is_contact
