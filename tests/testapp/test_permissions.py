"""Every view of the test app, every role: its matrix joins the shared one like any app's."""

import pytest

from ankommen.accounts.demo import members_by_local_part
from tests.permissions import EVERYONE, MEMBERS, ROLES, Case, check, role_id
from tests.testapp.models import Note


def prepare_cases(town):
    return Note.objects.create(
        municipality=town, author=members_by_local_part(town)["mitglied"], title="Eine Notiz", body="x"
    )


@pytest.fixture(autouse=True)
def note(town):
    return prepare_cases(town)


OPEN_TO_EVERYONE = {"testapp:note"}

CASES = [
    Case("see the notes", "get", lambda: "/notizen/", MEMBERS),
    Case("read a note", "get", lambda: f"/notizen/{Note.objects.get(title='Eine Notiz').pk}/", EVERYONE),
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
