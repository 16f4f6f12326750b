"""The dialogue's pages run exactly their pinned number of queries, with N items as with 3N.

See tests/queries.py for how a page is measured.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ankommen.concept.models import District, Stage
from ankommen.dialogue import services
from ankommen.dialogue.models import Comment, Contribution, Support
from tests.queries import Page, empty_caches, pin
from tests.writing import add_contribution


def add_contributions(town, people, count):
    tag = District.objects.get(municipality=town, name="Weststadt")
    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    for number in range(count):
        contribution = add_contribution(town, people, f"Befund {number}")
        contribution.districts.add(tag)
        Support.objects.create(municipality=town, contribution=contribution, member=people["mitglied"])
    return stage


def _comment(contribution, author, body, **changes):
    return Comment.objects.create(
        municipality=contribution.municipality, contribution=contribution, author=author, body=body, **changes
    )


def add_comments(town, people, count):
    contribution = _open_finding()
    for number in range(count):
        _comment(contribution, people["nachbarschaft"], f"K {number}")


def add_hidden_comments(town, people, count):
    """The member's comments hidden by the moderation: moderators see "show again", she "ask for a review"."""
    for _ in range(count):
        _comment(
            _open_finding(),
            people["mitglied"],
            "Telefonnummer",
            hidden_at=timezone.now(),
            hidden_reason="Persönliche Daten",
        )


def add_own_and_withdrawn_comments(town, people, count):
    """The member's own comments (every other one edited and withdrawn) beside someone else's."""
    contribution = _open_finding()
    for number in range(count):
        withdrawn = {"withdrawn_at": timezone.now(), "edited_at": timezone.now()} if number % 2 == 0 else {}
        _comment(contribution, people["mitglied"], f"Meiner {number}", **withdrawn)
        _comment(contribution, people["nachbarschaft"], f"K {number}")


def add_edited_and_withdrawn_contributions(town, people, count):
    add_contributions(town, people, count)
    ids = list(
        Contribution.objects.filter(municipality=town).order_by("-id").values_list("pk", flat=True)[:count]
    )
    Contribution.objects.filter(pk__in=ids[::2]).update(edited_at=timezone.now())
    Contribution.objects.filter(pk__in=ids[1::2]).update(withdrawn_at=timezone.now())


OWN_COMMENT = "Version 0"
OWN_FINDING = "Ein Befund der Expertin, den sie bearbeitet"


def add_versions_of_own_texts(town, people, count):
    """The member's comment and the expert's finding (made once), each edited `count` more times, with more comments."""
    contribution = _open_finding()
    if not Contribution.objects.filter(municipality=town, title=OWN_FINDING).exists():
        add_contribution(town, people, OWN_FINDING, body="Fassung")
        services.add_comment(contribution, author=people["mitglied"], body=OWN_COMMENT)
    comment, finding = _own_comment(), _own_finding()
    add_comments(town, people, count)
    for number in range(count):
        services.edit_comment(comment, author=people["mitglied"], body=f"Version {number + 1}")
        services.edit_contribution(
            finding, author=people["expertin"], title=OWN_FINDING, body=f"Fassung {number}"
        )


RECOMMENDATION = "Ausbildungspatenschaften durch Ehrenamtliche ausbauen"
WIRTSCHAFT = "/handlungsfelder/wirtschaft-und-berufliche-bildung/"


