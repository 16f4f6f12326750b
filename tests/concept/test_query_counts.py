"""The concept's pages run exactly their pinned number of queries, with N items as with 3N.

See tests/queries.py for how a page is measured.
"""

import pytest
from django.utils import timezone

from ankommen.concept.models import Field, HelpPage, Stage
from ankommen.concept.services import default_stage_rules
from tests.queries import Page, pin


def add_fields(town, people, count):
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


def add_help_pages(town, people, count):
    start = HelpPage.objects.count()
    for number in range(start, start + count):
        HelpPage.objects.create(
            municipality=town, title=f"Hilfe {number}", slug=f"hilfe-{number}", summary="x", body="Text"
        )


def archive_some(town, people, count):
    """`count` more fields, and `count` more archived ones, each with an archived stage beside a closed one."""
    add_fields(town, people, count)
    start = Field.objects.count()
    add_fields(town, people, count)
    fields = Field.objects.filter(
        municipality=town, slug__in=[f"feld-{n}" for n in range(start, start + count)]
    )
    Stage.objects.filter(field__in=fields).update(status="closed")
    Stage.objects.filter(field__in=fields, kind="options").update(archived_at=timezone.now())
    fields.update(archived_at=timezone.now())


ARCHIVED = "fruehere-runde"


def with_an_archived_field(town, people, count):
    """The archived field with its archived stage (made once), and `count` more fields beside it."""
    if not Field.objects.filter(municipality=town, slug=ARCHIVED).exists():
        field = Field.objects.create(
            municipality=town, name="Frühere Runde", slug=ARCHIVED, summary="x", archived_at=timezone.now()
        )
        Stage.objects.create(
            municipality=town,
            field=field,
            kind="stocktaking",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
            archived_at=timezone.now(),
        )
    archive_some(town, people, count)


def _stage_pk():
    return Stage.objects.get(
        municipality__slug="kornwestheim", field__slug="wohnen-und-leben", kind="options"
    ).pk


def _archived_stage_pk():
    return Stage.objects.get(municipality__slug="kornwestheim", field__slug=ARCHIVED).pk


def _help_pk():
    return HelpPage.objects.get(municipality__slug="kornwestheim", slug="mitmachen").pk


PAGES = [
    Page("home page for a visitor", None, lambda: "/", (19, 2), add_fields),
    Page("home page for a member", "mitglied", lambda: "/", (22, 6), add_fields),
    Page("home page for an admin", "admin", lambda: "/", (22, 6), add_fields),
    Page("home page with archived fields", None, lambda: "/", (19, 2), archive_some),
    Page("fields to manage", "admin", lambda: "/verwaltung/handlungsfelder/", (6, 6), add_fields),
    Page(
        "fields to manage with archived ones",
        "admin",
        lambda: "/verwaltung/handlungsfelder/",
        (6, 6),
        archive_some,
    ),
    Page("new field form", "admin", lambda: "/verwaltung/handlungsfelder/neu/", (4, 4), add_fields),
    Page("field form", "admin", lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/", (6, 6), add_fields),
    Page(
        "field form beside archived fields",
        "admin",
        lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/",
        (6, 6),
        archive_some,
    ),
    Page(
        "a field's page beside archived fields",
        None,
        lambda: "/handlungsfelder/wohnen-und-leben/",
        (33, 2),
        archive_some,
    ),
    Page(
        "new stage form",
        "admin",
        lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/stufen/neu/",
        (5, 5),
        add_fields,
    ),
    Page("stage form", "admin", lambda: f"/verwaltung/stufen/{_stage_pk()}/", (8, 8), add_fields),
    Page(
        "a field's archiving confirmation",
        "admin",
        lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/archivieren/",
        (5, 5),
        with_an_archived_field,
    ),
    Page(
        "confirmation before taking a field out of the archive",
        "admin",
        lambda: f"/verwaltung/handlungsfelder/{ARCHIVED}/zurueckholen/",
        (5, 5),
        with_an_archived_field,
    ),
    Page(
        "a stage's archiving confirmation",
        "admin",
        lambda: f"/verwaltung/stufen/{_stage_pk()}/archivieren/",
        (5, 5),
        with_an_archived_field,
    ),
    Page(
        "confirmation before taking a stage out of the archive",
        "admin",
        lambda: f"/verwaltung/stufen/{_archived_stage_pk()}/zurueckholen/",
        (5, 5),
        with_an_archived_field,
    ),
    Page(
        "confirmation before opening a stage while another runs",
        "moderation",
        lambda: f"/stufen/{_stage_pk()}/oeffnen/",
        (6, 6),
        add_fields,
    ),
    Page("help", None, lambda: "/hilfe/", (2, 2), add_help_pages),
    Page("help in Arabic", None, lambda: "/ar/hilfe/", (3, 3), add_help_pages),
    Page("help page in Ukrainian", None, lambda: "/uk/hilfe/mitmachen/", (3, 3), add_help_pages),
    Page("help pages to manage", "admin", lambda: "/verwaltung/hilfe/", (6, 6), add_help_pages),
    Page("new help page form", "admin", lambda: "/verwaltung/hilfe/neu/", (4, 4), add_help_pages),
    Page("help page form", "admin", lambda: f"/verwaltung/hilfe/{_help_pk()}/", (5, 5), add_help_pages),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
