"""The permission matrix, asked of `may()` directly: every role × every stage state × every action."""

import pytest
from django.utils import timezone

from ankommen.accounts.models import Member
from ankommen.concept.models import Field, Stage, StageKind, StageStatus
from ankommen.concept.services import default_stage_rules
from ankommen.core.actors import SystemActor
from ankommen.core.rules import may, visible_filter
from ankommen.dialogue.models import Contribution, ContributionKind

# None is a visitor without membership here; "stranger" is a member of another town.
ROLES = [None, "stranger", "member", "expert", "multiplier", "moderator", "admin"]
MEMBERS = {"member", "expert", "multiplier", "moderator", "admin"}
STAFF = {"moderator", "admin"}
EVERYONE = set(ROLES)
NOBODY = set()


def _member(role, town, other_town):
    if role is None:
        return None
    if role == "stranger":
        return Member(municipality=other_town).with_roles({"admin"})
    return Member(municipality=town).with_roles({role: "civil_society" if role == "multiplier" else ""})


def _stage(town, kind, status, is_public=True):
    return Stage(
        municipality=town,
        field=Field(municipality=town, name="Wohnen", slug="wohnen"),
        kind=kind,
        status=status,
        is_public=is_public,
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
        **default_stage_rules(kind),
    )


def _contribution(stage, kind, hidden=False):
    return Contribution(
        municipality=stage.municipality,
        stage=stage,
        kind=kind,
        hidden_at=timezone.now() if hidden else None,
    )


# (stage kind, state) -> action -> roles allowed, for the default rules of a public stage.
def expected(kind, status):
    is_open = status == StageStatus.OPEN
    contributors = {"expert", "admin"} if kind == StageKind.STOCKTAKING else {"multiplier", "admin"}
    return {
        "view_stage": EVERYONE,
        "view_item": EVERYONE,
        "contribute": contributors if is_open else NOBODY,
        "comment": MEMBERS if is_open else NOBODY,
        "support": MEMBERS if is_open else NOBODY,
        "promote": contributors if is_open and kind == StageKind.OPTIONS else NOBODY,
        "flag": MEMBERS,
        "moderate": STAFF,
        "run_stage": STAFF,
    }


CASES = [
    (kind, status, action)
    for kind in (StageKind.STOCKTAKING, StageKind.OPTIONS)
    for status in StageStatus.values
    for action in expected(kind, status)
]


@pytest.mark.parametrize(("kind", "status", "action"), CASES)
def test_each_role_may_exactly_what_the_matrix_says(town, other_town, kind, status, action):
    stage = _stage(town, kind, status)
    item_kind = ContributionKind.FINDING if kind == StageKind.STOCKTAKING else ContributionKind.OPTION
    contribution = _contribution(stage, item_kind)
    target = stage if action in ("view_stage", "contribute", "run_stage") else contribution
    allowed = {role for role in ROLES if may(_member(role, town, other_town), action, target)}
    assert allowed == expected(kind, status)[action]


@pytest.mark.parametrize("status", StageStatus.values)
def test_members_only_stage_is_hidden_from_visitors_and_other_towns(town, other_town, status):
    stage = _stage(town, StageKind.STOCKTAKING, status, is_public=False)
    contribution = _contribution(stage, ContributionKind.FINDING)
    for action, target in (("view_stage", stage), ("view_item", contribution), ("flag", contribution)):
        allowed = {role for role in ROLES if may(_member(role, town, other_town), action, target)}
        assert allowed == MEMBERS, action


def test_hidden_contribution_can_no_longer_be_commented_supported_promoted_or_reported(town, other_town):
    stage = _stage(town, StageKind.OPTIONS, StageStatus.OPEN)
    hidden = _contribution(stage, ContributionKind.OPTION, hidden=True)
    for action in ("comment", "support", "promote", "flag"):
        assert not any(may(_member(role, town, other_town), action, hidden) for role in ROLES), action
    assert {
        role for role in ROLES if may(_member(role, town, other_town), "see_hidden_text", hidden)
    } == STAFF


def test_recommendation_is_not_promoted_again(town, other_town):
    stage = _stage(town, StageKind.OPTIONS, StageStatus.OPEN)
    recommendation = _contribution(stage, ContributionKind.RECOMMENDATION)
    assert not any(may(_member(role, town, other_town), "promote", recommendation) for role in ROLES)


