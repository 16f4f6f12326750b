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
from ankommen.core import moderation, notifications
from ankommen.core.models import Flag, Municipality, Notification, ReviewRequest, Translation
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
HIDDEN = "Ausgeblendeter Befund von Amal"
HIDDEN_UNDER_REVIEW = "Ausgeblendeter Befund, den Amal prüfen lassen will"


def _field_type():
    return ContentType.objects.get_for_model(Field).pk


def _contribution(title):
    return Contribution.objects.get(municipality__slug="kornwestheim", title=title)


def _comment_on(title):
    return Comment.objects.filter(contribution=_contribution(title), hidden_at=None).first()


def prepare_cases(town):
    """A note of the test app with a private attachment: written by the member, for the file case;
    two of the member's findings hidden by the moderation, one of them with her request for a review."""
    people = members_by_local_part(town)
    note = Note.objects.create(municipality=town, author=people["mitglied"], title=NOTE, body="x")
    note.attachment.save("protokoll.pdf", ContentFile(b"%PDF-1.4"))
    beside = _contribution(OPEN_FINDING)
    for title in (HIDDEN, HIDDEN_UNDER_REVIEW):
        finding = Contribution.objects.create(
            municipality=town,
            field=beside.field,
            stage=beside.stage,
            kind=beside.kind,
            finding_kind=beside.finding_kind,
            title=title,
            body="Die Telefonnummer meiner Nachbarin: 0171 0000000.",
            author=people["mitglied"],
        )
        moderation.hide(finding, moderator=people["moderation"], reason="Persönliche Daten")
    moderation.request_review(finding, author=people["mitglied"], text="Sie war einverstanden.")
    # Every demo person has something unread, for the case that marks it read.
    notifications.notify(
        [member.user for member in people.values()], "item.reported", event="case:unread", target=finding
    )
    return note


def _open_review():
    return ReviewRequest.objects.get(object_id=_contribution(HIDDEN_UNDER_REVIEW).pk, resolved_at=None)


@pytest.fixture(autouse=True)
def note(town):
    return prepare_cases(town)


# An unsubscribe link works for whoever holds it, without logging in (RFC 8058).
OPEN_TO_EVERYONE = {"core:languages", "core:search", "core:unsubscribe"}


def _unsubscribe_link():
    """The link from a mail to the demo member: no more mails of the topic "Kommentare zu Ihren Beiträgen"."""
    from ankommen.core import notifications

    town = Municipality.objects.get(slug="kornwestheim")
    return (
        "/abbestellen/"
        + notifications.unsubscribe_token(members_by_local_part(town)["mitglied"].user, town, "replies")
        + "/"
    )


def _mitglied_setting():
    from ankommen.core.models import NotificationSetting

    return list(NotificationSetting.objects.values_list("topic", "frequency"))


def _follows():
    from ankommen.core.models import Follow

    return Follow.objects.count()


