"""The town's help pages: read in every language with the translation's state, written by the town's admins."""

import re

from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext

from ankommen.concept.models import HelpPage
from ankommen.core.models import AuditEntry, Translation, TranslationStatus
from ankommen.core.translation import status_of


def _titles(page):
    return re.findall(r'<h2 class="kern-title">\s*<a [^>]*>([^<]+)</a>', page)


def test_the_help_lists_the_towns_pages_in_order_and_the_ways_to_get_help(client, town):
    response = client.get("/hilfe/")
    page = response.content.decode()
    assert _titles(page) == [
        "So funktioniert die Dialogplattform",
        "Mitmachen",
        "Sprachen und Übersetzungen",
        "Kontakt und Unterstützung",
    ]
    assert "Wen Sie fragen können, wenn etwas nicht klappt." in page
    for link in (
        "/leichte-sprache/",
        "/gebaerdensprache/",
        "/sprachen/",
        "/barrierefreiheit/barriere-melden/",
    ):
        assert f'href="{link}"' in page, link
    assert "mailto:integration@demo.ankommen.example" in page
    assert '<a href="/hilfe/" aria-current="page">Hilfe</a>' in page, "the main navigation leads here"
    assert not response.cookies, "reading the help sets no cookie"


def test_a_help_page_shows_its_sections_as_headings_and_the_other_pages(client, town):
    page = client.get("/hilfe/mitmachen/").content.decode()
    assert '<h1 class="kern-heading-x-large" lang="de">Mitmachen</h1>' in page
    assert '<h2 class="kern-heading-medium">Ohne Internet mitmachen</h2>' in page
    assert "<p>Alle öffentlichen Seiten können Sie ohne Konto lesen." in page
    assert 'href="/hilfe/kontakt/"' in page
    assert 'href="/hilfe/mitmachen/" lang="de" aria-current="page"' in page


def test_sections_are_escaped_and_single_lines_stay_paragraphs():
    html = Template("{{ text|sections }}").render(
        Context({"text": "Erster Absatz.\r\n\r\nÜberschrift <b>\nZeile 1\nZeile 2 <script>\n\n\n"})
    )
    assert html == (
        "<p>Erster Absatz.</p>\n"
        '<h2 class="kern-heading-medium">Überschrift &lt;b&gt;</h2>\n'
        "<p>Zeile 1<br>Zeile 2 &lt;script&gt;</p>"
    )


def test_help_in_arabic_is_the_translation_with_its_label(client, town):
    page = client.get("/ar/hilfe/mitmachen/").content.decode()
    arabic = HelpPage.objects.get(municipality=town, slug="mitmachen").translations.get(
        field="title", language="ar"
    )
    assert f'lang="ar">{arabic.text}</h1>' in page
    article = page[page.index("<article") : page.index("</article>")]
    assert article.count('class="translation-label">ترجمة آلية، غير مُراجَعة</span>') == 1


def test_a_page_nobody_translated_yet_is_german_with_a_notice(client_as, town):
    HelpPage.objects.create(
        municipality=town,
        title="Wohnungssuche",
        slug="wohnungssuche",
        summary="Kurz",
        body="Text.",
        position=9,
    )
    page = client_as(None).get("/uk/hilfe/wohnungssuche/").content.decode()
    assert '<h1 class="kern-heading-x-large" lang="de">Wohnungssuche</h1>' in page
    assert '<div class="help-text" lang="de"><p>Text.</p></div>' in page
    assert 'class="translation-label"' in page


def test_another_towns_help_page_is_not_found_here(client, town, other_town):
    HelpPage.objects.create(municipality=other_town, title="Nur dort", slug="nur-dort", summary="x", body="x")
    assert client.get("/hilfe/nur-dort/").status_code == 404
    assert "Nur dort" not in client.get("/hilfe/").content.decode()


def test_an_admin_writes_a_help_page_and_it_is_audited(client_as, town):
    client = client_as("admin")
    response = client.post(
        "/verwaltung/hilfe/neu/",
        {
            "title": "Wohnungssuche in Kornwestheim",
            "summary": "Wo Sie suchen können.",
            "body": "Text.",
            "position": 9,
        },
    )
    assert response.status_code == 302
    page = HelpPage.objects.get(municipality=town, slug="wohnungssuche-in-kornwestheim")
    assert AuditEntry.objects.filter(action="help_page.created", target_id=page.pk).exists()
    assert "Wohnungssuche in Kornwestheim" in client.get("/hilfe/").content.decode()


def test_bad_input_is_explained_beside_the_field_and_nothing_is_written(client_as, town):
    client = client_as("admin")
    before = HelpPage.objects.count()
    response = client.post(
        "/verwaltung/hilfe/neu/",
        {"title": "Mitmachen", "slug": "mitmachen", "summary": " ", "body": "<b>fett</b>", "position": 1},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Eine andere Hilfeseite hat schon diese Adresse." in page
    assert page.count('class="kern-error"') >= 3, "summary, body and address each say what is wrong"
    assert HelpPage.objects.count() == before


def test_changing_the_german_text_makes_its_translations_outdated(client_as, town):
    page = HelpPage.objects.get(municipality=town, slug="kontakt")
    assert status_of(page, "body", "ar") == TranslationStatus.MACHINE
    response = client_as("admin").post(
        f"/verwaltung/hilfe/{page.pk}/",
        {
            "title": page.title,
            "slug": "kontakt",
            "summary": page.summary,
            "body": "Neuer Text.",
            "position": 3,
        },
    )
    assert response.status_code == 302
    page = HelpPage.objects.prefetch_related("translations").get(pk=page.pk)
    assert status_of(page, "body", "ar") == TranslationStatus.OUTDATED
    assert status_of(page, "title", "ar") == TranslationStatus.MACHINE, "the unchanged title stays as it was"
    with translation.override("ar"):
        outdated = gettext("Übersetzung veraltet: Der deutsche Text wurde geändert.")
    arabic = client_as(None).get("/ar/hilfe/kontakt/").content.decode()
    assert f'<span class="translation-label">{outdated}</span>' in arabic, "the reader is told"


def test_the_admins_see_where_a_page_is_not_readable_yet(client_as, town):
    client = client_as("admin")
    page = client.get("/verwaltung/hilfe/").content.decode()
    assert page.count("in allen Sprachen der Kommune") == 4, "the demo's pages are translated"
    HelpPage.objects.create(
        municipality=town, title="Neu", slug="neu", summary="Kurz", body="Text.", position=9
    )
    page = client.get("/verwaltung/hilfe/").content.decode()
    row = page[page.index(">Neu</a>") :]
    for name in ("Englisch", "Arabisch", "Ukrainisch", "Persisch"):
        assert name in row[: row.index("</tr>")], name


def test_removing_a_page_removes_its_translations(client_as, town):
    page = HelpPage.objects.get(municipality=town, slug="sprachen")
    assert Translation.objects.filter(object_id=page.pk, field="body").exists()
    assert client_as("admin").post(f"/verwaltung/hilfe/{page.pk}/entfernen/").status_code == 302
    assert not HelpPage.objects.filter(pk=page.pk).exists()
    assert not Translation.objects.filter(content_type__model="helppage", object_id=page.pk).exists()
    assert client_as(None).get("/hilfe/sprachen/").status_code == 404
