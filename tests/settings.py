"""The test suite's settings: the product's, with the test app that shows every plug-in point."""

from ankommen.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405
ROOT_URLCONF = "tests.urls"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file in the temporary folder (one per test process; Django deletes it at the end), not SQLite's
    # shared-cache in-memory database: there, two threads' connections fail at once with "database table
    # is locked" instead of waiting for each other as the product's database does (WAL, IMMEDIATE
    # transactions, a busy timeout), and the concurrency tests could not run on SQLite.
    import os
    import tempfile
    from pathlib import Path

    _test_database = Path(tempfile.gettempdir()) / f"ankommen-test-{os.getpid()}.sqlite3"
    DATABASES["default"]["TEST"] = {"NAME": str(_test_database)}  # noqa: F405

# An OParl import the tests start against an address nobody answers gives up at once, not after pauses.
OPARL_IMPORT_BACKOFF = 0.0
