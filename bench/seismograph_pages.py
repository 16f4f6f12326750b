"""The Seismograph's dashboard in a large town: 100 districts × 60 indicators × 20 years (target: p95 under 100 ms).

Builds a town of its own (`seismopages`) in an empty database with bulk inserts: the shipped catalogue
(37 indicators) and 23 more, 100 districts each with a boundary of 64 corners (a 10 × 10 grid of
wavy squares), and 120,000 values from 2006 to 2025 in one import run — the numbers of people whole
numbers, every share with its numerator and denominator except those of one indicator in four (so the
town's value is the sum of numerators over denominators for most, the mean weighted by residents for
the others, the sum for the counts). Then, through the real views and middleware (Django's test client
on the town's host, `DEBUG=false`), after 3 untimed requests, `--rounds` timed ones of each page:

- the overview's map, its table and the ranking (`seismograph:overview`), as it opens and with a
  chosen indicator, an earlier period and quantiles;
- a district against the town (`seismograph:district`): 60 indicators, each with its line and table;
  the town's value of every indicator and period comes from the cache, computed once per version of
  the town (an import gives a new one) — the first request after an import is timed apart ("cold");
- an indicator over time in all districts (`seismograph:indicator`), a share and a weighted one;
- the segregation of residents without German citizenship (`seismograph:segregation`);
- a table as CSV (the overview's values).

Each line gives the median and p95 of the wall clock, the median CPU time of this process, and the
queries of one request. The pages keep their heavy part as a cached fragment per version of the town,
as the home and the field pages do; `--without-fragment-cache` (`FRAGMENT_CACHE=false`) measures
what they cost to render every time (the town's values per period and the projected boundaries
stay cached: data, not pages).

    python -m bench.seismograph_pages                                  # SQLite, bench/out/seismograph_pages.sqlite3
    python -m bench.seismograph_pages --without-fragment-cache
    scripts/with-postgres .venv/bin/python -m bench.seismograph_pages  # a throwaway PostgreSQL
"""

import argparse
import datetime
import math
import os
import statistics
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "bench" / "out" / "seismograph_pages.sqlite3"
HOST = "seismopages.ankommen.example"
DISTRICTS = 100
INDICATORS = 60
YEARS = range(2006, 2026)
CORNERS = 64


def setup():
    if "DATABASE_URL" not in os.environ:
        DATABASE.parent.mkdir(exist_ok=True)
        for leftover in DATABASE.parent.glob(DATABASE.name + "*"):
            leftover.unlink()  # each measurement starts from an empty database
        os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ALLOWED_HOSTS", HOST)
    os.environ.setdefault("VAR_DIR", str(ROOT / "bench" / "out" / "seismograph-pages-var"))
    django.setup()


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


# --- the town ------------------------------------------------------------------------------------


def build():
    from django.db import transaction

    from ankommen.core.actors import SystemActor
    from ankommen.core.services import create_town
    from ankommen.seismograph.services import install_catalogue

    town = create_town("seismopages", name="Großstadt", host=HOST)
    install_catalogue(town, actor=SystemActor.of(town))
    with transaction.atomic():
        indicators = _more_indicators(town)
        districts = _districts(town)
        _values(town, districts, indicators)
    return town


def _more_indicators(town):
    from ankommen.core.models import record_sources
    from ankommen.seismograph.models import Direction, Indicator, Topic, Unit

    have = list(Indicator.objects.for_municipality(town).order_by("position"))
    units = (Unit.PERCENT, Unit.PER_THOUSAND, Unit.PERCENT, Unit.COUNT)
    directions = (Direction.HIGHER_IS_WORSE, Direction.HIGHER_IS_BETTER, Direction.NEUTRAL)
    topics = [value for value, _label in Topic.choices]
    more = Indicator.objects.bulk_create(
        Indicator(
            municipality=town,
            key=f"zusatz_{number:02d}",
            name=f"Zusätzlicher Indikator {number}",
            definition="Ein Indikator der Stadt, der nicht im mitgelieferten Katalog steht.",
            numerator="Zähler",
            denominator="Nenner",
            unit=units[number % len(units)],
            direction=directions[number % len(directions)],
            topic=topics[number % len(topics)],
            source="Statistikstelle der Stadt",
            position=100 + number,
        )
        for number in range(INDICATORS - len(have))
    )
    record_sources(more)
    return have + more


