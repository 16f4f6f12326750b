"""The Seismograph's import of a large file: 100,000 values in one CSV (target: under 10 s on SQLite).

A town of its own (`seismobench`) with the shipped catalogue gets a wide file of 100 districts ×
50 years × 20 indicators, as `ankommen seismograph import … --add-districts` takes it; then the
same file once more (every value unchanged), a file changing a tenth of the values, and the
rollback of that one. Each step is timed as a whole: reading, checking, comparing and writing.

    python -m bench.seismograph_import                                  # SQLite, bench/out/seismograph_import.sqlite3
    scripts/with-postgres .venv/bin/python -m bench.seismograph_import  # a throwaway PostgreSQL
"""

import argparse
import os
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "bench" / "out" / "seismograph_import.sqlite3"
INDICATORS = 20
YEARS = range(1975, 2025)


def setup():
    if "DATABASE_URL" not in os.environ:
        DATABASE.parent.mkdir(exist_ok=True)
        for leftover in DATABASE.parent.glob(DATABASE.name + "*"):
            leftover.unlink()  # each measurement starts from an empty database
        os.environ["DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ.setdefault("DEBUG", "false")
    django.setup()


def town():
    from ankommen.core.actors import SystemActor
    from ankommen.core.models import Municipality
    from ankommen.core.services import create_town
    from ankommen.seismograph.services import install_catalogue

    place = Municipality.objects.filter(slug="seismobench").first() or create_town(
        "seismobench", name="Messstadt", host="seismobench.ankommen.example"
    )
    install_catalogue(place, actor=SystemActor.of(place))
    return place


def wide_file(keys, districts, *, change_every=0):
    """One line per district and year, one column per indicator; every `change_every`-th value one higher."""
    lines = ["district;period;" + ";".join(keys)]
    number = 0
    for district in range(districts):
        for year in YEARS:
            cells = []
            for column in range(len(keys)):
                value = (district * 7 + year + column) % 90
                number += 1
                if change_every and number % change_every == 0:
                    value += 1
                cells.append(str(value))
            lines.append(f"Bezirk {district};{year};" + ";".join(cells))
    return ("\n".join(lines) + "\n").encode()


def timed(step):
    """The step's result and its time: wall clock, and this process's CPU (less moved by other load)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = step()
    return f"{time.perf_counter() - start:.2f} s (CPU {time.process_time() - cpu:.2f} s)", result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=100, help="× 50 years × 20 indicators (default 100)")
    options = parser.parse_args()
    setup()
    from django.core.management import call_command
    from django.db import connection

    from ankommen.core.actors import SystemActor
    from ankommen.seismograph.models import Indicator
    from ankommen.seismograph.services import import_observations, roll_back_import

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    place = town()
    actor = SystemActor.of(place)
    keys = list(Indicator.objects.for_municipality(place).order_by("position").values_list("key", flat=True))
    keys = keys[:INDICATORS]
    vendor = connection.vendor
    content = wide_file(keys, options.districts)
    values = options.districts * len(YEARS) * len(keys)
    print(
        f"{vendor}: {values:,} values ({options.districts} districts × {len(YEARS)} years × {len(keys)} indicators), "
        f"{len(content) / 1e6:.1f} MB"
    )

    took, run = timed(
        lambda: import_observations(place, content, "gross.csv", actor=actor, add_districts=True)
    )
    print(f"{vendor}: first import, {run.new_count:,} new: {took}")
    took, run = timed(lambda: import_observations(place, content, "gross.csv", actor=actor))
    print(f"{vendor}: the same file again, {run.unchanged_count:,} unchanged: {took}")
    changed = wide_file(keys, options.districts, change_every=10)
    took, run = timed(lambda: import_observations(place, changed, "korrigiert.csv", actor=actor))
    print(f"{vendor}: a tenth changed, {run.changed_count:,} changed: {took}")
    took, run = timed(lambda: roll_back_import(run, actor=actor))
    print(f"{vendor}: rolling that back: {took}")


if __name__ == "__main__":
    main()