def test_stage_rules_are_data_an_admin_can_change(town, other_town):
    stage = _stage(town, StageKind.STOCKTAKING, StageStatus.OPEN)
    stage.contribute_roles = ["member"]
    stage.support_roles = []
    contribution = _contribution(stage, ContributionKind.FINDING)
    assert {r for r in ROLES if may(_member(r, town, other_town), "contribute", stage)} == {"member"}
    assert {r for r in ROLES if may(_member(r, town, other_town), "support", contribution)} == NOBODY


@pytest.mark.parametrize("kind", [StageKind.DECISION, StageKind.IMPLEMENTATION])
def test_stages_without_contribution_kinds_take_no_contributions(town, other_town, kind):
    stage = _stage(town, kind, StageStatus.OPEN)
    stage.contribute_roles = list(MEMBERS)
    assert not any(may(_member(role, town, other_town), "contribute", stage) for role in ROLES)


def test_town_level_actions_belong_to_admins_and_moderators(town, other_town):
    administer = {r for r in ROLES if may(_member(r, town, other_town), "administer", town)}
    moderate = {r for r in ROLES if may(_member(r, town, other_town), "moderate_town", town)}
    assert administer == {"admin"}
    assert moderate == STAFF


def test_the_system_translates_in_its_own_town_and_takes_no_part_a_person_takes(town, other_town):
    system = SystemActor.of(town)
    stage = _stage(town, StageKind.OPTIONS, StageStatus.OPEN)
    contribution = _contribution(stage, ContributionKind.OPTION)
    assert may(system, "translate", town)
    assert may(system, "translate", contribution)
    assert not may(SystemActor.of(other_town), "translate", town)
    by_person = [
        *((action, stage) for action in ("contribute", "run_stage", "record_on_paper")),
        *(
            (action, contribution)
            for action in (
                "comment",
                "support",
                "promote",
                "moderate",
                "see_hidden_text",
                "record_comment_on_paper",
            )
        ),
        ("administer", town),
        ("moderate_town", town),
    ]
    assert [action for action, target in by_person if may(system, action, target)] == []


def test_list_filter_follows_the_same_rule(town, people, stranger):
    visible_to_visitor = Contribution.objects.filter(municipality=town).filter(visible_filter(None, town))
    visible_to_member = Contribution.objects.filter(municipality=town).filter(
        visible_filter(people["mitglied"], town)
    )
    visible_to_stranger = Contribution.objects.filter(municipality=town).filter(
        visible_filter(stranger, town)
    )
    Stage.objects.filter(municipality=town, field__slug="wohnen-und-leben").update(is_public=False)
    assert visible_to_member.count() == Contribution.objects.filter(municipality=town).count()
    assert not visible_to_visitor.filter(field__slug="wohnen-und-leben").exists()
    assert not visible_to_stranger.filter(field__slug="wohnen-und-leben").exists()
    assert visible_to_visitor.filter(field__slug="wirtschaft-und-berufliche-bildung").exists()


@pytest.mark.parametrize("status", StageStatus.values)
@pytest.mark.parametrize("is_public", [True, False])
def test_moderators_hide_what_shows_and_show_what_is_hidden_in_any_stage(town, other_town, status, is_public):
    stage = _stage(town, StageKind.STOCKTAKING, status, is_public=is_public)
    shown = _contribution(stage, ContributionKind.FINDING)
    hidden = _contribution(stage, ContributionKind.FINDING, hidden=True)

    def allowed(action, item):
        return {role for role in ROLES if may(_member(role, town, other_town), action, item)}

    assert (allowed("hide", shown), allowed("hide", hidden)) == (STAFF, NOBODY)
    assert (allowed("show", shown), allowed("show", hidden)) == (NOBODY, STAFF)


@pytest.mark.parametrize("status", StageStatus.values)
def test_only_the_author_asks_for_a_review_and_only_while_hidden(town, other_town, status):
    stage = _stage(town, StageKind.STOCKTAKING, status)
    for role in ROLES:
        person = _member(role, town, other_town)
        if person is not None:
            person.pk = 1000 + ROLES.index(role)
        for hidden in (False, True):
            item = _contribution(stage, ContributionKind.FINDING, hidden=hidden)
            others = _contribution(stage, ContributionKind.FINDING, hidden=hidden)
            item.author_id, others.author_id = (person.pk if person else None), 1
            expected_answer = hidden and role not in (None, "stranger")
            assert may(person, "request_review", item) == expected_answer, (role, hidden)
            assert not may(person, "request_review", others), (role, hidden)
    on_paper = _contribution(stage, ContributionKind.FINDING, hidden=True)
    author = _member("moderator", town, other_town)
    author.pk = 7
    on_paper.author_id, on_paper.paper_author = 7, "Frau K."
    assert not may(author, "request_review", on_paper)
