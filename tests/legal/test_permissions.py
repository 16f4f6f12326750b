"""Every view of the legal app, every role: allowed requests succeed, refused ones change nothing.

tests/test_http_permissions.py walks the views of the other apps; this is the same matrix for ours.
"""

from dataclasses import dataclass, field

import pytest
from django.urls import resolve

from ankommen.core.models import AuditEntry
from ankommen.legal import urls
from ankommen.legal.models import BarrierReport, NonAccessibleContent, TermsVersion

ROLES = [None, "stranger", "mitglied", "uebersetzung", "expertin", "moderation", "admin"]
EVERYONE = set(ROLES)
STAFF = {"moderation", "admin"}
ADMIN = {"admin"}


def _terms(number):
    return TermsVersion.objects.get(municipality__slug="kornwestheim", number=number)


def _item():
    return NonAccessibleContent.objects.filter(municipality__slug="kornwestheim").first()


def _open_report():
    return BarrierReport.objects.filter(municipality__slug="kornwestheim", status="open").first()


@pytest.fixture(autouse=True)
def draft(town):
    return TermsVersion.objects.create(municipality=town, number="3", dated="2025-06-01", text="Entwurf.")


@dataclass
class Case:
    name: str
    method: str
    url: callable
    allowed: set
    data: dict = field(default_factory=dict)
    effect: callable = lambda: AuditEntry.objects.count()  # noqa: E731


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
    Case("preview a draft", "get", lambda: _terms("3").get_absolute_url(), ADMIN, effect=lambda: 0),
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
        "describe a sign language video",
        "get",
        lambda: "/verwaltung/rechtliches/gebaerdensprache/navigation/",
        ADMIN,
    ),
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


@pytest.fixture
def request_as(client, people, stranger):
    def send(role, case):
        client.logout()
        if role == "stranger":
            client.force_login(stranger.user)
        elif role is not None:
            client.force_login(people[role].user)
        return getattr(client, case.method)(case.url(), case.data)

    return send


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "visitor")
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_server_allows_and_refuses_by_role(request_as, case, role):
    before = case.effect()
    response = request_as(role, case)
    if role in case.allowed:
        assert response.status_code in (200, 302), response.content[:500]
        if response.status_code == 302:
            assert "/konto/login/" not in response["Location"]
        if case.method == "post":
            assert case.effect() != before, "an allowed request changed nothing"
    else:
        if case.name == "preview a draft":
            assert response.status_code == 404  # a draft does not exist for anyone but the admins
        elif role is None:
            assert response.status_code == 302
            assert response["Location"].startswith("/konto/login/?next=")
        else:
            assert response.status_code == 403
        assert case.effect() == before, "a refused request changed something"


def test_every_view_of_the_legal_app_has_a_permission_case(town):
    names = {f"legal:{pattern.name}" for pattern in urls.urlpatterns}
    covered = {resolve(case.url()).view_name for case in CASES}
    assert names <= covered, f"views without a permission case: {sorted(names - covered)}"
