"""Permission cases (see tests/events/test_permissions.py)."""

from tests.permissions import ADMIN, EVERYONE, MEMBERS, Case  # noqa: F401

OPEN_TO_EVERYONE = set()
CASES = []
