"""The demo town's legal pages exist in every language of the town: machine-translated, labelled, current."""

from io import StringIO

from django.core.management import call_command
from django.utils import translation
from translate.storage.xliff import xlifffile

from ankommen.core.demo import translation_files
from ankommen.core.languages import SOURCE
from ankommen.core.models import TranslationStatus, source_hash
from ankommen.core.translation import status_of
from ankommen.legal.models import (
    AccessibilityStatement,
    Imprint,
    NonAccessibleContent,
    PrivacyNotice,
    SignLanguageVideo,
    TermsVersion,
)
from tests.legal.conftest import legal_translations

MODELS = (
    Imprint,
    PrivacyNotice,
    TermsVersion,
    AccessibilityStatement,
    NonAccessibleContent,
    SignLanguageVideo,
)
DEMO_LANGUAGES = ["de-simple", "en", "tr", "ar", "uk", "ru", "fa"]


def _demo_files():
    """{language: {German text: translation}} from the legal pages' demo translation files."""
    return {
        language: {unit.source: unit.target for unit in xlifffile.parsestring(path.read_bytes()).unit_iter()}
        for app_label, path, language in translation_files()
        if app_label == "legal"
    }


def _texts(town):
    """(object, field, German text) for every non-empty translatable text of the town's legal pages."""
    return [
        (obj, field, getattr(obj, field))
        for model in MODELS
        for obj in model.objects.for_municipality(town).prefetch_related("translations")
        for field in model.translatable_fields
        if getattr(obj, field)
    ]


def test_every_legal_text_of_the_demo_is_machine_translated_into_every_language_of_the_town(town):
    languages = [code for code in town.languages if code != SOURCE]
    assert languages == DEMO_LANGUAGES
    texts = _texts(town)
    assert len(texts) == 20
    not_current = [
        (type(obj).__name__, obj.pk, field, language, status)
        for obj, field, _german in texts
        for language in languages
        if (status := status_of(obj, field, language)) != TranslationStatus.MACHINE
    ]
    assert not_current == []
    assert legal_translations(town).count() == len(texts) * len(languages)
    stale = [
        (type(obj).__name__, field, row.language)
        for obj, field, german in texts
        for row in obj.translations.all()
        if row.field == field and row.source_hash != source_hash(german)
    ]
    assert stale == []


def test_the_demo_files_hold_exactly_the_demos_german_texts(town):
    files = _demo_files()
    assert set(files) == set(DEMO_LANGUAGES)
    german = {german for _obj, _field, german in _texts(town)}
    assert all(set(by_german) == german for by_german in files.values())


def test_translations_keep_the_paragraphs_of_the_german(town):
    for language, by_german in _demo_files().items():
        for german, text in by_german.items():
            assert text.count("\n\n") == german.count("\n\n"), (language, german[:40])
            if language != "de-simple":  # Leichte Sprache puts each sentence on a line of its own
                assert text.count("\n") == german.count("\n"), (language, german[:40])


def test_a_second_run_of_the_demo_adds_no_translation(town):
    before = sorted(legal_translations(town).values_list("pk", "text", "source_hash", "state"))
    out = StringIO()
    call_command("demo", stdout=out)
    assert sorted(legal_translations(town).values_list("pk", "text", "source_hash", "state")) == before
    assert "Übersetzungen der rechtlichen Seiten" not in out.getvalue()


def test_the_admin_sees_no_translation_warning_for_the_demo_town(client_as):
    response = client_as("admin").get("/verwaltung/rechtliches/")
    assert response.status_code == 200
    assert response.context["gaps"] == 0
    page = response.content.decode()
    assert "fehlt eine Übersetzung" not in page
    assert "Übersetzung fehlt oder ist veraltet" not in page
    assert page.count("in allen Sprachen der Kommune") == 4


def _machine_label(language):
    with translation.override(language):
        label = translation.gettext("maschinell übersetzt, nicht geprüft")
    assert label != "maschinell übersetzt, nicht geprüft"
    return label


def test_the_privacy_notice_reads_in_arabic_with_the_machine_translation_label(client):
    page = client.get("/ar/datenschutz/").content.decode()
    assert '<div class="legal-text" lang="ar"><p>نحن نأخذ حماية بياناتك على محمل الجد.' in page
    assert "الغرض والأساس القانوني<br>" in page
    assert '<strong lang="ar">مسؤولة/مسؤول حماية البيانات في مدينة كورنفستهايم</strong>' in page
    assert f'<span class="translation-label">{_machine_label("ar")}</span>' in page
    assert "Wir nehmen den Schutz Ihrer Daten ernst." not in page


def test_the_imprint_reads_in_ukrainian_with_the_machine_translation_label(client):
    page = client.get("/uk/impressum/").content.decode()
    assert '<span lang="uk">Місто Корнвестгайм</span>' in page
    assert '<div class="legal-text" lang="uk"><p>Це демонстраційна інсталяція Ankommen.' in page
    assert f'<span class="translation-label">{_machine_label("uk")}</span>' in page
    assert "Dies ist eine Demo-Installation von Ankommen." not in page
