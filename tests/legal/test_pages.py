"""The legal pages: every visitor reads them, in every town its own, linked from the foot of every page."""

import pytest
from django.db import connection
from django.template import RequestContext, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from ankommen.legal.models import Imprint, PrivacyNotice, TermsVersion
from tests.conftest import OTHER_HOST

PAGES = {
    "/impressum/": "Körperschaft des öffentlichen Rechts",
    "/datenschutz/": "datenschutz@demo.ankommen.example",
    "/nutzungsbedingungen/": "Verständlich schreiben",
    "/barrierefreiheit/": "Schlichtungsstelle nach § 15 L-BGG",
    "/barrierefreiheit/barriere-melden/": "Barriere melden",
    "/barrierefreiheit/barriere-melden/danke/": "Danke für Ihre Meldung",
    "/leichte-sprache/": "Leichte Sprache",
    "/gebaerdensprache/": "Deutsche Gebärdensprache",
}

FOOTER_LINKS = [
    "/impressum/",
    "/datenschutz/",
    "/nutzungsbedingungen/",
    "/barrierefreiheit/",
    "/barrierefreiheit/barriere-melden/",
    "/leichte-sprache/",
    "/gebaerdensprache/",
]


def _h1_count(page):
    return page.count("<h1")


@pytest.mark.parametrize(("url", "text"), PAGES.items())
def test_visitor_reads_each_legal_page(client, url, text):
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert text in page
    assert _h1_count(page) == 1


def test_imprint_names_body_representative_and_responsible_person(client):
    page = client.get("/impressum/").content.decode()
    for text in (
        "Stadt Kornwestheim",
        "Oberbürgermeisterin/Oberbürgermeister",
        "Jakob-Sigle-Platz 1",
        "impressum@demo.ankommen.example",
        "§ 18 Abs. 2 Medienstaatsvertrag",
        "Integrationsbeauftragte/Integrationsbeauftragter der Stadt Kornwestheim",
    ):
        assert text in page


def test_privacy_notice_shows_the_data_protection_officer_first(client):
    page = client.get("/datenschutz/").content.decode()
    officer = page.index("Ihre Ansprechperson für den Datenschutz")
    assert officer < page.index("Wie wir mit Ihren Daten umgehen")
    assert 'href="mailto:datenschutz@demo.ankommen.example"' in page


@pytest.mark.parametrize("url", ["/", "/handlungsfelder/wohnen-und-leben/", "/konto/login/", "/impressum/"])
def test_every_page_links_the_legal_pages_in_its_footer(client, url):
    page = client.get(url).content.decode()
    footer = page[page.index('<footer class="site-footer">') :]
    assert 'aria-label="Rechtliches und Barrierefreiheit"' in footer
    for link in FOOTER_LINKS:
        assert f'href="{link}"' in footer


def test_footer_links_keep_the_language_of_the_page(client):
    page = client.get("/en/").content.decode()
    footer = page[page.index('<footer class="site-footer">') :]
    assert 'href="/en/impressum/"' in footer


def test_the_not_found_page_has_the_footer_too(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert 'href="/barrierefreiheit/"' in response.content.decode()


def test_footer_needs_no_query(town):
    request = RequestFactory().get("/")
    request.municipality, request.member = town, None
    with CaptureQueriesContext(connection) as context:
        html = Template("{% footer_links %}").render(RequestContext(request, {"municipality": town}))
    assert 'href="/impressum/"' in html
    assert len(context.captured_queries) == 0


def test_other_town_shows_its_own_pages_not_ours(client):
    for url in ("/impressum/", "/datenschutz/", "/nutzungsbedingungen/", "/barrierefreiheit/"):
        response = client.get(url, HTTP_HOST=OTHER_HOST)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "Kornwestheim" not in page, url
        assert "Ludwigsburg hat diese Angaben noch nicht hinterlegt." in page, url


def test_other_town_sees_its_own_imprint_once_written(client, other_town):
    Imprint.objects.create(
        municipality=other_town,
        body_name="Stadt Ludwigsburg",
        legal_form="Körperschaft des öffentlichen Rechts",
        represented_by="Oberbürgermeister",
        address="Wilhelmstraße 11",
        phone="07141 000",
        email="impressum@ludwigsburg.example",
        content_responsible="Pressestelle",
        content_responsible_address="Wilhelmstraße 11",
    )
    there = client.get("/impressum/", HTTP_HOST=OTHER_HOST).content.decode()
    here = client.get("/impressum/").content.decode()
    assert "Stadt Ludwigsburg" in there and "Jakob-Sigle-Platz" not in there
    assert "Stadt Ludwigsburg" not in here


def test_another_towns_terms_version_answers_404(client, town):
    version = TermsVersion.objects.get(municipality=town, number="1")
    assert client.get(version.get_absolute_url()).status_code == 200
    assert client.get(version.get_absolute_url(), HTTP_HOST=OTHER_HOST).status_code == 404


def test_legal_text_is_shown_in_the_readers_language_with_its_state(client, town, people):
    from ankommen.core.translation import save_translation, store_machine_translation

    notice = PrivacyNotice.objects.get(municipality=town)
    save_translation(
        notice, "officer_name", "en", actor=people["admin"], text="Data protection officer", state="reviewed"
    )
    store_machine_translation(notice, "text", "en", actor=people["admin"], text="We take privacy seriously.")
    page = client.get("/en/datenschutz/").content.decode()
    assert '<strong lang="en">Data protection officer</strong>' in page
    assert '<div class="legal-text" lang="en"><p>We take privacy seriously.</p></div>' in page


def test_untranslated_legal_text_falls_back_to_german_and_says_so(client, untranslated):
    page = client.get("/en/impressum/").content.decode()
    assert '<span lang="de">Körperschaft des öffentlichen Rechts</span>' in page
    assert "translation-label" in page


def test_legal_pages_need_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for url in PAGES:
        with django_assert_max_num_queries(12):
            client.get(url)
