"""The OParl import from a large council system: 10,000 papers in pages of 100, read over real HTTP.

A local HTTP server (tests/council/import_data.py) serves a generated OParl 1.1 system: committees,
meetings with agenda items and minutes, and papers with two consultations and their files each. The
import runs into a town of its own (`oparlbench`), as `ankommen oparl import` runs it:

- the first import, everything new (target: under 5 minutes);
- the next run with nothing changed: every list asked with `modified_since` (target: under 10 s);
- a run after 100 papers changed at the origin;
- for comparison, a full reading of every list again with nothing changed (`--full`): no row written.

    python -m bench.oparl_import                                    # SQLite, bench/out/oparl_import.sqlite3
    scripts/with-postgres .venv/bin/python -m bench.oparl_import    # a throwaway PostgreSQL
"""

import argparse
import os
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
DATABASE = ROOT / "bench" / "out" / "oparl_import.sqlite3"


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
    from ankommen.core.models import Municipality
    from ankommen.core.services import create_town

    existing = Municipality.objects.filter(slug="oparlbench").first()
    return existing or create_town("oparlbench", name="Importstadt", host="oparlbench.ankommen.example")


def timed_run(place, url, **options):
    from ankommen.council.models import ImportRun
    from ankommen.council.oparl.importer import run_import

    run = ImportRun.objects.create(municipality=place, url=url)
    start = time.perf_counter()
    run_import(run, **options)
    return time.perf_counter() - start, run


def rows(place):
    from ankommen.council.models import AgendaItem, Attachment, Consultation, Meeting, Submission

    return {
        model.__name__: model.objects.for_municipality(place).count()
        for model in (Submission, Consultation, Attachment, Meeting, AgendaItem)
    }


def report(label, seconds, run, requests):
    papers = run.counts.get("paper", {})
    print(
        f"{label}: {seconds:.1f} s, {run.status}, {requests} requests; papers read {papers.get('read', 0)}, "
        f"created {papers.get('created', 0)}, updated {papers.get('updated', 0)}, "
        f"unchanged {papers.get('unchanged', 0)}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--meetings", type=int, default=400)
    parser.add_argument("--changes", type=int, default=100)
    options = parser.parse_args()
    setup()
    from django.core.management import call_command
    from django.db import connection

    from tests.council import import_data

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    place = town()
    vendor = connection.vendor
    with import_data.OParlServer() as server:
        system, body = import_data.generated(
            server, papers=options.papers, meetings=options.meetings, organizations=20, page_size=100
        )
        url = system["id"]
        print(f"{vendor}: {options.papers} papers, {options.meetings} meetings, 20 committees, pages of 100")

        seconds, run = timed_run(place, url)
        report(f"{vendor}: first import", seconds, run, len(server.requests))
        print(f"{vendor}: rows {rows(place)}")

        server.requests.clear()
        seconds, run = timed_run(place, url)
        report(f"{vendor}: next run, nothing changed", seconds, run, len(server.requests))

        papers = server.lists[import_data.key_of(body["paper"])].objects
        step = max(1, len(papers) // options.changes)
        for paper in papers[::step][: options.changes]:
            server.change(paper["id"], name=paper["name"] + " (geändert)")
        server.requests.clear()
        seconds, run = timed_run(place, url)
        report(f"{vendor}: next run, {options.changes} papers changed", seconds, run, len(server.requests))

        server.requests.clear()
        seconds, run = timed_run(place, url, full=True)
        report(f"{vendor}: full reading, nothing changed", seconds, run, len(server.requests))


if __name__ == "__main__":
    main()
