"""The accessibility statement after the Baden-Württemberg model, and how the admins keep it current."""

import pytest

from ankommen.core.models import AuditEntry
from ankommen.legal.models import (
    ENFORCEMENT_EMAIL,
    AccessibilityStatement,
    ExemptionReason,
    NonAccessibleContent,
    ReviewMethod,
)


@pytest.fixture
def statement(town):
    return AccessibilityStatement.objects.get(municipality=town)


def _statement_data(statement, **changes):
    data = {
        name: getattr(statement, name)
        for name in (
            "compliance",
            "prepared_on",
            "reviewed_on",
            "review_method",
            "reviewer",
            "contact_name",
            "contact_address",
            "contact_phone",
            "contact_email",
            "enforcement_body",
            "enforcement_address",
            "enforcement_phone",
            "enforcement_email",
            "enforcement_text",
        )
    }
    return {**data, **changes}


def test_statement_shows_compliance_items_review_feedback_and_enforcement(client):
    page = client.get("/barrierefreiheit/").content.decode()
    assert "teilweise mit den Anforderungen an die Barrierefreiheit" in page
    # the two non-accessible contents, each with its reason and accessible alternative
    assert "Ältere PDF-Anhänge" in page
    assert "fällt nicht in den Anwendungsbereich" in page
    assert "Videos von Veranstaltungen ohne Übersetzung in Deutsche Gebärdensprache" in page
    assert "unverhältnismäßige Belastung" in page
    assert "Auf Anfrage schicken wir Ihnen die Vorlage als barrierefreies Dokument." in page
    # when and how it was reviewed
    assert "Diese Erklärung wurde am 1. März 2025 erstellt." in page
    assert "Zuletzt wurde die Website am 15. September 2025 überprüft." in page
    assert "Die Überprüfung war eine Selbstbewertung." in page
    # feedback: the report form and the contact
    assert 'href="/barrierefreiheit/barriere-melden/"' in page
    assert "barrierefreiheit@demo.ankommen.example" in page
    # enforcement: the conciliation body of Baden-Württemberg
    for text in (
        "Schlichtungsstelle nach § 15 L-BGG",
        "Else-Josenhans-Str. 6",
        "0711 279-3360",
        ENFORCEMENT_EMAIL,
    ):
        assert text in page


def test_statement_without_a_town_text_still_offers_reporting_and_the_conciliation_body(client):
    from tests.conftest import OTHER_HOST

    page = client.get("/barrierefreiheit/", HTTP_HOST=OTHER_HOST).content.decode()
    assert 'href="/barrierefreiheit/barriere-melden/"' in page
    assert "Else-Josenhans-Str. 6" in page


def test_a_new_statement_defaults_to_the_conciliation_body_of_baden_wuerttemberg(other_town):
    statement = AccessibilityStatement(municipality=other_town)
    assert statement.enforcement_body.startswith("Schlichtungsstelle nach § 15 L-BGG")
    assert (statement.enforcement_phone, statement.enforcement_email) == ("0711 279-3360", ENFORCEMENT_EMAIL)


def test_third_party_review_names_the_reviewer(client, client_as, statement):
    response = client_as("admin").post(
        "/verwaltung/rechtliches/barrierefreiheit/",
        _statement_data(statement, review_method=ReviewMethod.THIRD_PARTY, reviewer="Prüfstelle Beispiel"),
    )
    assert response.status_code == 302
    page = client_as(None).get("/barrierefreiheit/").content.decode()
    assert "Die Überprüfung war eine Prüfung durch Dritte: Prüfstelle Beispiel." in page
    assert AuditEntry.objects.filter(action="legal.accessibility_saved").exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"review_method": ReviewMethod.THIRD_PARTY, "reviewer": ""},
            "reviewer",
            "Bitte nennen Sie die Stelle",
        ),
        ({"reviewed_on": "2020-01-01"}, "reviewed_on", "nicht vor der Erstellung"),
        ({"compliance": "ganz"}, "compliance", "keine gültige Auswahl"),
        ({"contact_email": "keine-adresse"}, "contact_email", "gültige E-Mail-Adresse"),
        ({"enforcement_text": "<script>x</script>"}, "enforcement_text", "ohne HTML-Auszeichnungen"),
    ],
)
def test_bad_statement_is_refused_with_a_message_at_the_field(client_as, statement, changes, field, message):
    response = client_as("admin").post(
        "/verwaltung/rechtliches/barrierefreiheit/", _statement_data(statement, **changes)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page
    fresh = AccessibilityStatement.objects.get(pk=statement.pk)
    assert fresh.reviewer == statement.reviewer and fresh.reviewed_on == statement.reviewed_on


def test_admin_adds_changes_and_removes_a_non_accessible_content(client, client_as, statement):
    admin = client_as("admin")
    response = admin.post(
        "/verwaltung/rechtliches/barrierefreiheit/inhalte/neu/",
        {
            "content": "Karte der Angebote",
            "reason": ExemptionReason.NON_COMPLIANCE,
            "explanation": "Die Karte ist nur mit der Maus bedienbar.",
            "alternative": "Die Angebote stehen auch als Liste darunter.",
            "position": "5",
        },
    )
    assert response.status_code == 302
    item = NonAccessibleContent.objects.get(statement=statement, content="Karte der Angebote")
    assert "Karte der Angebote" in client_as(None).get("/barrierefreiheit/").content.decode()

    admin = client_as("admin")
    admin.post(
        f"/verwaltung/rechtliches/barrierefreiheit/inhalte/{item.pk}/",
        {
            "content": "Karte der Angebote",
            "reason": ExemptionReason.DISPROPORTIONATE_BURDEN,
            "explanation": "Neu begründet.",
            "position": "5",
        },
    )
    item.refresh_from_db()
    assert (item.reason, item.explanation) == (ExemptionReason.DISPROPORTIONATE_BURDEN, "Neu begründet.")

    admin.post(f"/verwaltung/rechtliches/barrierefreiheit/inhalte/{item.pk}/entfernen/")
    assert not NonAccessibleContent.objects.filter(pk=item.pk).exists()
    assert list(
        AuditEntry.objects.filter(target_id=item.pk, action__startswith="legal.non_accessible").values_list(
            "action", flat=True
        )
    ) == [
        "legal.non_accessible_content_removed",
        "legal.non_accessible_content_updated",
        "legal.non_accessible_content_added",
    ]
