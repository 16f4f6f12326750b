"""The permission matrix the apps' tests share: one case per view, tried by every role.

Each case names the roles that may send its request. An allowed request answers with the case's
`status` (200 for a GET, a redirect for a POST unless it says otherwise) and a POST changes
something. A refused one answers 403 for someone logged in and a redirect to the login page for
a visitor (unless the case's `refused_with` says otherwise, e.g. 404 for what does not exist for
that person), and in every case nothing changes: no row of any table (see `snapshot`), no mail.
A GET changes nothing either, allowed or not.

Each app's `tests/<app>/test_permissions.py` holds its cases in a module-level `CASES` and runs
them with `check` for every role of `ROLES`. Objects its cases need beyond the shared world are
made by a module-level `prepare_cases(town)`, which the module's autouse fixture calls, and so
does tests/core/test_permission_matrix.py before it resolves the cases' addresses (and checks
that every URL name of every app has its cases). A new view joins with one `Case(...)` line.
"""

import hashlib
from dataclasses import dataclass, field

from django.core import mail
from django.db import connection

from ankommen.concept.models import Stage

# The demo town's people by role ("stranger": a member of another town, None: a visitor).
ROLES = [None, "stranger", "mitglied", "uebersetzung", "expertin", "multiplikator", "moderation", "admin"]
EVERYONE = set(ROLES)
MEMBERS = {"mitglied", "uebersetzung", "expertin", "multiplikator", "moderation", "admin"}
TRANSLATORS = {"uebersetzung", "moderation", "admin"}
STAFF = {"moderation", "admin"}
ADMIN = {"admin"}

REFUSED = 403  # a logged-in person the rules refuse: the page says who may (and offers to join the town)
LOGIN = "login page"  # a visitor the rules refuse is sent to log in first

# Tables whose rows change on any request, allowed or refused, without anything of the town
# changing: the sessions (logging in writes one, and so does a message shown once) and the
# database cache (a page, a refused one too, stores the fragments it rendered).
UNWATCHED_TABLES = {"django_session", "ankommen_cache"}


@dataclass
class Case:
    name: str
    method: str
    url: callable
    allowed: set
    data: dict = field(default_factory=dict)  # or a function giving it (an uploaded file is read once)
    # A value that must change when an allowed POST had its effect (rows, a state, …), beyond
    # the snapshot changing at all: it says which change the case is about.
    effect: callable = None
    # Roles the server refuses with something other than 403 or the login page (and still writes nothing).
    refused_with: dict = field(default_factory=dict)
    # What an allowed request answers: 200 for a GET, 302 for a POST unless given.
    status: int = None
    # Extra keyword arguments for the test client's request (e.g. headers for htmx).
    extra: dict = field(default_factory=dict)
    # An allowed POST that only shows something (a preview) writes nothing.
    writes: bool = True

    def expected(self, role):
        """The status (or LOGIN) the case's request must get from `role`."""
        if role in self.allowed:
            return self.status or (200 if self.method == "get" else 302)
        if role in self.refused_with:
            return self.refused_with[role]
        return LOGIN if role is None else REFUSED

    def refuses(self, role):
        return role not in self.allowed


def demo_stage(field_slug, kind):
    """The demo town's stage of `kind` in the field `field_slug` (a case looks it up when it runs)."""
    return Stage.objects.get(municipality__slug="kornwestheim", field__slug=field_slug, kind=kind)


def snapshot():
    """Every table's row count and a checksum of its rows, and the mails sent: what a refused request must leave.

    Read with raw SQL, ordered by primary key, so that a changed value shows as well as an added or
    removed row, in tables no model describes too (many-to-many links, a search index).
    """
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table in UNWATCHED_TABLES:
                continue
            key = connection.introspection.get_primary_key_column(cursor, table)
            order = f" ORDER BY {connection.ops.quote_name(key)}" if key else ""
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}{order}")  # noqa: S608
            rows = cursor.fetchall()
            if not key:
                rows.sort(key=repr)
            tables[table] = (len(rows), hashlib.blake2b(repr(rows).encode(), digest_size=12).hexdigest())
    tables["mail outbox"] = (len(mail.outbox), repr([(m.subject, m.to, m.body) for m in mail.outbox]))
    return tables


def changes(before, after):
    """The tables whose rows differ between two snapshots, with their row counts before and after."""
    return {
        name: (before.get(name, (0,))[0], after.get(name, (0,))[0])
        for name in before.keys() | after.keys()
        if before.get(name) != after.get(name)
    }


def assert_nothing_written(before, message="a request that must change nothing changed"):
    """Compare with a snapshot taken before: no table and no outbox may differ."""
    changed = changes(before, snapshot())
    assert not changed, f"{message}: {changed}"


def role_id(role):
    return role or "visitor"


def check(request_as, case, role):
    """Send the case's request as `role`: the expected status, and nothing written unless an allowed POST."""
    state = {}

    def before():
        state["snapshot"] = snapshot()
        state["effect"] = case.effect() if case.effect else None

    response = request_as(role, case, before=before)
    expected = case.expected(role)
    if expected == LOGIN:
        assert response.status_code == 302, (response.status_code, response.content[:300])
        assert response["Location"].startswith("/konto/login/?next="), response["Location"]
    else:
        assert response.status_code == expected, (expected, response.status_code, response.content[:500])
        if response.status_code == 302:
            assert not response["Location"].startswith("/konto/login/"), response["Location"]
    if case.refuses(role) or case.method == "get" or not case.writes:
        assert_nothing_written(state["snapshot"], f"{role_id(role)}'s refused or reading request wrote")
        if case.effect:
            assert case.effect() == state["effect"], "a refused request had the case's effect"
    else:
        assert changes(state["snapshot"], snapshot()), "an allowed request changed nothing"
        if case.effect:
            assert case.effect() != state["effect"], "an allowed request did not have the case's effect"
