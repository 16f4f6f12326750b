"""The dashboard for everyone: an indicator's values per district, the town's value, the ranking, a district
against the town, an indicator over time, their CSV files, the choices in the address, and bad choices
answered with a clear message.

The numbers come from the small town of tests/seismograph/dashboard_town.py (Ludwigsburg in the test
world), whose values the tests know; the demo town serves where its own data are the point.
"""

import csv
import io
import re
from html import unescape

import pytest

from ankommen.concept.models import District
from ankommen.core.actors import SystemActor
from ankommen.seismograph import dashboard
from ankommen.seismograph.models import Indicator, Observation
from ankommen.seismograph.services import import_observations
from tests.seismograph.dashboard_town import TAGS, text

pytestmark = pytest.mark.django_db


def table_rows(response, table_id):
    """The rows of the table captioned `table_id` as lists of cell texts."""
    html = response.content.decode()
    start = html.index(f'id="{table_id}"')
    body = html[html.index("<tbody", start) : html.index("</tbody>", start)]
    return [
        [
            " ".join(unescape(TAGS.sub(" ", cell)).split())
            for cell in re.findall(r"<t[hd]\b.*?</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr\b.*?</tr>", body, re.S)
    ]


def csv_rows(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff"), "a byte order mark first"
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


def number(cell):
    """A CSV cell with a decimal comma as the float it writes."""
    return float(cell.replace(",", "."))


# --- the town's value ----------------------------------------------------------------------------


def test_the_town_value_of_shares_is_the_sum_of_numerators_over_the_sum_of_denominators(small, visitor):
    response = visitor.get("/seismograph/?indikator=anteil_nichtdeutsch&zeitraum=2024")
    assert response.status_code == 200
    page = text(response)
    # (132 + 960 + 231) / (1100 + 3000 + 2100) = 21.34 %; in 2023 1200 / 6000 = 20 %
    assert "Stadt insgesamt: 21,3 % (+1,3 Pp. seit 2023)" in page
    assert "Summe der Zähler geteilt durch die Summe der Nenner" in page
    assert "Berechnet aus 3 von 4 Stadtteilen; die übrigen haben keinen Wert." in page


def test_without_numerators_the_town_value_is_the_mean_weighted_by_residents(small, visitor):
    page = text(visitor.get("/seismograph/?indikator=betreuungsquote_unter_3"))
    # (30 · 1100 + 20 · 3000 + 40 · 2100) / 6200 = 28.55 %
    assert "Stadt insgesamt: 28,5 %" in page
    assert "gewichtet mit ihrer Zahl der Einwohnerinnen und Einwohner" in page


def test_without_residents_in_the_period_the_town_value_is_the_plain_mean(small, visitor):
    page = text(visitor.get("/seismograph/?indikator=wahlbeteiligung"))
    assert "Stadt insgesamt: 50,0 %" in page
    assert "das einfache Mittel der Stadtteile" in page


def test_the_town_value_of_a_number_of_people_is_their_sum(small, visitor):
    page = text(visitor.get("/seismograph/?indikator=einwohner_gesamt&zeitraum=2024"))
    assert "Stadt insgesamt: 6.200 (+200 seit 2023)" in page
    assert "die Summe der Stadtteile" in page


def test_town_value_rules_in_order():
    indicator = Indicator(unit="percent")
    rows = [
        dashboard.Row(1, 9, "2024", 10.0, 1.0, 10.0),
        dashboard.Row(2, 9, "2024", 50.0, 3.0, 6.0),
    ]
    assert dashboard.town_value(indicator, rows) == dashboard.TownValue(4 / 16 * 100, "ratio", 2)
    rows[1] = dashboard.Row(2, 9, "2024", 50.0, None, None)
    assert dashboard.town_value(indicator, rows, {1: 300, 2: 100}) == dashboard.TownValue(20.0, "weighted", 2)
    assert dashboard.town_value(indicator, rows, {1: 300}) == dashboard.TownValue(30.0, "mean", 2)
    assert dashboard.town_value(Indicator(unit="count"), rows).value == 60.0
    assert dashboard.town_value(indicator, []) == dashboard.TownValue(None, "mean", 0)


# --- the overview's tables -----------------------------------------------------------------------


def test_the_values_table_has_every_district_with_value_fraction_change_and_rank(small, visitor):
    response = visitor.get("/seismograph/?indikator=sgb2_quote&zeitraum=2024")
    assert table_rows(response, "werte-tabelle") == [
        ["Nord", "4,5 %", "40 / 880", "−0,5 Pp.", "3"],
        ["Süd", "12,5 %", "300 / 2.400", "+0,5 Pp.", "1"],
        ["Mitte", "7,5 %", "126 / 1.680", "−0,5 Pp.", "2"],
        ["Leer", "–", "–", "–", "–"],
    ]


def test_the_ranking_lists_the_highest_first_against_the_town(small, visitor):
    response = visitor.get("/seismograph/?indikator=sgb2_quote&zeitraum=2024")
    # The town: 466 / 4960 = 9.40 %
    assert table_rows(response, "rangfolge-tabelle") == [
        ["1", "Süd", "12,5 %", "+3,1 Pp."],
        ["2", "Mitte", "7,5 %", "−1,9 Pp."],
        ["3", "Nord", "4,5 %", "−4,9 Pp."],
    ]
    assert "Bei diesem Indikator ist ein höherer Wert schlechter." in text(response)


def test_a_number_of_people_ranks_by_its_share_of_the_town(small, visitor):
    response = visitor.get("/seismograph/?indikator=einwohner_gesamt&zeitraum=2024")
    assert table_rows(response, "rangfolge-tabelle")[0] == ["1", "Süd", "3.000", "48,4 % der Stadt"]


def test_equal_values_share_their_rank():
    assert dashboard.ranks([3.0, 5.0, 5.0, None, 1.0]) == [3, 1, 1, None, 4]


def test_the_map_steps_are_equal_or_hold_as_many_districts_each():
    assert dashboard.class_breaks([0.0, 10.0, 2.0], "equal") == [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
    breaks = dashboard.class_breaks([1.0, 2.0, 3.0, 4.0, 5.0], "quantile")
    assert [dashboard.step_of(value, breaks) for value in (1.0, 2.0, 3.0, 4.0, 5.0)] == [0, 1, 2, 3, 4]
    equal = dashboard.class_breaks([7.0, 7.0], "equal")
    assert dashboard.step_of(7.0, equal) == 2
    assert dashboard.class_breaks([], "equal") == []


# --- CSV ------------------------------------------------------------------------------------------


def test_the_values_table_as_csv_has_every_digit_and_the_town(small, visitor):
    response = visitor.get("/seismograph/?indikator=sgb2_quote&zeitraum=2024&format=csv&tabelle=werte")
    assert response.status_code == 200
    assert 'filename="werte-sgb2_quote-2024.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == [
        "Stadtteil",
        "Indikator",
        "Zeitraum",
        "Wert",
        "Zähler",
        "Nenner",
        "Veränderung seit 2023",
        "Rang",
    ]
    assert rows[1] == ["Nord", "sgb2_quote", "2024", "4,5", "40", "880", "-0,5", "3"]
    assert rows[4] == ["Leer", "sgb2_quote", "2024", "", "", "", "", ""]
    town = rows[5]
    assert town[0] == "Stadt insgesamt"
    assert number(town[3]) == 466 / 4960 * 100
    assert b";" in response.content and b"\r\n" in response.content


def test_the_ranking_as_csv(small, visitor):
    rows = csv_rows(
        visitor.get("/seismograph/?indikator=sgb2_quote&zeitraum=2024&format=csv&tabelle=rangfolge")
    )
    assert [row[:4] for row in rows] == [
        ["Rang", "Stadtteil", "Zeitraum", "Wert"],
        ["1", "Süd", "2024", "12,5"],
        ["2", "Mitte", "2024", "7,5"],
        ["3", "Nord", "2024", "4,5"],
    ]


def test_a_name_a_spreadsheet_would_run_as_a_formula_is_written_as_text(small, visitor):
    import_observations(
        small,
        'district;period;indicator;value\n=HYPERLINK("http://böse.example");2024;betreuungsquote_unter_3;25\n'.encode(),
        "formel.csv",
        actor=SystemActor.of(small),
        add_districts=True,
    )
    rows = csv_rows(visitor.get("/seismograph/?indikator=betreuungsquote_unter_3&format=csv"))
    names = [row[0] for row in rows]
    assert '\'=HYPERLINK("http://böse.example")' in names
    assert not any(name.startswith(("=", "+", "@")) for name in names)


# --- the address holds the choices ----------------------------------------------------------------


def _selected(response, name):
    html = response.content.decode()
    select = html[html.index(f'name="{name}"') : html.index("</select>", html.index(f'name="{name}"'))]
    found = re.search(r'<option value="([^"]*)"[^>]*selected', select)
    return found[1] if found else None


def test_the_choices_go_into_the_address_and_come_back_the_same(small, visitor):
    response = visitor.get("/seismograph/?indikator=sgb2_quote&zeitraum=2023&einteilung=quantile")
    assert (
        _selected(response, "indikator"),
        _selected(response, "zeitraum"),
        _selected(response, "einteilung"),
    ) == (
        "sgb2_quote",
        "2023",
        "quantile",
    )
    share = re.search(r'class="kern-link seismo-share" href="([^"]+)"', response.content.decode())[1]
    assert unescape(share) == (
        "http://ludwigsburg.ankommen.example/seismograph/?indikator=sgb2_quote&zeitraum=2023&einteilung=quantile"
    )
    again = visitor.get(unescape(share).removeprefix("http://ludwigsburg.ankommen.example"))
    assert table_rows(again, "werte-tabelle") == table_rows(response, "werte-tabelle")
    assert re.search(r'class="kern-link seismo-share" href="([^"]+)"', again.content.decode())[1] == share
    csv_link = re.search(r'href="(\?[^"]*tabelle=werte)"', response.content.decode())[1]
    assert (
        unescape(csv_link)
        == "?indikator=sgb2_quote&zeitraum=2023&einteilung=quantile&format=csv&tabelle=werte"
    )


def test_without_choices_the_overview_shows_a_preferred_indicator_in_its_latest_period(small, visitor):
    response = visitor.get("/seismograph/")
    assert (_selected(response, "indikator"), _selected(response, "zeitraum")) == ("anteil_nichtdeutsch", "")
    assert "Anteil der Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit 2024" in text(response)
    assert (
        "zeitraum=2024"
        in re.search(r'class="kern-link seismo-share" href="([^"]+)"', response.content.decode())[1]
    )


def test_a_period_without_values_shows_the_latest_and_says_so(small, visitor):
    response = visitor.get("/seismograph/?indikator=sgb2_quote&zeitraum=1999")
    assert response.status_code == 200
    assert "Für 1999 gibt es keine Werte. Gezeigt wird der neueste Zeitraum: 2024." in text(response)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("indikator=gibt_es_nicht", "Einen Indikator „gibt_es_nicht“ gibt es hier nicht."),
        (
            "zeitraum=20x4",
            "„20x4“ ist kein Zeitraum. Bitte ein Jahr (2023) oder einen Monat (2023-05) wählen.",
        ),
        ("zeitraum=2024-13", "„2024-13“ ist kein Zeitraum."),
        ("einteilung=bunt", "„bunt“ ist keine Einteilung der Karte."),
    ],
)
def test_a_bad_choice_in_the_address_is_named_with_status_400(small, visitor, query, message):
    response = visitor.get(f"/seismograph/?{query}")
    assert response.status_code == 400
    assert message in text(response)
    assert "Bitte prüfen Sie Ihre Eingaben." in text(response)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/seismograph/?format=pdf", "„pdf“ ist kein Format"),
        (
            "/seismograph/?format=csv&tabelle=alles",
            "Eine Tabelle „alles“ gibt es hier nicht; es gibt: werte, rangfolge.",
        ),
        ("/seismograph/indikatoren/sgb2_quote/?format=xlsx", "„xlsx“ ist kein Format"),
        ("/seismograph/segregation/?format=csv&tabelle=x", "Eine Tabelle „x“ gibt es hier nicht"),
    ],
)
def test_a_bad_format_or_table_is_named_with_status_400(small, visitor, path, message):
    response = visitor.get(path)
    assert response.status_code == 400
    assert message in text(response)


