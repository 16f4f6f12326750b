"""The Seismograph's tests share the small town of dashboard_town.py and a visitor on its host."""

import pytest

from tests.seismograph import dashboard_town


@pytest.fixture
def small(other_town):
    """The other town of the test world, with the small town's districts and values."""
    dashboard_town.build(other_town)
    return other_town


@pytest.fixture
def visitor():
    return dashboard_town.client()
