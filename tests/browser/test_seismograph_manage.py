"""The integration officer keeps the Seismograph's data in the browser, on a desk and on a phone: a
file with mistakes is named line by line, the corrected one is previewed and saved, and the import
is rolled back after a confirmation. Every page on the way is checked (axe-core, 320 px, the HTML
checker)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.seismograph.demo_values import without_demo_values

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _without_demo_values(town):
    """The officer's files are the town's first values and boundaries: the demo's are taken away."""
    without_demo_values(town)


BAD = (
    "district;period;indicator;value\n"
    "Innenstadt;2023;einwohner_gesamt;5120\n"
    "Nordstadt;2023;einwohner_gesamt;10\n"
    "Oststadt;2023;sgb2_quote;viel\n"
)
GOOD = (
    "district;period;indicator;value\n"
    "Innenstadt;2023;einwohner_gesamt;5120\n"
    "Oststadt;2023;einwohner_gesamt;4100\n"
    "Oststadt;2023;sgb2_quote;7,5\n"
)
SQUARE = (
    '{"type": "Polygon", "coordinates": [[[9.17, 48.86], [9.19, 48.86], [9.19, 48.88], [9.17, 48.88], '
    "[9.17, 48.86]]]}"
)


def _file(name, text, mime="text/csv"):
    return {"name": name, "mimeType": mime, "buffer": text.encode()}


def _click(page, button):
    with page.expect_navigation():
        button.click()


@pytest.mark.parametrize("width", [1280, 320])
def test_a_file_is_corrected_previewed_saved_and_rolled_back(audit, site, town, width):
    from ankommen.seismograph.models import ImportRun, ImportStatus, Observation

    page = audit.page
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, site, "admin")

    audit.visit("/verwaltung/")
    _click(page, page.locator("main").get_by_role("link", name="Seismograph", exact=True))
    expect(page.get_by_role("heading", name="Seismograph verwalten", level=1)).to_be_visible()
    audit.check("die Übersicht des Seismographen")

    areas = page.get_by_role("navigation", name="Seismograph verwalten")
    _click(page, areas.get_by_role("link", name="Werte importieren"))
    expect(areas.get_by_role("link", name="Werte importieren")).to_have_attribute("aria-current", "page")
    audit.check("Werte importieren")

    # A file with mistakes: each named at its line and column, nothing saved, no button that saves.
    page.get_by_label("Datei mit Werten (CSV oder Excel)").set_input_files(_file("werte.csv", BAD))
    _click(page, page.locator("main form").get_by_role("button", name="Datei prüfen"))
    expect(page.get_by_text("Die Datei hat 2 Probleme. Gespeichert wurde nichts.")).to_be_visible()
    problems = page.get_by_role("region", name="Probleme der Datei")
    expect(problems.get_by_role("row").nth(1)).to_contain_text(
        re.compile(r"3\s*district\s*Unbekannter Stadtteil „Nordstadt“")
    )
    expect(problems.get_by_role("row").nth(2)).to_contain_text(re.compile(r"4\s*value\s*Keine Zahl: „viel“"))
    expect(page.get_by_role("button", name="Werte speichern")).to_have_count(0)
    audit.check("die Vorschau einer Datei mit Fehlern")
    assert not ImportRun.objects.exists()

    # The corrected file, from the same page: previewed, then saved.
    page.get_by_label("Datei mit Werten (CSV oder Excel)").set_input_files(_file("werte.csv", GOOD))
    _click(page, page.get_by_role("button", name="Datei prüfen"))
    expect(page.get_by_text("3 Werte sind neu.")).to_be_visible()
    expect(page.get_by_role("region", name="Die ersten Werte der Datei, bisher und neu")).to_contain_text(
        "5.120"
    )
    audit.check("die Vorschau einer richtigen Datei")
    assert not ImportRun.objects.exists()
    _click(page, page.get_by_role("button", name="Werte speichern"))
    expect(
        page.get_by_text("„werte.csv“ ist gespeichert: 3 Werte, davon 3 neu, 0 geändert, 0 unverändert.")
    ).to_be_visible()
    audit.check("die Importe nach dem Speichern")
    run = ImportRun.objects.get()
    assert Observation.objects.filter(import_run=run).count() == 3

    # Rolled back after a confirmation that says what will happen.
    _click(page, page.get_by_role("link", name=re.compile(r"^Zurücknehmen\W+werte\.csv")))
    expect(page.get_by_text("3 Werte dieses Imports werden entfernt.")).to_be_visible()
    expect(page.get_by_text("0 frühere Werte, die der Import ersetzt hat, gelten wieder.")).to_be_visible()
    audit.check("die Bestätigung vor dem Zurücknehmen")
    _click(page, page.get_by_role("button", name="Ja, Import zurücknehmen"))
    expect(page.get_by_text("Der Import „werte.csv“ ist zurückgenommen. 3 Werte entfernt.")).to_be_visible()
    audit.check("die Importe nach dem Zurücknehmen")
    run.refresh_from_db()
    assert run.status == ImportStatus.ROLLED_BACK
    assert not Observation.objects.exists()
    audit.assert_clean()


