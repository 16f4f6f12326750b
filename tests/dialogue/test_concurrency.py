"""Two requests at once by the same member end as one row: a support, a report.

Real threads, each with its own database connection, released together by a barrier, on SQLite as on
PostgreSQL. The constraint in the database decides; the service answers the loser without a server error.
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from ankommen.core import moderation
from ankommen.core.models import Flag
from ankommen.dialogue import services
from ankommen.dialogue.models import Contribution, Support

PARALLEL = 4


def at_once(action):
    """Run `action` in PARALLEL threads released together; what each raised, in a list."""
    barrier = threading.Barrier(PARALLEL)
    outcomes = []

    def run():
        try:
            barrier.wait(timeout=10)
            action()
            outcomes.append(None)
        except Exception as error:  # noqa: BLE001 - collected and asserted by the test
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.fixture
def committed_world(transactional_db):
    """The shared world in committed rows the threads' connections can see (the test flushes them after)."""
    from tests.conftest import build_world

    build_world()


@pytest.fixture
def option(committed_world):
    return Contribution.objects.select_related("stage").get(
        municipality__slug="kornwestheim", title="Beratungstag zur Anerkennung von Abschlüssen"
    )


@pytest.fixture
def member(committed_world):
    from ankommen.accounts.demo import members_by_local_part
    from ankommen.core.models import Municipality

    return members_by_local_part(Municipality.objects.get(slug="kornwestheim"))["expertin"]


@pytest.mark.django_db(transaction=True)
def test_two_supports_at_once_by_one_member_leave_one(option, member):
    Support.objects.filter(contribution=option).delete()
    Contribution.objects.filter(pk=option.pk).update(support_count=0)
    outcomes = at_once(lambda: services.support(option, member=member))
    assert outcomes == [None] * PARALLEL
    assert Support.objects.filter(contribution=option, member=member).count() == 1
    assert Contribution.objects.get(pk=option.pk).support_count == 1


@pytest.mark.django_db(transaction=True)
def test_two_reports_at_once_by_one_member_leave_one(option, member):
    outcomes = at_once(lambda: moderation.flag(option, reporter=member, reason="Veraltet"))
    assert outcomes.count(None) == 1, outcomes
    assert all(isinstance(outcome, ValidationError) for outcome in outcomes if outcome is not None)
    assert Flag.objects.of(option).filter(reporter=member.user).count() == 1
