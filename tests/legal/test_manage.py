"""The admins' overview: every legal page, and a warning per page and language where a translation is missing."""

import pytest
from django.contrib.contenttypes.models import ContentType

from ankommen.core.models import AuditEntry, Municipality
from ankommen.core.translation import save_translation
from ankommen.legal.models import Imprint, PrivacyNotice

MANAGE = "/verwaltung/rechtliches/"


@pytest.fixture
def three_languages(town):
    Municipality.objects.filter(pk=town.pk).update(languages=["de", "en", "ar"])


def _gaps(response, key):
    page = next(page for page in response.context["pages"] if page.key == key)
    return {(gap.language.code, type(gap.object).__name__) for gap in page.gaps}


def _translate_everything(obj, language, admin):
    for name in type(obj).translatable_fields:
        if getattr(obj, name):
            save_translation(obj, name, language, actor=admin, text=f"[{language}] {name}", state="reviewed")


def test_admin_is_warned_per_page_and_language_where_a_translation_is_missing(
    client_as, three_languages, untranslated
):
    response = client_as("admin").get(MANAGE)
    assert response.status_code == 200
    assert _gaps(response, "imprint") == {("en", "Imprint"), ("ar", "Imprint")}
    assert _gaps(response, "privacy") == {("en", "PrivacyNotice"), ("ar", "PrivacyNotice")}
    assert _gaps(response, "terms") == {("en", "TermsVersion"), ("ar", "TermsVersion")}
    assert _gaps(response, "accessibility") == {
        (language, model)
        for language in ("en", "ar")
        for model in ("AccessibilityStatement", "NonAccessibleContent")
    }
    page = response.content.decode()
    assert "Übersetzung fehlt oder ist veraltet" in page
    assert '<th data-label="Sprache" class="kern-table__cell" scope="row">Englisch</th>' in page
    assert '<th data-label="Sprache" class="kern-table__cell" scope="row">Arabisch</th>' in page
    assert "<strong>fehlt:</strong> Name der Körperschaft, Rechtsform, Vertreten durch" in page


def test_the_warning_links_to_the_translation_editor(client_as, town, three_languages, untranslated):
    imprint = Imprint.objects.get(municipality=town)
    content_type = ContentType.objects.get_for_model(Imprint).pk
    page = client_as("admin").get(MANAGE).content.decode()
    editor = f"/verwaltung/uebersetzungen/ar/{content_type}/{imprint.pk}/"
    assert f'href="{editor}"' in page
    assert client_as("admin").get(editor).status_code == 200


def test_a_page_translated_into_one_language_is_warned_only_for_the_other(
    client_as, town, people, three_languages, untranslated
):
    _translate_everything(Imprint.objects.get(municipality=town), "en", people["admin"])
    response = client_as("admin").get(MANAGE)
    assert _gaps(response, "imprint") == {("ar", "Imprint")}


def test_a_translation_becomes_outdated_when_the_german_changes(client_as, town, people):
    Municipality.objects.filter(pk=town.pk).update(languages=["de", "en"])
    notice = PrivacyNotice.objects.get(municipality=town)
    _translate_everything(notice, "en", people["admin"])
    assert _gaps(client_as("admin").get(MANAGE), "privacy") == set()
    notice.text += "\n\nNeuer Absatz."
    notice.save()
    response = client_as("admin").get(MANAGE)
    assert _gaps(response, "privacy") == {("en", "PrivacyNotice")}
    gap = next(page for page in response.context["pages"] if page.key == "privacy").gaps[0]
    assert [status for _label, status in gap.fields] == ["veraltet"]


def test_a_town_with_german_only_gets_no_translation_warning(client_as, town):
    Municipality.objects.filter(pk=town.pk).update(languages=["de"])
    response = client_as("admin").get(MANAGE)
    assert response.context["gaps"] == 0
    assert "in allen Sprachen der Kommune" in response.content.decode()


def test_a_page_not_written_yet_is_flagged(client, stranger):
    from tests.conftest import OTHER_HOST

    client.force_login(stranger.user)
    page = client.get(MANAGE, HTTP_HOST=OTHER_HOST).content.decode()
    assert page.count("Diese Seite ist noch nicht angelegt.") == 4


def test_admin_writes_the_imprint_and_it_is_audited(client, client_as, town):
    imprint = Imprint.objects.get(municipality=town)
    data = {
        name: getattr(imprint, name)
        for name in (
            "body_name",
            "legal_form",
            "represented_by",
            "address",
            "phone",
            "email",
            "vat_id",
            "supervisory_authority",
            "content_responsible",
            "content_responsible_address",
            "notes",
        )
    }
    response = client_as("admin").post(
        "/verwaltung/rechtliches/impressum/", {**data, "vat_id": "DE123456789"}
    )
    assert response.status_code == 302
    assert Imprint.objects.get(pk=imprint.pk).vat_id == "DE123456789"
    assert AuditEntry.objects.filter(action="legal.imprint_saved", target_id=imprint.pk).exists()
    assert "DE123456789" in client_as(None).get("/impressum/").content.decode()


def test_the_privacy_notice_requires_the_officers_contact(client_as, town):
    notice = PrivacyNotice.objects.get(municipality=town)
    response = client_as("admin").post(
        "/verwaltung/rechtliches/datenschutz/",
        {
            "controller": notice.controller,
            "officer_name": "",
            "officer_address": "",
            "officer_email": "",
            "text": "x",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    for field in ("officer_name", "officer_address", "officer_email"):
        assert f'id="id_{field}_error"' in page
    assert PrivacyNotice.objects.get(pk=notice.pk).officer_email == notice.officer_email


def test_an_admin_of_another_town_writes_their_own_imprint(client, stranger, other_town):
    from tests.conftest import OTHER_HOST

    client.force_login(stranger.user)
    response = client.post(
        "/verwaltung/rechtliches/impressum/",
        {
            "body_name": "Stadt Ludwigsburg",
            "legal_form": "Körperschaft des öffentlichen Rechts",
            "represented_by": "Oberbürgermeister",
            "address": "Wilhelmstraße 11",
            "phone": "07141 000",
            "email": "info@ludwigsburg.example",
            "content_responsible": "Pressestelle",
            "content_responsible_address": "Wilhelmstraße 11",
        },
        HTTP_HOST=OTHER_HOST,
    )
    assert response.status_code == 302
    assert Imprint.objects.get(municipality=other_town).body_name == "Stadt Ludwigsburg"
    assert Imprint.objects.filter(body_name="Stadt Kornwestheim").count() == 1
