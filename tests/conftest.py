"""The small shared world every test sees: the Kornwestheim demo town and a second town.

Built once per test session (per worker), rolled back after every test. Browser tests
run in real transactions and build it again for themselves (see tests/browser/conftest.py).
"""

import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # live_server with sync Playwright

TEST_SETTINGS = override_settings(
    PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ALLOWED_HOSTS=[".ankommen.example", "testserver", "localhost", "127.0.0.1"],
    SESSION_COOKIE_SECURE=False,
    CSRF_COOKIE_SECURE=False,
    EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    # Tasks (mail) run at once, inside the request; tests/core/test_tasks.py runs the real worker.
    TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
    WHITENOISE_USE_FINDERS=True,
    WHITENOISE_AUTOREFRESH=True,
)

OTHER_HOST = "ludwigsburg.ankommen.example"
DEMO_HOST = "kornwestheim.ankommen.example"


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}
# Sweeps that ask every page over HTTP and prove what Python and templates decide — the rules, the
# forms' messages, the markup and its language labels — the same on any database: once, on SQLite
# (these files, and any test marked `once_on_sqlite`).
# (A refused request's "no row changed" is compared row by row, the same on both.)
ONCE_ON_SQLITE = {
    "test_permissions.py",
    "test_bad_input_everywhere.py",
    "test_html_validity.py",
    "test_answers_html_validity.py",
    "test_translation_labels.py",
}


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL only the tests that touch the database run, less the page sweeps of `ONCE_ON_SQLITE`:
    the others ran already on SQLite (`make test`)."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return
    kept, left = [], []
    for item in items:
        touches = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(
            getattr(item, "fixturenames", ())
        )
        once = item.path.name in ONCE_ON_SQLITE or item.get_closest_marker("once_on_sqlite")
        (kept if touches and not once else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


@pytest.fixture(scope="session", autouse=True)
def _test_settings():
    TEST_SETTINGS.enable()
    yield
    TEST_SETTINGS.disable()


@pytest.fixture(autouse=True)
def _german_first():
    """Every test starts in German, whatever language the previous test's last request was in."""
    from django.utils import translation

    with translation.override("de"):
        yield


def build_world():
    """Load the demo town, then a second town with one admin, one field and one contribution (idempotent)."""
    from ankommen.accounts.models import Member, User
    from ankommen.concept.models import Field, Stage, StageKind, StageStatus
    from ankommen.concept.services import default_stage_rules
    from ankommen.core.models import Municipality
    from ankommen.dialogue.models import Contribution, ContributionKind, FindingKind

    call_command("demo", stdout=StringIO())
    if Municipality.objects.filter(slug="ludwigsburg").exists():
        return  # a transactional test that runs first still sees the session's world
    other = Municipality.objects.create(name="Ludwigsburg", slug="ludwigsburg", host=OTHER_HOST)
    stranger = User.objects.create_user(
        "fremd@ludwigsburg.example", "ankommen-demo", display_name="Fremde Person"
    )
    admin = Member.objects.create(municipality=other, user=stranger, role_sectors={"admin": ""})
    field = Field.objects.create(municipality=other, name="Wohnen", slug="wohnen-und-leben", summary="Wohnen")
    stage = Stage.objects.create(
        municipality=other,
        field=field,
        kind=StageKind.STOCKTAKING,
        starts_on="2026-01-01",
        ends_on="2027-12-31",
        status=StageStatus.OPEN,
        **default_stage_rules(StageKind.STOCKTAKING),
    )
    Contribution.objects.create(
        municipality=other,
        field=field,
        stage=stage,
        kind=ContributionKind.FINDING,
        finding_kind=FindingKind.NEED,
        title="Geheimer Befund aus Ludwigsburg",
        body="Nur in Ludwigsburg sichtbar.",
        author=admin,
    )


@pytest.fixture(scope="session")
def django_db_setup(_test_settings, django_db_setup, django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock():
        build_world()
        _world["copy"] = _copy_of(connection)


_world = {"flushed": False, "copy": None}


def _copy_of(connection):
    """The whole database as the world's build left it, to restore after a flush (`_restore`).

    SQLite: a copy in memory (SQLite's backup). PostgreSQL: every table's rows in COPY's binary format
    and every sequence's position; the migrations' table stays as it is.
    """
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        import sqlite3

        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    with connection.cursor() as cursor:
        tables = [
            name for name in connection.introspection.table_names(cursor) if name != "django_migrations"
        ]
        rows = {}
        for table in tables:
            with cursor.cursor.copy(f'COPY "{table}" TO STDOUT (FORMAT binary)') as copy:
                rows[table] = b"".join(bytes(data) for data in copy)
        cursor.execute("SELECT schemaname || '.' || sequencename, last_value FROM pg_sequences")
        return rows, cursor.fetchall()


def _restore(connection, copy):
    """The database exactly as `_copy_of` found it: rows, cache entries and id counters."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy.backup(connection.connection)
        return
    from django.db import transaction

    rows, sequences = copy
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # the rows come back table by table
        cursor.execute("TRUNCATE " + ", ".join(f'"{table}"' for table in rows))
        for table, data in rows.items():
            with cursor.cursor.copy(f'COPY "{table}" FROM STDIN (FORMAT binary)') as target:
                target.write(data)
        for sequence, position in sequences:
            if position is None:
                cursor.execute("SELECT setval(%s, 1, false)", [sequence])
            else:
                cursor.execute("SELECT setval(%s, %s)", [sequence, position])


def fresh_world():
    """The shared world on a database holding nothing else, its cache empty but for what the build left:
    after a transactional test flushed the database, or for a browser test that starts from nothing.

    The session's first build is copied (`_copy_of`) and restored here: a fraction of a second instead
    of the seconds the demo takes; rows, cache entries and the id counters are then exactly as that
    build left them.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    _restore(connection, _world["copy"])
    ContentType.objects.clear_cache()  # the flush before had made its content types anew


def remove_translations():
    """Every translation gone, as deleting each would leave it: their search entries and the cached pages
    go too. Three statements instead of a search and a cache signal for each of the demo's 4,000."""
    from django.core.cache import cache

    from ankommen.core.languages import SOURCE
    from ankommen.core.models import SearchEntry, Translation

    Translation.objects.all()._raw_delete(Translation.objects.db)
    SearchEntry.objects.exclude(language=SOURCE)._raw_delete(SearchEntry.objects.db)
    cache.clear()


def _is_transactional(request):
    marker = request.node.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )


@pytest.fixture(autouse=True)
def _world_back_after_a_flush(request, django_db_blocker):
    """A transactional test empties the database when it ends; the next test on this worker finds the
    world built again, whatever order the tests come in (a test that reaches the database only through a
    fixture asked for at run time is not sorted before the transactional ones)."""
    if _world["flushed"]:
        with django_db_blocker.unblock():
            fresh_world()
        _world["flushed"] = False
    yield
    if _is_transactional(request):
        _world["flushed"] = True


@pytest.fixture(autouse=True)
def _no_page_kept_from_another_test():
    """Visitors' pages live in each worker's memory; a test's rolled-back world must not show in the next."""
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.fixture
def town(db):
    from ankommen.core.models import Municipality

    return Municipality.objects.get(slug="kornwestheim")


@pytest.fixture
def other_town(db):
    from ankommen.core.models import Municipality

    return Municipality.objects.get(slug="ludwigsburg")


@pytest.fixture
def people(town):
    """The demo town's members by the local part of their address: admin, moderation, expertin, …"""
    from ankommen.accounts.demo import members_by_local_part

    return members_by_local_part(town)


@pytest.fixture
def stranger(other_town):
    from ankommen.accounts.models import Member

    return Member.objects.select_related("user").get(municipality=other_town)


@pytest.fixture
def client_as(client, people, stranger):
    """`client_as("expertin")`: the test client, logged in as that demo person ("stranger": another
    town's member, None: anonymous)."""

    def log_in(local_part):
        client.logout()
        if local_part == "stranger":
            client.force_login(stranger.user)
        elif local_part is not None:
            client.force_login(people[local_part].user)
        return client

    return log_in


@pytest.fixture
def request_as(client, people, stranger):
    """`request_as(role, case)`: the case's request from that demo person ("stranger": another town's member)."""

    def send(role, case, before=None):
        """`before` runs once logged in, right before the request (the matrix takes its snapshot there)."""
        client.logout()
        if role == "stranger":
            client.force_login(stranger.user)
        elif role is not None:
            client.force_login(people[role].user)
        url = case.url()
        if before is not None:
            before()
        data = case.data() if callable(case.data) else case.data
        return getattr(client, case.method)(url, data, **getattr(case, "extra", {}))

    return send
