"""The permission matrix the apps' tests share: one case per view, tried by every role.

Refused means 403 for someone logged in, a redirect to the login page for a visitor (unless the
case says otherwise), and in both cases nothing changes: not the case's own effect, not the number
of rows of any table (sessions aside: logging in makes one), and no mail goes out.

Each app's `tests/<app>/test_permissions.py` holds its cases in a module-level `CASES` and runs
them with `check`. Objects its cases need beyond the shared world are made by a module-level
`prepare_cases(town)`, which the module's autouse fixture calls, and so does
tests/core/test_permission_matrix.py before it resolves the cases' addresses.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core import mail

from ankommen.concept.models import Stage
from ankommen.core.models import AuditEntry

ROLES = [None, "stranger", "mitglied", "uebersetzung", "expertin", "multiplikator", "moderation", "admin"]
EVERYONE = set(ROLES)
MEMBERS = {"mitglied", "uebersetzung", "expertin", "multiplikator", "moderation", "admin"}
TRANSLATORS = {"uebersetzung", "moderation", "admin"}
STAFF = {"moderation", "admin"}
ADMIN = {"admin"}


@dataclass
class Case:
    name: str
    method: str
    url: callable
    allowed: set
    data: dict = field(default_factory=dict)
    # A number that changes when the request had its effect (rows, a state, …).
    effect: callable = lambda: AuditEntry.objects.count()  # noqa: E731
    # Roles the server answers with something other than 403 or the login page (and still writes nothing).
    refused_with: dict = field(default_factory=dict)
    # Roles for which the same request does something else they may do (not the case's effect).
    does_instead: set = field(default_factory=set)


def demo_stage(field_slug, kind):
    """The demo town's stage of `kind` in the field `field_slug` (a case looks it up when it runs)."""
    return Stage.objects.get(municipality__slug="kornwestheim", field__slug=field_slug, kind=kind)


def everything():
    """The number of rows of every table and of mails sent: what a refused request must leave as it was."""
    counts = {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.label != "sessions.Session"
    }
    return {**counts, "mails sent": len(mail.outbox)}


def role_id(role):
    return role or "visitor"


def check(request_as, case, role):
    """Send the case's request as `role`; it succeeds if the role is allowed, else changes nothing."""
    before = case.effect()
    rows_before = everything() if role not in case.allowed | case.does_instead else None
    response = request_as(role, case)
    if role in case.allowed:
        assert response.status_code in (200, 302), response.content[:500]
        if response.status_code == 302:
            assert "/konto/login/" not in response["Location"]
        if case.method == "post":
            assert case.effect() != before, "an allowed request changed nothing"
    else:
        if role in case.refused_with:
            assert response.status_code == case.refused_with[role]
        elif role is None:
            assert response.status_code == 302
            assert response["Location"].startswith("/konto/login/?next=")
        else:
            assert response.status_code == 403
        assert case.effect() == before, "a refused request changed something"
        if rows_before is None:
            return
        after = everything()
        assert after == rows_before, {
            name: (rows_before[name], after[name]) for name in after if after[name] != rows_before[name]
        }
