"""Leichte Sprache: three parts, the ones that are the same everywhere shipped with the product."""

from ankommen.legal import easy_language
from ankommen.legal.models import EasyLanguageText
from tests.conftest import OTHER_HOST


def test_the_page_has_three_parts_in_leichte_sprache(client):
    response = client.get("/leichte-sprache/")
    page = response.content.decode()
    assert '<div class="prose stack easy-language" lang="de-simple">' in page
    for heading in easy_language.HEADINGS.values():
        assert heading in page
    assert "Diese Internet·seite ist von der Stadt Kornwestheim." in page  # the town's own text
    assert "Mit der Tabulator·taste springen Sie von Link zu Link." in page  # shipped with the product
    assert "Die Stadt antwortet Ihnen in 1 Monat." in page
    assert 'href="/barrierefreiheit/barriere-melden/"' in page


def test_a_town_without_texts_gets_the_product_defaults_with_its_name(client):
    page = client.get("/leichte-sprache/", HTTP_HOST=OTHER_HOST).content.decode()
    assert "Diese Internet·seite ist von der Stadt Ludwigsburg." in page
    assert "Kornwestheim" not in page


def test_admin_replaces_a_default_text_and_an_empty_field_brings_it_back(client_as, town):
    admin = client_as("admin")
    response = admin.post(
        "/verwaltung/rechtliches/leichte-sprache/",
        {"content": "Hier ist die Stadt.", "navigation": "Oben sind Links.", "accessibility": ""},
    )
    assert response.status_code == 302
    page = client_as(None).get("/leichte-sprache/").content.decode()
    assert "Oben sind Links." in page
    assert "Mit der Tabulator·taste" not in page
    assert "Die Schlichtungs·stelle hilft bei Streit über Barriere·freiheit." in page
    assert EasyLanguageText.objects.get(municipality=town).accessibility == ""


def test_markup_in_leichte_sprache_is_refused(client_as, town):
    before = EasyLanguageText.objects.get(municipality=town).content
    response = client_as("admin").post(
        "/verwaltung/rechtliches/leichte-sprache/", {"content": "<b>Hallo</b>"}
    )
    assert response.status_code == 400
    assert 'id="id_content_error"' in response.content.decode()
    assert EasyLanguageText.objects.get(municipality=town).content == before


def test_the_default_texts_keep_to_short_sentences():
    for text in (easy_language.NAVIGATION, easy_language.ACCESSIBILITY, easy_language.CONTENT):
        for line in text.splitlines():
            assert len(line.split()) <= 12, line
