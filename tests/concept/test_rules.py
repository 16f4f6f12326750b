"""The concept's rules asked of `may()` directly: archiving, and running stages of archived fields and stages."""

import itertools

import pytest
from django.utils import timezone

from ankommen.accounts.models import Member
from ankommen.concept.models import Field, Stage
from ankommen.core.rules import may

ROLES = ["admin", "moderator", "expert", "multiplier", "member", "translator"]


def _member(town, role):
    return Member(municipality=town).with_roles({role: "politics" if role == "multiplier" else ""})


def _field_and_stage(town, field_archived, stage_archived):
    now = timezone.now()
    field = Field(
        municipality=town, name="Wohnen", slug="wohnen", archived_at=now if field_archived else None
    )
    stage = Stage(
        municipality=town,
        field=field,
        kind="stocktaking",
        status="planned",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
        archived_at=now if stage_archived else None,
    )
    return field, stage


@pytest.mark.parametrize(
    ("field_archived", "stage_archived"), list(itertools.product([False, True], repeat=2))
)
@pytest.mark.parametrize("role", [*ROLES, "stranger", None])
def test_archiving_and_running_stages(town, other_town, role, field_archived, stage_archived):
    field, stage = _field_and_stage(town, field_archived, stage_archived)
    if role == "stranger":
        member = Member(municipality=other_town).with_roles({"admin": ""})
    else:
        member = None if role is None else _member(town, role)
    admin = role == "admin"
    assert may(member, "archive", field) is (admin and not field_archived)
    assert may(member, "unarchive", field) is (admin and field_archived)
    assert may(member, "archive", stage) is (admin and not stage_archived)
    assert may(member, "unarchive", stage) is (admin and stage_archived)
    staff = role in ("admin", "moderator")
    assert may(member, "run_stage", stage) is (staff and not field_archived and not stage_archived)
