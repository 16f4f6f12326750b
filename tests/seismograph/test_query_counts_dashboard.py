"""The Seismograph's dashboard pages, each pinned to its exact query count (see tests/queries.py).

The demo town's five districts and their values grow by districts with eleven years of values and a
boundary each (the map, the tables, the ranking, the segregation), and the Oststadt by indicators
(its page lists every indicator it has values for). However many there are, a page reads them in
the same queries. The first request computes and stores the page's heavy part (its fragment, and the
town's values per period and the projected boundaries the district page and the map use); the
second reads it from the cache.
"""

import datetime
import itertools

import pytest

from ankommen.concept.models import District
from ankommen.seismograph.models import DistrictShape, ImportRun, Indicator, Observation
from tests.queries import Page, pin

TOWN = "kornwestheim"
YEARS = range(2015, 2026)
_numbers = itertools.count(1)


def _values(town, district, indicators, run):
    rows = []
    for indicator in indicators:
        for year in YEARS:
            if indicator.key == "einwohner_gesamt":
                value, numerator, denominator = 4000 + year, None, None
            elif indicator.key == "einwohner_nichtdeutsch":
                value, numerator, denominator = 800 + year % 100, None, None
            else:
                value, numerator, denominator = (year % 100) / 2, year % 100, 200
            rows.append(
                Observation(
                    municipality=town,
                    district=district,
                    indicator=indicator,
                    period=str(year),
                    period_start=datetime.date(year, 1, 1),
                    value=value,
                    numerator=numerator,
                    denominator=denominator,
                    import_run=run,
                )
            )
    Observation.objects.bulk_create(rows)


def add_districts(town, people, count):
    """Districts with values of the overview's and the segregation's indicators, and a boundary each."""
    run = ImportRun.objects.create(municipality=town, file_name="mehr.csv", file_format="csv", layout="long")
    indicators = list(
        Indicator.objects.for_municipality(town).filter(
            key__in=("einwohner_gesamt", "einwohner_nichtdeutsch", "anteil_nichtdeutsch", "sgb2_quote")
        )
    )
    for _ in range(count):
        number = next(_numbers)
        district = District.objects.create(
            municipality=town, name=f"Neuer Stadtteil {number}", position=50 + number
        )
        _values(town, district, indicators, run)
        corner = 9.25 + number * 0.01
        ring = [
            [corner, 48.85],
            [corner + 0.008, 48.85],
            [corner + 0.008, 48.86],
            [corner, 48.86],
            [corner, 48.85],
        ]
        DistrictShape.objects.create(
            municipality=town, district=district, geojson={"type": "Polygon", "coordinates": [ring]}
        )


def add_indicators(town, people, count):
    """Values of `count` more indicators for the Oststadt (and the Weststadt, for the town's value)."""
    run = ImportRun.objects.create(municipality=town, file_name="mehr.csv", file_format="csv", layout="long")
    without = (
        Indicator.objects.for_municipality(town)
        .exclude(observations__isnull=False)
        .filter(is_count=False)
        .order_by("position")[:count]
    )
    indicators = list(without)
    assert len(indicators) == count, "the catalogue has indicators enough without values"
    for name in ("Oststadt", "Weststadt"):
        _values(town, District.objects.for_municipality(town).get(name=name), indicators, run)


def _oststadt():
    return District.objects.get(municipality__slug=TOWN, name="Oststadt").pk


PAGES = [
    Page("the Seismograph's map", None, lambda: "/seismograph/?indikator=sgb2_quote", (25, 5), add_districts),
    Page(
        "the Seismograph's map for a member",
        "mitglied",
        lambda: "/seismograph/?indikator=anteil_nichtdeutsch",
        (28, 8),
        add_districts,
    ),
    Page(
        "a district in numbers",
        None,
        lambda: f"/seismograph/stadtteile/{_oststadt()}/",
        (24, 4),
        add_indicators,
    ),
    Page(
        "a district in numbers for a member, who may follow it",
        "mitglied",
        lambda: f"/seismograph/stadtteile/{_oststadt()}/",
        (28, 8),
        add_indicators,
    ),
    Page(
        "a district in numbers, as the town grows",
        None,
        lambda: f"/seismograph/stadtteile/{_oststadt()}/",
        (24, 4),
        add_districts,
    ),
    Page(
        "an indicator over time", None, lambda: "/seismograph/indikatoren/sgb2_quote/", (17, 5), add_districts
    ),
    Page("the segregation", None, lambda: "/seismograph/segregation/", (18, 6), add_districts),
]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_page_runs_its_pinned_number_of_queries(client_as, town, people, page):
    pin(client_as(page.role), town, people, page)