def test_districts_indicators_and_thresholds_are_kept_in_the_browser(audit, site, town):
    from ankommen.concept.models import District
    from ankommen.seismograph.models import DistrictShape, Indicator, SeismographSettings

    page = audit.page
    log_in(page, site, "admin")
    audit.visit("/verwaltung/seismograph/stadtteile/")
    _click(page, page.get_by_role("link", name=re.compile(r"^Grenze hochladen\W+Innenstadt")))
    audit.check("die Grenze eines Stadtteils")
    page.get_by_label("GeoJSON-Datei").set_input_files(
        _file("innenstadt.geojson", '{"type": "Point"}', "application/json")
    )
    _click(page, page.get_by_role("button", name="Grenze hochladen"))
    expect(page.locator("#id_geojson_error")).to_contain_text(
        "Bitte eine Fläche angeben: GeoJSON vom Typ Polygon oder MultiPolygon."
    )
    audit.check("die Grenze eines Stadtteils, mit einem Fehler")
    page.get_by_label("GeoJSON-Datei").set_input_files(
        _file("innenstadt.geojson", SQUARE, "application/json")
    )
    _click(page, page.get_by_role("button", name="Grenze hochladen"))
    expect(page.get_by_text("Die Grenze des Stadtteils „Innenstadt“ ist gespeichert.")).to_be_visible()
    assert DistrictShape.objects.filter(district__name="Innenstadt").exists()

    _click(page, page.get_by_role("link", name="Stadtteil anlegen"))
    page.get_by_label("Name").fill("Nordstadt")
    _click(page, page.locator("main form").get_by_role("button", name="Speichern"))
    expect(page.get_by_text("Der Stadtteil „Nordstadt“ ist angelegt.")).to_be_visible()
    assert District.objects.filter(municipality=town, name="Nordstadt").exists()

    audit.visit("/verwaltung/seismograph/indikatoren/")
    _click(page, page.get_by_role("link", name="SGB-II-Quote", exact=True))
    audit.check("ein Indikator")
    page.get_by_label("Quelle").fill("Jobcenter Landkreis Ludwigsburg")
    _click(page, page.locator("main form").get_by_role("button", name="Speichern"))
    expect(page.get_by_text("Der Indikator „SGB-II-Quote“ ist gespeichert.")).to_be_visible()
    assert (
        Indicator.objects.get(municipality=town, key="sgb2_quote").source == "Jobcenter Landkreis Ludwigsburg"
    )
    audit.visit("/verwaltung/seismograph/indikatoren/neu/")

    audit.visit("/verwaltung/seismograph/einstellungen/")
    page.get_by_label("Abstand vom Durchschnitt der Stadtteile (in Standardabweichungen)").fill("2,5")
    _click(page, page.locator("main form").get_by_role("button", name="Speichern"))
    expect(page.get_by_text("Die Schwellen für Warnsignale sind gespeichert")).to_be_visible()
    audit.check("die Schwellen, gespeichert")
    assert SeismographSettings.of(town).z_threshold == 2.5
    audit.assert_clean()
