"""The permission cases of the Seismograph's manage pages (see test_permissions.py)."""

OPEN_TO_EVERYONE = frozenset()
CASES = []


def prepare(town):
    """What the cases need beyond the shared world."""
