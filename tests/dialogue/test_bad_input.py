"""Bad input to contributions and comments gets a clear message next to its field, and nothing is written."""

import pytest
from django.test import Client

from ankommen.concept.models import Stage
from ankommen.dialogue.models import Comment, Contribution


@pytest.fixture
def stocktaking(town):
    return Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")


def _add_url(stage):
    return f"/handlungsfelder/wohnen-und-leben/stufen/{stage.pk}/beitragen/"


VALID = {"finding_kind": "need", "title": "Mehr Sprachcafés", "body": "In der Oststadt fehlt ein Treffpunkt."}


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Dieses Feld ist zwingend erforderlich."),
        ({"title": "   "}, "title", "Dieses Feld ist zwingend erforderlich."),
        ({"title": "x" * 161}, "title", "höchstens 160 Zeichen"),
        ({"body": "<script>alert(1)</script>"}, "body", "ohne HTML-Auszeichnungen"),
        ({"body": 'Siehe <a href="https://example.org">hier</a>'}, "body", "ohne HTML-Auszeichnungen"),
        ({"body": "y" * 5001}, "body", "höchstens 5000 Zeichen"),
        ({"finding_kind": "erfunden"}, "finding_kind", "keine gültige Auswahl"),
        ({"districts": ["999999"]}, "districts", "keine gültige Auswahl"),
    ],
)
def test_bad_contribution_is_refused_with_a_message_at_the_field(
    client_as, stocktaking, changes, field, message
):
    before = Contribution.objects.count()
    response = client_as("expertin").post(_add_url(stocktaking), {**VALID, **changes})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page
    assert 'aria-invalid="true"' in page or field in ("finding_kind", "districts")
    assert Contribution.objects.count() == before


def test_text_with_less_than_sign_is_fine(client_as, stocktaking):
    response = client_as("expertin").post(
        _add_url(stocktaking), {**VALID, "body": "Weniger als 5 Plätze: 3 < 5 <3"}
    )
    assert response.status_code == 302
    assert Contribution.objects.filter(body="Weniger als 5 Plätze: 3 < 5 <3").exists()


def test_another_towns_tag_is_refused(client_as, stocktaking, other_town):
    from ankommen.concept.models import District

    foreign = District.objects.create(municipality=other_town, name="Fremdviertel")
    response = client_as("expertin").post(_add_url(stocktaking), {**VALID, "districts": [foreign.pk]})
    assert response.status_code == 400
    assert not Contribution.objects.filter(title=VALID["title"]).exists()


def test_empty_comment_is_refused(client_as, town):
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    before = Comment.objects.count()
    response = client_as("mitglied").post(contribution.get_absolute_url(), {"body": ""})
    assert response.status_code == 400
    assert "Dieses Feld ist zwingend erforderlich." in response.content.decode()
    assert Comment.objects.count() == before


def test_post_without_csrf_token_is_refused_and_writes_nothing(people, stocktaking):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["expertin"].user)
    before = Contribution.objects.count()
    response = client.post(_add_url(stocktaking), VALID)
    assert response.status_code == 403
    assert "Sicherheitsprüfung des Formulars ist fehlgeschlagen" in response.content.decode()
    assert Contribution.objects.count() == before


@pytest.mark.parametrize(
    "url",
    [
        "/handlungsfelder/gibt-es-nicht/",
        "/handlungsfelder/wohnen-und-leben/beitraege/999999/",
        "/handlungsfelder/wohnen-und-leben/stufen/999999/beitragen/",
        "/beitraege/999999/melden/",
        "/kommentare/999999/melden/",
    ],
)
def test_unknown_ids_answer_404(client_as, url):
    assert client_as("admin").get(url).status_code == 404


def test_contribution_in_the_wrong_fields_address_is_not_found(client, town):
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    assert (
        client.get(
            f"/handlungsfelder/wirtschaft-und-berufliche-bildung/beitraege/{contribution.pk}/"
        ).status_code
        == 404
    )


def test_user_text_is_rendered_as_text(client, town, people):
    """Text that got into the database some other way still cannot run script in the page."""
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    Contribution.objects.filter(pk=contribution.pk).update(
        body='<script>alert("x")</script><img src=x onerror=alert(1)>'
    )
    Comment.objects.create(
        municipality=town,
        contribution=contribution,
        author=people["mitglied"],
        body="<b onmouseover=alert(2)>fett</b>",
    )
    for url in (contribution.get_absolute_url(), "/handlungsfelder/wohnen-und-leben/"):
        page = client.get(url).content.decode()
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "<b onmouseover" not in page
    page = client.get(contribution.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_nonsense_filters_and_pages_are_ignored(client, town):
    response = client.get("/handlungsfelder/wohnen-und-leben/?stage=abc&districts=99999&kind=x&page=zwei")
    assert response.status_code == 200
    assert "Begegnungscafé im Stadtteilzentrum" in response.content.decode()