def _districts(town):
    from ankommen.concept.models import District
    from ankommen.core.models import record_sources
    from ankommen.seismograph.models import DistrictShape

    districts = District.objects.bulk_create(
        District(municipality=town, name=f"Bezirk {number:03d}", position=number)
        for number in range(DISTRICTS)
    )
    record_sources(districts)
    side = math.isqrt(DISTRICTS)
    DistrictShape.objects.bulk_create(
        DistrictShape(municipality=town, district=district, geojson=_square(index % side, index // side))
        for index, district in enumerate(districts)
    )
    return districts


def _square(column, row):
    """A square of the grid with wavy sides: `CORNERS` corners, its neighbours' edges the same."""
    size = 0.01
    west, south = 9.0 + column * size, 48.7 + row * size
    corners = []
    for side in range(4):
        for step in range(CORNERS // 4):
            along = step / (CORNERS // 4)
            wave = 0.0006 * math.sin(along * math.pi * 2) * (step % 2)
            lon, lat = (
                (west + along * size, south + wave),
                (west + size + wave, south + along * size),
                (west + size - along * size, south + size + wave),
                (west + wave, south + size - along * size),
            )[side]
            corners.append([round(lon, 6), round(lat, 6)])
    corners.append(corners[0])
    return {"type": "Polygon", "coordinates": [corners]}


def _values(town, districts, indicators):
    from ankommen.seismograph.models import ImportRun, Observation, Unit

    run = ImportRun.objects.create(
        municipality=town, file_name="grossstadt.csv", file_format="csv", layout="wide", value_count=0
    )
    rows = []
    for index, indicator in enumerate(indicators):
        with_fraction = indicator.unit != Unit.COUNT and index % 4 != 3
        scale = {Unit.PERCENT: 100, Unit.PER_THOUSAND: 1000}.get(indicator.unit, 1)
        for number, district in enumerate(districts):
            for year in YEARS:
                residents = 2000 + (number * 37) % 3000 + (year - 2006) * 11
                if indicator.is_count or indicator.unit == Unit.COUNT:
                    share = 0.08 + 0.3 * ((number * 7 + index) % 13) / 13 + (year - 2006) * 0.002
                    value, numerator, denominator = float(round(residents * min(share, 1.0))), None, None
                    if indicator.key == "einwohner_gesamt":
                        value = float(residents)
                else:
                    denominator = float(residents // (1 + index % 3))
                    numerator = float(
                        round(denominator * (0.02 + 0.4 * ((number * 11 + index * 3 + year) % 17) / 17))
                    )
                    value = numerator / denominator * scale
                    if not with_fraction:
                        numerator = denominator = None
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
        if len(rows) >= 20_000:
            Observation.objects.bulk_create(rows, batch_size=2_000)
            rows = []
    Observation.objects.bulk_create(rows, batch_size=2_000)
    run.value_count = run.new_count = Observation.objects.for_municipality(town).count()
    run.save(update_fields=["value_count", "new_count"])


# --- the pages -----------------------------------------------------------------------------------


class Times(list):
    def __init__(self):
        super().__init__()
        self.cpu = []
        self.queries = 0


def timed(browser, url, rounds, *, warmup=3, before=None):
    """Milliseconds of `rounds` requests (after `warmup` untimed ones); `before` runs untimed before each."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = Times()
    for round_ in range(rounds + warmup):
        if before:
            before()
        start, cpu = time.perf_counter(), time.process_time()
        response = browser.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if round_ >= warmup:
            times.append((time.perf_counter() - start) * 1000)
            times.cpu.append((time.process_time() - cpu) * 1000)
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        browser.get(url)
    times.queries = len(queries)
    return times


def measure(town, rounds):
    from django.conf import settings
    from django.test import Client

    from ankommen.concept.models import District
    from ankommen.core.cache import touch_town

    settings.ALLOWED_HOSTS = ["*"]
    browser = Client(HTTP_HOST=HOST)
    middle = District.objects.for_municipality(town).get(name=f"Bezirk {DISTRICTS // 2:03d}")
    district = f"/seismograph/stadtteile/{middle.pk}/"
    pages = [
        ("overview: map, table, ranking", "/seismograph/", None),
        (
            "overview: SGB II rate, 2015, quantiles",
            "/seismograph/?indikator=sgb2_quote&zeitraum=2015&einteilung=quantile",
            None,
        ),
        ("district: 60 indicators against the town", district, None),
        ("district, cold (after an import)", district, lambda: touch_town(town.pk)),
        ("indicator: a share, 100 districts × 20 years", "/seismograph/indikatoren/sgb2_quote/", None),
        ("indicator: weighted by residents", "/seismograph/indikatoren/zusatz_02/", None),
        ("segregation: 5 measures, quotients, 20 periods", "/seismograph/segregation/", None),
        ("overview's values as CSV", "/seismograph/?format=csv&tabelle=werte", None),
    ]
    results = []
    for name, url, before in pages:
        cold = before is not None
        results.append(
            (name, url, timed(browser, url, max(rounds // 5, 5) if cold else rounds, before=before), cold)
        )
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument(
        "--without-fragment-cache", action="store_true", help="render every page's heavy part every time"
    )
    options = parser.parse_args()
    if options.without_fragment_cache:
        os.environ["FRAGMENT_CACHE"] = "false"
    setup()
    from django.core.management import call_command
    from django.db import connection

    from ankommen.seismograph.models import Observation

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    town = build()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    values = Observation.objects.for_municipality(town).count()
    print(
        f"{connection.vendor}: {values:,} values ({DISTRICTS} districts × {INDICATORS} indicators × {len(YEARS)} years), "
        f"{time.perf_counter() - started:.0f} s to build"
    )
    print(f"fragment cache: {'off' if options.without_fragment_cache else 'on'}")
    print(f"load average before the measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"\n{'':<48} {'wall clock':>17} {'CPU':>8}")
    print(f"{'page':<48} {'p50 ms':>8} {'p95 ms':>8} {'p50 ms':>8} {'queries':>8} {'target':>8}")
    for name, _url, times, cold in measure(town, options.rounds):
        target = "" if cold else ("met" if p95(times) < 100 else "NOT met")
        print(
            f"{name:<48} {statistics.median(times):8.1f} {p95(times):8.1f} {statistics.median(times.cpu):8.1f} "
            f"{times.queries:8} {'' if cold else '< 100':>8} {target}"
        )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
