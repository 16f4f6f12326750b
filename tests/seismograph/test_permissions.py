"""Every view of the Seismograph, every role: allowed requests succeed, refused ones change nothing.

See tests/permissions.py for the matrix. The cases are kept in three modules: the dashboard
(`cases_dashboard.py`), the town's data (`cases_manage.py`), the warnings and observations
(`cases_signals.py`).
"""

import pytest

from tests.permissions import ROLES, check, role_id
from tests.seismograph import cases_dashboard, cases_manage, cases_signals

PARTS = (cases_dashboard, cases_manage, cases_signals)
OPEN_TO_EVERYONE = frozenset().union(*(part.OPEN_TO_EVERYONE for part in PARTS))
CASES = [case for part in PARTS for case in part.CASES]


def prepare_cases(town):
    for part in PARTS:
        part.prepare(town)


@pytest.fixture(autouse=True)
def _prepared(town):
    prepare_cases(town)


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
