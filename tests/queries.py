"""Counting a page's queries, for the tests that hold every page to the same count with N and with 3N items.

Each page is measured twice in a row: the first request renders and stores its cached
fragments (the cache lives in the database, so storing them costs queries too), the second
is served from them. Both counts must not grow with the data.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

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
