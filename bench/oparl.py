"""The OParl interface of a large council: 100,000 papers and 400,000 consultations.

Builds a town of its own (`oparlbench`) with 20 committees, 400 people with 800 seats, 20,000
meetings (one per five papers, half with minutes), 100,000 submissions (90 % public, 5 % private,
5 % drafts; a fifth with a file), four consultations each (400,000; 95 % public, 70 % in a
meeting, each of those an agenda item), a decision for each deciding consultation held. Then,
through the real views and middleware (Django's test client on the town's host):

- a list page, first and last, of papers, consultations, agenda items (100 each) and meetings (25,
  each with its agenda) (target: p95 under 50 ms; the last page at most 1.5 × the first);
- `modified_since` on the papers after 100 of them changed (target: p95 under 30 ms);
- a crawl from the System object along every list, page after page, in objects per second
  (target: at least 1,000/s); `--crawl-pages` bounds the pages read per list.

    python -m bench.oparl                                      # SQLite, bench/out/oparl.sqlite3
    python -m bench.oparl --papers 10000                       # a trial run
    scripts/with-postgres .venv/bin/python -m bench.oparl      # a throwaway PostgreSQL
"""

import argparse
import json
import os
import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
HOST = "oparlbench.ankommen.example"


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def setup():
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / 'out' / 'oparl.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ALLOWED_HOSTS", HOST)
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    django.setup()


def moment(rng, start, days):
    return start + timedelta(seconds=rng.randrange(days * 86400))


