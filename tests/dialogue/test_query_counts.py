"""The field page, a contribution's page and the moderation queue run a bounded number of queries.

The same with N items as with 3N; see tests/queries.py for how a page is measured.
"""

import pytest

from ankommen.concept.models import District, Stage
from ankommen.dialogue.models import Comment, Contribution, Support
from tests.queries import BUDGET, queries


def add_contributions(town, people, count, tag=None):
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
        if tag is not None:
            contribution.districts.add(tag)
        Support.objects.create(municipality=town, contribution=contribution, member=people["mitglied"])
    return stage


def add_comments(contribution, author, count):
    for number in range(count):
        Comment.objects.create(
            municipality=contribution.municipality,
            contribution=contribution,
            author=author,
            body=f"K {number}",
        )


@pytest.mark.parametrize("role", [None, "mitglied", "moderation"])
def test_field_page(client_as, town, people, role):
    client = client_as(role)
    weststadt = District.objects.get(municipality=town, name="Weststadt")
    add_contributions(town, people, 4, tag=weststadt)
    few = queries(client, "/handlungsfelder/wohnen-und-leben/")
    add_contributions(town, people, 10, tag=weststadt)
    assert queries(client, "/handlungsfelder/wohnen-und-leben/") == few
    assert few[0] <= BUDGET


def test_filtered_field_page(client_as, town, people):
    client = client_as("mitglied")
    weststadt = District.objects.get(municipality=town, name="Weststadt")
    url = f"/handlungsfelder/wohnen-und-leben/?districts={weststadt.pk}&kind=finding"
    add_contributions(town, people, 4, tag=weststadt)
    few = queries(client, url)
    add_contributions(town, people, 10, tag=weststadt)
    assert queries(client, url) == few
    assert few[0] <= BUDGET


def add_hidden_comments(contribution, author, count):
    """Comments hidden by the moderation: moderators see "show again", their author "ask for a review"."""
    from django.utils import timezone

    for _ in range(count):
        Comment.objects.create(
            municipality=contribution.municipality,
            contribution=contribution,
            author=author,
            body="Telefonnummer",
            hidden_at=timezone.now(),
            hidden_reason="Persönliche Daten",
        )


@pytest.mark.parametrize("role", [None, "mitglied", "moderation"])
def test_contribution_page_with_hidden_comments(client_as, town, people, role):
    client = client_as(role)
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    add_hidden_comments(contribution, people["mitglied"], 3)
    few = queries(client, contribution.get_absolute_url())
    add_hidden_comments(contribution, people["mitglied"], 6)
    page = client.get(contribution.get_absolute_url()).content.decode()
    link = {None: None, "mitglied": "Um Überprüfung bitten", "moderation": "Wieder einblenden"}[role]
    assert link is None or page.count(link) == 9
    assert queries(client, contribution.get_absolute_url()) == few
    assert few[0] <= BUDGET


@pytest.mark.parametrize("role", [None, "mitglied", "moderation"])
def test_contribution_page(client_as, town, people, role):
    client = client_as(role)
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    add_comments(contribution, people["nachbarschaft"], 3)
    few = queries(client, contribution.get_absolute_url())
    add_comments(contribution, people["mitglied"], 6)
    assert queries(client, contribution.get_absolute_url()) == few
    assert few[0] <= BUDGET


@pytest.mark.parametrize("sort", ["supported", "discussed"])
def test_sorted_field_page(client_as, town, people, sort):
    client = client_as("mitglied")
    url = f"/handlungsfelder/wohnen-und-leben/?sort={sort}&kind=finding"
    add_contributions(town, people, 4)
    few = queries(client, url)
    add_contributions(town, people, 10)
    assert queries(client, url) == few
    assert few[0] <= BUDGET


def test_field_page_with_edited_and_withdrawn_contributions(client_as, town, people):
    from django.utils import timezone

    client = client_as("expertin")

    def add_changed(count):
        add_contributions(town, people, count)
        newest = Contribution.objects.filter(municipality=town).order_by("-id")[:count]
        ids = list(newest.values_list("pk", flat=True))
        Contribution.objects.filter(pk__in=ids[::2]).update(edited_at=timezone.now())
        Contribution.objects.filter(pk__in=ids[1::2]).update(withdrawn_at=timezone.now())

    add_changed(4)
    few = queries(client, "/handlungsfelder/wohnen-und-leben/")
    add_changed(10)
    assert queries(client, "/handlungsfelder/wohnen-und-leben/") == few


def test_contribution_page_with_the_readers_own_and_withdrawn_comments(client_as, town, people):
    """The member's own comments carry their edit and withdraw links; withdrawn ones their trace."""
    from django.utils import timezone

    client = client_as("mitglied")
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")

    def add_own(count):
        add_comments(contribution, people["mitglied"], count)
        add_comments(contribution, people["nachbarschaft"], count)
        mine = Comment.objects.filter(contribution=contribution, author=people["mitglied"]).order_by("-id")
        Comment.objects.filter(pk__in=list(mine.values_list("pk", flat=True)[:count:2])).update(
            withdrawn_at=timezone.now(), edited_at=timezone.now()
        )

    add_own(3)
    few = queries(client, contribution.get_absolute_url())
    add_own(6)
    assert queries(client, contribution.get_absolute_url()) == few
    assert few[0] <= BUDGET


def test_the_authors_pages(client_as, town, people):
    """Editing and withdrawing: the same queries however many versions and comments the item has."""
    from ankommen.dialogue import services

    client = client_as("mitglied")
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    comment = services.add_comment(contribution, author=people["mitglied"], body="Version 0")
    urls = [f"/kommentare/{comment.pk}/bearbeiten/", f"/kommentare/{comment.pk}/zurueckziehen/"]

    def add_versions(count):
        add_comments(contribution, people["nachbarschaft"], count)
        for number in range(count):
            services.edit_comment(comment, author=people["mitglied"], body=f"Version {number + 1}")

    add_versions(2)
    few = [queries(client, url) for url in urls]
    add_versions(6)
    assert [queries(client, url) for url in urls] == few


def test_the_authors_contribution_pages(client_as, town, people):
    from ankommen.dialogue import services

    client = client_as("expertin")
    stage = add_contributions(town, people, 1)
    contribution = Contribution.objects.filter(stage=stage).latest("id")
    base = f"/handlungsfelder/wohnen-und-leben/beitraege/{contribution.pk}/"
    urls = [base + "bearbeiten/", base + "zurueckziehen/"]

    def add_versions(count):
        add_comments(contribution, people["nachbarschaft"], count)
        for number in range(count):
            services.edit_contribution(
                contribution, author=people["expertin"], title=contribution.title, body=f"Fassung {number}"
            )

    add_versions(2)
    few = [queries(client, url) for url in urls]
    add_versions(6)
    assert [queries(client, url) for url in urls] == few
