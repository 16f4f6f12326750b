"""`ankommen demo` loads the Kornwestheim town and can run again without adding anything twice."""

from io import StringIO

from django.core.management import call_command

from ankommen.accounts.models import Member
from ankommen.concept.models import Field, Milestone, Stage
from ankommen.dialogue.models import Comment, Contribution, Support


def _counts():
    return [
        model.objects.count() for model in (Member, Field, Stage, Milestone, Contribution, Comment, Support)
    ]


def test_demo_is_idempotent_and_prints_the_accounts(town):
    before = _counts()
    out = StringIO()
    call_command("demo", stdout=out)
    assert _counts() == before
    printed = out.getvalue()
    for local in ("admin", "moderation", "expertin", "multiplikator", "mitglied"):
        assert f"{local}@demo.ankommen.example" in printed
    assert "ankommen-demo" in printed


def test_demo_has_the_three_fields_of_the_decision_proposal(town):
    assert list(Field.objects.filter(municipality=town).values_list("name", flat=True)) == [
        "Wirtschaft und berufliche Bildung",
        "Wohnen und Leben",
        "frühkindliche und schulische Bildung",
    ]


def test_demo_accounts_exist_for_every_role(people):
    assert {
        role
        for local in ("admin", "moderation", "expertin", "multiplikator", "mitglied")
        for role in people[local].roles
    } == {
        "admin",
        "moderator",
        "expert",
        "multiplier",
        "member",
    }
    assert people["multiplikator"].sectors == {"multiplier": "civil_society"}
    assert people["admin"].user.check_password("ankommen-demo")
