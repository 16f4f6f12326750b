"""Every view of core, every role: allowed requests succeed, forbidden ones are refused.

Refused means 403 for someone logged in, a redirect to the login page for a visitor, and in
both cases nothing changes in the database (see tests/permissions.py). Direct POSTs are used
throughout, as an attacker would send them, without the page that hides the button.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from ankommen.accounts.demo import members_by_local_part
from ankommen.concept.models import Field
from ankommen.core.models import Flag, Municipality, Translation
from ankommen.dialogue.models import Comment, Contribution
from tests.permissions import (
    ADMIN,
    EVERYONE,
    MEMBERS,
    ROLES,
    STAFF,
    TRANSLATORS,
    Case,
    check,
    demo_stage,
    role_id,
)
from tests.testapp.models import Note

OPEN_FINDING = "Begegnungscafé im Stadtteilzentrum"
NEIGHBOURHOOD_FINDING = "Nachbarschaftshilfe in der Weststadt trägt"
NOTE = "Protokoll des Workshops Wohnen"


def _field_type():
    return ContentType.objects.get_for_model(Field).pk


def _contribution(title):
    return Contribution.objects.get(municipality__slug="kornwestheim", title=title)


def _comment_on(title):
    return Comment.objects.filter(contribution=_contribution(title), hidden_at=None).first()


def prepare_cases(town):
    """A note of the test app with a private attachment: written by the member, for the file case."""
    note = Note.objects.create(
        municipality=town, author=members_by_local_part(town)["mitglied"], title=NOTE, body="x"
    )
    note.attachment.save("protokoll.pdf", ContentFile(b"%PDF-1.4"))
    return note


@pytest.fixture(autouse=True)
def note(town):
    return prepare_cases(town)


OPEN_TO_EVERYONE = {"core:languages"}

CASES = [
    Case("see the administration", "get", lambda: "/verwaltung/", ADMIN),
    Case("see the audit log", "get", lambda: "/verwaltung/protokoll/", ADMIN),
    Case("see the moderation queue", "get", lambda: "/moderation/", STAFF),
    Case(
        "flag a contribution",
        "post",
        lambda: f"/beitraege/{_contribution(OPEN_FINDING).pk}/melden/",
        MEMBERS,
        {"reason": "Veraltete Angaben."},
        lambda: Flag.objects.count(),
    ),
    Case(
        "flag a comment",
        "post",
        lambda: f"/kommentare/{_comment_on(NEIGHBOURHOOD_FINDING).pk}/melden/",
        MEMBERS,
        {"reason": "Beleidigend."},
        lambda: Flag.objects.count(),
    ),
    Case(
        "see the form to report a contribution",
        "get",
        lambda: f"/beitraege/{_contribution(OPEN_FINDING).pk}/melden/",
        MEMBERS,
    ),
    Case(
        "see the hide form",
        "get",
        lambda: f"/moderation/beitraege/{_contribution(OPEN_FINDING).pk}/ausblenden/",
        STAFF,
    ),
    Case(
        "hide contribution",
        "post",
        lambda: f"/moderation/beitraege/{_contribution(OPEN_FINDING).pk}/ausblenden/",
        STAFF,
        {"reason": "Persönliche Daten"},
        lambda: Contribution.objects.filter(hidden_at__isnull=False).count(),
    ),
    Case(
        "hide comment",
        "post",
        lambda: f"/moderation/kommentare/{Comment.objects.filter(hidden_at=None).first().pk}/ausblenden/",
        STAFF,
        {"reason": "Beleidigend"},
        lambda: Comment.objects.filter(hidden_at__isnull=False).count(),
    ),
    Case(
        "dismiss a flag",
        "post",
        lambda: f"/moderation/meldungen/{Flag.objects.filter(resolved_at=None).first().pk}/zurueckweisen/",
        STAFF,
        {},
        lambda: Flag.objects.filter(resolved_at=None).count(),
    ),
    Case(
        "fetch a private file",
        "get",
        lambda: f"/dateien/testapp.note/{Note.objects.get(title=NOTE).pk}/attachment/",
        {"mitglied", "moderation", "admin"},  # its rule: the author and the town's staff
    ),
    Case("see the translations", "get", lambda: "/verwaltung/uebersetzungen/", TRANSLATORS),
    Case("see what is missing in English", "get", lambda: "/verwaltung/uebersetzungen/en/", TRANSLATORS),
    Case(
        "translate a field",
        "post",
        lambda: (
            f"/verwaltung/uebersetzungen/en/{_field_type()}/{demo_stage('wohnen-und-leben', 'options').field_id}/"
        ),
        TRANSLATORS,
        {
            # Admins edit the German beside the translation, so their form sends it too.
            "source_name": "Wohnen und Leben",
            "source_summary": "Wohnraum, Nachbarschaft und Begegnung in den Stadtteilen.",
            "text_summary": "Housing",
            "state_summary": "reviewed",
        },
        lambda: Translation.objects.count(),
    ),
    Case(
        "see the translation editor",
        "get",
        lambda: (
            f"/verwaltung/uebersetzungen/en/{_field_type()}/{demo_stage('wohnen-und-leben', 'options').field_id}/"
        ),
        TRANSLATORS,
    ),
    Case(
        "upload a file of translations to check it",
        "post",
        lambda: "/verwaltung/uebersetzungen/uk/import/",
        TRANSLATORS,
        lambda: {"file": SimpleUploadedFile("uk.xlf", b"kaputt")},
        status=400,  # checked, and its problems listed (importing a good file is a second POST)
        writes=False,
    ),
    Case("see which languages the town offers", "get", lambda: "/sprachen/", EVERYONE),
    Case("see the town's language choice", "get", lambda: "/verwaltung/sprachen/", ADMIN),
    Case(
        "choose the town's languages",
        "post",
        lambda: "/verwaltung/sprachen/",
        ADMIN,
        {"languages": ["de-simple", "en", "tr", "ar", "uk", "fa"]},
        lambda: Municipality.objects.get(slug="kornwestheim").languages,
    ),
    Case(
        "download what is missing in English for an agency",
        "get",
        lambda: "/verwaltung/uebersetzungen/en/xliff/",
        TRANSLATORS,
    ),
    Case(
        "see the upload form for translated texts",
        "get",
        lambda: "/verwaltung/uebersetzungen/uk/import/",
        TRANSLATORS,
    ),
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
