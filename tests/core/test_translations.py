"""Translated content: states move as specified, readers see how a text was translated."""

import pytest
from django.utils import translation as django_translation

from ankommen.concept.models import Field
from ankommen.core import translation
from ankommen.core.models import Municipality, Translation, TranslationStatus
from ankommen.dialogue.models import Contribution
from tests.conftest import remove_translations

LANGUAGES = ["de", "de-simple", "en", "tr", "ar", "uk", "ru", "fa"]


@pytest.fixture(autouse=True)
def no_translations_yet(town):
    """The demo comes with translations of its own; these tests start from none."""
    remove_translations()


@pytest.fixture(autouse=True)
def town_offers_languages(town):
    Municipality.objects.filter(pk=town.pk).update(languages=LANGUAGES)
    town.refresh_from_db()


@pytest.fixture
def wohnen(town):
    return Field.objects.get(municipality=town, slug="wohnen-und-leben")


def _status(obj, field, language):
    return translation.status_of(type(obj).objects.get(pk=obj.pk), field, language)


def test_text_without_translation_is_missing_and_reads_in_german_with_a_notice(client, wohnen):
    assert _status(wohnen, "summary", "ar") == TranslationStatus.MISSING
    page = client.get("/ar/handlungsfelder/wohnen-und-leben/").content.decode()
    assert (
        '<p class="lead user-text" lang="de">Wohnraum, Nachbarschaft und Begegnung in den Stadtteilen.</p>'
        in page
    )


def test_reviewed_translation_is_shown_without_label(client, wohnen, people):
    translation.save_translation(
        wohnen, "summary", "en", actor=people["admin"], text="Housing and neighbourhoods.", state="reviewed"
    )
    assert _status(wohnen, "summary", "en") == TranslationStatus.REVIEWED
    page = client.get("/en/handlungsfelder/wohnen-und-leben/").content.decode()
    assert '<p class="lead user-text" lang="en">Housing and neighbourhoods.</p>' in page
    assert "machine-translated" not in page


def test_editing_the_german_source_marks_every_translation_outdated(client, wohnen, people):
    for language in ("en", "uk"):
        translation.save_translation(
            wohnen, "summary", language, actor=people["admin"], text="x", state="reviewed"
        )
    wohnen.summary = "Wohnen, Nachbarschaft und Begegnung."
    wohnen.save()
    assert _status(wohnen, "summary", "en") == TranslationStatus.OUTDATED
    assert _status(wohnen, "summary", "uk") == TranslationStatus.OUTDATED
    assert _status(wohnen, "name", "en") == TranslationStatus.MISSING


def test_reviewing_again_clears_outdated(wohnen, people):
    translation.save_translation(
        wohnen, "summary", "en", actor=people["admin"], text="Old.", state="reviewed"
    )
    wohnen.summary = "Neu."
    wohnen.save()
    translation.save_translation(
        wohnen, "summary", "en", actor=people["admin"], text="New.", state="reviewed"
    )
    assert _status(wohnen, "summary", "en") == TranslationStatus.REVIEWED


def test_machine_translation_is_never_shown_without_its_label(client, wohnen, people):
    translation.store_machine_translation(
        wohnen, "summary", "uk", actor=people["admin"], text="Житло та сусідство."
    )
    assert Translation.objects.get(language="uk", field="summary").state == "machine"
    with django_translation.override("uk"):
        rendering = translation.translated(Field.objects.get(pk=wohnen.pk), "summary")
    assert rendering.is_machine
    page = client.get("/uk/handlungsfelder/wohnen-und-leben/").content.decode()
    assert "Житло та сусідство." in page
    assert "translation-label" in page


def test_machine_translation_stays_machine_until_a_person_reviews_it(wohnen, people):
    translation.store_machine_translation(wohnen, "summary", "en", actor=people["admin"], text="Machine.")
    translation.store_machine_translation(
        wohnen, "summary", "en", actor=people["admin"], text="Machine again."
    )
    assert _status(wohnen, "summary", "en") == TranslationStatus.MACHINE
    translation.save_translation(
        wohnen, "summary", "en", actor=people["admin"], text="Checked.", state="reviewed"
    )
    assert _status(wohnen, "summary", "en") == TranslationStatus.REVIEWED


def test_translation_in_progress_is_not_shown_to_readers(wohnen, people):
    translation.save_translation(
        wohnen, "summary", "en", actor=people["admin"], text="Draft", state="in_translation"
    )
    with django_translation.override("en"):
        rendering = translation.translated(Field.objects.get(pk=wohnen.pk), "summary")
    assert rendering.text.startswith("Wohnraum")
    assert rendering.lang == "de"
    assert rendering.is_fallback


