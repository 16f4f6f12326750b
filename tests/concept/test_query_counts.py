"""The home page, the administration and the help pages run a bounded number of queries.

The same with N items as with 3N; see tests/queries.py for how a page is measured.
"""

import pytest
from django.utils import timezone

from ankommen.concept.models import Field, HelpPage, Stage
from ankommen.concept.services import default_stage_rules
from tests.queries import BUDGET, queries


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


@pytest.mark.parametrize("role", [None, "mitglied", "admin"])
def test_home_page(client_as, town, role):
    client = client_as(role)
    add_fields(town, 2)
    few = queries(client, "/")
    add_fields(town, 4)
    assert queries(client, "/") == few
    assert few[0] <= BUDGET


def test_fields_to_manage(client_as, town):
    client = client_as("admin")
    add_fields(town, 2)
    few = queries(client, "/verwaltung/handlungsfelder/")
    add_fields(town, 4)
    assert queries(client, "/verwaltung/handlungsfelder/") == few
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


def archive_some(town, count):
    """`count` more archived fields, each with an archived stage beside a closed one."""
    start = Field.objects.count()
    add_fields(town, count)
    fields = Field.objects.filter(
        municipality=town, slug__in=[f"feld-{n}" for n in range(start, start + count)]
    )
    Stage.objects.filter(field__in=fields).update(status="closed")
    Stage.objects.filter(field__in=fields, kind="options").update(archived_at=timezone.now())
    fields.update(archived_at=timezone.now())


@pytest.mark.parametrize(
    ("role", "url", "expected"),
    [
        (None, "/", (19, 3)),
        ("admin", "/verwaltung/handlungsfelder/", (6, 6)),
        ("admin", "/verwaltung/handlungsfelder/wohnen-und-leben/", (6, 6)),
        (None, "/handlungsfelder/wohnen-und-leben/", (42, 7)),
    ],
)
def test_pages_with_archived_fields_and_stages(client_as, town, role, url, expected):
    client = client_as(role)
    add_fields(town, 2)
    archive_some(town, 2)
    few = queries(client, url)
    add_fields(town, 4)
    archive_some(town, 4)
    assert queries(client, url) == few == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/verwaltung/handlungsfelder/wohnen-und-leben/archivieren/", (5, 5)),
        ("/verwaltung/handlungsfelder/fruehere-runde/zurueckholen/", (5, 5)),
        ("stage:archivieren", (5, 5)),
        ("stage:zurueckholen", (5, 5)),
    ],
)
def test_archive_confirmations(client_as, town, url, expected):
    field = Field.objects.create(
        municipality=town,
        name="Frühere Runde",
        slug="fruehere-runde",
        summary="x",
        archived_at=timezone.now(),
    )
    stage = Stage.objects.create(
        municipality=town,
        field=field,
        kind="stocktaking",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
        archived_at=timezone.now(),
    )
    if url.startswith("stage:"):
        verb = url.split(":")[1]
        target = (
            stage
            if verb == "zurueckholen"
            else Stage.objects.get(field__slug="wohnen-und-leben", kind="options")
        )
        url = f"/verwaltung/stufen/{target.pk}/{verb}/"
    assert queries(client_as("admin"), url) == expected
