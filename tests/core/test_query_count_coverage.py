"""Every page is pinned to its exact number of queries in its app's tests/<app>/test_query_counts.py.

A page here is a URL name that the permission matrix lets someone GET with a 200; a new one
fails this test until its app lists it in `PAGES` (see tests/queries.py).
"""

from importlib import import_module

import pytest
from django.urls import resolve
from django.utils import translation
from django.utils.translation import get_language_from_path

from tests.core.test_permission_matrix import PRODUCT_APPS, _cases_by_view_name
from tests.permissions import ROLES

# Answers that are not HTML pages: a private file is served as it was uploaded, a field's results
# as a spreadsheet (tests/dialogue/test_exports.py holds them to as many queries at N as at 3N), a
# submission as PDF or DOCX (tests/council/test_documents.py: four queries however long it is).
NOT_PAGES = {"core:private_file", "dialogue:export", "council:submission_pdf", "council:submission_docx"}


@pytest.mark.parametrize("app", PRODUCT_APPS, ids=lambda app: app.label)
def test_every_page_of_the_app_has_its_query_count_pinned(town, people, app):
    _matrix, by_name = _cases_by_view_name(app, town)
    pages = {
        name
        for name, cases in by_name.items()
        if any(case.method == "get" and case.expected(role) == 200 for case in cases for role in ROLES)
    } - NOT_PAGES
    counts = import_module(f"tests.{app.label}.test_query_counts")
    pinned = set()
    for page in counts.PAGES:
        page.grow(town, people, 1)
        path = page.url().split("?")[0]
        with translation.override(get_language_from_path(path) or "de"):
            pinned.add(resolve(path).view_name)
    assert pages <= pinned, f"pages without a pinned query count: {sorted(pages - pinned)}"