CASES = [
    # Notifications: one's own list and settings; following what one may read; unsubscribing from a
    # mail's link without logging in (the link is the proof: anyone who has it may use it).
    Case("see one's notifications", "get", lambda: "/konto/benachrichtigungen/", MEMBERS),
    Case(
        "mark one's notifications read",
        "post",
        lambda: "/konto/benachrichtigungen/gelesen/",
        MEMBERS,
        {},
        lambda: Notification.objects.filter(read_at__isnull=True).count(),
    ),
    Case("see how often by mail", "get", lambda: "/konto/benachrichtigungen/einstellungen/", MEMBERS),
    Case(
        "choose how often by mail",
        "post",
        lambda: "/konto/benachrichtigungen/einstellungen/",
        MEMBERS,
        lambda: {
            "replies": "never",
            "answers": "daily",
            "followed": "weekly",
            "moderation": "weekly",
            "reports": "weekly",
            "join_requests": "weekly",
            "barrier_reports": "weekly",
            "calls": "weekly",
            "call_answers": "weekly",
            "council": "weekly",
            "events": "immediately",
            "organising": "weekly",
        },
        lambda: len(_mitglied_setting()),
    ),
    Case(
        "follow a field",
        "post",
        lambda: (
            f"/folgen/handlungsfelder/{Field.objects.get(municipality__slug='kornwestheim', slug='fruehkindliche-und-schulische-bildung').pk}/"
        ),
        MEMBERS,
        {},
        _follows,
    ),
    Case("open an unsubscribe link", "get", lambda: _unsubscribe_link(), EVERYONE),
    Case(
        "unsubscribe with a mail's link",
        "post",
        lambda: _unsubscribe_link(),
        EVERYONE,
        {},
        _mitglied_setting,
        status=200,  # the page says it is done; nobody is logged in by it
    ),
    Case("see the administration", "get", lambda: "/verwaltung/", ADMIN),
    Case("see the audit log", "get", lambda: "/verwaltung/protokoll/", ADMIN),
    Case("see the moderation queue", "get", lambda: "/moderation/", STAFF),
    Case("see the decided reports", "get", lambda: "/moderation/erledigt/", STAFF),
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
        "dismiss an item's flags",
        "post",
        lambda: f"/moderation/beitraege/{_contribution(OPEN_FINDING).pk}/meldungen-zurueckweisen/",
        STAFF,
        {},
        lambda: Flag.objects.filter(resolved_at=None).count(),
    ),
    Case(
        "see the form to show a hidden contribution again",
        "get",
        lambda: f"/moderation/beitraege/{_contribution(HIDDEN).pk}/einblenden/",
        STAFF,
    ),
    Case(
        "show a hidden contribution again",
        "post",
        lambda: f"/moderation/beitraege/{_contribution(HIDDEN).pk}/einblenden/",
        STAFF,
        {"reason": "Die Nummer ist die des Vereins, keine private."},
        lambda: Contribution.objects.filter(hidden_at__isnull=False).count(),
    ),
    Case(
        "see the form to ask for a review of a hiding",
        "get",
        lambda: f"/beitraege/{_contribution(HIDDEN).pk}/ueberpruefung/",
        {"mitglied"},  # the author of the hidden finding
    ),
    Case(
        "ask for a review of a hiding",
        "post",
        lambda: f"/beitraege/{_contribution(HIDDEN).pk}/ueberpruefung/",
        {"mitglied"},
        {"text": "Die Nummer ist die des Vereins."},
        lambda: ReviewRequest.objects.count(),
    ),
    Case(
        "see the form to keep a contribution hidden after a review",
        "get",
        lambda: f"/moderation/ueberpruefungen/{_open_review().pk}/ausgeblendet-lassen/",
        STAFF,
    ),
    Case(
        "keep a contribution hidden after a review",
        "post",
        lambda: f"/moderation/ueberpruefungen/{_open_review().pk}/ausgeblendet-lassen/",
        STAFF,
        {"reason": "Auch mit Einverständnis gehören Telefonnummern nicht hierher."},
        lambda: ReviewRequest.objects.filter(resolved_at=None).count(),
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
        # The demo's machine translation of the summary becomes the translator's, checked.
        lambda: sorted(
            Translation.objects.filter(language="en", field="summary").values_list("text", "state")
        ),
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
    Case("see the town's limits against abuse", "get", lambda: "/verwaltung/grenzen/", ADMIN),
    Case(
        "set the town's limits against abuse",
        "post",
        lambda: "/verwaltung/grenzen/",
        ADMIN,
        {"limit_contributions": 5, "limit_comments": 15, "limit_supports": 50, "limit_reports": 3},
        lambda: Municipality.objects.get(slug="kornwestheim").limit_contributions,
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
    # Everyone may search; each finds what they may read (tests/core/test_search.py).
    Case("search", "get", lambda: "/suche/", EVERYONE, {"q": "Wohnung"}),
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
