"""The Seismograph's administration as the integration officer uses it: the overview, districts and
their boundaries, the indicator catalogue, the thresholds of the warnings — each page as the admin,
with the trail and the area marked, tables that fold into cards on a phone, bad input named at its
field with nothing written, and every change in the audit log in plain German."""

import json

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ankommen.concept.models import District
from ankommen.core.actors import SystemActor
from ankommen.core.models import AuditEntry
from ankommen.seismograph.models import DistrictShape, Indicator, SeismographSettings
from ankommen.seismograph.services import import_observations
from tests.permissions import assert_nothing_written, snapshot
from tests.seismograph.cases_manage import SQUARE, indicator_data, new_indicator_data
from tests.seismograph.demo_values import without_demo_values


@pytest.fixture(autouse=True)
def _without_demo_values(town):
    """These tests count values, boundaries and warnings from none: the demo's are taken away first."""
    without_demo_values(town)


ROOT = "/verwaltung/seismograph/"


def text_of(response):
    return " ".join(lxml.html.fromstring(response.content).text_content().split())


def document(response):
    return lxml.html.fromstring(response.content)


def error_at(response, field):
    found = document(response).xpath(f"//*[@id='id_{field}_error']")
    return " ".join(found[0].text_content().split()) if found else None


def table_rows(response, table_id):
    table = document(response).get_element_by_id(table_id).getparent()
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./td|./th")]
        for row in table.xpath(".//tbody/tr")
    ]


def audited(action):
    return AuditEntry.objects.filter(action=action).order_by("-pk").first()


@pytest.fixture
def admin(client_as):
    return client_as("admin")


# --- the overview, the hub, the trail ------------------------------------------------------------------


def test_the_overview_counts_what_the_town_holds(admin, town):
    import_observations(
        town,
        b"district,period,indicator,value\nInnenstadt,2023,einwohner_gesamt,5120\n",
        "werte.csv",
        actor=SystemActor.of(town),
    )
    page = admin.get(ROOT)
    assert page.status_code == 200
    text = text_of(page)
    districts = District.objects.for_municipality(town).count()
    indicators = Indicator.objects.for_municipality(town).count()
    assert f"{districts} Stadtteile – 0 mit Grenze für die Karte" in text
    assert f"{indicators} Indikatoren" in text
    assert "1 aktueller Wert" in text
    assert "Zuletzt: „werte.csv“ am" in text
    assert "Abweichung ab 2 Standardabweichungen; 3 Zeiträume in Folge gegen die Stadt" in text
    links = set(document(page).xpath("//main//a/@href"))
    assert {
        f"{ROOT}stadtteile/",
        f"{ROOT}indikatoren/",
        f"{ROOT}importe/neu/",
        f"{ROOT}importe/",
        f"{ROOT}einstellungen/",
    } <= links


def test_the_hub_has_a_tile_for_the_seismograph(admin):
    hub = document(admin.get("/verwaltung/"))
    assert hub.xpath(f"//main//a[@href='{ROOT}' and normalize-space()='Seismograph']")


def test_every_page_has_the_trail_and_marks_its_area(admin, town):
    district = District.objects.for_municipality(town).get(name="Innenstadt")
    for path, area, current in [
        (ROOT, "Übersicht", "page"),
        (f"{ROOT}stadtteile/", "Stadtteile", "page"),
        (f"{ROOT}stadtteile/{district.pk}/grenze/", "Stadtteile", "true"),
        (f"{ROOT}indikatoren/neu/", "Indikatoren", "true"),
        (f"{ROOT}importe/neu/", "Werte importieren", "page"),
        (f"{ROOT}importe/", "Importe", "page"),
        (f"{ROOT}einstellungen/", "Schwellen für Warnsignale", "page"),
    ]:
        page = document(admin.get(path))
        trail = [
            " ".join(link.text_content().split()) for link in page.xpath("//nav[@class='breadcrumbs']//a")
        ]
        assert trail == ["Start", "Verwaltung", "Seismograph"] if path != ROOT else ["Start", "Verwaltung"], (
            path
        )
        marked = page.xpath("//nav[@aria-label='Seismograph verwalten']//a[@aria-current]")
        assert [(link.text_content(), link.get("aria-current")) for link in marked] == [(area, current)], path


def test_the_lists_fold_into_cards_on_a_phone(admin):
    """Each cell carries its column's heading, which a phone shows above the value (`{% kern_table %}`)."""
    page = document(admin.get(f"{ROOT}indikatoren/"))
    cells = page.xpath("//table//tbody//td")
    assert cells and all(cell.get("data-label") for cell in cells)
    assert {"Schlüssel", "Einheit", "Werte"} <= {cell.get("data-label") for cell in cells}


# --- districts ------------------------------------------------------------------------------------------


