"""The demo's translations are data: one XLIFF file per app and language, loaded through the
product's own import as the system actor, and loudly refused when they no longer fit the demo."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from translate.storage.xliff import xlifffile

from ankommen.concept.models import Field
from ankommen.core import moderation, translation, xliff
from ankommen.core.actors import SystemActor
from ankommen.core.demo import load_file, translation_files
from ankommen.core.models import AuditEntry, Translation, TranslationState, source_hash
from ankommen.dialogue.models import Contribution

KEY_ID = re.compile(r"^[a-z_]+\.[a-z_]+\[[^\]]*\]:[a-z_]+:(?P<hash>[0-9a-f]{12})$")


def _units():
    """(language, unit id, German, translation, target element) of every demo file, read with translate-toolkit."""
    for _app_label, path, language in translation_files():
        for unit in xlifffile.parsestring(path.read_bytes()).unit_iter():
            yield language, unit.getid().split("\x04")[-1], unit.source, unit.target, unit.xmlelement


def _from_files(town):
    """The town's translations but those the stories' demo saves as checked by people, not from a file: its
    consent texts (a consent needs a text a person checked) and the words of the stories told in Arabic or
    Persian (an original, not a machine's)."""
    return Translation.objects.for_municipality(town).exclude(
        content_type__app_label="stories", state=TranslationState.REVIEWED
    )


def _stored(town):
    """(language, unit id by natural key, translation) of every translation of the town from the files."""
    rows = _from_files(town)
    return {
        (row.language, xliff.key_unit_id(row.content_object, row.field), row.text)
        for row in rows.prefetch_related("content_object")
    }


def _wohnen(town):
    return Field.objects.for_municipality(town).get(slug="wohnen-und-leben")


def test_every_demo_translation_is_loaded_machine_translated_and_current(town):
    in_files = {(language, unit_id, text) for language, unit_id, _source, text, _target in _units()}
    assert len(in_files) == 4047
    assert _stored(town) == in_files
    rows = _from_files(town)
    assert set(rows.values_list("state", "source_status", "updated_by")) == {
        (TranslationState.MACHINE, "current", None)
    }


def test_the_demo_files_are_xliff_1_2_that_translate_toolkit_reads(town):
    files = list(translation_files())
    assert {app_label for app_label, _path, _language in files} == {
        "circle",
        "concept",
        "council",
        "dialogue",
        "events",
        "legal",
        "seismograph",
        "stories",
    }
    for _app_label, path, language in files:
        store = xlifffile.parsestring(path.read_bytes())
        assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("de", language)
        assert store.units, path
    for _language, unit_id, source, text, element in _units():
        assert KEY_ID.match(unit_id)["hash"] == source_hash(source)[: xliff.HASH_LENGTH], unit_id
        assert text.strip()
        target = element.find(f"{{{xliff.NAMESPACE}}}target")
        assert target.get("state-qualifier") == "mt-suggestion", unit_id


def test_a_second_run_of_the_demo_imports_nothing_and_writes_no_audit_line(town):
    rows = Translation.objects.for_municipality(town)
    before = sorted(rows.values_list("pk", "text", "state", "updated_at"))
    audit_lines = AuditEntry.objects.filter(action__startswith="translation.").count()
    out = StringIO()
    call_command("demo", stdout=out)
    assert sorted(rows.values_list("pk", "text", "state", "updated_at")) == before
    assert AuditEntry.objects.filter(action__startswith="translation.").count() == audit_lines
    lines = [line for line in out.getvalue().splitlines() if "demo_translations/" in line]
    assert len(lines) == 56
    assert all(": 0 Übersetzungen importiert," in line for line in lines), lines


def test_the_first_load_writes_one_audit_line_per_file_as_the_system_on_the_town(town):
    assert not AuditEntry.objects.filter(municipality=town, action="translation.saved").exists()
    imported = AuditEntry.objects.filter(municipality=town, action="translation.imported")
    assert imported.count() == 56
    assert set(imported.values_list("actor", "actor_name", "target_type", "target_label")) == {
        (None, "", "core.municipality", "Kornwestheim")
    }
    assert sum(int(entry.details["texts"]) for entry in imported) == _from_files(town).count()


def test_a_translation_changed_in_the_running_demo_stays_when_the_demo_runs_again(town, people):
    wohnen = _wohnen(town)
    translation.save_translation(
        wohnen, "name", "uk", actor=people["uebersetzung"], text="Житло і життя", state="reviewed"
    )
    call_command("demo", stdout=StringIO())
    row = wohnen.translations.get(field="name", language="uk")
    assert (row.text, row.state) == ("Житло і життя", TranslationState.REVIEWED)


def test_a_contribution_hidden_in_the_running_demo_keeps_its_translations_when_the_demo_runs_again(
    town, people
):
    housing = Contribution.objects.for_municipality(town).get(
        title="Lange Wartezeiten auf eine Sozialwohnung"
    )
    moderation.hide(housing, moderator=people["moderation"], reason="Zum Ausprobieren")
    call_command("demo", stdout=StringIO())
    assert housing.translations.count() == 6


def test_a_demo_translation_whose_german_changed_stops_the_demo_with_the_unit_named(town):
    wohnen = _wohnen(town)
    wohnen.summary = "Wohnraum und Nachbarschaft, neu gefasst."
    wohnen.save()
    wohnen.translations.filter(field="summary").delete()  # so that the demo has to load them again
    with pytest.raises(CommandError) as error:
        call_command("demo", stdout=StringIO())
    message = str(error.value)
    assert "concept/demo_translations/ar.xlf" in message
    assert "concept.field[wohnen-und-leben]:summary:" in message
    assert "Der deutsche Text wurde nach dem Export geändert" in message
    assert not wohnen.translations.filter(field="summary").exists()


def _file(unit_id, target="Housing", language="en"):
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="{xliff.NAMESPACE}">'
        f'<file original="x" source-language="de" target-language="{language}" datatype="plaintext"><body>'
        f'<trans-unit id="{unit_id}"><source>x</source>'
        f'<target state="needs-review-translation" state-qualifier="mt-suggestion">{target}</target>'
        f"</trans-unit></body></file></xliff>"
    ).encode()