def build(papers, rng):
    """The town and its council (nothing when the town is there already with as many papers)."""
    from django.db import transaction

    from ankommen.core.models import Municipality
    from ankommen.core.services import create_town
    from ankommen.council.models import Submission

    town = Municipality.objects.filter(slug="oparlbench").first()
    if town is not None and Submission.objects.for_municipality(town).count() == papers:
        return town
    if town is not None:
        town.delete()
    town = create_town("oparlbench", name="Ratsstadt", host=HOST)
    with transaction.atomic():
        _structure(town, max(papers // 5, 100), rng)
        _papers(town, papers, rng)
    return town


def _structure(town, count, rng):
    """Terms, committees, people and their seats, rooms, `count` meetings (half with minutes)."""
    from ankommen.council.models import (
        Attachment,
        Committee,
        LegislativeTerm,
        Location,
        Meeting,
        Membership,
        Person,
    )

    start = datetime(2014, 1, 1, tzinfo=UTC)
    LegislativeTerm.objects.bulk_create(
        LegislativeTerm(
            municipality=town,
            name=f"Wahlperiode {year}–{year + 5}",
            start_date=date(year, 7, 1),
            end_date=date(year + 5, 6, 30),
            created=start,
            modified=start,
        )
        for year in (2014, 2019, 2024)
    )
    committees = Committee.objects.bulk_create(
        Committee(municipality=town, name=f"Ausschuss {n}", created=start, modified=start) for n in range(20)
    )
    people = Person.objects.bulk_create(
        Person(
            municipality=town,
            given_name=f"Vorname {n}",
            family_name=f"Name {n}",
            created=start,
            modified=start,
        )
        for n in range(400)
    )
    Membership.objects.bulk_create(
        Membership(municipality=town, person=person, committee=committee, created=start, modified=start)
        for person in people
        for committee in rng.sample(committees, 2)
    )
    rooms = Location.objects.bulk_create(
        Location(municipality=town, description=f"Sitzungssaal {n}", created=start, modified=start)
        for n in range(10)
    )
    meetings = Meeting.objects.bulk_create(
        Meeting(
            municipality=town,
            committee=rng.choice(committees),
            location=rng.choice(rooms),
            start=(when := moment(rng, start, 12 * 365)),
            created=when - timedelta(days=30),
            modified=when,
        )
        for _ in range(count)
    )
    Attachment.objects.bulk_create(
        Attachment(
            municipality=town,
            meeting=meeting,
            role="minutes",
            title="Niederschrift",
            file=f"council/bench/niederschrift-{meeting.pk}.pdf",
            size=80_000,
            created=meeting.start,
            modified=meeting.start,
        )
        for meeting in meetings
        if rng.random() < 0.5
    )


def _papers(town, count, rng):
    from ankommen.council.models import (
        AgendaItem,
        Attachment,
        Committee,
        Consultation,
        Decision,
        Meeting,
        Submission,
    )

    start = datetime(2014, 1, 1, tzinfo=UTC)
    committees = list(Committee.objects.for_municipality(town).values_list("pk", flat=True))
    meetings = list(Meeting.objects.for_municipality(town).values_list("pk", "start"))
    roles = ["preliminary", "preliminary", "notice", "decision"]
    for first in range(0, count, 5000):
        batch = []
        for n in range(first, min(first + 5000, count)):
            kind = rng.random()
            created = moment(rng, start, 12 * 365)
            batch.append(
                Submission(
                    municipality=town,
                    reference=f"B/{n:06d}",
                    subject=f"Vorlage {n}: Sprachkurse und Begegnung im Stadtteil",
                    date=created.date(),
                    status="draft" if kind > 0.95 else rng.choice(["released", "decided"]),
                    is_public=kind <= 0.90 or kind > 0.95,
                    nonpublic_reason="property" if 0.90 < kind <= 0.95 else "",
                    released_at=None if kind > 0.95 else created,
                    created=created,
                    modified=created + timedelta(days=rng.randrange(60)),
                )
            )
        papers = Submission.objects.bulk_create(batch)
        consultations, files = [], []
        for paper in papers:
            for position, role in enumerate(roles, start=1):
                meeting = rng.choice(meetings) if rng.random() < 0.7 else None
                consultations.append(
                    Consultation(
                        municipality=town,
                        submission=paper,
                        committee_id=rng.choice(committees),
                        role=role,
                        is_public=rng.random() < 0.95,
                        meeting_id=meeting[0] if meeting else None,
                        meeting_date=None if meeting else paper.date,
                        position=position,
                        created=paper.created,
                        modified=paper.modified,
                    )
                )
            if rng.random() < 0.2:
                files.append(
                    Attachment(
                        municipality=town,
                        submission=paper,
                        title="Anlage",
                        file=f"council/bench/anlage-{paper.pk}.pdf",
                        mime_type="application/pdf",
                        size=120_000,
                        created=paper.created,
                        modified=paper.created,
                    )
                )
        consultations = Consultation.objects.bulk_create(consultations)
        Attachment.objects.bulk_create(files)
        items = [
            AgendaItem(
                municipality=town,
                meeting_id=row.meeting_id,
                number=f"{row.position}.",
                position=row.position,
                name=f"Beratung {row.submission_id}",
                is_public=row.is_public,
                consultation=row,
                created=row.created,
                modified=row.modified,
            )
            for row in consultations
            if row.meeting_id
        ]
        AgendaItem.objects.bulk_create(items)
        Decision.objects.bulk_create(
            Decision(municipality=town, consultation=row, outcome="adopted", recorded_at=row.modified)
            for row in consultations
            if row.meeting_id and row.role == "decision"
        )


def client():
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    return Client(HTTP_HOST=HOST)


def fetch(browser, url):
    response = browser.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:200])
    return json.loads(response.content)


class Times(list):
    """Milliseconds per request, wall clock; `cpu` the process's own CPU time (less moved by other load)."""

    def __init__(self):
        super().__init__()
        self.cpu = []


def timed(browser, url, rounds, warmup=3):
    times = Times()
    for round_ in range(rounds + warmup):
        start, cpu = time.perf_counter(), time.process_time()
        page = fetch(browser, url)
        if round_ >= warmup:
            times.append((time.perf_counter() - start) * 1000)
            times.cpu.append((time.process_time() - cpu) * 1000)
    return times, page


def last_page_start(kind, town, size):
    """The id after which the last full page of `size` starts."""
    return kind.served(town).order_by("-pk").values_list("pk", flat=True)[size]


