"""Counting a page's queries, for the tests that hold every page to the same count with N and with 3N items.

Each page is measured twice in a row, starting from an empty cache: the first request renders
and stores its cached fragments (the cache lives in the database, so storing them costs queries
too), the second is served from them. Both counts must not grow with the data. (Without emptying
it, a first request after a change would find the fragments the change left alone, which is the
point of the cache, and would cost less than a first request at N.)
"""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

BUDGET = 50  # the most queries a page may need with an empty cache (fragments and their versions to store)
WARM_BUDGET = 20  # … and once they are


def queries(client, url):
    """The query counts of a first and a second request for `url`."""
    counts = []
    cache.clear()
    for _ in range(2):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, url
        counts.append(len(context.captured_queries))
    cold, warm = counts
    assert warm <= WARM_BUDGET, (url, counts)
    return cold, warm
