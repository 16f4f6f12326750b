"""The test app's pages are pinned like any app's."""

import pytest

from tests.queries import Page, pin
from tests.testapp.models import Note


def add_notes(town, people, count):
    for number in range(count):
        Note.objects.create(municipality=town, author=people["mitglied"], title=f"Notiz {number}", body="x")


def _note_pk():
    return Note.objects.filter(municipality__slug="kornwestheim").first().pk


PAGES = [
    Page("notes", "mitglied", lambda: "/notizen/", (5, 5), add_notes),
    Page("a note", None, lambda: f"/notizen/{_note_pk()}/", (2, 2), add_notes),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
