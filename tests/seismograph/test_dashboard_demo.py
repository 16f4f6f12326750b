"""The demo town's Seismograph: values of five districts over eleven years in one import, schematic
boundaries, loaded once however often the demo runs, and shaped so that both early warnings fire:
the Oststadt's SGB II rate rises while the districts' mean falls, and in the latest year the
Innenstadt's need of language support lies two standard deviations above the districts."""

from io import StringIO
from math import sqrt

import pytest

from ankommen.seismograph import demo
from ankommen.seismograph.models import DistrictShape, ImportRun, Indicator, Observation, Signal, SignalKind

pytestmark = pytest.mark.django_db


def series(town, key):
    """{period: {district name: value}} of one indicator."""
    found = {}
    for name, period, value in (
        Observation.objects.for_municipality(town)
        .current()
        .filter(indicator__key=key)
        .values_list("district__name", "period", "value")
    ):
        found.setdefault(period, {})[name] = value
    return found


def test_the_demo_imports_its_values_once_as_the_system(town):
    run = ImportRun.objects.for_municipality(town).get(file_name=demo.FILE_NAME)
    assert run.started_by is None and run.is_applied
    assert run.value_count == run.new_count == Observation.objects.for_municipality(town).count() == 725
    assert DistrictShape.objects.for_municipality(town).count() == 5
    before = (ImportRun.objects.count(), Observation.objects.count(), DistrictShape.objects.count())
    demo.load(town, StringIO())
    assert (ImportRun.objects.count(), Observation.objects.count(), DistrictShape.objects.count()) == before


def test_the_demo_has_a_dozen_indicators_over_eleven_years(town):
    keys = set(Observation.objects.for_municipality(town).values_list("indicator__key", flat=True).distinct())
    assert len(keys) == 14
    assert {"sgb2_quote", "anteil_nichtdeutsch", "wahlbeteiligung", "einbuergerungen"} <= keys
    assert sorted(series(town, "einwohner_gesamt")) == [str(year) for year in range(2015, 2026)]
    assert sorted(series(town, "wahlbeteiligung")) == ["2019", "2024"]
    assert Indicator.objects.for_municipality(town).filter(key__in=keys, is_count=True).count() == 3


def test_residents_without_german_citizenship_grow_after_2015_and_2022(town):
    shares = series(town, "anteil_nichtdeutsch")
    for name in demo.DISTRICTS:
        assert shares["2016"][name] > shares["2015"][name] + 1
        assert shares["2022"][name] > shares["2021"][name] + 1.5


def test_the_oststadt_moves_against_the_town_on_the_sgb2_rate(town):
    rates = series(town, "sgb2_quote")
    periods = [str(year) for year in range(2020, 2026)]
    means = [sum(rates[period].values()) / len(rates[period]) for period in periods]
    for index in range(1, len(periods)):
        assert rates[periods[index]]["Oststadt"] > rates[periods[index - 1]]["Oststadt"]
        assert means[index] < means[index - 1]


def test_the_innenstadt_stands_out_in_the_latest_year(town):
    need = series(town, "sprachfoerderbedarf_einschulung")["2025"]
    values = list(need.values())
    mean = sum(values) / len(values)
    deviation = sqrt(sum((value - mean) ** 2 for value in values) / len(values))
    assert (need["Innenstadt"] - mean) / deviation >= 2 - 1e-9


def test_the_boundaries_are_schematic_polygons_around_kornwestheim(town):
    for shape in DistrictShape.objects.for_municipality(town):
        shape.full_clean()
        assert shape.geojson["properties"] == {"schematisch": True}
        for lon, lat in shape.geometry["coordinates"][0]:
            assert 9.15 < lon < 9.24 and 48.83 < lat < 48.89


def test_the_demo_fires_exactly_its_two_warnings(town):
    fired = set(
        Signal.objects.for_municipality(town)
        .filter(kind=SignalKind.WARNING)
        .values_list("district__name", "indicator__key", "period", "rule")
    )
    assert fired == {
        ("Oststadt", "sgb2_quote", "2023", "against_town"),  # three periods in a row, and on to 2025
        ("Innenstadt", "sprachfoerderbedarf_einschulung", "2025", "z_score"),
    }
