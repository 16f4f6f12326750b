"""The dashboard's charts: well-formed SVG named by its title and description, one path per district, tiles
for districts without a boundary, lines broken where a value is missing, and right to left in Arabic."""

import re
import xml.etree.ElementTree as ET  # noqa: S405 (our own pages, parsed to prove they are well-formed)

import pytest

from ankommen.concept.models import District
from ankommen.seismograph import charts
from ankommen.seismograph.models import Direction, DistrictShape
from tests.seismograph import dashboard_town

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def parsed(markup):
    return ET.fromstring(markup)  # noqa: S314 (our own pages' charts, to prove them well-formed XML)


def svg_of(response, chart_id):
    """The chart `chart_id` of a page, parsed as XML (it must be well-formed)."""
    html = response.content.decode()
    found = re.search(rf'<svg\b[^>]*\bid="{chart_id}".*?</svg>', html, re.S)
    assert found, f"no chart {chart_id}"
    return parsed(found[0])


def named(svg):
    """The chart's title and description, as its ARIA attributes name them: a picture (`img`) by
    `aria-labelledby` naming both, a map of links (`group`) by its title and described by the other."""
    title = svg.find(f"{SVG}title")
    desc = svg.find(f"{SVG}desc")
    if svg.get("role") == "img":
        assert svg.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    else:
        assert svg.get("role") == "group"
        assert (svg.get("aria-labelledby"), svg.get("aria-describedby")) == (title.get("id"), desc.get("id"))
    return title.text, desc.text


def district_paths(svg):
    return [path for path in svg.iter(f"{SVG}path") if path.get("data-district")]


def test_the_map_has_one_path_per_district_each_a_link_with_its_value(town, client):
    response = client.get("/seismograph/?indikator=sgb2_quote&zeitraum=2025")
    svg = svg_of(response, "karte")
    title, description = named(svg)
    assert title == "Karte: SGB-II-Quote, 2025"
    assert "fünf Stufen von hell (niedrige Werte) bis dunkel (hohe Werte)" in description
    assert "Bei diesem Indikator ist ein höherer Wert schlechter." in description
    assert "Jeder Stadtteil führt zu seiner Seite" in description
    districts = {str(district.pk): district.name for district in District.objects.for_municipality(town)}
    paths = district_paths(svg)
    assert sorted(path.get("data-district") for path in paths) == sorted(districts)
    links = {
        link.get("href"): link.find(f"{SVG}title").text for link in svg.iter(f"{SVG}a") if link.get("href")
    }
    assert links[f"/seismograph/stadtteile/{_pk(town, 'Oststadt')}/"] == "Oststadt: 12,7 %"
    assert all(link.get("aria-label") == link.find(f"{SVG}title").text for link in svg.iter(f"{SVG}a"))
    assert svg.get("role") == "group"  # links: no picture (role="img" may hold none)
    # Higher is worse: the highest value in the darkest red.
    oststadt = next(path for path in paths if path.get("data-district") == str(_pk(town, "Oststadt")))
    assert oststadt.get("fill") == charts.SHADES[Direction.HIGHER_IS_WORSE][4]
    assert "Die Umrisse der Stadtteile sind schematisch gezeichnet" in response.content.decode()


def _pk(town, name):
    return District.objects.for_municipality(town).get(name=name).pk


def test_the_legend_names_each_step_with_its_values_and_districts(town, client):
    html = client.get("/seismograph/?indikator=sgb2_quote&zeitraum=2025").content.decode()
    legend = html[html.index('class="seismo-legend"') : html.index("</figcaption>")]
    assert "Bei diesem Indikator ist ein höherer Wert schlechter." in legend
    assert "2,8 % bis 4,8 % (2 Stadtteile)" in legend
    assert "10,7 % bis 12,7 % (1 Stadtteil)" in legend


def test_districts_without_a_boundary_are_tiles_and_a_bad_boundary_is_one_too(other_town):
    dashboard_town.build(other_town)
    nord = District.objects.for_municipality(other_town).get(name="Nord")
    sued = District.objects.for_municipality(other_town).get(name="Süd")
    mitte = District.objects.for_municipality(other_town).get(name="Mitte")
    square = [[9.0, 48.0], [9.01, 48.0], [9.01, 48.01], [9.0, 48.01], [9.0, 48.0]]
    hole = [[9.002, 48.002], [9.004, 48.002], [9.004, 48.004], [9.002, 48.002]]
    DistrictShape.objects.create(
        municipality=other_town, district=nord, geojson={"type": "Polygon", "coordinates": [square, hole]}
    )
    DistrictShape.objects.create(
        municipality=other_town,
        district=sued,
        geojson={
            "type": "MultiPolygon",
            "coordinates": [[[[x + 0.01, y] for x, y in square]], [[[x + 0.03, y] for x, y in square]]],
        },
    )
    DistrictShape.objects.create(
        municipality=other_town, district=mitte, geojson={"type": "Polygon", "coordinates": [[["a", 1]]]}
    )
    response = dashboard_town.client().get("/seismograph/?indikator=anteil_nichtdeutsch")
    svg = svg_of(response, "karte")
    paths = {path.get("data-district"): path for path in district_paths(svg)}
    assert len(paths) == 4
    assert paths[str(nord.pk)].get("d").count("M") == 2  # the outline and its hole
    assert paths[str(nord.pk)].get("fill-rule") == "evenodd"
    assert paths[str(sued.pk)].get("d").count("M") == 2  # two polygons, one path
    tiles = [text.text for text in svg.iter(f"{SVG}text")]
    assert tiles == ["Stadtteile ohne hinterlegte Grenze:", "Mitte", "Leer"]
    leer = paths[str(District.objects.for_municipality(other_town).get(name="Leer").pk)]
    assert leer.get("fill") == "url(#karte-keine-werte)"  # no value: hatched
    assert "kein Wert (1 Stadtteil)" in response.content.decode()


