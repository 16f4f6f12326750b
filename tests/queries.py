"""Counting a page's queries, for the tests that pin every page to its exact count with N and with 3N items.

Each page is measured twice in a row, starting from an empty cache: the first request renders
and stores its cached fragments (the cache lives in the database, so storing them costs queries
too), the second is served from them. (Without emptying it, a first request after a change
would find the fragments the change left alone, which is the point of the cache, and would cost
less than a first request at N.)

Each app's tests/<app>/test_query_counts.py lists its pages as `PAGES`, one `Page(...)` line each:
who asks, the address, how the page's list grows, and the exact (first, second) counts. The same
counts must come at N and at 3N items, and a change of either count fails the test, so a new
query is a decision written down, not a drift. tests/core/test_query_count_coverage.py fails for
a page (a URL name someone may GET) that no app lists.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

BUDGET = 50  # the most queries a page may need with an empty cache (fragments and their versions to store)
WARM_BUDGET = 20  # … and once they are


def empty_caches():
    """The database's cache and the visitors' pages in memory, emptied. Content types are kept for a
    process's life (Django's own cache): they are read once, all of them, so that a page's first
    request does not count a lookup that an earlier page of the process would have made."""
    for each in caches.all():
        each.clear()
    ContentType.objects.get_for_models(*apps.get_models())


def queries(client, url, warm_budget=WARM_BUDGET):
    """The query counts of a first and a second request for `url`."""
    counts = []
    empty_caches()
    for _ in range(2):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        counts.append(len(context.captured_queries))
    cold, warm = counts
    assert warm <= warm_budget, (url, counts)
    return cold, warm


def nothing_grows(town, people, count):
    """For a page without a list (a form, the imprint): N and 3N are the same world."""


@dataclass
class Page:
    name: str
    role: str | None  # a demo person's local part, "stranger", or None for a visitor
    url: callable  # () -> address, looked up when the test runs
    counts: tuple[int, int]  # (first request, second request)
    grow: callable = nothing_grows  # (town, people, count): adds `count` items the page lists
    n: int = 2
    # A page that reads one query's worth of every kind of something (a person's data, one query
    # per registered model) has a budget that grows with the apps; others keep the house's.
    warm_budget: int = WARM_BUDGET
    budget: int = BUDGET


def pin(client, town, people, page):
    """The page's counts are exactly `page.counts`, with N items and with 3N."""
    page.grow(town, people, page.n)
    url = page.url()
    few = queries(client, url, page.warm_budget)
    page.grow(town, people, 2 * page.n)
    many = queries(client, url, page.warm_budget)
    assert (few, many) == (page.counts, page.counts), f"{page.name}: N {few}, 3N {many}, pinned {page.counts}"
    assert few[0] <= page.budget, f"{page.name}: {few[0]} queries, more than {page.budget}"
