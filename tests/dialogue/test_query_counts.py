"""The dialogue's pages run exactly their pinned number of queries, with N items as with 3N.

See tests/queries.py for how a page is measured.
"""

import pytest

from ankommen.concept.models import District, Stage
from ankommen.dialogue.models import Comment, Contribution, Support
from tests.queries import Page, pin


def add_contributions(town, people, count):
    tag = District.objects.get(municipality=town, name="Weststadt")
    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    for number in range(count):
        contribution = Contribution.objects.create(
            municipality=town,
            field=stage.field,
            stage=stage,
            kind="finding",
            finding_kind="need",
            title=f"Befund {number}",
            body="Text",
            author=people["expertin"],
        )
        contribution.districts.add(tag)
        Support.objects.create(municipality=town, contribution=contribution, member=people["mitglied"])
    return stage


def add_comments(town, people, count):
    contribution = _open_finding()
    author = people["nachbarschaft"]
    for number in range(count):
        Comment.objects.create(
            municipality=contribution.municipality,
            contribution=contribution,
            author=author,
            body=f"K {number}",
        )


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
    Page("field page for a visitor", None, lambda: FIELD, (41, 8), add_contributions, n=4),
    Page("field page for a member", "mitglied", lambda: FIELD, (45, 17), add_contributions, n=4),
    Page("field page for a moderator", "moderation", lambda: FIELD, (45, 17), add_contributions, n=4),
    Page("filtered field page", "mitglied", _filtered, (46, 18), add_contributions, n=4),
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
        (13, 13),
        add_comments,
        n=3,
    ),
    Page(
        "contribution for a moderator",
        "moderation",
        lambda: _open_finding().get_absolute_url(),
        (13, 13),
        add_comments,
        n=3,
    ),
    Page("contribution form", "expertin", _add_form, (10, 10), add_contributions),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