def add_answered_options(town, people, count):
    """Options of the field "Wirtschaft" with an answer each, in turn under review, not pursued and merged
    into the recommendation; and as many more answers to the first option, "Option 0"."""
    from ankommen.dialogue.answers import AnswerState, answer_contribution

    stage = Stage.objects.get(
        municipality=town, field__slug="wirtschaft-und-berufliche-bildung", kind="options"
    )
    target = Contribution.objects.get(municipality=town, title=RECOMMENDATION)
    start = Contribution.objects.filter(municipality=town, title__startswith="Option ").count()
    for number in range(start, start + count):
        option = Contribution.objects.create(
            municipality=town,
            field=stage.field,
            stage=stage,
            kind="option",
            title=f"Option {number}",
            body="Text",
            author=people["multiplikator"],
        )
        state = [AnswerState.UNDER_REVIEW, AnswerState.NOT_PURSUED, AnswerState.MERGED][number % 3]
        answer_contribution(
            option,
            actor=people["admin"],
            state=state,
            text="Begründung",
            merged_into=target if state == AnswerState.MERGED else None,
        )
    first = Contribution.objects.get(municipality=town, title="Option 0")
    for number in range(count if start else 0):
        answer_contribution(
            first, actor=people["admin"], state=AnswerState.UNDER_REVIEW, text=f"Stand {number}"
        )


def _answer_page():
    option = Contribution.objects.get(municipality__slug="kornwestheim", title="Option 0")
    return f"/beitraege/{option.pk}/antworten/"


def _recommendation():
    recommendation = Contribution.objects.get(municipality__slug="kornwestheim", title=RECOMMENDATION)
    return f"{WIRTSCHAFT}beitraege/{recommendation.pk}/"


def _own_comment():
    return Comment.objects.get(municipality__slug="kornwestheim", body__startswith="Version ")


def _own_finding():
    return Contribution.objects.get(municipality__slug="kornwestheim", title=OWN_FINDING)


def _edit_finding():
    return f"/handlungsfelder/wohnen-und-leben/beitraege/{_own_finding().pk}/bearbeiten/"


def _withdraw_finding():
    return f"/handlungsfelder/wohnen-und-leben/beitraege/{_own_finding().pk}/zurueckziehen/"


def _open_finding():
    return Contribution.objects.get(
        municipality__slug="kornwestheim", title="Begegnungscafé im Stadtteilzentrum"
    )


def _filtered():
    weststadt = District.objects.get(municipality__slug="kornwestheim", name="Weststadt")
    return f"/handlungsfelder/wohnen-und-leben/?districts={weststadt.pk}&kind=finding"


def _add_form():
    stage = Stage.objects.get(
        municipality__slug="kornwestheim", field__slug="wohnen-und-leben", kind="stocktaking"
    )
    return f"/handlungsfelder/wohnen-und-leben/stufen/{stage.pk}/beitragen/"


