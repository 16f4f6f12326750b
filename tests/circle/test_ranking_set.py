"""The ranking against a set judged by hand before the ranking existed (`ranking_set.json`, RANKING_SET.md).

400 members and 60 calls; for each call the members judged right (2) or partly right (1) from the
call's text and the profiles. The ranking must put right people first (precision@5, nDCG@10),
never rank someone who misses a condition, spread its requests, and explain each score exactly.
"""

import json
import math
from pathlib import Path

import pytest

from ankommen.accounts.models import Member, User
from ankommen.circle import matching
from ankommen.circle.demo import KEY_TO_NAME
from ankommen.circle.models import (
    Call,
    CallCompetence,
    CallInvitation,
    CallLanguage,
    Competence,
    MemberCompetence,
    MemberLanguage,
    Organisation,
    Profile,
)
from ankommen.circle.vocabulary import INTERPRETING_CODES, LEVEL_CODES
from ankommen.concept.models import District, Field
from ankommen.core.models import Municipality

SET = json.loads((Path(__file__).parent / "ranking_set.json").read_text())
FIELDS = {
    "wirtschaft-und-berufliche-bildung": "Wirtschaft und berufliche Bildung",
    "wohnen-und-leben": "Wohnen und Leben",
    "fruehkindliche-und-schulische-bildung": "frühkindliche und schulische Bildung",
}
INVITED_PER_CALL = 5


def level(code):
    return LEVEL_CODES[code] if code else 0


@pytest.fixture(scope="module")
def ranking_town(django_db_setup, django_db_blocker):
    """A town holding the set's members and calls, built once for the module and removed after it."""
    with django_db_blocker.unblock():
        town = Municipality.objects.create(name="Rankingen", slug="rankingen", host="rankingen.test")
        fields = {
            slug: Field.objects.create(municipality=town, slug=slug, name=name, summary=name)
            for slug, name in FIELDS.items()
        }
        districts = {
            name: District.objects.create(municipality=town, name=name)
            for name in ("Innenstadt", "Weststadt", "Oststadt", "Südstadt", "Pattonville")
        }
        competences = {
            key: Competence.objects.create(municipality=town, name=name) for key, name in KEY_TO_NAME.items()
        }
        confirming = Organisation.objects.create(
            municipality=town, slug="verein", name="Verein", kind="association"
        )
        users = User.objects.bulk_create(
            User(email=f"{row['key']}@rankingen.test", display_name=row["name"]) for row in SET["members"]
        )
        members = Member.objects.bulk_create(
            Member(municipality=town, user=user, role_sectors={"member": ""}) for user in users
        )
        profiles = Profile.objects.bulk_create(
            Profile(
                municipality=town,
                member=member,
                free_terms=", ".join(row["free_terms"]),
                interpreting=INTERPRETING_CODES[row["interpreting"]],
                sector=row["sector"] or "",
                district=districts.get(row["district"]),
                suggest_me=row["suggest_me"],
            )
            for member, row in zip(members, SET["members"], strict=True)
        )
        by_key = {}
        for profile, member, row in zip(profiles, members, SET["members"], strict=True):
            by_key[row["key"]] = member
            for held in row["competences"]:
                MemberCompetence.objects.create(
                    municipality=town,
                    profile=profile,
                    competence=competences[held["key"]],
                    confirmed_by=confirming if held["confirmed"] else None,
                    confirmed_at=member.joined_at if held["confirmed"] else None,
                )
            MemberLanguage.objects.bulk_create(
                MemberLanguage(
                    municipality=town,
                    profile=profile,
                    language=known["code"],
                    speak=level(known["speak"]),
                    understand=level(known["understand"]),
                    write=level(known["write"]),
                )
                for known in row["languages"]
            )
            profile.interests.set([fields[slug] for slug in row["interests"]])
        calls = {}
        for row in SET["calls"]:
            call = Call.objects.create(
                municipality=town,
                title=row["title"],
                text=row["text"],
                field=fields.get(row["field"]),
                involves_vulnerable=row["involves_vulnerable"],
                interpreting_min=INTERPRETING_CODES[row["interpreting_min"] or "none"],
                sector=row["sector"] or "",
                status="published",
            )
            for wanted in row["competences"]:
                CallCompetence.objects.create(
                    municipality=town, call=call, competence=competences[wanted["key"]], must=wanted["must"]
                )
            for wanted in row["languages"]:
                CallLanguage.objects.create(
                    municipality=town,
                    call=call,
                    language=wanted["code"],
                    skill=wanted["skill"],
                    min_level=LEVEL_CODES[wanted["min_level"]],
                    must=wanted["must"],
                )
            calls[row["key"]] = call
    key_of = {member.pk: key for key, member in by_key.items()}
    yield {"calls": calls, "key_of": key_of}
    with django_db_blocker.unblock():
        CallInvitation.objects.filter(municipality=town).delete()
        town.delete()
        User.objects.filter(email__endswith="@rankingen.test").delete()


