"""The administration's hub: a tile per area, each saying what it is for and what waits there."""

import re

from ankommen.core import translation
from ankommen.core.languages import SOURCE
from ankommen.core.models import TranslationStatus
from ankommen.legal.models import BarrierReport, BarrierReportStatus


def test_the_hub_says_what_waits_in_each_area(client_as):
    page = client_as("admin").get("/verwaltung/").content.decode()
    waiting = re.findall(r'kern-badge--warning"><span class="kern-label kern-label--small">([^<]+)<', page)
    assert "1 gemeldeter Text, 1 Bitte um Überprüfung" in waiting  # the demo's report and review request
    assert "2 offene Meldungen, 1 davon überfällig" in waiting  # the demo's barrier reports
    assert any(text.endswith("Übersetzungen fehlen oder sind veraltet") for text in waiting)


def test_the_translators_count_is_what_their_pages_count_as_missing_or_outdated(town):
    languages = [language.code for language in town.active_languages if language.code != SOURCE]
    per_language = sum(
        by_status.get(TranslationStatus.MISSING, 0) + by_status.get(TranslationStatus.OUTDATED, 0)
        for code in languages
        for by_status in translation.status_counts(town, code).values()
    )
    assert per_language > 0
    assert translation.waiting_count(town, languages) == per_language


def test_a_tile_with_nothing_waiting_says_nothing_of_it(client_as, town):
    BarrierReport.objects.for_municipality(town).update(status=BarrierReportStatus.ANSWERED)
    page = client_as("admin").get("/verwaltung/").content.decode()
    assert "offene Meldung" not in page


def test_each_tile_says_what_its_area_is_for(client_as):
    page = client_as("admin").get("/verwaltung/").content.decode()
    for description in (
        "Anlegen, planen, öffnen, schließen",
        "Wer mit welchen Rollen mitarbeitet",
        "Gemeldete Beiträge prüfen",
        "Wer wann was geändert hat",
    ):
        assert f'<p class="kern-body">{description}</p>' in page


def test_the_translators_count_is_kept_until_a_text_or_a_translation_changes(town):
    """The hub's count reads every translation of the town, so it is cached; each change it depends on
    moves a scope of its key: a German text edited (its translations now outdated), a translation saved."""
    from ankommen.core.models import CURRENT, Translation, TranslationState

    languages = [language.code for language in town.active_languages if language.code != SOURCE]
    before = translation.waiting_count(town, languages)
    current = (  # of a contribution: editing one moves its field's scope, not the town's
        Translation.objects.filter(
            municipality=town,
            language__in=languages,
            source_status=CURRENT,
            content_type__model="contribution",
        )
        .exclude(state=TranslationState.IN_TRANSLATION)
        .first()
    )
    item = current.content_type.get_object_for_this_type(pk=current.object_id)
    setattr(item, current.field, getattr(item, current.field) + " Ergänzt.")
    item.save()
    edited = translation.waiting_count(town, languages)
    outdated = Translation.objects.filter(
        content_type=current.content_type, object_id=current.object_id, field=current.field
    ).count()
    assert edited == before + outdated
    current.refresh_from_db()
    current.state = TranslationState.IN_TRANSLATION
    current.save()
    assert translation.waiting_count(town, languages) == edited - 1  # being worked on counts as standing
    assert translation.waiting_count(town, languages) == sum(
        by_status.get(TranslationStatus.MISSING, 0) + by_status.get(TranslationStatus.OUTDATED, 0)
        for code in languages
        for by_status in translation.status_counts(town, code).values()
    )
