"""The legal pages run exactly their pinned number of queries, with N items as with 3N.

See tests/queries.py for how a page is measured.
"""

from datetime import date

import pytest
from django.utils import timezone

from ankommen.legal.models import AccessibilityStatement, BarrierReport, NonAccessibleContent, TermsVersion
from tests.queries import Page, pin


def _add_items(town, people, count):
    statement = AccessibilityStatement.objects.get(municipality=town)
    start = NonAccessibleContent.objects.count()
    for number in range(start, start + count):
        NonAccessibleContent.objects.create(
            municipality=town,
            statement=statement,
            content=f"Inhalt {number}",
            reason="out_of_scope",
            explanation="x",
        )


def _add_versions(town, people, count):
    start = TermsVersion.objects.count()
    for number in range(start, start + count):
        TermsVersion.objects.create(
            municipality=town,
            number=f"0.{number}",
            dated=date(2020, 1, 1 + number),
            text="Alt.",
            published_at=timezone.now(),
        )


def _add_reports(town, people, count):
    for number in range(count):
        BarrierReport.objects.create(
            municipality=town,
            subject=f"Barriere {number}",
            location="Start",
            message="Text",
            received_at=timezone.now(),
        )


def _everything(town, people, count):
    _add_items(town, people, count)
    _add_versions(town, people, count)
    _add_reports(town, people, count)


def _add_versions_and_a_draft(town, people, count):
    _add_versions(town, people, count)
    TermsVersion.objects.get_or_create(
        municipality=town, number="9", defaults={"dated": date(2030, 1, 1), "text": "Entwurf."}
    )


def _draft_pk():
    return TermsVersion.objects.get(municipality__slug="kornwestheim", number="9").pk


def _terms_pk():
    return TermsVersion.objects.filter(municipality__slug="kornwestheim").published().first().pk


def _item_pk():
    return NonAccessibleContent.objects.filter(municipality__slug="kornwestheim").first().pk


def _report_pk():
    return BarrierReport.objects.filter(municipality__slug="kornwestheim").first().pk


PAGES = [
    Page("imprint", None, lambda: "/impressum/", (2, 2), _everything),
    Page("privacy notice", None, lambda: "/datenschutz/", (2, 2), _everything),
    Page("terms", None, lambda: "/nutzungsbedingungen/", (2, 2), _add_versions),
    Page("terms in English", None, lambda: "/en/nutzungsbedingungen/", (3, 3), _add_versions),
    Page(
        "a version of the terms",
        None,
        lambda: f"/nutzungsbedingungen/fassungen/{_terms_pk()}/",
        (3, 3),
        _add_versions,
    ),
    Page("accessibility statement", None, lambda: "/barrierefreiheit/", (3, 3), _add_items),
    Page("accessibility statement in English", None, lambda: "/en/barrierefreiheit/", (5, 5), _add_items),
    Page("barrier form", None, lambda: "/barrierefreiheit/barriere-melden/", (2, 2), _everything),
    Page(
        "barrier confirmation", None, lambda: "/barrierefreiheit/barriere-melden/danke/", (1, 1), _everything
    ),
    Page("Leichte Sprache", None, lambda: "/leichte-sprache/", (2, 2), _everything),
    Page("sign language", None, lambda: "/gebaerdensprache/", (2, 2), _everything),
    Page("legal overview", "admin", lambda: "/verwaltung/rechtliches/", (18, 18), _everything),
    Page("imprint form", "admin", lambda: "/verwaltung/rechtliches/impressum/", (5, 5), _everything),
    Page("privacy form", "admin", lambda: "/verwaltung/rechtliches/datenschutz/", (5, 5), _everything),
    Page(
        "new terms form",
        "admin",
        lambda: "/verwaltung/rechtliches/nutzungsbedingungen/neu/",
        (4, 4),
        _add_versions,
    ),
    Page(
        "a draft's form",
        "admin",
        lambda: f"/verwaltung/rechtliches/nutzungsbedingungen/{_draft_pk()}/",
        (5, 5),
        _add_versions_and_a_draft,
    ),
    Page(
        "accessibility form", "admin", lambda: "/verwaltung/rechtliches/barrierefreiheit/", (5, 5), _add_items
    ),
    Page(
        "new non-accessible content form",
        "admin",
        lambda: "/verwaltung/rechtliches/barrierefreiheit/inhalte/neu/",
        (5, 5),
        _add_items,
    ),
    Page(
        "non-accessible content form",
        "admin",
        lambda: f"/verwaltung/rechtliches/barrierefreiheit/inhalte/{_item_pk()}/",
        (5, 5),
        _add_items,
    ),
    Page(
        "Leichte Sprache form",
        "admin",
        lambda: "/verwaltung/rechtliches/leichte-sprache/",
        (5, 5),
        _everything,
    ),
    Page(
        "sign language form",
        "admin",
        lambda: "/verwaltung/rechtliches/gebaerdensprache/navigation/",
        (5, 5),
        _everything,
    ),
    Page("barrier queue", "moderation", lambda: "/verwaltung/barrieren/", (7, 7), _add_reports, n=3),
    Page(
        "a barrier report",
        "moderation",
        lambda: f"/verwaltung/barrieren/{_report_pk()}/",
        (5, 5),
        _add_reports,
    ),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
