"""The Seismograph's pages and their pinned query counts, for the coverage check
(tests/core/test_query_count_coverage.py); the pins run in test_query_counts_<part>.py."""

from tests.seismograph import test_query_counts_dashboard, test_query_counts_manage, test_query_counts_signals

PAGES = test_query_counts_dashboard.PAGES + test_query_counts_manage.PAGES + test_query_counts_signals.PAGES