def test_the_districts_list_says_which_have_a_boundary_and_how_many_values(admin, town):
    inner = District.objects.for_municipality(town).get(name="Innenstadt")
    DistrictShape.objects.create(municipality=town, district=inner, geojson=SQUARE)
    import_observations(
        town,
        b"district,period,indicator,value\nInnenstadt,2023,einwohner_gesamt,5120\nInnenstadt,2022,einwohner_gesamt,5000\n",
        "werte.csv",
        actor=SystemActor.of(town),
    )
    rows = {row[0]: row for row in table_rows(admin.get(f"{ROOT}stadtteile/"), "stadtteile-tabelle")}
    assert rows["Innenstadt"][1] == "vorhanden" and rows["Innenstadt"][3] == "2"
    assert rows["Oststadt"][1] == "fehlt" and rows["Oststadt"][3] == "0"
    assert rows["Oststadt"][2] == "Bearbeiten: Oststadt Grenze hochladen : Oststadt"


def test_a_district_is_added_and_renamed_and_audited(admin, town):
    response = admin.post(f"{ROOT}stadtteile/neu/", {"name": "Nordstadt", "position": "9"}, follow=True)
    assert "Der Stadtteil „Nordstadt“ ist angelegt." in text_of(response)
    north = District.objects.for_municipality(town).get(name="Nordstadt")
    admin.post(f"{ROOT}stadtteile/{north.pk}/", {"name": "Nordstadt-Ost", "position": "9"})
    north.refresh_from_db()
    assert north.name == "Nordstadt-Ost"
    assert audited("district.saved").details["changes"] == {"name": ["Nordstadt", "Nordstadt-Ost"]}
    assert "Stadtteil gespeichert" in text_of(admin.get("/verwaltung/protokoll/"))


def test_a_second_district_of_the_same_name_is_refused_at_the_name(admin, town):
    before = snapshot()
    response = admin.post(f"{ROOT}stadtteile/neu/", {"name": "  innenSTADT ", "position": "9"})
    assert response.status_code == 400
    assert error_at(response, "name") == "Den Stadtteil „Innenstadt“ gibt es schon."
    assert_nothing_written(before)


def _geojson(data, name="grenze.geojson"):
    return SimpleUploadedFile(name, json.dumps(data).encode() if not isinstance(data, bytes) else data)


def test_a_boundary_is_uploaded_and_replaced(admin, town):
    inner = District.objects.for_municipality(town).get(name="Innenstadt")
    address = f"{ROOT}stadtteile/{inner.pk}/grenze/"
    assert "Der Stadtteil hat noch keine Grenze" in text_of(admin.get(address))
    response = admin.post(
        address, {"geojson": _geojson({"type": "Feature", "properties": {}, "geometry": SQUARE})}
    )
    assert response.status_code == 302
    assert DistrictShape.objects.get(district=inner).geometry == SQUARE
    assert audited("district.boundary_added").target_id == inner.pk
    assert "Der Stadtteil hat eine Grenze: Polygon mit 5 Punkten." in text_of(admin.get(address))

    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {**SQUARE, "type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]},
            }
        ],
    }
    admin.post(address, {"geojson": _geojson(collection)})
    assert DistrictShape.objects.get(district=inner).geometry["type"] == "MultiPolygon"
    assert audited("district.boundary_replaced").details["shape"] == "MultiPolygon"
    assert "Grenze eines Stadtteils ersetzt" in text_of(admin.get("/verwaltung/protokoll/"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'{"type": "Polygon", "coordinates": [[[9.1, 48.8],',
            "Die Datei ist kein gültiges JSON: Zeile 1, Spalte",
        ),
        (b"\xff\xfe{", "Die Datei ist kein Text in UTF-8 und damit kein GeoJSON."),
        (
            json.dumps({"type": "Point", "coordinates": [9.1, 48.8]}).encode(),
            "Bitte eine Fläche angeben: GeoJSON vom Typ Polygon oder MultiPolygon.",
        ),
        (json.dumps({"type": "Polygon", "coordinates": []}).encode(), "Die Fläche hat keine Koordinaten."),
        (
            json.dumps(
                {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": SQUARE}] * 2}
            ).encode(),
            "Die FeatureCollection enthält 2 Features; für einen Stadtteil bitte genau eines",
        ),
        (
            json.dumps({"type": "Polygon", "coordinates": [[[9.1, 48.8], [9.2, 48.8]]]}).encode(),
            "Eine Umrisslinie braucht mindestens vier Punkte",
        ),
        (
            json.dumps({"type": "Polygon", "coordinates": [[["9.1", "48.8"]] * 4]}).encode(),
            "Jeder Punkt ist ein Paar aus Länge und Breite",
        ),
        (
            json.dumps({"type": "Polygon", "coordinates": [[[512000, 5410000]] * 4]}).encode(),
            "Der Punkt [512000, 5410000] liegt nicht auf der Erde",
        ),
    ],
    ids=[
        "broken json",
        "not utf-8",
        "a point",
        "no coordinates",
        "two features",
        "a ring of two points",
        "positions as text",
        "positions in metres",
    ],
)
def test_a_bad_boundary_is_named_at_the_field_and_nothing_is_saved(admin, town, content, message):
    inner = District.objects.for_municipality(town).get(name="Innenstadt")
    before = snapshot()
    response = admin.post(f"{ROOT}stadtteile/{inner.pk}/grenze/", {"geojson": _geojson(content)})
    assert response.status_code == 400
    assert message in error_at(response, "geojson")
    assert_nothing_written(before)