@pytest.fixture(scope="module")
def rankings(ranking_town, django_db_blocker):
    """Each call's ranking as member keys, with the matches, before anyone was asked."""
    result = {}
    with django_db_blocker.unblock():
        for key, call in ranking_town["calls"].items():
            matches = matching.rank(call, limit=None, with_members=False)
            result[key] = (matches, [ranking_town["key_of"][match.member_id] for match in matches])
    return result


def precision_at(ranked, judged, k):
    return sum(1 for key in ranked[:k] if judged.get(key, 0) >= 1) / k


def ndcg_at(ranked, judged, k):
    def dcg(grades):
        return sum((2**grade - 1) / math.log2(position + 2) for position, grade in enumerate(grades))

    ideal = dcg(sorted(judged.values(), reverse=True)[:k])
    return dcg([judged.get(key, 0) for key in ranked[:k]]) / ideal


@pytest.mark.django_db
def test_right_people_come_first(rankings):
    precision = [precision_at(rankings[key][1], SET["judgements"][key], 5) for key in rankings]
    ndcg = [ndcg_at(rankings[key][1], SET["judgements"][key], 10) for key in rankings]
    mean_precision, mean_ndcg = sum(precision) / len(precision), sum(ndcg) / len(ndcg)
    print(f"precision@5 {mean_precision:.3f}, nDCG@10 {mean_ndcg:.3f}")
    assert mean_precision >= 0.8, mean_precision
    assert mean_ndcg >= 0.85, mean_ndcg


def meets_every_condition(member, call):
    """The set's own reading of a call's conditions, independent of the ranking's queries."""
    held = {row["key"]: row["confirmed"] for row in member["competences"]}
    for wanted in call["competences"]:
        missing = wanted["key"] not in held or (call["involves_vulnerable"] and not held[wanted["key"]])
        if wanted["must"] and missing:
            return False
    known = {row["code"]: row for row in member["languages"]}
    for wanted in call["languages"]:
        if wanted["must"]:
            row = known.get(wanted["code"])
            if row is None or level(row[wanted["skill"]]) < LEVEL_CODES[wanted["min_level"]]:
                return False
    needed = INTERPRETING_CODES[call["interpreting_min"] or "none"]
    return member["suggest_me"] and INTERPRETING_CODES[member["interpreting"]] >= needed


@pytest.mark.django_db
def test_nobody_ranked_misses_a_condition_and_the_reasons_add_up(rankings):
    members = {row["key"]: row for row in SET["members"]}
    calls = {row["key"]: row for row in SET["calls"]}
    for key, (matches, ranked) in rankings.items():
        assert all(meets_every_condition(members[member], calls[key]) for member in ranked), key
        assert all(match.score == sum(reason.points for reason in match.reasons) for match in matches)


@pytest.mark.django_db
def test_nobody_is_asked_for_more_than_thirty_percent_of_the_calls(ranking_town):
    """Asking the best five for each call in turn: the spread term keeps the requests spread."""
    asked = {}
    for call in ranking_town["calls"].values():
        for match in matching.rank(call, limit=INVITED_PER_CALL, with_members=False):
            CallInvitation.objects.create(
                municipality=call.municipality, call=call, member_id=match.member_id, score=match.score
            )
            asked[match.member_id] = asked.get(match.member_id, 0) + 1
    most = max(asked.values())
    print(f"asked most often: {most} of {len(ranking_town['calls'])} calls")
    assert most <= 0.3 * len(ranking_town["calls"])
