"""Someone whose stage closed while they were writing is told so, keeps their text, and nothing is written."""

import pytest

from ankommen.concept import services as concept_services
from ankommen.concept.models import Stage
from ankommen.dialogue.models import Contribution

TEXT = {
    "finding_kind": "need",
    "title": "Abendkurse fehlen",
    "body": "Wer tagsüber arbeitet, findet keinen Kurs.",
}


@pytest.fixture
def stocktaking(town):
    return Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")


def _add_url(stage):
    return f"/handlungsfelder/wohnen-und-leben/stufen/{stage.pk}/beitragen/"


def test_expert_whose_stage_closed_while_writing_is_told_so_and_keeps_the_text(
    client_as, stocktaking, people
):
    client = client_as("expertin")
    assert client.get(_add_url(stocktaking)).status_code == 200
    concept_services.close_stage(stocktaking, actor=people["moderation"])
    before = Contribution.objects.count()
    response = client.post(_add_url(stocktaking), TEXT)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Diese Stufe ist inzwischen geschlossen." in page
    assert "Das ist Ihnen hier nicht erlaubt" not in page
    assert TEXT["title"] in page
    assert TEXT["body"] in page
    assert Contribution.objects.count() == before


def test_member_who_never_could_contribute_is_still_refused_after_the_stage_closed(
    client_as, stocktaking, people
):
    concept_services.close_stage(stocktaking, actor=people["moderation"])
    before = Contribution.objects.count()
    response = client_as("mitglied").post(_add_url(stocktaking), TEXT)
    assert response.status_code == 403
    assert Contribution.objects.count() == before


def test_staff_entering_from_paper_keep_the_text_when_the_stage_closed(client_as, stocktaking, people):
    concept_services.close_stage(stocktaking, actor=people["admin"])
    before = Contribution.objects.count()
    paper = {**TEXT, "paper_author": "Frau Yilmaz", "paper_occasion": "Sprechstunde"}
    response = client_as("moderation").post(_add_url(stocktaking), paper)
    assert response.status_code == 400
    assert "Frau Yilmaz" in response.content.decode()
    assert Contribution.objects.count() == before


def test_a_comment_sent_after_the_stage_closed_comes_back_with_its_text(client_as, stocktaking, people):
    from ankommen.dialogue.models import Comment

    contribution = Contribution.objects.filter(stage=stocktaking, hidden_at__isnull=True).first()
    client = client_as("mitglied")
    concept_services.close_stage(stocktaking, actor=people["admin"])
    before = Comment.objects.count()
    response = client.post(contribution.get_absolute_url(), {"body": "Das sehe ich genauso."})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Diese Stufe ist inzwischen geschlossen." in page
    assert "Das sehe ich genauso." in page
    assert Comment.objects.count() == before
