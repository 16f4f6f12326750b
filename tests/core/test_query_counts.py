"""Core's pages run exactly their pinned number of queries, with N items as with 3N.

See tests/queries.py for how a page is measured.
"""

import pytest
from django.contrib.contenttypes.models import ContentType

from ankommen.concept.models import Field, Stage
from ankommen.core.audit import audit
from ankommen.core.models import Flag
from ankommen.dialogue.models import Comment, Contribution
from tests.concept.test_query_counts import add_fields
from tests.queries import Page, pin
from tests.testapp.models import Note


def add_audit(town, people, count):
    stage = Stage.objects.filter(municipality=town).first()
    for _ in range(count):
        audit(people["admin"].user, "stage.updated", stage)


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


def _wohnen_editor():
    wohnen = Field.objects.get(municipality__slug="kornwestheim", slug="wohnen-und-leben")
    return f"/verwaltung/uebersetzungen/en/{ContentType.objects.get_for_model(Field).pk}/{wohnen.pk}/"


def _open_finding():
    return Contribution.objects.get(
        municipality__slug="kornwestheim", title="Begegnungscafé im Stadtteilzentrum"
    )


PAGES = [
    Page("administration hub", "admin", lambda: "/verwaltung/", (4, 4), add_audit),
    Page("audit log", "admin", lambda: "/verwaltung/protokoll/", (6, 6), add_audit, n=3),
    Page("moderation queue", "moderation", lambda: "/moderation/", (9, 9), add_flags, n=3),
    Page("form to report", "mitglied", lambda: f"/beitraege/{_open_finding().pk}/melden/", (6, 6), add_flags),
    Page(
        "form to hide",
        "moderation",
        lambda: f"/moderation/beitraege/{_open_finding().pk}/ausblenden/",
        (5, 5),
        add_flags,
    ),
    Page("languages", None, lambda: "/sprachen/", (1, 1), add_fields),
    Page("the town's languages", "admin", lambda: "/verwaltung/sprachen/", (4, 4), add_fields),
    Page("translations", "uebersetzung", lambda: "/verwaltung/uebersetzungen/", (24, 13), add_fields),
    Page(
        "texts to translate", "uebersetzung", lambda: "/verwaltung/uebersetzungen/en/", (26, 15), add_fields
    ),
    Page("translation editor", "uebersetzung", _wohnen_editor, (10, 10), add_fields),
    Page(
        "XLIFF export", "uebersetzung", lambda: "/verwaltung/uebersetzungen/en/xliff/", (20, 20), add_fields
    ),
    Page("XLIFF import", "uebersetzung", lambda: "/verwaltung/uebersetzungen/en/import/", (4, 4), add_fields),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