# --- indicators -----------------------------------------------------------------------------------------


def test_the_indicators_are_grouped_by_topic_with_their_values(admin, town):
    import_observations(
        town,
        b"district,period,indicator,value\nInnenstadt,2023,sgb2_quote,9.4\nOststadt,2023,sgb2_quote,7.1\n",
        "werte.csv",
        actor=SystemActor.of(town),
    )
    page = admin.get(f"{ROOT}indikatoren/")
    headings = [" ".join(h.text_content().split()) for h in document(page).xpath("//main//h2")]
    assert headings[-5:] == [
        "Bevölkerung",
        "Kinderbetreuung und Schule",
        "Arbeit und soziale Sicherung",
        "Wohnen und Wanderung",
        "Einbürgerung und Teilhabe",
    ]
    rows = {row[1]: row for row in table_rows(page, "tabelle-work")}
    assert rows["sgb2_quote"] == [
        "SGB-II-Quote",
        "sgb2_quote",
        "Prozent",
        "höher ist schlechter",
        rows["sgb2_quote"][4],
        "2",
    ]


def test_the_catalogue_adds_what_is_missing_and_says_how_many(admin, town):
    Indicator.objects.for_municipality(town).filter(key__in=["wahlbeteiligung", "zuzuege"]).delete()
    page = admin.get(f"{ROOT}indikatoren/")
    assert "2 davon fehlen der Stadt noch." in text_of(page)
    response = admin.post(f"{ROOT}indikatoren/katalog/", follow=True)
    assert "2 Indikatoren aus dem mitgelieferten Katalog übernommen." in text_of(response)
    assert "Die Stadt hat sie alle." in text_of(response)
    again = admin.post(f"{ROOT}indikatoren/katalog/", follow=True)
    assert (
        "Alle Indikatoren des mitgelieferten Katalogs sind schon da; es wurde keiner hinzugefügt."
        in text_of(again)
    )


def test_the_catalogue_leaves_the_towns_changes_alone(admin, town):
    Indicator.objects.for_municipality(town).filter(key="sgb2_quote").update(name="Quote nach SGB II (Stadt)")
    admin.post(f"{ROOT}indikatoren/katalog/")
    assert Indicator.objects.for_municipality(town).get(key="sgb2_quote").name == "Quote nach SGB II (Stadt)"


def test_an_indicator_is_added_with_all_its_fields(admin, town):
    response = admin.post(f"{ROOT}indikatoren/neu/", new_indicator_data())
    indicator = Indicator.objects.for_municipality(town).get(key="kitaplaetze_je_100")
    assert response["Location"] == f"{ROOT}indikatoren/{indicator.pk}/"
    assert (indicator.name, indicator.direction, indicator.source, indicator.position) == (
        "Kitaplätze je 100 Kinder unter 6 Jahren",
        "higher_is_better",
        "Kreisjugendamt",
        99,
    )
    assert audited("indicator.saved").target_id == indicator.pk


def test_a_key_another_indicator_has_is_refused(admin, town):
    before = snapshot()
    response = admin.post(f"{ROOT}indikatoren/neu/", {**new_indicator_data(), "key": "sgb2_quote"})
    assert response.status_code == 400
    assert error_at(response, "key") == "Diesen Schlüssel hat schon der Indikator „SGB-II-Quote“."
    assert_nothing_written(before)


def test_the_key_can_change_until_values_use_it(admin, town):
    indicator = Indicator.objects.for_municipality(town).get(key="sgb2_quote")
    address = f"{ROOT}indikatoren/{indicator.pk}/"
    admin.post(address, indicator_data(key="sgb2_quote_neu"))
    indicator.refresh_from_db()
    assert indicator.key == "sgb2_quote_neu"

    import_observations(
        town,
        b"district,period,indicator,value\nInnenstadt,2023,sgb2_quote_neu,9.4\n",
        "werte.csv",
        actor=SystemActor.of(town),
    )
    page = admin.get(address)
    assert document(page).xpath("//input[@name='key' and @disabled]")
    assert "Es gibt schon Werte für diesen Indikator" in text_of(page)
    assert "Für „sgb2_quote_neu“ gibt es 1 Wert" in text_of(page)
    response = admin.post(
        address, indicator_data(of="sgb2_quote_neu", key="anders", name="SGB-II-Quote (Jobcenter)")
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.key, indicator.name) == ("sgb2_quote_neu", "SGB-II-Quote (Jobcenter)")


