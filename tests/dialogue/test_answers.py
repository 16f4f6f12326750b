"""The administration's official answers: who gives them, what readers see, the history, the merged links."""

import pytest

from ankommen.core.models import AuditEntry, Translation
from ankommen.core.rules import may
from ankommen.core.translation import translatable_models
from ankommen.dialogue import answers
from ankommen.dialogue.answers import Answer, AnswerState, answer_contribution
from ankommen.dialogue.models import Contribution

FIELD = "wirtschaft-und-berufliche-bildung"
RECOMMENDATION = "Ausbildungspatenschaften durch Ehrenamtliche ausbauen"
OPTION = "Berufsbezogener Sprachkurs gemeinsam mit der Berufsschule"
FINDING = "Fachsprache in der Berufsschule ist die größte Hürde"


def _item(town, title):
    return Contribution.objects.select_related("field").get(municipality=town, title=title)


@pytest.fixture
def submissions_in(town):
    """An app with council submissions says the demo town has some (and no other town)."""

    def has_submissions(municipality):
        return municipality.pk == town.pk

    answers.register_submissions(has_submissions)
    yield
    answers.unregister_submissions(has_submissions)


def test_admin_answers_a_recommendation_and_its_page_shows_state_author_date_and_text(
    client_as, town, without_submissions
):
    item = _item(town, RECOMMENDATION)
    response = client_as("admin").post(
        f"/beitraege/{item.pk}/antworten/", {"state": "adopted_with_changes", "text": "x"}
    )
    assert response.status_code == 400  # not offered: the town has no submissions yet
    response = client_as("admin").post(
        f"/beitraege/{item.pk}/antworten/", {"state": "under_review", "text": "Wir rechnen die Kosten durch."}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{item.get_absolute_url()}#antwort"
    page = client_as(None).get(item.get_absolute_url()).content.decode()
    assert "Offizielle Antwort" in page
    assert "in Prüfung" in page
    assert "Antwort von <bdi>Sabine Keller</bdi>" in page
    assert "Wir rechnen die Kosten durch." in page


def test_changing_an_answer_keeps_the_earlier_ones_visible_as_history(client_as, town, people):
    item = _item(town, OPTION)
    answer_contribution(item, actor=people["admin"], state=AnswerState.UNDER_REVIEW, text="Erste Prüfung.")
    answer_contribution(item, actor=people["admin"], state=AnswerState.NOT_PURSUED, text="Kein Raum frei.")
    page = client_as(None).get(item.get_absolute_url()).content.decode()
    current, history = page.split("frühere Antwort", 1)
    assert "Kein Raum frei." in current and "nicht weiterverfolgt" in current
    assert "Erste Prüfung." in history and "Erste Prüfung." not in current
    assert list(Answer.objects.filter(contribution=item).values_list("number", "is_current")) == [
        (2, True),
        (1, False),
    ]


def test_every_answer_leaves_a_line_in_the_audit_log_in_plain_german(client_as, town, people):
    item = _item(town, OPTION)
    answer_contribution(item, actor=people["admin"], state=AnswerState.NOT_PURSUED, text="Zu teuer.")
    entry = AuditEntry.objects.filter(municipality=town, action="contribution.answered").first()
    assert entry.details == {"state": "nicht weiterverfolgt"}
    page = client_as("admin").get("/verwaltung/protokoll/").content.decode()
    assert "Offizielle Antwort gegeben" in page


@pytest.mark.parametrize(
    ("person", "allowed"),
    [
        ("admin", True),
        ("verwaltung", True),  # a multiplier of the administration
        ("multiplikator", False),  # a multiplier of civil society
        ("gemeinderat", False),  # a multiplier of politics
        ("moderation", False),
        ("expertin", False),
        ("mitglied", False),
        (None, False),
    ],
)
def test_the_admins_and_the_administrations_multipliers_answer(town, people, person, allowed):
    member = people[person] if person else None
    assert may(member, "answer_contribution", _item(town, OPTION)) is allowed
    assert may(member, "answer_contribution", _item(town, RECOMMENDATION)) is allowed
    assert may(member, "answer_contribution", _item(town, FINDING)) is False


def test_a_member_of_another_town_cannot_answer(town, stranger):
    assert may(stranger.with_roles({"admin": ""}), "answer_contribution", _item(town, OPTION)) is False


def test_a_hidden_item_is_not_answered(town, people):
    item = _item(town, OPTION)
    item.hidden_at = item.created_at
    assert may(people["admin"], "answer_contribution", item) is False


def test_merged_items_are_linked_both_ways(client_as, town, people):
    source, target = _item(town, RECOMMENDATION), _item(town, OPTION)
    answer_contribution(
        source,
        actor=people["verwaltung"],
        state=AnswerState.MERGED,
        text="Gleiches Anliegen.",
        merged_into=target,
    )
    source_page = client_as(None).get(source.get_absolute_url()).content.decode()
    target_page = client_as(None).get(target.get_absolute_url()).content.decode()
    assert "Übernommen in:" in source_page and target.get_absolute_url() in source_page
    assert "In diesen Beitrag übernommen" in target_page and source.get_absolute_url() in target_page
    field_page = client_as(None).get(f"/handlungsfelder/{FIELD}/").content.decode()
    assert f'→ <a class="kern-link kern-link--small" href="{target.get_absolute_url()}">' in field_page


def test_the_demos_merged_option_shows_where_it_went(client_as, town):
    page = client_as(None).get(_item(town, OPTION).get_absolute_url()).content.decode()
    assert "Abendkurs Fachdeutsch an der Volkshochschule" in page


def test_the_field_page_shows_each_items_answer_and_a_summary_per_state(client_as, town):
    page = client_as(None).get(f"/handlungsfelder/{FIELD}/").content.decode()
    assert "Antworten der Verwaltung in diesem Handlungsfeld:" in page
    assert "in Prüfung: <bdi>2</bdi>" in page  # the demo: the recommendation and the counselling day
    assert "nicht weiterverfolgt: <bdi>1</bdi>" in page
    assert "in einen anderen Beitrag übernommen: <bdi>1</bdi>" in page
    assert page.count("Antwort der Verwaltung:") == 4


def test_the_field_page_changes_when_an_answer_changes(client_as, town, people):
    client = client_as(None)
    client.get(f"/handlungsfelder/{FIELD}/")  # fills the cache
    answer_contribution(
        _item(town, RECOMMENDATION), actor=people["admin"], state=AnswerState.NOT_PURSUED, text="Kein Geld."
    )
    page = client.get(f"/handlungsfelder/{FIELD}/").content.decode()
    assert "nicht weiterverfolgt: <bdi>2</bdi>" in page


def test_submission_states_are_not_offered_while_the_town_has_no_submissions(
    client_as, town, without_submissions
):
    assert not answers.submission_states_available(town)
    page = client_as("admin").get(f"/beitraege/{_item(town, OPTION).pk}/antworten/").content.decode()
    assert 'value="under_review"' in page and 'value="not_pursued"' in page and 'value="merged"' in page
    for state in answers.SUBMISSION_STATES:
        assert f'value="{state}"' not in page


def test_submission_states_are_offered_once_an_app_says_the_town_has_submissions(
    client_as, town, other_town, people, without_submissions, submissions_in
):
    assert answers.submission_states_available(town)
    assert not answers.submission_states_available(other_town)
    item = _item(town, RECOMMENDATION)
    page = client_as("admin").get(f"/beitraege/{item.pk}/antworten/").content.decode()
    for state in answers.SUBMISSION_STATES:
        assert f'value="{state}"' in page
    response = client_as("admin").post(
        f"/beitraege/{item.pk}/antworten/", {"state": "adopted_with_changes", "text": "Mit 15 Patenschaften."}
    )
    assert response.status_code == 302
    assert Answer.objects.get(contribution=item, is_current=True).state == AnswerState.ADOPTED_WITH_CHANGES


def test_answers_are_translatable_texts_admins_may_edit_at_the_source(town):
    assert Answer in translatable_models()
    assert Answer.source_edited_by_admins
    assert Answer.translatable_fields == ("text",)


def test_readers_get_the_answer_in_their_language_with_the_machine_label(client_as, town):
    item = _item(town, "Kostenlose Monatskarte für Auszubildende mit Fluchtgeschichte")
    page = client_as(None).get(f"/en{item.get_absolute_url()}").content.decode()
    assert "The town cannot pay for a monthly pass of its own." in page
    assert "Die Stadt kann keine eigene Monatskarte bezahlen." not in page


def test_an_earlier_answer_leaves_the_translators_lists(town, people):
    item = _item(town, "Kostenlose Monatskarte für Auszubildende mit Fluchtgeschichte")
    earlier = Answer.objects.get(contribution=item, is_current=True)
    assert earlier.sources.exists()
    answer_contribution(item, actor=people["admin"], state=AnswerState.UNDER_REVIEW, text="Wir prüfen neu.")
    assert not earlier.sources.exists()
    assert Translation.objects.filter(
        content_type__model=earlier._meta.model_name, object_id=earlier.pk, source_status="withdrawn"
    ).exists()


def test_the_demo_answers_with_a_merge_a_refusal_with_its_reason_and_items_under_review(town):
    current = Answer.objects.for_municipality(town).filter(is_current=True)
    assert current.filter(state=AnswerState.MERGED).exclude(merged_into=None).count() == 1
    assert current.filter(state=AnswerState.NOT_PURSUED).exclude(text="").count() == 1
    assert current.filter(state=AnswerState.UNDER_REVIEW).count() == 2
    assert Answer.objects.for_municipality(town).filter(is_current=False).count() == 1
    languages = set(
        Translation.objects.filter(
            object_id__in=current.values("pk"), content_type__model="answer"
        ).values_list("language", flat=True)
    )
    assert languages == {"en", "de-simple", "tr", "ar", "uk", "ru", "fa"}


def test_a_withdrawn_item_is_not_answered(town, people):
    item = _item(town, OPTION)
    item.withdrawn_at = item.created_at
    assert may(people["admin"], "answer_contribution", item) is False


def test_each_item_knows_the_state_of_its_current_answer(town, people):
    """The field's summary counts `answer_state`: it follows the current answer, in the demo and on every answer."""
    for item in Contribution.objects.for_municipality(town).prefetch_related("answers"):
        current = [answer.state for answer in item.answers.all() if answer.is_current]
        assert item.answer_state == (current or [""])[0], item.title
    item = _item(town, RECOMMENDATION)
    answer_contribution(item, actor=people["admin"], state=AnswerState.NOT_PURSUED, text="Kein Geld.")
    assert item.answer_state == Contribution.objects.get(pk=item.pk).answer_state == AnswerState.NOT_PURSUED


def test_a_merged_items_card_links_to_the_item_it_went_into(client_as, town):
    page = client_as(None).get(f"/handlungsfelder/{FIELD}/").content.decode()
    card = page[page.index("Abendkurs Fachdeutsch an der Volkshochschule") :]
    card = card[: card.index("</article>")]
    assert "in einen anderen Beitrag übernommen" in card
    assert (
        f'href="{_item(town, OPTION).get_absolute_url()}">zum Beitrag, in den er übernommen wurde</a>' in card
    )
    # The other answered cards name their state without such a link.
    assert page.count("zum Beitrag, in den er übernommen wurde") == 1
