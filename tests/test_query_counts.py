"""Every page runs a bounded number of queries: the same with N items as with 3N.

Each page is measured twice in a row: the first request renders and stores its cached
fragments (the cache lives in the database, so storing them costs queries too), the second
is served from them. Both counts must not grow with the data.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ankommen.accounts.models import Member, User
from ankommen.concept.models import District, Field, HelpPage, Stage
from ankommen.concept.services import default_stage_rules
from ankommen.core.audit import audit
from ankommen.dialogue.models import Comment, Contribution, Report, Support

BUDGET = 40  # the most queries a page may need when its fragments are not cached yet
WARM_BUDGET = 20  # … and once they are


def queries(client, url):
    """The query counts of a first and a second request for `url`."""
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        counts.append(len(context.captured_queries))
    cold, warm = counts
    assert warm <= WARM_BUDGET, (url, counts)
    return cold, warm


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


def add_fields(town, count):
    start = Field.objects.count()
    for number in range(start, start + count):
        field = Field.objects.create(
            municipality=town, name=f"Feld {number}", slug=f"feld-{number}", summary="x"
        )
        for position, kind in enumerate(("stocktaking", "options")):
            Stage.objects.create(
                municipality=town,
                field=field,
                kind=kind,
                position=position,
                starts_on=timezone.localdate(),
                ends_on=timezone.localdate(),
                status="open" if position == 0 else "planned",
                **default_stage_rules(kind),
            )


def add_comments(contribution, author, count):
    for number in range(count):
        Comment.objects.create(
            municipality=contribution.municipality,
            contribution=contribution,
            author=author,
            body=f"K {number}",
        )


def add_members(town, count, start=0):
    for number in range(start, start + count):
        user = User.objects.create_user(f"person{number}@example.org", None, display_name=f"Person {number}")
        Member.objects.create(municipality=town, user=user)


def add_reports(town, people, count):
    contribution = Contribution.objects.filter(municipality=town).first()
    for _ in range(count):
        Report.objects.create(
            municipality=town, contribution=contribution, reporter=people["mitglied"], reason="x"
        )


def add_audit(town, people, count):
    stage = Stage.objects.filter(municipality=town).first()
    for _ in range(count):
        audit(people["admin"].user, "stage.updated", stage)


@pytest.mark.parametrize("role", [None, "mitglied", "admin"])
def test_home_page(client_as, town, role):
    client = client_as(role)
    add_fields(town, 2)
    few = queries(client, "/")
    add_fields(town, 4)
    assert queries(client, "/") == few
    assert few[0] <= BUDGET


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


@pytest.mark.parametrize("role", [None, "mitglied", "moderation"])
def test_contribution_page(client_as, town, people, role):
    client = client_as(role)
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    add_comments(contribution, people["nachbarschaft"], 3)
    few = queries(client, contribution.get_absolute_url())
    add_comments(contribution, people["mitglied"], 6)
    assert queries(client, contribution.get_absolute_url()) == few
    assert few[0] <= BUDGET


def test_moderation_queue(client_as, town, people):
    client = client_as("moderation")
    add_reports(town, people, 3)
    few = queries(client, "/moderation/")
    add_reports(town, people, 6)
    assert queries(client, "/moderation/") == few
    assert few[0] <= BUDGET


def test_member_list(client_as, town):
    client = client_as("admin")
    add_members(town, 3)
    few = queries(client, "/verwaltung/mitglieder/")
    add_members(town, 6, start=3)
    assert queries(client, "/verwaltung/mitglieder/") == few
    assert few[0] <= BUDGET


def test_audit_log(client_as, town, people):
    client = client_as("admin")
    add_audit(town, people, 3)
    few = queries(client, "/verwaltung/protokoll/")
    add_audit(town, people, 6)
    assert queries(client, "/verwaltung/protokoll/") == few
    assert few[0] <= BUDGET


def test_administration(client_as, town):
    client = client_as("admin")
    add_fields(town, 2)
    few = queries(client, "/verwaltung/")
    add_fields(town, 4)
    assert queries(client, "/verwaltung/") == few
    assert few[0] <= BUDGET


def add_help_pages(town, count):
    start = HelpPage.objects.count()
    for number in range(start, start + count):
        HelpPage.objects.create(
            municipality=town, title=f"Hilfe {number}", slug=f"hilfe-{number}", summary="x", body="Text"
        )


@pytest.mark.parametrize(
    "role, url",
    [
        (None, "/hilfe/"),
        (None, "/ar/hilfe/"),
        (None, "/uk/hilfe/mitmachen/"),
        ("admin", "/verwaltung/hilfe/"),
    ],
)
def test_help_pages(client_as, town, role, url):
    client = client_as(role)
    add_help_pages(town, 2)
    few = queries(client, url)
    add_help_pages(town, 6)
    assert queries(client, url) == few
    assert few[0] <= BUDGET