def test_leichte_sprache_is_only_called_so_when_checked_by_the_target_group(client, wohnen, people):
    translation.save_translation(
        wohnen,
        "summary",
        "de-simple",
        actor=people["admin"],
        text="Hier geht es um Wohnungen.",
        state="reviewed",
    )
    page = client.get("/de-simple/handlungsfelder/wohnen-und-leben/").content.decode()
    assert "Hier geht es um Wohnungen." in page
    assert "translation-label" in page
    translation.save_translation(
        wohnen,
        "summary",
        "de-simple",
        actor=people["admin"],
        text="Hier geht es um Wohnungen.",
        state="reviewed",
        checked_by_target_group=True,
    )
    page = client.get("/de-simple/handlungsfelder/wohnen-und-leben/").content.decode()
    summary = page.split('class="lead user-text"', 1)[1].split("</p>", 2)
    assert "translation-label" not in summary[1][:200]


def test_only_translators_and_staff_may_translate(wohnen, people):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        translation.save_translation(
            wohnen, "summary", "en", actor=people["mitglied"], text="x", state="reviewed"
        )
    assert not Translation.objects.exists()


def test_status_counts_per_language(town, wohnen, people):
    translation.save_translation(wohnen, "summary", "en", actor=people["admin"], text="x", state="reviewed")
    translation.store_machine_translation(wohnen, "name", "en", actor=people["admin"], text="Housing")
    counts = translation.status_counts(town, "en")
    totals = {}
    for by_status in counts.values():
        for status, number in by_status.items():
            totals[status] = totals.get(status, 0) + number
    assert totals["reviewed"] == 1
    assert totals["machine"] == 1
    assert totals["missing"] > 20


def test_contribution_list_reads_translated_titles_in_one_query_per_kind(client, town, people):
    contribution = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    translation.save_translation(
        contribution, "title", "ar", actor=people["admin"], text="مقهى اللقاء في مركز الحي", state="reviewed"
    )
    page = client.get("/ar/handlungsfelder/wohnen-und-leben/").content.decode()
    assert '<span lang="ar">مقهى اللقاء في مركز الحي</span>' in page


def test_the_counts_agree_with_the_state_of_every_single_text(town, people):
    """`status_counts` counts from the translations alone; the per-text rule must give the same numbers."""
    from collections import Counter
    from importlib import import_module

    from django.db import connection

    from ankommen.concept.models import Field, Stage
    from ankommen.core.models import TranslationStatus
    from ankommen.core.moderation import hide
    from ankommen.core.translation import save_translation, status_counts, texts_with_status

    translator = people["uebersetzung"]
    field = Field.objects.get(municipality=town, slug="wohnen-und-leben")
    save_translation(field, "name", "en", actor=translator, text="Housing", state="in_translation")
    save_translation(field, "description", "en", actor=translator, text="Old", state="reviewed")
    field.name, field.description = "Wohnen", "Neu beschrieben"  # the name in translation, the text outdated
    field.save()
    stage = Stage.objects.filter(field=field).first()
    save_translation(stage, "description", "en", actor=translator, text="Stage", state="reviewed")
    stage.description = ""  # no German left: the translation no longer counts
    stage.save()
    café = Contribution.objects.get(municipality=town, title="Begegnungscafé im Stadtteilzentrum")
    save_translation(café, "title", "en", actor=translator, text="Café", state="reviewed")

    def agree():
        for language in ("en", "ar", "uk", "fa"):
            rows = texts_with_status(town, language, statuses=TranslationStatus.values, limit=100_000)
            expected = {}
            for (content_type_id, status), number in Counter((row[0], row[3]) for row in rows).items():
                expected.setdefault(content_type_id, {})[status] = number
            assert status_counts(town, language) == expected, language

    agree()
    hide(café, moderator=people["moderation"], reason="Werbung")  # withdrawn from translators
    agree()
    café.hidden_at = None  # offered again, as it was
    café.save()
    agree()
    stage.description = "Wieder da"  # German again, but not the German the translation was made from
    stage.save()
    agree()
    Translation.objects.update(source_status="current")  # what the migration starts from
    with connection.cursor() as cursor:
        cursor.execute(
            import_module("ankommen.core.migrations.0005_translation_source_status").SET_SOURCE_STATUS
        )
    agree()