def test_a_district_or_indicator_that_is_not_the_towns_is_not_found(small, town, visitor, client):
    theirs = District.objects.for_municipality(town).first()
    assert visitor.get(f"/seismograph/stadtteile/{theirs.pk}/").status_code == 404
    assert visitor.get("/seismograph/stadtteile/999999/").status_code == 404
    assert visitor.get("/seismograph/indikatoren/gibt_es_nicht/").status_code == 404
    ours = District.objects.for_municipality(small).get(name="Nord")
    assert client.get(f"/seismograph/stadtteile/{ours.pk}/").status_code == 404


def test_a_town_without_values_says_so(other_town, visitor):
    response = visitor.get("/seismograph/")
    assert response.status_code == 200
    assert "Die Stadt hat noch keine Indikatoren angelegt." in text(response)


# --- a district ------------------------------------------------------------------------------------


def test_a_district_shows_each_indicator_against_the_town_by_topic(small, visitor):
    nord = District.objects.for_municipality(small).get(name="Nord")
    response = visitor.get(f"/seismograph/stadtteile/{nord.pk}/")
    assert response.status_code == 200
    population = table_rows(response, "bereich-1-tabelle")
    assert population == [
        ["Einwohnerinnen und Einwohner", "2024", "1.100", "6.200", "17,7 % der Stadt"],
        [
            "Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit",
            "2024",
            "132",
            "1.323",
            "10,0 % der Stadt",
        ],
        [
            "Anteil der Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit",
            "2024",
            "12,0 %",
            "21,3 %",
            "−9,3 Pp.",
        ],
    ]
    page = text(response)
    assert (
        page.index("Bevölkerung")
        < page.index("Kinderbetreuung und Schule")
        < page.index("Arbeit und soziale")
    )
    assert table_rows(response, "tabelle-sgb2_quote") == [
        ["2023", "5,0 %", "9,5 %"],
        ["2024", "4,5 %", "9,4 %"],
    ]
    # A number of people: the town's sum and the mean of the districts (6200 / 4).
    assert table_rows(response, "tabelle-einwohner_gesamt")[1] == ["2024", "1.100", "6.200", "1.550"]


