"""The dialogue's pages are valid HTML, by the Nu Html Checker: fields, contributions, forms, moderation."""

import pytest
from django.urls import reverse

from tests.html import Pages, assert_valid_html, checker


@pytest.mark.django_db
def test_every_dialogue_page_is_valid_html(client_as, people, tmp_path):
    from ankommen.concept.models import Stage
    from ankommen.core import moderation
    from ankommen.core.models import ReviewRequest
    from ankommen.dialogue import services
    from ankommen.dialogue.models import Comment, Contribution

    jar = checker()
    town = people["admin"].municipality
    contributions = {c.title: c for c in Contribution.objects.for_municipality(town)}
    housing = contributions["Lange Wartezeiten auf eine Sozialwohnung"]  # with a hidden comment
    neighbourhood = contributions["Nachbarschaftshilfe in der Weststadt trägt"]
    café = contributions["Begegnungscafé im Stadtteilzentrum"]
    comment = Comment.objects.filter(contribution=housing, hidden_at__isnull=True).first()
    stage = Stage.objects.for_municipality(town).get(field__slug="wohnen-und-leben", status="open")
    pages = Pages(tmp_path)

    visitor = client_as(None)
    for path in [
        "/handlungsfelder/wirtschaft-und-berufliche-bildung/",
        "/handlungsfelder/wohnen-und-leben/?finding_kind=problem",
        "/handlungsfelder/fruehkindliche-und-schulische-bildung/",
        housing.get_absolute_url(),
    ]:
        pages.get(visitor, path)

    member = client_as("mitglied")
    for path in [
        neighbourhood.get_absolute_url(),
        reverse("core:flag", args=["beitraege", neighbourhood.pk]),
    ]:
        pages.get(member, path)
    pages.post_invalid(member, neighbourhood.get_absolute_url(), {"body": ""}, "Kommentar, leer", status=400)
    pages.post_invalid(
        member,
        reverse("core:flag", args=["beitraege", neighbourhood.pk]),
        {"reason": ""},
        "Meldung, leer",
        status=400,
    )

    expert = client_as("expertin")
    add_finding = reverse("dialogue:add", args=[stage.field.slug, stage.pk])
    pages.get(expert, add_finding)
    pages.post_invalid(expert, add_finding, {"title": "", "body": ""}, "Befund, leer", status=400)

    moderator = client_as("moderation")
    pages.get(moderator, reverse("core:moderation"))
    pages.get(moderator, housing.get_absolute_url(), label="Beitrag mit ausgeblendetem Kommentar, Moderation")
    pages.get(moderator, reverse("core:hide", args=["kommentare", comment.pk]))
    pages.get(moderator, reverse("core:hide", args=["beitraege", café.pk]))
    pages.post_invalid(
        moderator,
        reverse("core:hide", args=["beitraege", café.pk]),
        {"reason": ""},
        "Ausblenden, leer",
        status=400,
    )

    # The demo's hidden comment, whose author asked for a review.
    hidden = Comment.objects.get(contribution=housing, hidden_at__isnull=False)
    review = ReviewRequest.objects.of(hidden).get()
    pages.get(moderator, reverse("core:show", args=["kommentare", hidden.pk]))
    pages.post_invalid(
        moderator,
        reverse("core:show", args=["kommentare", hidden.pk]),
        {"reason": ""},
        "Einblenden, leer",
        status=400,
    )
    pages.get(moderator, reverse("core:keep_hidden", args=[review.pk]))
    pages.post_invalid(
        moderator,
        reverse("core:keep_hidden", args=[review.pk]),
        {"reason": "<b>"},
        "Ausgeblendet lassen, HTML",
        status=400,
    )

    author = client_as("nachbarschaft")
    pages.get(author, housing.get_absolute_url(), label="Beitrag mit eigenem ausgeblendeten Kommentar")
    pages.get(author, reverse("core:request_review", args=["kommentare", hidden.pk]), label="Bitte, offen")
    second = moderation.hide(
        services.add_comment(housing, author=people["nachbarschaft"], body="Noch einmal: 0171 0000000"),
        moderator=people["moderation"],
        reason="Telefonnummer",
    )
    pages.get(author, reverse("core:request_review", args=["kommentare", second.pk]), label="Bitte, Formular")
    pages.post_invalid(
        author,
        reverse("core:request_review", args=["kommentare", second.pk]),
        {"text": "x" * 1001},
        "Bitte, zu lang",
        status=400,
    )

    own = services.add_contribution(
        stage, author=people["expertin"], finding_kind="need", title="Eigener Befund", body="Text."
    )
    services.edit_contribution(own, author=people["expertin"], title="Eigener Befund", body="Geändert.")
    own_comment = services.add_comment(own, author=people["mitglied"], body="Eigener Kommentar")
    gone_comment = services.add_comment(own, author=people["mitglied"], body="Zurückgezogen")
    services.withdraw_comment(gone_comment, author=people["mitglied"])
    edit_own = reverse("dialogue:edit_contribution", args=[stage.field.slug, own.pk])
    withdraw_own = reverse("dialogue:withdraw_contribution", args=[stage.field.slug, own.pk])
    expert = client_as("expertin")  # one client: each client_as logs in anew
    for path in [own.get_absolute_url(), edit_own, withdraw_own]:
        pages.get(expert, path, label=f"{path}, Verfasserin")
    pages.post_invalid(
        expert, edit_own, {"title": "", "body": "<b>x</b>"}, "Bearbeiten, ungültig", status=400
    )
    for path in [
        own.get_absolute_url(),
        reverse("dialogue:edit_comment", args=[own_comment.pk]),
        reverse("dialogue:withdraw_comment", args=[own_comment.pk]),
    ]:
        pages.get(client_as("mitglied"), path, label=f"{path}, Verfasser des Kommentars")
    services.withdraw_contribution(own, author=people["expertin"])
    visitor = client_as(None)
    pages.get(visitor, own.get_absolute_url(), label="zurückgezogener Beitrag")
    pages.get(visitor, "/handlungsfelder/wohnen-und-leben/?sort=supported&kind=finding", label="sortiert")

    pages.get_in_newcomer_languages(
        client_as,
        [
            (None, ["/handlungsfelder/wohnen-und-leben/", housing.get_absolute_url()]),
            ("mitglied", [neighbourhood.get_absolute_url()]),
            ("expertin", [add_finding]),
            ("moderation", [reverse("core:moderation")]),
            ("nachbarschaft", [reverse("core:request_review", args=["kommentare", hidden.pk])]),
        ],
    )
    assert_valid_html(jar, pages)
