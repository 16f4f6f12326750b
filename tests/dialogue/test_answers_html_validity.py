"""The pages of answers and results are valid HTML, by the Nu Html Checker."""

import pytest

from ankommen.dialogue.models import Contribution
from tests.html import Pages, assert_valid_html, checker


@pytest.mark.django_db
def test_answer_and_results_pages_are_valid_html(client_as, people, tmp_path):
    jar = checker()
    town = people["admin"].municipality
    items = {item.title: item for item in Contribution.objects.for_municipality(town)}
    recommendation = items["Ausbildungspatenschaften durch Ehrenamtliche ausbauen"]  # with an earlier answer
    merged_into = items["Berufsbezogener Sprachkurs gemeinsam mit der Berufsschule"]
    pages = Pages(tmp_path)

    visitor = client_as(None)
    for path in [
        recommendation.get_absolute_url(),
        merged_into.get_absolute_url(),
        "/handlungsfelder/wirtschaft-und-berufliche-bildung/ergebnisse/",
    ]:
        pages.get(visitor, path)

    admin = client_as("admin")
    answer = f"/beitraege/{recommendation.pk}/antworten/"
    pages.get(admin, answer)
    pages.post_invalid(
        admin, answer, {"state": "not_pursued", "text": ""}, "Antwort, ohne Begründung", status=400
    )
    pages.post_invalid(admin, answer, {"state": "merged"}, "Antwort, ohne Ziel", status=400)

    pages.get_in_newcomer_languages(
        client_as,
        [
            (
                None,
                [
                    recommendation.get_absolute_url(),
                    "/handlungsfelder/wirtschaft-und-berufliche-bildung/ergebnisse/",
                ],
            ),
            ("admin", [answer]),
        ],
    )
    assert_valid_html(jar, pages)
