"""The moderation pages: showing again after a confirmation, the author's request for a review, the
grouped queue, and bad input answered with a message at its field while nothing is written."""

import re

import pytest
from django.test import Client
from django.utils.html import escape

from ankommen.core import moderation
from ankommen.core.models import Flag, ReviewRequest
from ankommen.dialogue import services
from ankommen.dialogue.models import Comment, Contribution
from tests.permissions import assert_nothing_written, snapshot

CAFE = "Begegnungscafé im Stadtteilzentrum"


@pytest.fixture
def cafe(town):
    return Contribution.objects.get(municipality=town, title=CAFE)


@pytest.fixture
def hidden_comment(cafe, people):
    comment = services.add_comment(cafe, author=people["mitglied"], body="Ruft mich an: 0171 0000000")
    return moderation.hide(comment, moderator=people["moderation"], reason="Telefonnummer")


def _show_url(item):
    return f"/moderation/{item.moderation_slug}/{item.pk}/einblenden/"


def _review_url(item):
    return f"/{item.moderation_slug}/{item.pk}/ueberpruefung/"


# --- showing again --------------------------------------------------------------------------------


def test_a_moderator_confirms_showing_again_with_a_reason(client_as, hidden_comment):
    client = client_as("moderation")
    page = client.get(_show_url(hidden_comment)).content.decode()
    assert "Wieder einblenden?" in page
    assert "macht das Ausblenden rückgängig" in page
    assert "ausgeblendet durch die Moderation: Telefonnummer" in page
    response = client.post(_show_url(hidden_comment), {"reason": "Es ist ihre eigene Nummer."}, follow=True)
    assert "Wieder eingeblendet." in response.content.decode()
    assert not Comment.objects.get(pk=hidden_comment.pk).is_hidden
    log = client_as("admin").get("/verwaltung/protokoll/").content.decode()
    assert "Kommentar wieder eingeblendet" in log
    assert "Es ist ihre eigene Nummer." in log


def test_the_contribution_page_offers_showing_again_to_moderators_only(client_as, cafe, hidden_comment):
    link = f'href="{_show_url(hidden_comment)}"'
    assert link in client_as("moderation").get(cafe.get_absolute_url()).content.decode()
    assert link not in client_as("expertin").get(cafe.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "Dieses Feld ist zwingend erforderlich."),
        ("   ", "Dieses Feld ist zwingend erforderlich."),
        ("x" * 501, "höchstens 500 Zeichen"),
        ("<b>Doch</b> in Ordnung", "ohne HTML-Auszeichnungen"),
    ],
)
def test_showing_again_needs_a_plain_reason(client_as, hidden_comment, reason, message):
    client = client_as("moderation")
    before = snapshot()
    response = client.post(_show_url(hidden_comment), {"reason": reason})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'id="id_reason_error"' in page
    assert_nothing_written(before)
    assert Comment.objects.get(pk=hidden_comment.pk).is_hidden


def test_hiding_a_hidden_item_is_refused_over_http_too(client_as, hidden_comment):
    client = client_as("admin")
    before = snapshot()
    response = client.post(
        f"/moderation/kommentare/{hidden_comment.pk}/ausblenden/", {"reason": "Noch einmal"}
    )
    assert response.status_code == 403
    assert_nothing_written(before)
    assert Comment.objects.get(pk=hidden_comment.pk).hidden_reason == "Telefonnummer"


# --- one report per person ------------------------------------------------------------------------


def test_a_second_report_by_the_same_person_gets_a_clear_message(client_as, cafe, people):
    client = client_as("mitglied")
    assert client.post(cafe.flag_url(), {"reason": "Veraltet"}).status_code == 302
    before = snapshot()
    response = client.post(cafe.flag_url(), {"reason": "Immer noch veraltet"})
    assert response.status_code == 400
    assert "Sie haben das bereits gemeldet." in response.content.decode()
    assert_nothing_written(before)
    assert Flag.objects.of(cafe).filter(reporter=people["mitglied"].user).count() == 1


# --- the author's request for a review ------------------------------------------------------------


def test_the_author_asks_for_a_review_and_sees_the_answer(client_as, cafe, hidden_comment, people):
    client = client_as("mitglied")
    assert f'href="{_review_url(hidden_comment)}"' in client.get(cafe.get_absolute_url()).content.decode()
    response = client.post(_review_url(hidden_comment), {"text": "Das ist meine eigene Nummer."}, follow=True)
    assert "Ihre Bitte ist bei der Moderation." in response.content.decode()
    page = client.get(_review_url(hidden_comment)).content.decode()
    assert "Die Moderation hat noch nicht entschieden." in page
    assert "Das ist meine eigene Nummer." in page

    queue = client_as("moderation").get("/moderation/").content.decode()
    assert "2 offene Bitten um Überprüfung" in queue  # with the demo's
    assert "Das ist meine eigene Nummer." in queue
    review = ReviewRequest.objects.of(hidden_comment).get()
    response = client_as("moderation").post(
        f"/moderation/ueberpruefungen/{review.pk}/ausgeblendet-lassen/",
        {"reason": "Auch eigene Nummern veröffentlichen wir nicht."},
    )
    assert response.status_code == 302
    page = client_as("mitglied").get(_review_url(hidden_comment)).content.decode()
    assert "Der Text bleibt ausgeblendet." in page
    assert "Auch eigene Nummern veröffentlichen wir nicht." in page
    assert "1 offene Bitte um Überprüfung" in client_as("moderation").get("/moderation/").content.decode()