@pytest.mark.parametrize(
    "unit_id",
    [
        "concept.field[gibt-es-nicht]:name:000000000000",
        "concept.stage[wohnen-und-leben]:description:000000000000",  # a part missing
        "concept.field[]:name:000000000000",  # a field is not the town's one row
    ],
)
def test_a_demo_file_naming_a_key_the_demo_lacks_stops_the_loader_with_the_unit_named(
    town, tmp_path, unit_id
):
    path = tmp_path / "en.xlf"
    path.write_bytes(_file(unit_id))
    with pytest.raises(CommandError) as error:
        load_file(
            town,
            path,
            "en",
            actor=SystemActor.of(town),
            name="concept/demo_translations/en.xlf",
            stdout=StringIO(),
        )
    assert f"{unit_id}: Unbekannte ID" in str(error.value)
    assert "concept/demo_translations/en.xlf" in str(error.value)


def test_a_demo_file_with_markup_stops_the_loader(town, tmp_path):
    path = tmp_path / "en.xlf"
    waiting = Contribution.objects.get(municipality=town, title="Lange Wartezeiten auf eine Sozialwohnung")
    assert not waiting.translations.filter(language="en").exists()  # a text the demo has not translated
    path.write_bytes(_file(xliff.key_unit_id(waiting, "title"), target="<g id='1'>Long waits</g>"))
    with pytest.raises(CommandError, match="Auszeichnungen"):
        load_file(town, path, "en", actor=SystemActor.of(town), name="en.xlf", stdout=StringIO())
