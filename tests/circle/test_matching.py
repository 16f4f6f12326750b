"""Ranking the members who fit a call: conditions filter, points explain, the order holds still."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ankommen.circle import matching
from ankommen.circle.models import Call, MemberCompetence, Organisation
from tests.circle import world


@pytest.fixture
def town_without_demo_calls(other_town):
    """A town without the demo's circle: each test ranks only the people it adds."""
    return other_town


def club(town, slug):
    return Organisation.objects.create(municipality=town, slug=slug, name=slug.title(), kind="association")


def ranked(call):
    return [match.member for match in matching.rank(call, limit=None)]


def test_members_who_miss_a_condition_are_not_ranked(town_without_demo_calls):
    town = town_without_demo_calls
    arabic = world.person(
        town, "Arabisch genug", competences=["Hausaufgabenhilfe"], languages=[("ar", 4, 4, 3)]
    )
    too_little = world.person(
        town, "Arabisch zu wenig", competences=["Hausaufgabenhilfe"], languages=[("ar", 2, 3, 1)]
    )
    no_help = world.person(town, "Keine Hilfe", languages=[("ar", 7, 7, 7)])
    record = world.call(town, competences=[("Hausaufgabenhilfe", True)], languages=[("ar", "speak", 3, True)])
    assert ranked(record) == [arabic]
    assert too_little not in ranked(record) and no_help not in ranked(record)


def test_with_children_only_confirmed_competences_count(town_without_demo_calls):
    town = town_without_demo_calls
    club_ = club(town, "familienzentrum")
    confirmed = world.person(town, "Bestätigt", competences=["Schwimmunterricht"], confirmed_by=club_)
    unconfirmed = world.person(town, "Unbestätigt", competences=["Schwimmunterricht"])
    in_own_words = world.person(town, "Eigene Worte", free_terms="Schwimmunterricht für Kinder")
    children = world.call(town, competences=[("Schwimmunterricht", True)], involves_vulnerable=True)
    assert ranked(children) == [confirmed]
    adults = world.call(town, "Gesucht: Erwachsene", competences=[("Schwimmunterricht", False)])
    assert set(ranked(adults)) == {confirmed, unconfirmed, in_own_words}
    assert ranked(adults)[-1] == in_own_words  # a free term counts less than the competence itself


def test_members_who_switched_suggestions_off_or_left_are_not_ranked(town_without_demo_calls):
    town = town_without_demo_calls
    shown = world.person(town, "Vorschlagen", competences=["Tanz"])
    world.person(town, "Nicht vorschlagen", competences=["Tanz"], suggest_me=False)
    left = world.person(town, "Deaktiviert", competences=["Tanz"])
    left.is_active = False
    left.save()
    assert ranked(world.call(town, competences=[("Tanz", False)])) == [shown]


def test_the_reasons_add_up_to_the_score_and_each_names_what_it_counts(town_without_demo_calls):
    town = town_without_demo_calls
    club_ = club(town, "tanzwerkstatt")
    dancer = world.person(
        town,
        "Tänzerin",
        competences=["Tanz", "Theater und Schauspiel"],
        confirmed_by=club_,
        languages=[("fa", 7, 7, 7)],
        sector="kultur",
    )
    record = world.call(
        town,
        competences=[("Tanz", False), ("Theater und Schauspiel", False)],
        languages=[("fa", "speak", 3, False)],
        sector="kultur",
    )
    [match] = matching.rank(record)
    assert match.member == dancer
    points = {reason.kind: reason.points for reason in match.reasons}
    assert match.score == sum(reason.points for reason in match.reasons) == 2 * (10 + 4) + 6 + 3 + 3
    assert points["language_level"] == 3  # native is four levels above B1; three count
    assert "Tanz" in match.reasons[0].text and "Tanzwerkstatt" in match.reasons[1].text


def test_the_same_input_gives_the_same_order_and_ties_do_not_follow_the_age_of_membership(
    town_without_demo_calls,
):
    town = town_without_demo_calls
    people = [world.person(town, f"Gleich {number}", competences=["Musik"]) for number in range(12)]
    record = world.call(town, competences=[("Musik", False)])
    first = ranked(record)
    assert first == ranked(record) == ranked(Call.objects.get(pk=record.pk))
    assert set(first) == set(people)
    assert first != people and first != people[::-1]  # a fixed hash of call and member, not the ids


def test_requests_for_other_calls_lower_the_score(town_without_demo_calls):
    town = town_without_demo_calls
    busy = world.person(town, "Oft gefragt", competences=["Nähen"])
    rested = world.person(town, "Selten gefragt", competences=["Nähen"])
    for number in range(3):
        world.invitation(world.call(town, f"Gesucht: Früher {number}", competences=[("Nähen", False)]), busy)
    record = world.call(town, competences=[("Nähen", False)])
    matches = matching.rank(record)
    assert [match.member for match in matches] == [rested, busy]
    spread = next(reason for reason in matches[1].reasons if reason.kind == "spread")
    assert spread.points == -6 and matches[1].score == 4


def test_ranking_asks_the_same_queries_however_many_members_fit(town_without_demo_calls):
    town = town_without_demo_calls
    record = world.call(
        town, competences=[("Kochen für Gruppen", False)], languages=[("tr", "speak", 3, False)], field=None
    )

    def count():
        with CaptureQueriesContext(connection) as context:
            matching.rank(record)
        return len(context.captured_queries)

    for _ in range(5):
        world.person(town, competences=["Kochen für Gruppen"], languages=[("tr", 5, 5, 4)])
    few = count()
    for _ in range(15):
        world.person(town, competences=["Kochen für Gruppen"], languages=[("tr", 5, 5, 4)])
    assert count() == few


def test_a_competence_taken_off_the_profile_loses_its_confirmation(town, people):
    from ankommen.circle import services

    member = people["mitglied"]
    held = MemberCompetence.objects.get(profile__member=member, competence__name="Hausaufgabenhilfe")
    assert held.is_confirmed
    profile = member.circle_profile
    values = {"free_terms": "", "interpreting": 0, "sector": "", "district": None, "suggest_me": True}
    services.save_profile(member, actor=member, competences=[], interests=[], organisations=[], **values)
    assert not profile.competences.exists()
    kept = list(held.competence.__class__.objects.filter(name="Hausaufgabenhilfe"))
    services.save_profile(member, actor=member, competences=kept, interests=[], organisations=[], **values)
    assert not MemberCompetence.objects.get(profile=profile).is_confirmed