def test_a_map_without_any_boundary_is_a_grid_of_tiles(other_town):
    dashboard_town.build(other_town)
    svg = svg_of(dashboard_town.client().get("/seismograph/"), "karte")
    assert len(district_paths(svg)) == 4
    assert [text.text for text in svg.iter(f"{SVG}text")] == ["Nord", "Süd", "Mitte", "Leer"]


def test_geojson_rings_are_read_from_polygons_multipolygons_and_features():
    ring = [[9.0, 48.0], [9.1, 48.0], [9.1, 48.1], [9.0, 48.0]]
    assert len(charts.rings({"type": "Polygon", "coordinates": [ring]})) == 1
    assert len(charts.rings({"type": "MultiPolygon", "coordinates": [[ring], [ring, ring]]})) == 3
    feature = {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
    assert charts.rings(feature) == [[(9.0, 48.0), (9.1, 48.0), (9.1, 48.1), (9.0, 48.0)]]
    for bad in (
        None,
        {},
        {"type": "Point", "coordinates": [9, 48]},
        {"type": "Polygon", "coordinates": [[[200, 0]]]},
    ):
        assert charts.rings(bad) is None


def test_text_on_a_shade_is_black_or_white_whichever_reads_better():
    assert charts.ink("#eff3ff") == "#000000"
    assert charts.ink("#08519c") == "#ffffff"


def test_a_line_breaks_where_a_value_is_missing_and_the_town_is_drawn_apart():
    chart = charts.line_chart(
        ["2021", "2022", "2023", "2024"],
        [
            charts.Series("Nord", [1.0, None, 3.0, 4.0]),
            charts.Series("Stadt", [2.0, 2.5, 3.0, 3.5], town=True),
        ],
        chart_id="probe",
        title="Probe",
        description="Zwei Linien",
        number=lambda value, decimals: f"{value:.{decimals}f}",
    )
    svg = parsed(str(chart.svg))
    assert named(svg) == ("Probe", "Zwei Linien")
    groups = {group.get("data-series"): group for group in svg.iter(f"{SVG}g")}
    assert groups["Nord"].find(f"{SVG}path").get("d").count("M") == 2
    assert groups["Stadt"].find(f"{SVG}path").get("stroke-width") == "3"
    assert len(groups["Nord"].findall(f"{SVG}circle")) == 3
    assert [item.label for item in chart.legend] == ["Nord", "Stadt"]


def test_axis_values_are_round_numbers():
    assert charts.ticks(0.0, 12.7) == ([0.0, 5.0, 10.0, 15.0], 0)
    assert charts.ticks(0.12, 0.31) == ([0.1, 0.15, 0.2, 0.25, 0.3, 0.35], 2)
    assert charts.ticks(5.0, 5.0)[0][0] <= 5.0 <= charts.ticks(5.0, 5.0)[0][-1]


def _labels(svg):
    """The x of each period's label, by its text."""
    return {
        text.text: float(text.get("x"))
        for text in svg.iter(f"{SVG}text")
        if text.get("text-anchor") == "middle"
    }


def test_in_arabic_the_charts_run_right_to_left(town, client):
    response = client.get("/ar/seismograph/indikatoren/sgb2_quote/")
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl"' in response.content.decode()
    svg = svg_of(response, "verlauf")
    assert svg.get("direction") == "rtl"
    labels = _labels(svg)
    assert labels["2015"] > labels["2025"]  # time runs from the right
    german = _labels(svg_of(client.get("/seismograph/indikatoren/sgb2_quote/"), "verlauf"))
    assert german["2015"] < german["2025"]
    width = float(svg.get("viewBox").split()[2])
    values = [text for text in svg.iter(f"{SVG}text") if text.get("direction") == "ltr" and "%" in text.text]
    assert all(float(text.get("x")) > width / 2 and text.get("text-anchor") == "start" for text in values)


def test_in_arabic_the_map_lays_its_tiles_from_the_right(town, client):
    DistrictShape.objects.for_municipality(town).delete()
    svg = svg_of(client.get("/ar/seismograph/?indikator=sgb2_quote"), "karte")
    assert svg.get("direction") == "rtl"
    first = district_paths(svg)[0]
    width = float(svg.get("viewBox").split()[2])
    assert float(first.get("d")[1:].split(",")[0]) > width / 2
    german = district_paths(svg_of(client.get("/seismograph/?indikator=sgb2_quote"), "karte"))[0]
    assert float(german.get("d")[1:].split(",")[0]) < width / 2


def test_every_chart_of_every_page_is_well_formed_and_named(town, client):
    oststadt = _pk(town, "Oststadt")
    for path in (
        "/seismograph/",
        f"/seismograph/stadtteile/{oststadt}/",
        "/seismograph/indikatoren/einwohner_gesamt/",
        "/seismograph/segregation/",
        "/ar/seismograph/segregation/",
    ):
        html = client.get(path).content.decode()
        charts_found = re.findall(r'<svg\b[^>]*class="seismo-chart".*?</svg>', html, re.S)
        assert charts_found, path
        for found in charts_found:
            title, description = named(parsed(found))
            assert title and description