def test_a_district_as_csv(small, visitor):
    nord = District.objects.for_municipality(small).get(name="Nord")
    latest = csv_rows(visitor.get(f"/seismograph/stadtteile/{nord.pk}/?format=csv&tabelle=uebersicht"))
    assert ["sgb2_quote", "SGB-II-Quote", "2024", "4,5", repr(466 / 4960 * 100).replace(".", ",")] in latest
    series = csv_rows(visitor.get(f"/seismograph/stadtteile/{nord.pk}/?format=csv&tabelle=verlauf"))
    assert series[0] == ["Indikator", "Name", "Zeitraum", "Stadtteil", "Wert im Stadtteil", "Wert der Stadt"]
    assert ["wahlbeteiligung", "Wahlbeteiligung", "2022", "Nord", "50", "50"] in series


def test_a_district_without_values_says_so(small, visitor):
    leer = District.objects.for_municipality(small).get(name="Leer")
    Observation.objects.for_municipality(small).filter(district=leer).delete()
    assert "Für diesen Stadtteil gibt es noch keine Werte." in text(
        visitor.get(f"/seismograph/stadtteile/{leer.pk}/")
    )


def test_the_town_table_is_computed_once_per_version_of_the_town(small):
    from django.core.cache import cache

    from ankommen.core.cache import touch_town

    indicators = dashboard.indicators_of(small, "de")
    cache.clear()
    first = dashboard.town_table(small, indicators)
    sgb2 = next(each for each in indicators if each.key == "sgb2_quote")
    assert first[sgb2.pk]["2024"].value == 466 / 4960 * 100
    Observation.objects.for_municipality(small).filter(indicator=sgb2).update(
        numerator=None, denominator=None
    )
    assert dashboard.town_table(small, indicators)[sgb2.pk]["2024"].method == "ratio"  # kept
    touch_town(small.pk)
    assert dashboard.town_table(small, indicators)[sgb2.pk]["2024"].method == "weighted"


