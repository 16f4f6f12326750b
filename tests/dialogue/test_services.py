"""What the dialogue's services write: supports, comments and promotions (moderation: tests/core/test_moderation.py)."""

import pytest
from django.core.exceptions import PermissionDenied

from ankommen.core.models import AuditEntry
from ankommen.dialogue import services
from ankommen.dialogue.models import Contribution, Support


@pytest.fixture
def option(town):
    return Contribution.objects.select_related("stage").get(
        municipality=town, title="Beratungstag zur Anerkennung von Abschlüssen"
    )


def test_support_twice_counts_once(option, people):
    Support.objects.filter(contribution=option).delete()
    Contribution.objects.filter(pk=option.pk).update(support_count=0)
    services.support(option, member=people["mitglied"])
    services.support(option, member=people["mitglied"])
    option.refresh_from_db()
    assert option.support_count == 1
    assert Support.objects.filter(contribution=option).count() == 1


def test_withdrawing_support_lowers_the_count(option, people):
    services.support(option, member=people["expertin"])
    before = Contribution.objects.get(pk=option.pk).support_count
    services.withdraw_support(option, member=people["expertin"])
    assert Contribution.objects.get(pk=option.pk).support_count == before - 1
    assert not Support.objects.filter(contribution=option, member=people["expertin"]).exists()


def test_comment_raises_the_count(option, people):
    before = option.comment_count
    services.add_comment(option, author=people["mitglied"], body="Gute Idee.")
    assert Contribution.objects.get(pk=option.pk).comment_count == before + 1


def test_multiplier_promotes_option_to_recommendation(option, people):
    services.promote_contribution(option, actor=people["multiplikator"])
    option.refresh_from_db()
    assert option.kind == "recommendation"
    assert option.promoted_by == people["multiplikator"]
    assert AuditEntry.objects.filter(action="contribution.promoted", target_id=option.pk).exists()


def test_member_cannot_promote(option, people):
    with pytest.raises(PermissionDenied):
        services.promote_contribution(option, actor=people["mitglied"])
    assert Contribution.objects.get(pk=option.pk).kind == "option"


def test_new_contribution_takes_the_stage_kind_and_tags(town, people):
    from ankommen.concept.models import District, Stage

    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    weststadt = District.objects.get(municipality=town, name="Weststadt")
    contribution = services.add_contribution(
        stage,
        author=people["expertin"],
        finding_kind="strength",
        title="Sportverein integriert",
        body="Der Sportverein hat 40 neue Mitglieder.",
        districts=[weststadt],
    )
    assert contribution.kind == "finding"
    assert contribution.field_id == stage.field_id
    assert list(contribution.districts.all()) == [weststadt]
