"""The legal pages run a bounded number of queries: the same with N items as with 3N.

See tests/queries.py for how a page is measured.
"""

from datetime import date

import pytest
from django.utils import timezone

from ankommen.legal.models import AccessibilityStatement, NonAccessibleContent, TermsVersion
from tests.queries import queries

# Tighter than the shared budget: the legal pages cache no fragments, so a first request costs no more.
BUDGET = 25


def _add_items(town, count):
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


def _add_versions(town, count):
    start = TermsVersion.objects.count()
    for number in range(start, start + count):
        TermsVersion.objects.create(
            municipality=town,
            number=f"0.{number}",
            dated=date(2020, 1, 1 + number),
            text="Alt.",
            published_at=timezone.now(),
        )


@pytest.mark.parametrize(
    ("role", "url"),
    [(None, "/barrierefreiheit/"), (None, "/en/barrierefreiheit/"), ("admin", "/verwaltung/rechtliches/")],
)
def test_pages_with_non_accessible_contents(client_as, town, role, url):
    client = client_as(role)
    _add_items(town, 2)
    few = queries(client, url)
    _add_items(town, 4)
    assert queries(client, url) == few
    assert few[0] <= BUDGET


@pytest.mark.parametrize(
    ("role", "url"),
    [
        (None, "/nutzungsbedingungen/"),
        (None, "/en/nutzungsbedingungen/"),
        ("admin", "/verwaltung/rechtliches/"),
    ],
)
def test_pages_with_terms_versions(client_as, town, role, url):
    client = client_as(role)
    _add_versions(town, 2)
    few = queries(client, url)
    _add_versions(town, 4)
    assert queries(client, url) == few
    assert few[0] <= BUDGET
