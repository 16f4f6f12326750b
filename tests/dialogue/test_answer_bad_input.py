"""Bad input on the answer form: a clear message next to its field, status 400, no answer written."""

import pytest
from django.test import Client

from ankommen.dialogue.answers import Answer
from ankommen.dialogue.models import Contribution

FIELD = "wirtschaft-und-berufliche-bildung"
ITEM = "Beratungstag zur Anerkennung von Abschlüssen"


def _item(title, town="kornwestheim"):
    return Contribution.objects.get(municipality__slug=town, title=title)


def _target(kind):
    """Where an answer may not merge an item: another field's, another town's, a finding, itself."""
    return {
        "itself": lambda: _item(ITEM),
        "finding": lambda: _item("Fachsprache in der Berufsschule ist die größte Hürde"),
        "other field": lambda: _item("Lange Wartezeiten auf eine Sozialwohnung"),
        "other town": lambda: _item("Geheimer Befund aus Ludwigsburg", "ludwigsburg"),
        "unknown": lambda: Contribution(pk=999_999),
    }[kind]().pk


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "state", "Dieses Feld ist zwingend erforderlich."),
        ({"state": "", "text": "Nur Text."}, "state", "Dieses Feld ist zwingend erforderlich."),
        ({"state": "erfunden"}, "state", "keine gültige Auswahl"),
        ({"state": "adopted"}, "state", "keine gültige Auswahl"),  # no submissions in the town yet
        ({"state": "under_review", "text": "x" * 3001}, "text", "höchstens 3000 Zeichen"),
        ({"state": "under_review", "text": "<script>alert(1)</script>"}, "text", "ohne HTML-Auszeichnungen"),
        ({"state": "under_review", "text": '<a href="https://example.org">hier</a>'}, "text", "ohne HTML"),
        ({"state": "not_pursued", "text": "   "}, "text", "Bitte begründen Sie"),
        (
            {"state": "not_pursued"},
            "text",
            "Bitte begründen Sie, warum der Beitrag nicht weiterverfolgt wird.",
        ),
        ({"state": "not_pursued", "text": ""}, "text", "Bitte begründen Sie"),
        ({"state": "merged", "text": "Doppelt."}, "merged_into", "Bitte wählen Sie den Beitrag"),
        *(
            ({"state": "merged", "merged_into": kind}, "merged_into", "keine gültige Auswahl")
            for kind in ("itself", "finding", "other field", "other town", "unknown")
        ),
        ({"state": "merged", "merged_into": "abc"}, "merged_into", "keine gültige Auswahl"),
    ],
    ids=lambda value: str(value)[:40] if isinstance(value, dict) else None,
)
def test_bad_answer_is_refused_with_a_message_at_its_field(
    client_as, town, without_submissions, data, field, message
):
    if data.get("merged_into") in ("itself", "finding", "other field", "other town", "unknown"):
        data = {**data, "merged_into": _target(data["merged_into"])}
    before = Answer.objects.count()
    response = client_as("admin").post(f"/beitraege/{_item(ITEM).pk}/antworten/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page
    assert Answer.objects.count() == before


def test_a_valid_merge_into_an_option_of_the_same_field_is_kept(client_as, town):
    target = _item("Berufsbezogener Sprachkurs gemeinsam mit der Berufsschule")
    response = client_as("admin").post(
        f"/beitraege/{_item(ITEM).pk}/antworten/", {"state": "merged", "merged_into": target.pk}
    )
    assert response.status_code == 302
    answer = Answer.objects.get(contribution=_item(ITEM), is_current=True)
    assert (answer.state, answer.merged_into, answer.text) == ("merged", target, "")


def test_a_target_given_for_another_state_is_not_kept(client_as, town):
    target = _item("Berufsbezogener Sprachkurs gemeinsam mit der Berufsschule")
    client_as("admin").post(
        f"/beitraege/{_item(ITEM).pk}/antworten/", {"state": "under_review", "merged_into": target.pk}
    )
    assert Answer.objects.get(contribution=_item(ITEM), is_current=True).merged_into is None


def test_an_answer_without_a_csrf_token_is_refused(people, town):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["admin"].user)
    before = Answer.objects.count()
    response = client.post(f"/beitraege/{_item(ITEM).pk}/antworten/", {"state": "under_review"})
    assert response.status_code == 403
    assert Answer.objects.count() == before


def test_an_unknown_item_answers_404(client_as):
    assert (
        client_as("admin").post("/beitraege/999999/antworten/", {"state": "under_review"}).status_code == 404
    )


def test_another_towns_item_answers_like_a_missing_one(client_as):
    foreign = _item("Geheimer Befund aus Ludwigsburg", "ludwigsburg")
    before = Answer.objects.count()
    assert (
        client_as("admin").post(f"/beitraege/{foreign.pk}/antworten/", {"state": "under_review"}).status_code
        == 404
    )
    assert Answer.objects.count() == before
