"""The events' pages and their pinned query counts, for the coverage check (tests/core/test_query_count_coverage.py).

The pins themselves are kept and run in two modules: the pages for everyone (`test_query_counts_public.py`)
and those for the people who organise (`test_query_counts_organise.py`).
"""

from tests.events import test_query_counts_organise, test_query_counts_public

PAGES = test_query_counts_public.PAGES + test_query_counts_organise.PAGES
