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


def _stage_pk():
    return Stage.objects.get(
        municipality__slug="kornwestheim", field__slug="wohnen-und-leben", kind="options"
    ).pk


def _help_pk():
    return HelpPage.objects.get(municipality__slug="kornwestheim", slug="mitmachen").pk


PAGES = [
    Page("home page for a visitor", None, lambda: "/", (19, 3), add_fields),
    Page("home page for a member", "mitglied", lambda: "/", (22, 6), add_fields),
    Page("home page for an admin", "admin", lambda: "/", (22, 6), add_fields),
    Page("fields to manage", "admin", lambda: "/verwaltung/handlungsfelder/", (6, 6), add_fields),
    Page("new field form", "admin", lambda: "/verwaltung/handlungsfelder/neu/", (4, 4), add_fields),
    Page("field form", "admin", lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/", (6, 6), add_fields),
    Page(
        "new stage form",
        "admin",
        lambda: "/verwaltung/handlungsfelder/wohnen-und-leben/stufen/neu/",
        (5, 5),
        add_fields,
    ),
    Page("stage form", "admin", lambda: f"/verwaltung/stufen/{_stage_pk()}/", (5, 5), add_fields),
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
