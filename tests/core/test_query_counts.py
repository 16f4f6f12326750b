"""The audit log and the moderation queue run a bounded number of queries: the same with N entries as with 3N.

See tests/queries.py for how a page is measured.
"""

import pytest
from django.utils import timezone

from ankommen.concept.models import Stage
from ankommen.core.audit import audit
from ankommen.core.models import Flag, ReviewRequest
from ankommen.dialogue.models import Comment, Contribution
from tests.queries import BUDGET, queries
from tests.testapp.models import Note

# The moderation queue (it caches nothing, so cold and warm alike): the request (town, session, user,
# member), the reported items (count, page), their flags, one query per kind of item on the page (three
# here), the open review requests (count, page) and one query per kind of their items (one here).
QUEUE_QUERIES = (13, 13)


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
    """Reported items of three kinds (contributions, comments, the test app's notes), each reported by two
    people, and as many hidden comments whose authors ask for a review."""
    beside = Contribution.objects.filter(municipality=town, hidden_at=None).first()
    for number in range(count):
        contribution = Contribution.objects.create(
            municipality=town,
            field=beside.field,
            stage=beside.stage,
            kind=beside.kind,
            finding_kind=beside.finding_kind,
            title=f"Beitrag {number}",
            body="x",
            author=people["nachbarschaft"],
        )
        comment = Comment.objects.create(
            municipality=town, contribution=contribution, author=people["nachbarschaft"], body="x"
        )
        note = Note.objects.create(
            municipality=town, author=people["mitglied"], title=f"Notiz {number}", body="x"
        )
        for item in (contribution, comment, note):
            for reporter in ("mitglied", "expertin"):
                Flag.objects.create(municipality=town, item=item, reporter=people[reporter].user, reason="x")
        hidden = Comment.objects.create(
            municipality=town,
            contribution=contribution,
            author=people["nachbarschaft"],
            body="y",
            hidden_at=timezone.now(),
            hidden_reason="z",
        )
        ReviewRequest.objects.create(
            municipality=town, item=hidden, hidden_at=hidden.hidden_at, requester=people["nachbarschaft"].user
        )


def test_moderation_queue(client_as, town, people):
    """Open review requests and reported items: pinned to the same exact count with N and 3N of each."""
    client = client_as("moderation")
    add_flags(town, people, 3)
    few = queries(client, "/moderation/")
    add_flags(town, people, 6)
    many = queries(client, "/moderation/")
    page = client.get("/moderation/").content.decode()
    assert "10 offene Bitten um Überprüfung" in page  # with the demo's
    assert "28 gemeldete Stellen" in page  # with the demo's café
    assert few == many == QUEUE_QUERIES


def test_town_limits_page(client_as, town, people):
    client = client_as("admin")
    add_audit(town, people, 3)
    few = queries(client, "/verwaltung/grenzen/")
    add_audit(town, people, 6)
    assert queries(client, "/verwaltung/grenzen/") == few


def add_searchable_texts(town, people, count):
    """`count` contributions and as many comments that the query "Lastenrad Verleih" finds, with Arabic titles."""
    from ankommen.core import translation
    from ankommen.core.models import TranslationState

    stage = Stage.objects.get(municipality=town, field__slug="wohnen-und-leben", kind="stocktaking")
    for number in range(count):
        contribution = Contribution.objects.create(
            municipality=town,
            field=stage.field,
            stage=stage,
            kind="finding",
            finding_kind="need",
            title=f"Lastenrad {number}",
            body="Ein Verleih für Lastenräder fehlt.",
            author=people["expertin"],
        )
        Comment.objects.create(
            municipality=town, contribution=contribution, author=people["mitglied"], body="Lastenrad-Verleih!"
        )
        translation.save_translation(
            contribution,
            "title",
            "ar",
            actor=people["admin"],
            text=f"دراجة الشحن {number}",
            state=TranslationState.MACHINE,
            audited=False,
        )


@pytest.mark.parametrize(
    ("role", "url"),
    [
        (None, "/suche/?q=Lastenrad+Verleih"),
        ("mitglied", "/suche/?q=Lastenrad+Verleih"),
        ("moderation", "/suche/?q=Lastenrad+Verleih"),
        (None, "/ar/suche/?q=Lastenrad+Verleih"),
        (None, "/ar/suche/?q=دراجة"),
    ],
)
def test_search_results(client_as, town, people, role, url):
    """Results of several kinds (contributions, comments), in German and in Arabic, one page of them or two."""
    client = client_as(role)
    add_searchable_texts(town, people, 4)
    few = queries(client, url)
    add_searchable_texts(town, people, 8)
    assert queries(client, url) == few
    assert few[0] <= BUDGET
