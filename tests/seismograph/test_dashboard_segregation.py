"""The segregation page: the five measures and the location quotients are those of `segregation.measures_of`
on the same counts and those `ankommen seismograph indices` prints; a district without residents says so;
their development period by period; bad choices named."""

import csv
import io
import json
import re
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command

from ankommen.core.actors import SystemActor
from ankommen.seismograph import segregation
from ankommen.seismograph.services import import_observations
from ankommen.seismograph.views import shown_measure
from tests.seismograph.dashboard_town import TAGS, text

pytestmark = pytest.mark.django_db

ADDRESS = "/seismograph/segregation/?gruppe=einwohner_nichtdeutsch&gesamt=einwohner_gesamt&zeitraum=2024"
# The small town in 2024, in the town's order of districts: Nord, Süd, Mitte, Leer (nobody lives there).
GROUP = [132, 960, 231, 0]
TOTAL = [1100, 3000, 2100, 0]


def csv_rows(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


def number(cell):
    return float(cell.replace(",", "."))


def indices(period="2024"):
    out = StringIO()
    call_command(
        "seismograph",
        "indices",
        "--town",
        "ludwigsburg",
        "--group",
        "einwohner_nichtdeutsch",
        "--total",
        "einwohner_gesamt",
        "--period",
        period,
        "--format",
        "json",
        stdout=out,
    )
    return json.loads(out.getvalue())


def test_the_page_shows_the_measures_of_the_counts(small, visitor):
    response = visitor.get(ADDRESS)
    assert response.status_code == 200
    expected = segregation.measures_of(GROUP, TOTAL)
    html = response.content.decode()
    for key in segregation.MEASURES:
        cell = re.search(rf'data-measure="{key}"[^>]*>(.*?)</td>', html, re.S)[1]
        assert TAGS.sub("", cell).strip() == shown_measure(expected[key])
        assert unescape(segregation.FORMULAS[key]) in unescape(html)
        assert str(segregation.EXPLANATIONS[key]) in unescape(html)
    page = text(response)
    assert "Die Maße für 2024" in page
    assert "berechnet über 4 Stadtteile" in page
    assert str(segregation.EXPLANATIONS["location_quotient"]) in page


def test_the_measures_as_csv_are_every_digit_of_measures_of_and_of_the_command(small, visitor):
    rows = csv_rows(visitor.get(ADDRESS + "&format=csv&tabelle=masse"))
    assert rows[0] == ["Maß", "Schlüssel", "Zeitraum", "Wert", "Formel"]
    written = {row[1]: number(row[3]) for row in rows[1:]}
    assert written == segregation.measures_of(GROUP, TOTAL)
    assert written == indices()["measures"]
    assert [row[4] for row in rows[1:]] == [segregation.FORMULAS[key] for key in segregation.MEASURES]


def test_location_quotients_equal_the_commands_and_nobody_living_there_says_so(small, visitor):
    command = indices()["location_quotients"]
    rows = csv_rows(visitor.get(ADDRESS + "&format=csv&tabelle=standortquotienten"))
    assert rows[0][0] == "Stadtteil"
    by_name = {row[0]: row for row in rows[1:]}
    for name in ("Nord", "Süd", "Mitte"):
        assert (number(by_name[name][4]), number(by_name[name][5])) == (
            command[name]["group"],
            command[name]["complement"],
        )
    assert command["Leer"] is None
    assert by_name["Leer"][4:] == ["keine Einwohner", "keine Einwohner"]
    page = visitor.get(ADDRESS)
    html = page.content.decode()
    leer = re.search(r"<tr\b(?:(?!</tr>).)*?>Leer</a>.*?</tr>", html, re.S)[0]
    assert leer.count("keine Einwohner") == 3
    nord = re.search(r"<tr\b(?:(?!</tr>).)*?>Nord</a>.*?</tr>", html, re.S)[0]
    group_lq = re.search(r'data-quotient="group"[^>]*>(.*?)</td>', nord, re.S)[1]
    assert TAGS.sub("", group_lq) == shown_measure(command["Nord"]["group"])


def test_the_development_has_the_measures_of_every_period(small, visitor):
    rows = csv_rows(visitor.get(ADDRESS + "&format=csv&tabelle=entwicklung"))
    assert rows[0] == ["Zeitraum", *segregation.MEASURES]
    assert [row[0] for row in rows[1:]] == ["2023", "2024"]
    earlier = {key: number(value) for key, value in zip(segregation.MEASURES, rows[1][1:], strict=True)}
    assert earlier == indices("2023")["measures"]
    response = visitor.get(ADDRESS)
    assert re.search(r'<svg\b[^>]*id="entwicklung"', response.content.decode())
    assert "Entwicklung der Maße" in text(response)


def test_a_district_with_only_one_of_the_counts_is_left_out_and_named(small, visitor):
    import_observations(
        small,
        b"district;period;indicator;value\nNeubau;2024;einwohner_gesamt;400\n",
        "neubau.csv",
        actor=SystemActor.of(small),
        add_districts=True,
    )
    rows = csv_rows(visitor.get(ADDRESS + "&format=csv&tabelle=masse"))
    assert {row[1]: number(row[3]) for row in rows[1:]} == segregation.measures_of(GROUP, TOTAL)
    assert "Nicht eingerechnet, weil nur eine der beiden Zahlen vorliegt: Neubau" in text(
        visitor.get(ADDRESS)
    )


def test_a_group_larger_than_its_total_is_named_instead_of_computed(small, visitor):
    import_observations(
        small,
        b"district;period;indicator;value\nFalsch;2024;einwohner_gesamt;10\nFalsch;2024;einwohner_nichtdeutsch;50\n",
        "falsch.csv",
        actor=SystemActor.of(small),
        add_districts=True,
    )
    response = visitor.get(ADDRESS)
    assert response.status_code == 200
    assert "In Falsch zählt die Gruppe mehr Personen als die Gesamtheit (50 von 10)" in text(response)
    assert re.search(r'data-measure="dissimilarity"[^>]*><bdi>–</bdi>', response.content.decode())


def test_only_numbers_of_people_are_offered_as_group_and_total(small, visitor):
    html = visitor.get("/seismograph/segregation/").content.decode()
    select = html[html.index('name="gruppe"') : html.index("</select>", html.index('name="gruppe"'))]
    offered = re.findall(r'<option value="([^"]+)"', select)
    from ankommen.seismograph.models import Indicator

    assert offered == list(
        Indicator.objects.for_municipality(small).filter(is_count=True).values_list("key", flat=True)
    )
    assert "anteil_nichtdeutsch" not in offered


def test_without_choices_the_page_shows_residents_without_german_citizenship_in_the_latest_period(
    small, visitor
):
    page = text(visitor.get("/seismograph/segregation/"))
    assert "Die Maße für 2024" in page
    assert "Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit" in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "gruppe=anteil_nichtdeutsch",
            "„anteil_nichtdeutsch“ ist keine Zahl von Personen, die hier gezählt wird.",
        ),
        (
            "gruppe=einwohner_gesamt&gesamt=einwohner_gesamt",
            "Gruppe und Gesamtheit müssen verschiedene Zahlen sein",
        ),
        ("zeitraum=letztes", "„letztes“ ist kein Zeitraum."),
    ],
)
def test_a_bad_choice_is_named_with_status_400(small, visitor, query, message):
    response = visitor.get(f"/seismograph/segregation/?{query}")
    assert response.status_code == 400
    assert message in text(response)


def test_the_demo_towns_page_matches_the_command(town, client):
    out = StringIO()
    call_command(
        "seismograph",
        "indices",
        "--town",
        "kornwestheim",
        "--group",
        "einwohner_nichtdeutsch",
        "--total",
        "einwohner_gesamt",
        "--period",
        "2025",
        "--format",
        "json",
        stdout=out,
    )
    rows = csv_rows(client.get("/seismograph/segregation/?format=csv&tabelle=masse"))
    assert {row[1]: number(row[3]) for row in rows[1:]} == json.loads(out.getvalue())["measures"]