def test_a_second_request_for_a_review_is_refused_with_a_message(client_as, hidden_comment):
    client = client_as("mitglied")
    client.post(_review_url(hidden_comment), {"text": ""})
    before = snapshot()
    response = client.post(_review_url(hidden_comment), {"text": "Noch einmal, bitte"})
    assert response.status_code == 400
    assert "Sie haben bereits um eine Überprüfung gebeten." in response.content.decode()
    assert_nothing_written(before)


@pytest.mark.parametrize(
    ("text", "message"),
    [("y" * 1001, "höchstens 1000 Zeichen"), ("<script>alert(1)</script>", "ohne HTML-Auszeichnungen")],
)
def test_a_bad_message_with_the_request_is_refused_at_its_field(client_as, hidden_comment, text, message):
    client = client_as("mitglied")
    before = snapshot()
    response = client.post(_review_url(hidden_comment), {"text": text})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'id="id_text_error"' in page
    assert_nothing_written(before)


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "Dieses Feld ist zwingend erforderlich."),
        ("z" * 501, "höchstens 500 Zeichen"),
        ("<i>Nein</i>", "ohne HTML-Auszeichnungen"),
    ],
)
def test_keeping_hidden_needs_a_plain_reason(client_as, hidden_comment, people, reason, message):
    review = moderation.request_review(hidden_comment, author=people["mitglied"], text="")
    client = client_as("moderation")
    before = snapshot()
    response = client.post(
        f"/moderation/ueberpruefungen/{review.pk}/ausgeblendet-lassen/", {"reason": reason}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert_nothing_written(before)


# --- unknown ids and missing CSRF tokens ----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/moderation/beitraege/999999/einblenden/",
        "/moderation/unbekannt/1/einblenden/",
        "/moderation/beitraege/999999/meldungen-zurueckweisen/",
        "/moderation/ueberpruefungen/999999/ausgeblendet-lassen/",
        "/beitraege/999999/ueberpruefung/",
    ],
)
def test_unknown_ids_are_missing_and_write_nothing(client_as, url):
    client = client_as("moderation")
    before = snapshot()
    assert client.post(url, {"reason": "x", "text": "x"}).status_code == 404
    assert_nothing_written(before)


def test_another_towns_item_is_missing_too(client_as, other_town):
    foreign = Contribution.objects.get(municipality=other_town)
    moderation_client = client_as("moderation")
    assert moderation_client.post(_show_url(foreign), {"reason": "x"}).status_code == 404


@pytest.mark.parametrize("who", ["moderation", "mitglied"])
def test_posts_without_a_csrf_token_are_refused_and_write_nothing(people, hidden_comment, who):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people[who].user)
    url = _show_url(hidden_comment) if who == "moderation" else _review_url(hidden_comment)
    before = snapshot()
    response = client.post(url, {"reason": "In Ordnung", "text": "Bitte"})
    assert response.status_code == 403
    assert "Sicherheitsprüfung des Formulars ist fehlgeschlagen" in response.content.decode()
    assert_nothing_written(before)


# --- the queue ------------------------------------------------------------------------------------


def test_the_queue_shows_each_reported_item_once_with_its_count_and_reasons(client_as, cafe, people):
    moderation.flag(cafe, reporter=people["mitglied"], reason="Das Café hat geschlossen.")
    page = client_as("moderation").get("/moderation/").content.decode()
    assert page.count(f'href="{cafe.get_absolute_url()}"') == 1
    assert "2 Meldungen, zuerst am" in page
    assert "Das Café hat geschlossen." in page
    assert "Die Öffnungszeiten stimmen nicht mehr" in page  # the demo's report of the same café


def test_dismissing_from_the_queue_closes_the_items_reports(client_as, cafe, people):
    moderation.flag(cafe, reporter=people["mitglied"], reason="Das Café hat geschlossen.")
    response = client_as("moderation").post(
        f"/moderation/beitraege/{cafe.pk}/meldungen-zurueckweisen/", follow=True
    )
    assert "Die 2 Meldungen sind zurückgewiesen." in response.content.decode()
    assert not Flag.objects.of(cafe).open().exists()


# --- moderators see what they decide ---------------------------------------------------------------


def _visible(page):
    """The text a person sees: the page without its tags."""
    return re.sub(r"<[^>]+>", " ", page)


