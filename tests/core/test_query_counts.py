"""The audit log runs a bounded number of queries: the same with N entries as with 3N.

See tests/queries.py for how a page is measured.
"""

from ankommen.concept.models import Stage
from ankommen.core.audit import audit
from tests.queries import BUDGET, queries


def add_audit(town, people, count):
    stage = Stage.objects.filter(municipality=town).first()
    for _ in range(count):
        audit(people["admin"].user, "stage.updated", stage)


def test_audit_log(client_as, town, people):
    client = client_as("admin")
    add_audit(town, people, 3)
    few = queries(client, "/verwaltung/protokoll/")
    add_audit(town, people, 6)
    assert queries(client, "/verwaltung/protokoll/") == few
    assert few[0] <= BUDGET