def test_the_service_keeps_a_key_that_values_use(town, people):
    from django.core.exceptions import ValidationError

    from ankommen.seismograph.services import save_indicator

    import_observations(
        town,
        b"district,period,indicator,value\nInnenstadt,2023,sgb2_quote,9.4\n",
        "werte.csv",
        actor=SystemActor.of(town),
    )
    indicator = Indicator.objects.for_municipality(town).get(key="sgb2_quote")
    with pytest.raises(ValidationError) as refused:
        save_indicator(indicator, actor=people["admin"], key="anders")
    assert refused.value.message_dict == {
        "key": ["Der Schlüssel bleibt, sobald es Werte für den Indikator gibt."]
    }


def test_an_indicator_links_to_the_translation_editor_for_each_language_it_lacks(admin, town):
    from django.contrib.contenttypes.models import ContentType

    from ankommen.core.models import Translation

    indicator = Indicator.objects.for_municipality(town).get(key="sgb2_quote")
    # The demo translates its indicators into every language: two of them lack it again here.
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(Indicator),
        object_id=indicator.pk,
        language__in=["uk", "fa"],
    ).delete()
    page = admin.get(f"{ROOT}indikatoren/{indicator.pk}/")
    links = document(page).xpath("//section[@aria-labelledby='uebersetzungen']//a/@href")
    languages = [language.code for language in town.active_languages if language.code != "de"]
    assert len(links) == 2 and {link.split("/")[3] for link in links} == {"uk", "fa"}, links
    assert all(
        f"/{indicator.pk}/" in link and link.startswith("/verwaltung/uebersetzungen/") for link in links
    )
    assert admin.get(links[0]).status_code == 200
    listing = document(admin.get(f"{ROOT}indikatoren/")).xpath(
        "//section[@aria-labelledby='uebersetzen']//a/@href"
    )
    assert len(listing) == len(languages) and all("?kind=" in link for link in listing)


# --- the thresholds -------------------------------------------------------------------------------------


def test_the_thresholds_are_explained_and_saved_with_a_decimal_comma(admin, town):
    page = admin.get(f"{ROOT}einstellungen/")
    text = text_of(page)
    assert "gemessen in Standardabweichungen (der z-Wert)" in text
    assert "wenn die SGB-II-Quote der Stadt sinkt und die des Stadtteils Jahr für Jahr steigt" in text
    assert document(page).xpath("//input[@name='z_threshold']/@value") == ["2,0"]
    response = admin.post(
        f"{ROOT}einstellungen/", {"z_threshold": "2,5", "periods_against": "4"}, follow=True
    )
    assert "Die Schwellen für Warnsignale sind gespeichert" in text_of(response)
    settings = SeismographSettings.of(town)
    assert (settings.z_threshold, settings.periods_against) == (2.5, 4)
    assert audited("seismograph.thresholds_changed").details["fields"] == "periods_against, z_threshold"
    admin.post(f"{ROOT}einstellungen/", {"z_threshold": "3", "periods_against": "4"})
    assert audited("seismograph.thresholds_changed").details["changes"] == {"z_threshold": ["2.5", "3.0"]}
    assert "Schwellen für Warnsignale geändert" in text_of(admin.get("/verwaltung/protokoll/"))


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"z_threshold": "0,1", "periods_against": "3"}, "z_threshold"),
        ({"z_threshold": "viel", "periods_against": "3"}, "z_threshold"),
        ({"z_threshold": "2", "periods_against": "1"}, "periods_against"),
        ({"z_threshold": "2", "periods_against": "50"}, "periods_against"),
    ],
)
def test_thresholds_out_of_range_are_named_at_their_field(admin, town, data, field):
    before = snapshot()
    response = admin.post(f"{ROOT}einstellungen/", data)
    assert response.status_code == 400
    assert error_at(response, field)
    assert_nothing_written(before)


# --- only the admins ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role", [None, "stranger", "mitglied", "uebersetzung", "expertin", "multiplikator", "moderation"]
)
def test_no_one_but_the_admins_reaches_a_page(client_as, role):
    client = client_as(role)
    for path in (
        ROOT,
        f"{ROOT}stadtteile/",
        f"{ROOT}indikatoren/",
        f"{ROOT}importe/",
        f"{ROOT}einstellungen/",
    ):
        response = client.get(path)
        if role is None:
            assert response.status_code == 302 and response["Location"].startswith("/konto/login/"), path
        else:
            assert response.status_code == 403, (role, path)
    assert not document(client.get("/")).xpath(f"//a[@href='{ROOT}']")