# --- an indicator ----------------------------------------------------------------------------------


def test_an_indicator_says_what_it_measures_and_links_its_field(town, client):
    response = client.get("/seismograph/indikatoren/sgb2_quote/")
    assert response.status_code == 200
    page = text(response)
    for words in (
        "Definition Leistungsberechtigte nach dem SGB II je 100 Einwohnerinnen und Einwohner",
        "Zähler Leistungsberechtigte nach dem SGB II",
        "Nenner Einwohnerinnen und Einwohner unter 65 Jahren",
        "Einheit Prozent",
        "Richtung höher ist schlechter",
        "Quelle Statistik der Bundesagentur für Arbeit",
        "Handlungsfeld Wirtschaft und berufliche Bildung",
    ):
        assert words in page
    assert 'href="/handlungsfelder/wirtschaft-und-berufliche-bildung/"' in response.content.decode()


def test_an_indicator_shows_every_district_and_the_town_over_time(small, visitor):
    response = visitor.get("/seismograph/indikatoren/sgb2_quote/")
    assert table_rows(response, "verlauf-tabelle") == [
        ["Stadt insgesamt", "9,5 %", "9,4 %"],
        ["Nord", "5,0 %", "4,5 %"],
        ["Süd", "12,0 %", "12,5 %"],
        ["Mitte", "8,0 %", "7,5 %"],
    ]
    rows = csv_rows(visitor.get("/seismograph/indikatoren/sgb2_quote/?format=csv"))
    assert rows[0] == ["Stadtteil", "2023", "2024"]
    assert rows[1][0] == "Stadt insgesamt" and number(rows[1][1]) == 456 / 4800 * 100
    assert rows[2] == ["Nord", "5", "4,5"]


