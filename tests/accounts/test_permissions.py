"""Every view of the accounts app, every role: allowed requests succeed, forbidden ones are refused.

Refused means 403 for someone logged in, a redirect to the login page for a visitor, and in
both cases nothing changes in the database (see tests/permissions.py). Direct POSTs are used
throughout, as an attacker would send them, without the page that hides the button.
"""

import pytest

from ankommen.accounts.models import Invitation, Member
from tests.permissions import ADMIN, ROLES, Case, check, role_id

CASES = [
    Case(
        "change a role",
        "post",
        lambda: (
            f"/verwaltung/mitglieder/{Member.objects.get(user__email='nachbarschaft@demo.ankommen.example').pk}/"
        ),
        ADMIN,
        {"role": "expert"},
        lambda: Member.objects.filter(role="expert").count(),
    ),
    Case(
        "invite",
        "post",
        lambda: "/verwaltung/einladungen/neu/",
        ADMIN,
        {"email": "neu@example.org", "role": "expert"},
        lambda: Invitation.objects.count(),
    ),
    Case("see the members", "get", lambda: "/verwaltung/mitglieder/", ADMIN),
    Case("see the invitation form", "get", lambda: "/verwaltung/einladungen/neu/", ADMIN),
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
