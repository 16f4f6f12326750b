"""Every view of the events, every role: allowed requests succeed, refused ones change nothing.

See tests/permissions.py for the matrix and tests/events/world.py for the events the cases use.
The cases are kept in two modules: the pages for everyone (`cases_public.py`) and those for the
people who organise (`cases_organise.py`).
"""

import pytest

from tests.events import cases_organise, cases_public, world
from tests.permissions import ROLES, check, role_id

OPEN_TO_EVERYONE = cases_public.OPEN_TO_EVERYONE | cases_organise.OPEN_TO_EVERYONE
CASES = cases_public.CASES + cases_organise.CASES


def prepare_cases(town):
    world.prepare(town)


@pytest.fixture(autouse=True)
def _prepared(town):
    prepare_cases(town)


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