def measure_pages(town, browser, rounds):
    """First and last page of the big lists, each in its own page size (a meeting's holds 25)."""
    from ankommen.council.oparl.kinds import KINDS

    rows = []
    for segment in ("paper", "consultation", "agendaitem", "meeting"):
        kind = KINDS[segment]
        url = f"/oparl/1.1/body/{town.slug}/{segment}/"
        first, page = timed(browser, url, rounds)
        assert len(page["data"]) == kind.page_size
        last, page = timed(browser, f"{url}?after={last_page_start(kind, town, kind.page_size)}", rounds)
        assert len(page["data"]) == kind.page_size and "next" not in page["links"]
        rows.append((f"{segment} ({kind.page_size})", first, last))
    return rows


def measure_changes(town, browser, rounds, rng):
    """100 papers changed after T; the list of papers modified since T."""
    from django.utils import timezone

    from ankommen.council.models import Submission

    since = timezone.now()
    public = list(Submission.objects.for_municipality(town).public().own().values_list("pk", flat=True))
    for pk in rng.sample(public, 100):
        paper = Submission.objects.get(pk=pk)
        paper.subject = f"{paper.subject} (geändert)"
        paper.save()
    query = json.dumps(since.isoformat())[1:-1].replace("+", "%2B")
    times, page = timed(browser, f"/oparl/1.1/body/{town.slug}/paper/?modified_since={query}", rounds)
    assert len(page["data"]) == 100, len(page["data"])
    return times


def crawl(browser, pages_per_list):
    """From the System object along every list of the body, page after page."""
    start = time.perf_counter()
    system = fetch(browser, "/oparl/1.1/")
    body = fetch(browser, fetch(browser, system["body"])["data"][0]["id"])
    objects, per_list = 0, {}
    for key in ("organization", "person", "membership", "legislativeTermList", "locationList", "meeting",
                "agendaItem", "paper", "consultation", "file"):  # fmt: skip
        url, pages, count = body[key], 0, 0
        while url and (pages_per_list is None or pages < pages_per_list):
            page = fetch(browser, url)
            count += len(page["data"])
            pages += 1
            url = page["links"].get("next")
        per_list[key] = (count, pages, url is None)
        objects += count
    return objects, time.perf_counter() - start, per_list


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument(
        "--crawl-pages", type=int, default=None, help="pages read per list (default: all; 0: no crawl)"
    )
    parser.add_argument("--seed", type=int, default=2017)
    options = parser.parse_args()
    setup()
    from django.core.management import call_command
    from django.db import connection

    from ankommen.council.models import AgendaItem, Consultation, Submission

    rng = random.Random(options.seed)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    started = time.perf_counter()
    town = build(options.papers, rng)
    vendor = connection.vendor
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # what autovacuum does after a load; SQLite keeps what it learns
    counts = {
        model.__name__: model.objects.for_municipality(town).count()
        for model in (Submission, Consultation, AgendaItem)
    }
    print(f"{vendor}: {counts} ({time.perf_counter() - started:.0f} s to build)")
    print(f"load average before the measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    browser = client()
    print(f"\n{'':<36} {'wall clock':>17} {'CPU':>8}")
    print(
        f"{'list page (objects on it)':<36} {'p50 ms':>8} {'p95 ms':>8} {'p50 ms':>8} {'last/first p95':>15}"
    )
    for segment, first, last in measure_pages(town, browser, options.rounds):
        print(f"{segment + ', first page':<36} {_figures(first)}")
        print(f"{segment + ', last page':<36} {_figures(last)} {p95(last) / p95(first):14.2f}×")
    changes = measure_changes(town, browser, options.rounds, rng)
    print(f"{'paper, modified_since, 100 changes':<36} {_figures(changes)}")
    if options.crawl_pages != 0:
        objects, seconds, per_list = crawl(browser, options.crawl_pages)
        print(
            f"\ncrawl from the System object: {objects} objects in {seconds:.1f} s = {objects / seconds:,.0f} objects/s"
        )
        for key, (count, pages, complete) in per_list.items():
            print(f"  {key:<20} {count:>8} objects, {pages:>5} pages{'' if complete else ' (bounded)'}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


def _figures(times):
    return f"{statistics.median(times):8.1f} {p95(times):8.1f} {statistics.median(times.cpu):8.1f}"


if __name__ == "__main__":
    main()