def _many_districts(town, count):
    lines = ["district;period;indicator;value"]
    lines += [f"Bezirk {n:02d};2024;sgb2_quote;{n}" for n in range(1, count + 1)]
    import_observations(
        town, "\n".join(lines).encode(), "viele.csv", actor=SystemActor.of(town), add_districts=True
    )
    return {district.name: district.pk for district in District.objects.for_municipality(town)}


def _series(response):
    return re.findall(r'data-series="([^"]+)"', response.content.decode())


def test_with_many_districts_the_chart_draws_the_highest_and_lowest_or_those_chosen(small, visitor):
    ids = _many_districts(small, 12)
    response = visitor.get("/seismograph/indikatoren/sgb2_quote/")
    assert response.status_code == 200
    drawn = _series(response)
    assert drawn[0] == "Stadt insgesamt" and len(drawn) == 11
    assert {"Bezirk 12", "Süd", "Bezirk 01"} <= set(drawn)
    assert len(table_rows(response, "verlauf-tabelle")) == 1 + 15  # the table has every district
    chosen = visitor.get(
        f"/seismograph/indikatoren/sgb2_quote/?stadtteil={ids['Nord']}&stadtteil={ids['Bezirk 03']}"
    )
    assert _series(chosen) == ["Stadt insgesamt", "Nord", "Bezirk 03"]
    too_many = "&".join(f"stadtteil={pk}" for name, pk in ids.items() if name.startswith("Bezirk"))
    refused = visitor.get(f"/seismograph/indikatoren/sgb2_quote/?{too_many}")
    assert refused.status_code == 400
    assert "Bitte höchstens 11 Stadtteile wählen" in text(refused)
    assert visitor.get("/seismograph/indikatoren/sgb2_quote/?stadtteil=abc").status_code == 400