FIELD = "/handlungsfelder/wohnen-und-leben/"
PAGES = [
    # A field's page asks once for its upcoming events (the events' partial after the stages).
    Page("field page for a visitor", None, lambda: FIELD, (33, 2), add_contributions, n=4),
    Page("field page for a member", "mitglied", lambda: FIELD, (38, 14), add_contributions, n=4),
    Page("field page for a moderator", "moderation", lambda: FIELD, (38, 14), add_contributions, n=4),
    Page("filtered field page", "mitglied", _filtered, (40, 15), add_contributions, n=4),
    Page(
        "field page sorted by support",
        "mitglied",
        lambda: FIELD + "?sort=supported&kind=finding",
        (39, 14),
        add_contributions,
        n=4,
    ),
    Page(
        "field page sorted by comments",
        "mitglied",
        lambda: FIELD + "?sort=discussed&kind=finding",
        (39, 14),
        add_contributions,
        n=4,
    ),
    Page(
        "field page with edited and withdrawn contributions",
        "expertin",
        lambda: FIELD,
        (38, 14),
        add_edited_and_withdrawn_contributions,
        n=4,
    ),
    Page(
        "contribution for a visitor",
        None,
        lambda: _open_finding().get_absolute_url(),
        (8, 8),
        add_comments,
        n=3,
    ),
    Page(
        "contribution for a member",
        "mitglied",
        lambda: _open_finding().get_absolute_url(),
        (14, 14),
        add_comments,
        n=3,
    ),
    Page(
        "contribution for a moderator",
        "moderation",
        lambda: _open_finding().get_absolute_url(),
        (14, 14),
        add_comments,
        n=3,
    ),
    *(
        Page(
            f"contribution with hidden comments for {role or 'a visitor'}",
            role,
            lambda: _open_finding().get_absolute_url(),
            counts,
            add_hidden_comments,
            n=3,
        )
        for role, counts in ((None, (8, 8)), ("mitglied", (14, 14)), ("moderation", (14, 14)))
    ),
    Page(
        "contribution with the reader's own and withdrawn comments",
        "mitglied",
        lambda: _open_finding().get_absolute_url(),
        (14, 14),
        add_own_and_withdrawn_comments,
        n=3,
    ),
    Page("contribution form", "expertin", _add_form, (10, 10), add_contributions),
    *(
        Page(
            f"field page with answers for {role or 'a visitor'}",
            role,
            lambda: WIRTSCHAFT,
            counts,
            add_answered_options,
            n=3,
        )
        for role, counts in ((None, (34, 2)), ("admin", (39, 14)))
    ),
    *(
        # The tags' translations of all kinds in one query: within the budget in other languages too.
        Page(
            f"field page with answers in Ukrainian for {role or 'a visitor'}",
            role,
            lambda: "/uk" + WIRTSCHAFT,
            counts,
            add_answered_options,
            n=3,
        )
        for role, counts in ((None, (40, 2)), ("admin", (45, 18)))
    ),
    Page(
        "a recommendation with items merged into it",
        "admin",
        _recommendation,
        (16, 16),
        add_answered_options,
        n=3,
    ),
    Page("answer form with earlier answers", "admin", _answer_page, (10, 10), add_answered_options, n=3),
    Page(
        "answer form in Ukrainian",
        "admin",
        lambda: "/uk" + _answer_page(),
        (12, 12),
        add_answered_options,
        n=3,
    ),
    Page(
        "a field's results to print",
        "mitglied",
        lambda: f"{WIRTSCHAFT}ergebnisse/",
        (10, 10),
        add_answered_options,
        n=3,
    ),
    Page(
        "form to edit one's comment",
        "mitglied",
        lambda: f"/kommentare/{_own_comment().pk}/bearbeiten/",
        (5, 5),
        add_versions_of_own_texts,
    ),
    Page(
        "question before withdrawing one's comment",
        "mitglied",
        lambda: f"/kommentare/{_own_comment().pk}/zurueckziehen/",
        (5, 5),
        add_versions_of_own_texts,
    ),
    Page("form to edit one's contribution", "expertin", _edit_finding, (5, 5), add_versions_of_own_texts),
    Page(
        "question before withdrawing one's contribution",
        "expertin",
        _withdraw_finding,
        (5, 5),
        add_versions_of_own_texts,
    ),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)


@pytest.mark.parametrize(
    ("role", "link"),
    [(None, None), ("mitglied", "Um Überprüfung bitten"), ("moderation", "Wieder einblenden")],
)
def test_each_hidden_comment_offers_its_correction(client_as, town, people, role, link):
    add_hidden_comments(town, people, 9)
    page = client_as(role).get(_open_finding().get_absolute_url()).content.decode()
    assert link is None or page.count(link) == 9


def counted(client, url):
    """A first and a second request's queries, like `queries`, without its budget: the pages in other
    languages fetch translations besides (their budget is a question of its own)."""
    counts = []
    empty_caches()
    for _ in range(2):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200, url
        counts.append(len(context.captured_queries))
    return tuple(counts)


@pytest.mark.parametrize(
    ("role", "url", "expected"),
    [
        ("admin", lambda: "/uk" + _recommendation(), (23, 23)),
        ("mitglied", lambda: f"/uk{WIRTSCHAFT}ergebnisse/", (15, 15)),
    ],
    ids=[
        "a recommendation in Ukrainian",
        "a field's results to print in Ukrainian",
    ],
)
def test_pages_with_answers_in_ukrainian_run_their_pinned_queries_beyond_the_budget(
    client_as, town, people, role, url, expected
):
    client = client_as(role)
    add_answered_options(town, people, 3)
    few = counted(client, url())
    add_answered_options(town, people, 6)
    assert (few, counted(client, url())) == (expected, expected)
