"""Taking part without the internet at home: staff enter what someone handed in on paper."""

import pytest
from django.core.exceptions import PermissionDenied

from ankommen.concept.models import Stage
from ankommen.dialogue import services
from ankommen.dialogue.models import Comment, Contribution
from tests.permissions import assert_nothing_written, snapshot


@pytest.fixture
def stocktaking(town):
    return Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")


def _add_url(stage):
    return f"/handlungsfelder/wohnen-und-leben/stufen/{stage.pk}/beitragen/"


def test_moderator_records_a_finding_from_paper_and_it_shows_where_it_came_from(
    client_as, client, stocktaking
):
    response = client_as("moderation").post(
        _add_url(stocktaking),
        {
            "finding_kind": "need",
            "title": "Kein Spielplatz in der Oststadt",
            "body": "Die Kinder spielen auf dem Parkplatz.",
            "paper_author": "Frau S.",
            "paper_occasion": "beim Workshop „Wohnen“ am 3. März",
        },
    )
    assert response.status_code == 302
    contribution = Contribution.objects.get(title="Kein Spielplatz in der Oststadt")
    assert (contribution.paper_author, contribution.author.user.email) == (
        "Frau S.",
        "moderation@demo.ankommen.example",
    )
    page = client.get(contribution.get_absolute_url()).content.decode()
    assert (
        "auf Papier eingereicht <bdi>beim Workshop „Wohnen“ am 3. März</bdi>, erfasst von <bdi>Murat Yılmaz</bdi>"
        in page
    )
    assert "von <bdi>Frau S.</bdi>" in page


def test_paper_input_needs_the_place_where_it_was_handed_in(client_as, stocktaking):
    before = Contribution.objects.count()
    response = client_as("moderation").post(
        _add_url(stocktaking),
        {"finding_kind": "need", "title": "T", "body": "B", "paper_author": "Frau S."},
    )
    assert response.status_code == 400
    assert "wo der Beitrag auf Papier eingereicht wurde" in response.content.decode()
    assert Contribution.objects.count() == before


def test_moderator_without_contribution_rights_must_name_the_person(client_as, stocktaking):
    page = client_as("moderation").get(_add_url(stocktaking)).content.decode()
    assert 'name="paper_author"' in page
    assert "auf Papier eingereicht wurde" in page
    response = client_as("moderation").post(
        _add_url(stocktaking),
        {"finding_kind": "need", "title": "T", "body": "B", "paper_occasion": "Workshop"},
    )
    assert response.status_code == 400
    assert 'id="id_paper_author_error"' in response.content.decode()


def test_the_place_without_the_person_is_refused_with_a_message(client_as, stocktaking):
    client = client_as("admin")
    before = snapshot()
    response = client.post(
        _add_url(stocktaking),
        {"finding_kind": "need", "title": "T", "body": "B", "paper_occasion": "Workshop"},
    )
    assert response.status_code == 400
    assert "von wem der Beitrag auf Papier eingereicht wurde" in response.content.decode()
    assert_nothing_written(before)


def test_moderator_is_refused_a_finding_in_her_own_name(client_as, stocktaking):
    client = client_as("moderation")
    before = snapshot()
    response = client.post(_add_url(stocktaking), {"finding_kind": "need", "title": "T", "body": "B"})
    assert response.status_code == 403
    assert_nothing_written(before)


def test_expert_sending_paper_fields_is_refused_instead_of_writing_in_her_own_name(client_as, stocktaking):
    client = client_as("expertin")
    before = snapshot()
    response = client.post(
        _add_url(stocktaking),
        {
            "finding_kind": "need",
            "title": "T",
            "body": "B",
            "paper_author": "Frau S.",
            "paper_occasion": "Workshop",
        },
    )
    assert response.status_code == 403
    assert_nothing_written(before)


def test_member_sending_paper_fields_with_a_comment_is_refused(client_as, town):
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    client = client_as("mitglied")
    before = snapshot()
    response = client.post(
        contribution.get_absolute_url(),
        {"body": "Hallo", "paper_author": "Herr K.", "paper_occasion": "in der Beratungsstunde"},
    )
    assert response.status_code == 403
    assert_nothing_written(before)


def test_experts_form_has_no_paper_fields(client_as, stocktaking):
    assert 'name="paper_author"' not in client_as("expertin").get(_add_url(stocktaking)).content.decode()


def test_members_cannot_record_on_paper(stocktaking, people):
    with pytest.raises(PermissionDenied):
        services.add_contribution(
            stocktaking, author=people["mitglied"], title="T", body="B", paper_author="X", paper_occasion="Y"
        )


def test_staff_record_a_comment_from_paper(client_as, client, town):
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    client_as("moderation").post(
        contribution.get_absolute_url(),
        {
            "body": "Bitte auch samstags öffnen.",
            "paper_author": "Herr K.",
            "paper_occasion": "in der Beratungsstunde",
        },
    )
    comment = Comment.objects.get(body="Bitte auch samstags öffnen.")
    assert comment.paper_author == "Herr K."
    assert "in der Beratungsstunde" in client.get(contribution.get_absolute_url()).content.decode()


def test_paper_input_closes_with_the_stage(client_as, stocktaking):
    Stage.objects.filter(pk=stocktaking.pk).update(status="closed")
    assert client_as("moderation").get(_add_url(stocktaking)).status_code == 403
