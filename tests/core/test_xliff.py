"""XLIFF for translation agencies: an export re-saved by an independent tool imports cleanly;
each kind of broken file gives the right report and changes nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from translate.storage.xliff import xlifffile

from ankommen.concept.models import Field
from ankommen.core import translation, xliff
from ankommen.core.actors import SystemActor
from ankommen.core.models import Municipality, Translation
from ankommen.dialogue.models import Contribution, ContributionKind, FindingKind
from tests.conftest import remove_translations

NS = "urn:oasis:names:tc:xliff:document:1.2"


@pytest.fixture(autouse=True)
def no_translations_yet(town):
    """The demo comes with translations of its own; these tests start from none."""
    remove_translations()


@pytest.fixture(autouse=True)
def town_offers_languages(town):
    Municipality.objects.filter(pk=town.pk).update(languages=["de", "en", "ar"])
    town.refresh_from_db()


@pytest.fixture
def wohnen(town):
    return Field.objects.get(municipality=town, slug="wohnen-und-leben")


def _translated_by_a_tool(data, prefix="EN: "):
    """Open the export with translate-toolkit, fill every target, save it again."""
    store = xlifffile.parsestring(data)
    for unit in store.units:
        if unit.isheader():
            continue
        unit.target = prefix + unit.source
    return bytes(store)


def _unit(unit_id, target, source="x"):
    return _units((unit_id, target, ""), source=source)


def _units(*units, source="x"):
    """A file of units (id, target, attributes of the target)."""
    body = "".join(
        f'<trans-unit id="{unit_id}"><source>{source}</source><target{attributes}>{target}</target></trans-unit>'
        for unit_id, target, attributes in units
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><xliff version="1.2" xmlns="{NS}"><file original="x" '
        f'source-language="de" target-language="en" datatype="plaintext"><body>{body}</body></file></xliff>'
    ).encode()


def test_export_holds_missing_and_outdated_texts(town, wohnen, people):
    translation.save_translation(
        wohnen, "name", "en", actor=people["admin"], text="Housing", state="reviewed"
    )
    translation.save_translation(wohnen, "summary", "en", actor=people["admin"], text="Old", state="reviewed")
    wohnen.summary = "Neu gefasst."
    wohnen.save()
    store = xlifffile.parsestring(xliff.export(town, "en"))
    units = {unit.getid().split("\x04")[-1]: unit for unit in store.units if not unit.isheader()}
    assert units[xliff.unit_id(wohnen, "summary")].target == "Old"  # the outdated one, to revise
    assert xliff.unit_id(wohnen, "name") not in units  # reviewed and current
    assert store.gettargetlanguage() == "en"


def test_export_resaved_by_translate_toolkit_imports_cleanly(town, people):
    data = _translated_by_a_tool(xliff.export(town, "en"))
    report = xliff.apply(town, "en", data, actor=people["admin"])
    assert report.problems == []
    assert len(report.items) == Translation.objects.filter(language="en").count() > 50
    assert set(Translation.objects.filter(language="en").values_list("state", flat=True)) == {"reviewed"}
    assert b"<trans-unit" not in xliff.export(town, "en"), "nothing is missing or outdated any more"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"das ist kein XML", "kein gültiges XML"),
        (b'<?xml version="1.0"?><html/>', "keine XLIFF-1.2-Datei"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><xliff/>',
            "nicht erlaubte XML-Konstrukte",
        ),
        (_unit("concept.field:999999:summary:000000000000", "x"), "Unbekannte ID"),
        (_unit("nonsense", "x"), "Unbekannte ID"),
        (_unit("accounts.user:1:email:000000000000", "x"), "Unbekannte ID"),
    ],
)
def test_broken_files_give_a_report_and_change_nothing(town, people, data, message):
    report = xliff.apply(town, "en", data, actor=people["admin"])
    assert not report.importable
    assert any(message in problem for _unit_id, problem in report.problems), report.problems
    assert not Translation.objects.exists()


def test_file_for_another_language_is_refused(town, people):
    data = _translated_by_a_tool(xliff.export(town, "ar"))
    report = xliff.apply(town, "en", data, actor=people["admin"])
    assert "nicht für „en“" in report.problems[0][1]
    assert not Translation.objects.exists()


def test_source_changed_after_export_is_reported(town, wohnen, people):
    data = _translated_by_a_tool(xliff.export(town, "en"))
    wohnen.summary = "Nach dem Export geändert."
    wohnen.save()
    report = xliff.apply(town, "en", data, actor=people["admin"])
    changed = [unit for unit, problem in report.problems if "nach dem Export geändert" in problem]
    assert [unit.split(":")[:3] for unit in changed] == [["concept.field", str(wohnen.pk), "summary"]]
    assert not Translation.objects.exists(), "all or nothing: the good units were not imported either"


@pytest.mark.parametrize(
    ("target", "message"),
    [("<g id='1'>Housing</g>", "Auszeichnungen (g)"), ("&lt;b&gt;Housing&lt;/b&gt;", "enthält HTML")],
)
def test_markup_in_a_translation_is_reported(town, wohnen, people, target, message):
    data = _unit(xliff.unit_id(wohnen, "summary"), target)
    report = xliff.apply(town, "en", data, actor=people["admin"])
    assert message in report.problems[0][1]
    assert not Translation.objects.exists()


def test_upload_shows_a_preview_and_imports_on_confirmation(client_as, town, wohnen):
    client = client_as("uebersetzung")
    data = _unit(xliff.unit_id(wohnen, "summary"), "Housing and neighbourhood.")
    response = client.post(
        "/verwaltung/uebersetzungen/en/import/", {"file": SimpleUploadedFile("en.xlf", data)}
    )
    page = response.content.decode()
    assert "Vorschau" in page
    assert "Housing and neighbourhood." in page
    assert not Translation.objects.exists()
    token = response.context["token"]
    client.post("/verwaltung/uebersetzungen/en/import/", {"token": token})
    assert Translation.objects.get(field="summary", language="en").text == "Housing and neighbourhood."


def test_upload_with_problems_offers_no_import(client_as, town):
    response = client_as("uebersetzung").post(
        "/verwaltung/uebersetzungen/en/import/", {"file": SimpleUploadedFile("en.xlf", b"kaputt")}
    )
    assert response.status_code == 400
    assert response.context["token"] is None
    assert "Es wurde nichts importiert." in response.content.decode()


def test_export_download_is_for_translators_only(client_as, town):
    assert client_as("mitglied").get("/verwaltung/uebersetzungen/en/xliff/").status_code == 403
    response = client_as("uebersetzung").get("/verwaltung/uebersetzungen/en/xliff/")
    assert response["Content-Disposition"] == 'attachment; filename="ankommen-kornwestheim-en.xlf"'


@pytest.fixture
def outdated(wohnen, people):
    """Name machine-translated and summary reviewed, both before the German changed."""
    translation.store_machine_translation(wohnen, "name", "en", actor=people["admin"], text="Housing")
    translation.save_translation(wohnen, "summary", "en", actor=people["admin"], text="Old", state="reviewed")
    wohnen.name = "Wohnen und Zusammenleben"
    wohnen.summary = "Neu gefasst."
    wohnen.save()
    return {row.field: row for row in Translation.objects.filter(object_id=wohnen.pk, language="en")}


def _rows(wohnen):
    return {
        row.field: (row.text, row.state, row.source_hash, row.updated_at)
        for row in Translation.objects.filter(object_id=wohnen.pk, language="en")
    }


def test_reimporting_an_unchanged_export_changes_nothing(town, wohnen, people, outdated):
    before = _rows(wohnen)
    for data in (xliff.export(town, "en"), bytes(xlifffile.parsestring(xliff.export(town, "en")))):
        report = xliff.apply(town, "en", data, actor=people["admin"])
        assert report.problems == []
        assert report.items == []
        assert report.unchanged == 2
        assert _rows(wohnen) == before
    assert translation.status_of(wohnen, "name", "en") == "outdated"
    assert translation.status_of(wohnen, "summary", "en") == "outdated"


def test_changed_target_is_imported_as_reviewed_for_the_current_german(town, wohnen, people, outdated):
    data = xliff.export(town, "en").replace(b">Old<", b">Newly worded<")
    report = xliff.apply(town, "en", data, actor=people["admin"])
    assert [(field, text) for _obj, field, _source, text in report.items] == [("summary", "Newly worded")]
    assert report.unchanged == 1
    assert translation.status_of(wohnen, "summary", "en") == "reviewed"
    assert translation.status_of(wohnen, "name", "en") == "outdated"


@pytest.mark.parametrize("state", ["translated", "signed-off", "final"])
def test_unchanged_target_marked_as_done_confirms_it(town, wohnen, people, outdated, state):
    data = xliff.export(town, "en").replace(b'state="needs-review-translation"', f'state="{state}"'.encode())
    report = xliff.apply(town, "en", data, actor=people["admin"])
    assert len(report.items) == 2
    assert translation.status_of(wohnen, "name", "en") == "reviewed"
    assert translation.status_of(wohnen, "summary", "en") == "reviewed"
    assert Translation.objects.get(object_id=wohnen.pk, field="summary", language="en").text == "Old"


def test_preview_says_how_many_texts_stay_unchanged(client_as, town, wohnen, outdated):
    data = xliff.export(town, "en").replace(b">Old<", b">Newly worded<")
    response = client_as("uebersetzung").post(
        "/verwaltung/uebersetzungen/en/import/", {"file": SimpleUploadedFile("en.xlf", data)}
    )
    page = response.content.decode()
    assert "1 Übersetzung wird importiert." in page
    assert "1 Übersetzung ist unverändert und bleibt, wie sie ist." in page


@pytest.mark.parametrize("qualifier", ["mt-suggestion", "leveraged-mt"])
def test_a_target_an_agency_marks_as_machine_made_is_stored_as_machine_translated(
    town, wohnen, people, qualifier
):
    data = _units(
        (xliff.unit_id(wohnen, "name"), "Housing", f' state="translated" state-qualifier="{qualifier}"'),
        (xliff.unit_id(wohnen, "summary"), "Homes and neighbours", ' state="translated"'),
    )
    report = xliff.apply(town, "en", data, actor=people["uebersetzung"])
    assert report.problems == []
    assert translation.status_of(wohnen, "name", "en") == "machine"
    assert translation.status_of(wohnen, "summary", "en") == "reviewed"


def test_a_unit_named_by_its_natural_key_imports_even_with_an_awkward_title(town, wohnen, people):
    contribution = Contribution.objects.create(
        municipality=town,
        field=wohnen,
        stage=wohnen.stages.get(kind="stocktaking"),
        kind=ContributionKind.FINDING,
        finding_kind=FindingKind.NEED,
        title="Wohnen/Leben: 50 % mehr [sic]",
        body="Ein Text.",
        author=people["expertin"],
    )
    unit_id = xliff.key_unit_id(contribution, "title")
    assert unit_id.startswith(
        "dialogue.contribution[wohnen-und-leben/Wohnen%2FLeben%3A 50 %25 mehr %5Bsic%5D]:title:"
    )
    data = bytes(xlifffile.parsestring(_unit(unit_id, "Living/housing: 50 % more [sic]")))
    report = xliff.apply(town, "en", data, actor=people["uebersetzung"])
    assert report.problems == []
    assert contribution.translations.get(language="en").text == "Living/housing: 50 % more [sic]"


def test_keeping_existing_translations_counts_them_unchanged_whatever_the_file_says(town, wohnen, people):
    translation.save_translation(
        wohnen, "name", "en", actor=people["admin"], text="Housing", state="reviewed"
    )
    data = _units(
        (xliff.key_unit_id(wohnen, "name"), "Living", ' state="final"'),
        (xliff.key_unit_id(wohnen, "summary"), "Homes and neighbours", ""),
    )
    report = xliff.apply(town, "en", data, actor=SystemActor.of(town), keep_existing=True)
    assert report.unchanged == 1
    assert [field for _obj, field, _source, _text in report.items] == ["summary"]
    assert wohnen.translations.get(field="name", language="en").text == "Housing"


def test_the_system_imports_in_its_own_town_only(town, other_town, wohnen):
    data = _unit(xliff.key_unit_id(wohnen, "summary"), "Homes and neighbours")
    with pytest.raises(PermissionDenied):
        xliff.apply(town, "en", data, actor=SystemActor.of(other_town))
    report = xliff.apply(town, "en", data, actor=SystemActor.of(town))
    assert report.problems == []
    row = wohnen.translations.get(field="summary", language="en")
    assert (row.text, row.state, row.updated_by) == ("Homes and neighbours", "reviewed", None)


def test_a_first_translation_imported_is_found_by_search_and_moves_the_cached_pages(town, wohnen, people):
    from ankommen.core.cache import town_scope, versions
    from ankommen.core.models import SearchEntry

    finding = Contribution.objects.for_municipality(town).filter(kind=ContributionKind.FINDING).first()
    before = versions(town_scope(town.pk))
    data = _units(
        (xliff.key_unit_id(finding, "title"), "Homes, neighbours and streets", ' state="translated"')
    )
    report = xliff.apply(town, "en", data, actor=people["uebersetzung"])
    assert report.problems == []
    entry = SearchEntry.objects.get(object_id=finding.pk, field="title", language="en")
    assert (entry.text, entry.folded) == ("Homes, neighbours and streets", "homes, neighbours and streets")
    assert versions(town_scope(town.pk)) != before


def test_units_named_by_natural_keys_resolve_together_and_a_key_nobody_has_is_reported(town, wohnen, people):
    stages = list(wohnen.stages.all())
    data = _units(
        *[(xliff.key_unit_id(stage, "description"), f"Stage {stage.kind}", "") for stage in stages],
        ("concept.stage[wohnen-und-leben/nirgends]:description:000000000000", "Nowhere", ""),
    )
    report = xliff.check(town, "en", data)
    assert {obj for obj, *_rest in report.items} == set(stages)
    assert [unit for unit, _problem in report.problems] == [
        "concept.stage[wohnen-und-leben/nirgends]:description:000000000000"
    ]
