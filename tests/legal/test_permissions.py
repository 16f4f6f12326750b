"""Every view of the legal app, every role: allowed requests succeed, refused ones change nothing.

Each app has the same matrix in tests/<app>/test_permissions.py; see tests/permissions.py.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ankommen.legal.models import BarrierReport, NonAccessibleContent, TermsVersion
from tests.legal.conftest import mp4_bytes
from tests.permissions import ADMIN, EVERYONE, ROLES, STAFF, Case, check, role_id


def _terms(number):
    return TermsVersion.objects.get(municipality__slug="kornwestheim", number=number)


def _item():
    return NonAccessibleContent.objects.filter(municipality__slug="kornwestheim").first()


def _open_report():
    return BarrierReport.objects.filter(municipality__slug="kornwestheim", status="open").first()


def prepare_cases(town):
    """A draft of the terms, for the cases that preview, change and publish it."""
    return TermsVersion.objects.create(municipality=town, number="3", dated="2025-06-01", text="Entwurf.")


@pytest.fixture(autouse=True)
def draft(town):
    return prepare_cases(town)


# The town's legal pages and the barrier report are for everyone.
OPEN_TO_EVERYONE = {
    "legal:imprint",
    "legal:privacy",
    "legal:terms",
    "legal:accessibility",
    "legal:report_barrier",
    "legal:report_barrier_done",
    "legal:easy_language",
    "legal:sign_language",
}

CASES = [
    Case("read the imprint", "get", lambda: "/impressum/", EVERYONE),
    Case("read the privacy notice", "get", lambda: "/datenschutz/", EVERYONE),
    Case("read the terms", "get", lambda: "/nutzungsbedingungen/", EVERYONE),
    Case("read an old version", "get", lambda: _terms("1").get_absolute_url(), EVERYONE),
    Case("read the accessibility statement", "get", lambda: "/barrierefreiheit/", EVERYONE),
    Case("see the barrier form", "get", lambda: "/barrierefreiheit/barriere-melden/", EVERYONE),
    Case("see the confirmation", "get", lambda: "/barrierefreiheit/barriere-melden/danke/", EVERYONE),
    Case("read Leichte Sprache", "get", lambda: "/leichte-sprache/", EVERYONE),
    Case("see the sign language videos", "get", lambda: "/gebaerdensprache/", EVERYONE),
    Case(
        "report a barrier",
        "post",
        lambda: "/barrierefreiheit/barriere-melden/",
        EVERYONE,
        {"kind": "barrier", "subject": "Kontrast", "location": "Start", "message": "Zu hell."},
        lambda: BarrierReport.objects.count(),
    ),
    Case("see the legal overview", "get", lambda: "/verwaltung/rechtliches/", ADMIN),
    Case("see the imprint form", "get", lambda: "/verwaltung/rechtliches/impressum/", ADMIN),
    Case(
        "change the imprint",
        "post",
        lambda: "/verwaltung/rechtliches/impressum/",
        ADMIN,
        {
            "body_name": "Stadt Kornwestheim",
            "legal_form": "Körperschaft des öffentlichen Rechts",
            "represented_by": "Oberbürgermeisterin",
            "address": "Jakob-Sigle-Platz 1",
            "phone": "0",
            "email": "a@example.org",
            "content_responsible": "Pressestelle",
            "content_responsible_address": "Jakob-Sigle-Platz 1",
        },
    ),
    Case(
        "change the privacy notice",
        "post",
        lambda: "/verwaltung/rechtliches/datenschutz/",
        ADMIN,
        {
            "controller": "Stadt",
            "officer_name": "DSB",
            "officer_address": "Rathaus",
            "officer_email": "dsb@example.org",
            "text": "Text.",
        },
    ),
    Case(
        "create a terms version",
        "post",
        lambda: "/verwaltung/rechtliches/nutzungsbedingungen/neu/",
        ADMIN,
        {"number": "4", "dated": "2025-08-01", "text": "Vierte."},
        lambda: TermsVersion.objects.count(),
    ),
    Case(
        "preview a draft",
        "get",
        lambda: _terms("3").get_absolute_url(),
        ADMIN,
        effect=lambda: 0,
        # A draft does not exist for anyone but the admins.
        refused_with={role: 404 for role in ROLES if role != "admin"},
    ),
    Case(
        "change a draft",
        "post",
        lambda: f"/verwaltung/rechtliches/nutzungsbedingungen/{_terms('3').pk}/",
        ADMIN,
        {"number": "3", "dated": "2025-06-02", "text": "Geändert."},
    ),
    Case(
        "publish a draft",
        "post",
        lambda: f"/verwaltung/rechtliches/nutzungsbedingungen/{_terms('3').pk}/veroeffentlichen/",
        ADMIN,
        {},
        lambda: TermsVersion.objects.filter(published_at__isnull=True).count(),
    ),
    Case(
        "change the accessibility statement",
        "post",
        lambda: "/verwaltung/rechtliches/barrierefreiheit/",
        ADMIN,
        {
            "compliance": "partial",
            "prepared_on": "2025-03-01",
            "reviewed_on": "2025-09-15",
            "review_method": "self_assessment",
            "contact_name": "Beauftragte",
            "contact_address": "Rathaus",
            "contact_email": "b@example.org",
            "enforcement_body": "Schlichtungsstelle",
            "enforcement_address": "Stuttgart",
            "enforcement_phone": "0711",
            "enforcement_email": "s@example.org",
            "enforcement_text": "Text.",
        },
    ),
    Case(
        "add a non-accessible content",
        "post",
        lambda: "/verwaltung/rechtliches/barrierefreiheit/inhalte/neu/",
        ADMIN,
        {"content": "Karte", "reason": "non_compliance", "explanation": "Nur mit Maus.", "position": "0"},
        lambda: NonAccessibleContent.objects.count(),
    ),
    Case(
        "change a non-accessible content",
        "post",
        lambda: f"/verwaltung/rechtliches/barrierefreiheit/inhalte/{_item().pk}/",
        ADMIN,
        {"content": "PDF", "reason": "out_of_scope", "explanation": "Alt.", "position": "0"},
    ),
    Case(
        "remove a non-accessible content",
        "post",
        lambda: f"/verwaltung/rechtliches/barrierefreiheit/inhalte/{_item().pk}/entfernen/",
        ADMIN,
        {},
        lambda: NonAccessibleContent.objects.count(),
    ),
    Case(
        "change Leichte Sprache",
        "post",
        lambda: "/verwaltung/rechtliches/leichte-sprache/",
        ADMIN,
        {"content": "Hier ist die Stadt."},
    ),
    Case(
        "see the sign language video form",
        "get",
        lambda: "/verwaltung/rechtliches/gebaerdensprache/navigation/",
        ADMIN,
    ),
    Case(
        "upload a sign language video",
        "post",
        lambda: "/verwaltung/rechtliches/gebaerdensprache/navigation/",
        ADMIN,
        lambda: {
            "description": "So finden Sie sich zurecht.",
            "video": SimpleUploadedFile("navigation.mp4", mp4_bytes(30), content_type="video/mp4"),
        },
    ),
    Case("see the privacy notice form", "get", lambda: "/verwaltung/rechtliches/datenschutz/", ADMIN),
    Case("see the terms form", "get", lambda: "/verwaltung/rechtliches/nutzungsbedingungen/neu/", ADMIN),
    Case(
        "see a draft's form",
        "get",
        lambda: f"/verwaltung/rechtliches/nutzungsbedingungen/{_terms('3').pk}/",
        ADMIN,
    ),
    Case(
        "see the accessibility statement form",
        "get",
        lambda: "/verwaltung/rechtliches/barrierefreiheit/",
        ADMIN,
    ),
    Case(
        "see the form for a non-accessible content",
        "get",
        lambda: "/verwaltung/rechtliches/barrierefreiheit/inhalte/neu/",
        ADMIN,
    ),
    Case(
        "see a non-accessible content's form",
        "get",
        lambda: f"/verwaltung/rechtliches/barrierefreiheit/inhalte/{_item().pk}/",
        ADMIN,
    ),
    Case("see the Leichte Sprache form", "get", lambda: "/verwaltung/rechtliches/leichte-sprache/", ADMIN),
    Case("see the barrier queue", "get", lambda: "/verwaltung/barrieren/", STAFF),
    Case("see a barrier report", "get", lambda: f"/verwaltung/barrieren/{_open_report().pk}/", STAFF),
    Case(
        "mark a barrier report answered",
        "post",
        lambda: f"/verwaltung/barrieren/{_open_report().pk}/",
        STAFF,
        {"status": "answered", "note": "Geantwortet."},
        lambda: BarrierReport.objects.filter(status="open").count(),
    ),
]


@pytest.mark.parametrize("role", ROLES, ids=role_id)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    check(request_as, case, role)
