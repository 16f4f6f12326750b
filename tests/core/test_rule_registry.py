"""Each app registers its rules; `may()` answers only about registered actions, and a person's roles add up."""

import ast
import itertools
import re
from pathlib import Path

import pytest
from django.utils import timezone

from ankommen.accounts.models import Member
from ankommen.concept.models import Field, Stage, StageKind, StageStatus
from ankommen.concept.services import default_stage_rules
from ankommen.core.registry import AlreadyRegistered, register_rules, registry
from ankommen.core.rules import UnknownAction, may
from ankommen.dialogue.models import Contribution, ContributionKind

ROOTS = [
    Path(__file__).resolve().parents[2] / "src" / "ankommen",
    Path(__file__).resolve().parents[1] / "testapp",
]
ASKING = {"may": 1, "require": 1, "authorize": 1, "town_object_or_404": 2}
AUDITING = {
    "audit",
    "create_and_audit",
    "update_and_audit",
    "save_single",
}  # their `action` is the audit log's word
# Python's own `action`: a command's option (argparse's store_true) and a warnings filter ("error")
NOT_OURS = {"add_argument", "catch_warnings"}


def test_asking_about_an_action_nobody_registered_raises(people, town):
    with pytest.raises(UnknownAction, match="administrate"):
        may(people["admin"], "administrate", town)


def test_an_action_belongs_to_one_app(town):
    with pytest.raises(AlreadyRegistered):
        register_rules({"administer": lambda member, obj: True})
    assert may(None, "administer", town) is False


def _python_files():
    for root in ROOTS:
        yield from (
            path
            for path in root.rglob("*.py")
            if "migrations" not in path.parts and not path.name.startswith("test_")
        )


def _helpers_taking_an_action(trees):
    """{function name: position of its `action` parameter}, for helpers that pass an action on."""
    helpers = dict(ASKING)
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                names = [argument.arg for argument in node.args.args]
                if "action" in names and node.name not in AUDITING:
                    helpers.setdefault(node.name, names.index("action"))
    return helpers


def _name_of(call):
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", None)


def _actions_in_python():
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in _python_files()}
    helpers = _helpers_taking_an_action(trees.values())
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name_of(node) not in AUDITING | NOT_OURS:
                position = helpers.get(_name_of(node))
                arguments = node.args[position : position + 1] if position is not None else []
                arguments += [
                    keyword.value for keyword in node.keywords if keyword.arg in ("action", "view_action")
                ]
                for argument in arguments:
                    if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                        yield path, argument.value
            elif (
                isinstance(node, ast.Assign)
                and any(
                    isinstance(target, ast.Name) and target.id == "view_action" for target in node.targets
                )
                and isinstance(node.value, ast.Constant)
                and node.value.value
            ):
                yield path, node.value.value


def _actions_in_templates():
    for root in ROOTS:
        for path in root.rglob("*.html"):
            for action in re.findall(r"""{%\s*may\s+["'](\w+)["']""", path.read_text(encoding="utf-8")):
                yield path, action


def test_every_action_named_in_templates_views_and_services_is_registered():
    named = [*_actions_in_python(), *_actions_in_templates()]
    assert len({action for _path, action in named}) >= 15  # the scan finds what it should
    unknown = sorted({f"{path.name}: {action}" for path, action in named if action not in registry.rules})
    assert unknown == []


# --- a person with two roles ------------------------------------------------------------------

PERSON_ROLES = ["member", "expert", "multiplier", "moderator", "admin", "translator"]


def _person(town, *roles):
    return Member(municipality=town).with_roles(
        {role: "civil_society" if role == "multiplier" else "" for role in roles}
    )


def _targets(town):
    for kind, status in itertools.product((StageKind.STOCKTAKING, StageKind.OPTIONS), StageStatus.values):
        today = timezone.localdate()
        field = Field(municipality=town, name="Wohnen", slug="wohnen")
        stage = Stage(
            municipality=town, field=field, kind=kind, status=status, starts_on=today, ends_on=today
        )
        for name, value in default_stage_rules(kind).items():
            setattr(stage, name, value)
        item_kind = ContributionKind.FINDING if kind == StageKind.STOCKTAKING else ContributionKind.OPTION
        yield stage, Contribution(municipality=town, stage=stage, kind=item_kind)


ON_STAGES = ["view_stage", "contribute", "record_on_paper", "write_in_stage", "run_stage"]
ON_ITEMS = ["view_item", "comment", "record_comment_on_paper", "write_comment", "support", "promote", "flag"]
ON_ITEMS += ["moderate", "see_hidden_text", "hide", "show", "request_review"]
ON_TOWN = ["administer", "moderate_town", "translate", "invite"]


@pytest.mark.parametrize(("one", "other"), list(itertools.combinations(PERSON_ROLES, 2)))
def test_a_person_with_two_roles_may_what_either_allows_and_nothing_more(town, one, other):
    both, first, second = _person(town, one, other), _person(town, one), _person(town, other)
    asked = [(action, town) for action in ON_TOWN]
    for stage, contribution in _targets(town):
        asked += [(action, stage) for action in ON_STAGES] + [(action, contribution) for action in ON_ITEMS]
    for action, target in asked:
        either = may(first, action, target) or may(second, action, target)
        assert may(both, action, target) == either, (one, other, action, target)


def test_over_http_a_multiplier_who_translates_does_both_and_nothing_more(client_as, people):
    """Elena Petrova of the demo holds two roles: multiplier (administration) and translator."""
    from tests.permissions import demo_stage

    assert people["verwaltung"].roles == {"multiplier", "translator"}
    client = client_as("verwaltung")
    assert client.get("/verwaltung/uebersetzungen/en/").status_code == 200
    options = demo_stage("wirtschaft-und-berufliche-bildung", "options")
    response = client.post(
        f"/handlungsfelder/wirtschaft-und-berufliche-bildung/stufen/{options.pk}/beitragen/",
        {"title": "Sprachkurse im Betrieb", "body": "Arbeitgeber bieten Kurse in der Arbeitszeit an."},
    )
    assert response.status_code == 302
    assert Contribution.objects.filter(title="Sprachkurse im Betrieb", author=people["verwaltung"]).exists()
    stocktaking = demo_stage("wohnen-und-leben", "stocktaking")
    finding = {"finding_kind": "need", "title": "Kein Befund", "body": "Nur Fachleute."}
    url = f"/handlungsfelder/wohnen-und-leben/stufen/{stocktaking.pk}/beitragen/"
    assert client.post(url, finding).status_code == 403
    for url in ("/moderation/", "/verwaltung/", "/verwaltung/mitglieder/", "/verwaltung/barrieren/"):
        assert client.get(url).status_code == 403, url
    assert not Contribution.objects.filter(title="Kein Befund").exists()
