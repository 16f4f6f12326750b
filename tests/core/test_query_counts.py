"""The audit log and the moderation queue run a bounded number of queries: the same with N entries as with 3N.

See tests/queries.py for how a page is measured.
"""

from ankommen.concept.models import Stage
from ankommen.core.audit import audit
from ankommen.core.models import Flag
from ankommen.dialogue.models import Comment, Contribution
from tests.queries import BUDGET, queries
from tests.testapp.models import Note


def add_audit(town, people, count):
    stage = Stage.objects.filter(municipality=town).first()
    for _ in range(count):
        audit(people["admin"].user, "stage.updated", stage)


def test_administration_hub(client_as, town, people):
    """The hub's tiles come from the registry: the page asks the database only for the request itself."""
    client = client_as("admin")
    few = queries(client, "/verwaltung/")
    add_audit(town, people, 9)
    assert queries(client, "/verwaltung/") == few
    assert few[0] <= BUDGET


def test_audit_log(client_as, town, people):
    client = client_as("admin")
    add_audit(town, people, 3)
    few = queries(client, "/verwaltung/protokoll/")
    add_audit(town, people, 6)
    assert queries(client, "/verwaltung/protokoll/") == few
    assert few[0] <= BUDGET


def add_flags(town, people, count):
    """Flags on items of three kinds: contributions, comments and the test app's notes."""
    contribution = Contribution.objects.filter(municipality=town).first()
    comment = Comment.objects.filter(municipality=town).first()
    for number in range(count):
        note = Note.objects.create(
            municipality=town, author=people["mitglied"], title=f"Notiz {number}", body="x"
        )
        for item in (contribution, comment, note):
            Flag.objects.create(municipality=town, item=item, reporter=people["mitglied"].user, reason="x")


def test_moderation_queue(client_as, town, people):
    client = client_as("moderation")
    add_flags(town, people, 3)
    few = queries(client, "/moderation/")
    add_flags(town, people, 6)
    assert queries(client, "/moderation/") == few
    assert few[0] <= BUDGET


def test_town_limits_page(client_as, town, people):
    client = client_as("admin")
    add_audit(town, people, 3)
    few = queries(client, "/verwaltung/grenzen/")
    add_audit(town, people, 6)
    assert queries(client, "/verwaltung/grenzen/") == few
    assert few[0] <= BUDGET