def test_the_queue_shows_the_whole_reported_text_marked_with_its_language(client_as, cafe, people):
    comment = services.add_comment(
        cafe,
        author=people["mitglied"],
        body="Erste Zeile.\nZweite Zeile mit <b>Fett</b> und sehr vielen Wörtern " * 4,
    )
    moderation.flag(comment, reporter=people["expertin"], reason="Zu lang")
    page = client_as("moderation").get("/moderation/").content.decode()
    assert '<p class="user-text" lang="de">' + escape(comment.body) + "</p>" in page
    assert '<p class="user-text" lang="de">' + escape(cafe.body) + "</p>" in page  # the demo's report
    assert "<b>Fett</b>" not in page


def test_the_queue_shows_every_reporters_reason(client_as, cafe, people):
    moderation.flag(cafe, reporter=people["mitglied"], reason="Das Café hat geschlossen.")
    moderation.flag(cafe, reporter=people["multiplikator"], reason="Die Adresse ist falsch.")
    page = client_as("moderation").get("/moderation/").content.decode()
    for reason in (
        "Das Café hat geschlossen.",
        "Die Adresse ist falsch.",
        "Die Öffnungszeiten stimmen nicht mehr",
    ):
        assert reason in page


def test_the_hide_form_shows_the_text_and_every_reason(client_as, cafe, people):
    moderation.flag(cafe, reporter=people["mitglied"], reason="Das Café hat geschlossen.")
    page = client_as("moderation").get(cafe.hide_url()).content.decode()
    assert escape(cafe.body) in page
    assert "Das Café hat geschlossen." in page
    assert "Die Öffnungszeiten stimmen nicht mehr" in page


def test_after_hiding_the_moderator_is_back_in_the_queue(client_as, cafe):
    client = client_as("moderation")
    response = client.post(cafe.hide_url(), {"reason": "Veraltet"})
    assert response.status_code == 302
    assert response["Location"] == "/moderation/"
    page = client.get("/moderation/").content.decode()
    assert "Ausgeblendet. Der Grund ist an der Stelle sichtbar." in page
    assert "Keine offenen Meldungen." in page


def test_after_showing_again_the_moderator_is_back_in_the_queue(client_as, hidden_comment):
    response = client_as("moderation").post(_show_url(hidden_comment), {"reason": "Doch in Ordnung"})
    assert response.status_code == 302
    assert response["Location"] == "/moderation/"


def test_after_keeping_hidden_the_moderator_is_back_in_the_queue(client_as, hidden_comment, people):
    review = moderation.request_review(hidden_comment, author=people["mitglied"], text="")
    client = client_as("moderation")
    response = client.post(
        f"/moderation/ueberpruefungen/{review.pk}/ausgeblendet-lassen/", {"reason": "Bleibt so."}
    )
    assert response["Location"] == "/moderation/"
    assert "Entschieden: Es bleibt ausgeblendet." in client.get("/moderation/").content.decode()


def test_the_decided_reports_name_the_decision_who_and_when(client_as, cafe, people):
    comment = services.add_comment(cafe, author=people["mitglied"], body="Ganz harmlos")
    moderation.flag(comment, reporter=people["expertin"], reason="Unfreundlich")
    moderation.dismiss_flags(comment, moderator=people["moderation"])
    moderation.hide(cafe, moderator=people["moderation"], reason="Veraltet")
    moderation.show(cafe, moderator=people["admin"], reason="Wieder aktuell")
    page = _visible(client_as("moderation").get("/moderation/erledigt/").content.decode())
    page = " ".join(page.split())
    moderator = people["moderation"].display_name
    assert f"Meldungen zurückgewiesen von {moderator} am" in page
    assert f"Ausgeblendet von {moderator} am" in page
    assert f"Wieder eingeblendet von {people['admin'].display_name} am" in page
    assert "Unfreundlich" in page
    assert "Die Öffnungszeiten stimmen nicht mehr" in page
    assert re.search(r"am \d\d\.\d\d\.\d{4} \d\d:\d\d", page)
    assert page.index(cafe.title) < page.index("Ganz harmlos")  # the newest decision first


def test_the_queue_leads_to_the_decided_reports(client_as):
    assert 'href="/moderation/erledigt/"' in client_as("moderation").get("/moderation/").content.decode()


def test_a_hidden_text_is_labelled_for_moderators_only(client_as, cafe, hidden_comment):
    label = "nur für die Moderation sichtbar"
    moderator_page = client_as("moderation").get(cafe.get_absolute_url()).content.decode()
    assert label in moderator_page
    assert moderator_page.index(label) < moderator_page.index(hidden_comment.body)
    for who in ("mitglied", "expertin"):
        page = client_as(who).get(cafe.get_absolute_url()).content.decode()
        assert label not in page
        assert hidden_comment.body not in page


def test_a_hidden_contribution_is_labelled_for_moderators(client_as, cafe, people):
    moderation.hide(cafe, moderator=people["moderation"], reason="Veraltet")
    page = client_as("moderation").get(cafe.get_absolute_url()).content.decode()
    assert page.index("nur für die Moderation sichtbar") < page.index(escape(cafe.body))
