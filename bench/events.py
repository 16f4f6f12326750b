"""Events of a large town: 5,000 events and 200,000 registrations; then 500 people at once for 50 seats.

Builds a town of its own (`eventbench`) with `bulk_create`: 20,000 members, 40 places, 10 fields,
5,000 events spread over two years around today (a year back, a year ahead; sessions, talks,
workshops, 50 conferences with three rooms, ten sessions and their speakers each; 95 % published,
2 % called off; a third with an agenda, the past ones with minutes), 200,000 registrations (four in
five by members, the others people who called; seats taken in order, the rest waiting, 5 %
cancelled; 70 % of the past ones checked in; 15 % with needs), among them an event with 400
registrations. Then:

- through the real views and middleware (Django's test client on the town's host), 50 timed
  requests after 3 untimed ones: this month's calendar page (`events:month`), an event's page
  (`events:event`; a session, a conference with its programme), the organiser's attendee list of
  the event with 400 registrations (`events:attendees`) (targets: p95 under 50 ms), and the
  calendar to subscribe to (`events:feed`, a year of events) (target: p95 under 100 ms);
- a burst through gunicorn (`--workers` × `--threads`, on the same database): 500 logged-in people
  (sessions made beforehand) each POST `events:register` once, at moments spread at random over
  10 s, for an event with 50 seats; one answered 409 ("bitte erneut versuchen") posts again. Then
  exactly 50 must hold a seat and 450 wait, with no answer 5xx and a p95 under 300 ms.

    python -m bench.events                                      # SQLite, bench/out/events.sqlite3
    python -m bench.events --events 500 --registrations 20000   # a trial run
    scripts/with-postgres .venv/bin/python -m bench.events      # a throwaway PostgreSQL
"""

import argparse
import contextlib
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
HOST = "eventbench.ankommen.example"
BIG = "grosse-versammlung"  # the event with 400 registrations
MEMBERS_SHARE = 0.8  # of the registrations; the others are people who called


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 20 else max(values)


def setup():
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'bench' / 'out' / 'events.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("ALLOWED_HOSTS", HOST)
    os.environ.setdefault("VAR_DIR", str(ROOT / "bench" / "out" / "events-var"))  # the pages' static files
    (ROOT / "bench" / "out").mkdir(exist_ok=True)
    django.setup()


def code(n):
    """The `n`th door code of an event (the service draws them at random and draws again on a clash)."""
    from ankommen.events.models import CODE_ALPHABET, CODE_LENGTH

    letters = []
    for _ in range(CODE_LENGTH):
        n, digit = divmod(n, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[digit])
    return "".join(letters)


# --- the town ------------------------------------------------------------------------------------


def build(events, registrations, rng):
    """The town and its events (nothing when the town is there already with as many)."""
    from django.db import transaction

    from ankommen.accounts.models import User
    from ankommen.core.models import Municipality
    from ankommen.core.services import create_town
    from ankommen.events.models import Event, Registration, Session, Venue

    town = Municipality.objects.filter(slug="eventbench").first()
    if town is not None:
        # The events a run adds for its registrations (their addresses begin "ansturm") go, with their rows.
        Event.objects.for_municipality(town).filter(slug__startswith="ansturm").delete()
        kept = Event.objects.for_municipality(town)
        if kept.count() == events and Registration.objects.filter(event__in=kept).count() == registrations:
            return town
        # Places and rooms are protected while events and sessions use them: these go first, then the town.
        Session.objects.for_municipality(town).delete()
        Event.objects.for_municipality(town).delete()
        Venue.objects.for_municipality(town).delete()
        User.objects.filter(email__endswith="@eventbench.example").delete()  # accounts outlive a town
        town.delete()
    town = create_town("eventbench", name="Veranstaltungsstadt", host=HOST)
    with transaction.atomic():
        members = _people(town, max(registrations // 10, 1_000))
        _events(town, events, registrations, members, rng)
    return town


def _people(town, count):
    """`count` members (the first the town's admin, the next 20 experts who organise), their accounts."""
    from ankommen.accounts.models import Member, User

    members = []
    for first in range(0, count, 5000):
        users = User.objects.bulk_create(
            User(email=f"p{n}@eventbench.example", display_name=f"Person {n}")
            for n in range(first, min(first + 5000, count))
        )
        members += Member.objects.bulk_create(
            Member(
                municipality=town,
                user=user,
                role_sectors={"admin": ""} if n == 0 else {"expert": ""} if n <= 20 else {"member": ""},
            )
            for n, user in enumerate(users, start=first)
        )
    return members


def _events(town, count, registrations, members, rng):
    from django.utils import timezone

    from ankommen.concept.models import Field
    from ankommen.events.models import (
        AgendaEntry,
        Event,
        EventKind,
        FoodNeed,
        MinutesPoint,
        Need,
        NeedKind,
        Registration,
        RegistrationStatus,
        Room,
        Session,
        Source,
        Speaker,
        Venue,
    )

    now = timezone.now().replace(second=0, microsecond=0)
    today = now.replace(hour=0, minute=0)
    venues = Venue.objects.bulk_create(
        Venue(
            municipality=town,
            slug=f"ort-{n}",
            name=f"Begegnungsstätte {n}",
            address=f"Hauptstraße {n + 1}, 70806 Veranstaltungsstadt",
            step_free=n % 3 != 0,
            accessible_toilet=n % 2 == 0,
            hearing_loop=n % 5 == 0,
            accessibility="Eingang ohne Stufen an der Rückseite." if n % 3 else "",
        )
        for n in range(40)
    )
    fields = Field.objects.bulk_create(
        Field(municipality=town, name=f"Handlungsfeld {n}", slug=f"feld-{n}", summary=f"Feld {n}", position=n)
        for n in range(10)
    )
    speakers = Speaker.objects.bulk_create(
        Speaker(municipality=town, slug=f"referentin-{n}", name=f"Dr. Referentin {n}", role="Hochschule")
        for n in range(100)
    )
    organisers = members[1:21]
    kinds = (
        [EventKind.SESSION] * 40 + [EventKind.TALK] * 25 + [EventKind.WORKSHOP] * 25 + [EventKind.OTHER] * 9
    )
    made = []
    for n in range(count):
        conference = n % 100 == 50
        big = n == count // 2
        starts_at = (
            today + timedelta(days=10, hours=18)
            if big
            else today + timedelta(days=rng.randrange(-365, 365), hours=rng.randrange(9, 20))
        )
        hours = rng.randrange(6, 9) if conference else rng.randrange(1, 4)
        capacity = 360 if big else rng.choice([20, 25, 30, 40, 50, 60, 80, 100, 150, None])
        made.append(
            Event(
                municipality=town,
                slug=BIG if big else f"veranstaltung-{n}",
                kind=EventKind.CONFERENCE if conference else rng.choice(kinds),
                title=f"{'Ankommenskonferenz' if conference else 'Treffen'} {n}: Sprache, Arbeit und Wohnen",
                summary="Wir sammeln, was gut läuft, und was fehlt.",
                description="Eine Beschreibung der Veranstaltung mit allem, was man wissen muss. " * 8,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=hours),
                venue=rng.choice(venues) if rng.random() < 0.9 else None,
                room=f"Raum {rng.randrange(1, 12)}",
                online_url="https://treffen.example/raum" if rng.random() < 0.1 else "",
                capacity=capacity,
                registration=big or rng.random() < 0.9,
                contact="Integrationsbüro, Telefon 07154 202-0",
                published_at=None if not big and rng.random() < 0.05 else starts_at - timedelta(days=30),
                cancelled_at=starts_at - timedelta(days=2) if not big and rng.random() < 0.02 else None,
                cancel_reason="",
            )
        )
    made = Event.objects.bulk_create(made, batch_size=2000)
    through = Event.fields.through
    through.objects.bulk_create(
        (
            through(event_id=event.pk, field_id=field.pk)
            for event in made
            for field in rng.sample(fields, rng.choice([1, 1, 2]))
        ),
        batch_size=5000,
    )
    host = Event.organisers.through
    host.objects.bulk_create(
        (
            host(event_id=event.pk, member_id=organiser.pk)
            for event in made
            for organiser in rng.sample(organisers, rng.choice([1, 2]))
        ),
        batch_size=5000,
    )
    big = next(event for event in made if event.slug == BIG)
    host.objects.create(event_id=big.pk, member_id=members[1].pk)

    # Conferences: three rooms, ten sessions, speakers.
    for event in (event for event in made if event.kind == EventKind.CONFERENCE):
        rooms = Room.objects.bulk_create(
            Room(municipality=town, event=event, name=name, position=position)
            for position, name in enumerate(("Großer Saal", "Raum 2", "Raum 3"), start=1)
        )
        sessions = Session.objects.bulk_create(
            Session(
                municipality=town,
                event=event,
                slug=f"programmpunkt-{n}",
                title=f"Programmpunkt {n}: Wege in Arbeit",
                description="Was es braucht, damit es gelingt.",
                room=rooms[n % 3],
                starts_at=event.starts_at + timedelta(hours=1 + n // 3),
                ends_at=event.starts_at + timedelta(hours=2 + n // 3),
                capacity=rng.choice([None, 20, 30]),
            )
            for n in range(10)
        )
        Session.speakers.through.objects.bulk_create(
            Session.speakers.through(session_id=session.pk, speaker_id=speaker.pk)
            for session in sessions
            for speaker in rng.sample(speakers, 2)
        )

    # A third have an agenda; the past ones among them, minutes.
    items, points = [], []
    for event in made:
        if rng.random() < 1 / 3:
            for position in range(1, 4):
                items.append(
                    AgendaEntry(
                        municipality=town,
                        event=event,
                        position=position,
                        title=f"Tagesordnungspunkt {position}",
                        speakers="Integrationsbeauftragte",
                        outcome="Es fehlen Sprachkurse am Abend." if event.ends_at < now else "",
                    )
                )
    items = AgendaEntry.objects.bulk_create(items, batch_size=5000)
    for item in items:
        if item.outcome:
            points += [
                MinutesPoint(municipality=town, agenda_item=item, position=position, kind=kind, text=text)
                for position, (kind, text) in enumerate(
                    (("result", "Abendkurse fehlen."), ("action", "Träger fragen, wer Abendkurse anbietet.")),
                    start=1,
                )
            ]
    MinutesPoint.objects.bulk_create(points, batch_size=5000)

    # Registrations: how many each event has, spread around the mean; the big one has 400.
    others = [event for event in made if event.pk != big.pk]
    weights = [rng.uniform(0.1, 1.9) for _ in others]
    left = registrations - 400
    counts = [int(weight / sum(weights) * left) for weight in weights]
    for index in rng.sample(range(len(others)), left - sum(counts)):
        counts[index] += 1
    plan = [(big, 400), *zip(others, counts, strict=True)]
    languages = ["de"] * 6 + ["ar", "fa", "uk", "tr", "en", "ru"]
    needs_of = [
        (NeedKind.INTERPRETING, "ar"),
        (NeedKind.INTERPRETING, "uk"),
        (NeedKind.INTERPRETING, "fa"),
        (NeedKind.SIGN_LANGUAGE, ""),
        (NeedKind.CHILDCARE, ""),
        (NeedKind.STEP_FREE, ""),
        (NeedKind.EASY_LANGUAGE, ""),
        *((NeedKind.FOOD, food.value) for food in FoodNeed),
    ]
    batch, wanted = [], []

    def flush():
        rows = Registration.objects.bulk_create(batch, batch_size=2000)
        Need.objects.bulk_create(
            (
                Need(municipality=town, registration=row, event_id=row.event_id, kind=kind, detail=detail)
                for row, needs in zip(rows, wanted, strict=True)
                for kind, detail in needs
            ),
            batch_size=5000,
        )
        batch.clear()
        wanted.clear()

    for event, total in plan:
        people = rng.sample(range(len(members)), min(total, len(members)))
        past = event.ends_at < now
        opened = event.starts_at - timedelta(days=30)
        for n, person in enumerate(people):
            queued_at = opened + timedelta(seconds=n * 600 + rng.randrange(600))
            cancelled = rng.random() < 0.05
            if cancelled:
                status = RegistrationStatus.CANCELLED
            elif event.capacity is None or n < event.capacity:
                status = RegistrationStatus.CONFIRMED
            else:
                status = RegistrationStatus.WAITING
            needs = (
                sorted(set(rng.sample(needs_of, rng.choice([1, 1, 2]))))
                if status != RegistrationStatus.CANCELLED and rng.random() < 0.15
                else []
            )
            member = rng.random() < MEMBERS_SHARE
            batch.append(
                Registration(
                    municipality=town,
                    event=event,
                    member=members[person] if member else None,
                    name="" if member else f"Anrufende Person {person}",
                    phone="" if member else f"07154 {person:06d}",
                    contact_key="" if member else f"tel:497154{person:06d}",
                    language=rng.choice(languages),
                    status=status,
                    registered_at=queued_at,
                    queued_at=queued_at,
                    cancelled_at=queued_at + timedelta(days=1) if cancelled else None,
                    source=Source.ONLINE if member else Source.PHONE,
                    entered_by=None if member else members[0],
                    needs_consent_at=queued_at if needs else None,
                    checkin_code=code(n),
                    checked_in_at=(
                        event.starts_at
                        if past and status == RegistrationStatus.CONFIRMED and rng.random() < 0.7
                        else None
                    ),
                )
            )
            wanted.append(needs)
        if len(batch) >= 10_000:
            flush()
    flush()


# --- pages, in-process ---------------------------------------------------------------------------


class Times(list):
    """Milliseconds per request, wall clock; `cpu` the process's own CPU time (less moved by other load)."""

    def __init__(self):
        super().__init__()
        self.cpu = []


def timed(browser, url, rounds, warmup=3):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = Times()
    response = None
    for round_ in range(rounds + warmup):
        start, cpu = time.perf_counter(), time.process_time()
        response = browser.get(url)
        if response.status_code != 200:
            return None, response
        if round_ >= warmup:
            times.append((time.perf_counter() - start) * 1000)
            times.cpu.append((time.process_time() - cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        browser.get(url)
    times.queries = len(queries)
    return times, response


def measure_pages(town, rounds):
    from django.conf import settings
    from django.db.models import Count, Q
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from ankommen.accounts.models import Member
    from ankommen.events.models import Event, EventKind, Registration

    settings.ALLOWED_HOSTS = ["*"]
    visitor = Client(HTTP_HOST=HOST)
    member = Client(HTTP_HOST=HOST)
    admin = Client(HTTP_HOST=HOST)
    admin.force_login(Member.objects.for_municipality(town).get(user__email="p0@eventbench.example").user)
    now = timezone.localtime()
    published = Event.objects.for_municipality(town).published().filter(cancelled_at__isnull=True)
    upcoming = published.filter(starts_at__gt=now, registration=True, kind=EventKind.SESSION)
    typical = (
        upcoming.annotate(rows=Count("registrations"))
        .filter(rows__gte=35, rows__lte=45)
        .order_by("starts_at")
        .first()
    )
    conference = published.filter(kind=EventKind.CONFERENCE, starts_at__gt=now).order_by("starts_at").first()
    registered = Registration.objects.filter(
        event=typical, member__isnull=False, status="confirmed"
    ).select_related("member__user")
    member.force_login(registered.first().member.user)
    in_month = published.filter(starts_at__year=now.year, starts_at__month=now.month).count()
    big = Event.objects.for_municipality(town).get(slug=BIG)
    big_rows = Registration.objects.filter(event=big).aggregate(
        all=Count("pk"), active=Count("pk", filter=~Q(status="cancelled"))
    )
    month = reverse("events:month", args=[now.year, now.month])
    pages = [
        (f"calendar month ({in_month} events)", month, visitor, 50),
        ("calendar month, as a member", month, member, 50),
        (f"event ({typical.registrations.count()} registrations)", typical.get_absolute_url(), visitor, 50),
        ("event, as a member registered", typical.get_absolute_url(), member, 50),
        ("conference (10 sessions)", conference.get_absolute_url(), visitor, 50),
        (
            f"attendee list ({big_rows['all']} registrations, {big_rows['active']} active)",
            reverse("events:attendees", args=[BIG]),
            admin,
            50,
        ),
        ("feed (a year)", reverse("events:feed"), visitor, 100),
    ]
    rows = []
    for name, url, browser, target in pages:
        times, response = timed(browser, url, rounds)
        extra = ""
        if times is not None and url.endswith(".ics"):
            extra = f"{response.content.count(b'BEGIN:VEVENT')} events, {len(response.content) // 1024} KB"
        rows.append((name, url, target, times, response.status_code, extra))
    return rows


def measure_registering(town, count):
    """`count` members register one after the other for an event with half as many seats (POST, in-process)."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from ankommen.accounts.models import Member
    from ankommen.events.models import Event

    settings.ALLOWED_HOSTS = ["*"]
    Event.objects.for_municipality(town).filter(slug="ansturm-einzeln").delete()
    now = timezone.now().replace(second=0, microsecond=0)
    event = Event.objects.create(
        municipality=town,
        slug="ansturm-einzeln",
        title="Einzeln angemeldet",
        starts_at=now + timedelta(days=20),
        ends_at=now + timedelta(days=20, hours=2),
        capacity=count // 2,
        published_at=now - timedelta(days=1),
    )
    url = reverse("events:register", args=[event.slug])
    people = Member.objects.for_municipality(town).filter(role_sectors__has_key="member").order_by("-pk")
    times = Times()
    browser = Client(HTTP_HOST=HOST)  # one handler: its middleware is set up once, as in a server's worker
    browser.get(reverse("events:calendar"))
    for index, member in enumerate(people.select_related("user")[:count]):
        browser.force_login(member.user)
        with CaptureQueriesContext(connection) as queries:
            start, cpu = time.perf_counter(), time.process_time()
            response = browser.post(url)
            took, cpu = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
        if response.status_code != 302:
            return None, response.status_code, url
        times.append(took)
        times.cpu.append(cpu)
        if index == count - 1:
            times.queries = len(queries)  # one who waits: the position on the list is counted too
    return times, 302, url


def measure_service(town, count):
    """`services.register` alone, one after the other: about as long as a registration holds the seats' lock
    (its transaction is the lock's; what comes before it is a rule asked in memory)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from ankommen.accounts.models import Member
    from ankommen.events import services
    from ankommen.events.models import Event

    Event.objects.for_municipality(town).filter(slug="ansturm-dienst").delete()
    now = timezone.now().replace(second=0, microsecond=0)
    event = Event.objects.create(
        municipality=town,
        slug="ansturm-dienst",
        title="Direkt angemeldet",
        starts_at=now + timedelta(days=20),
        ends_at=now + timedelta(days=20, hours=2),
        capacity=count // 2,
        published_at=now - timedelta(days=1),
    )
    people = Member.objects.for_municipality(town).filter(role_sectors__has_key="member").order_by("-pk")
    times = Times()
    for member in people.select_related("user")[count : 2 * count]:
        fresh = Event.objects.get(pk=event.pk)
        with CaptureQueriesContext(connection) as queries:
            start, cpu = time.perf_counter(), time.process_time()
            services.register(fresh, member=member)
            times.append((time.perf_counter() - start) * 1000)
            times.cpu.append((time.process_time() - cpu) * 1000)
        times.queries = len(queries)
    return times


# --- the burst, through gunicorn -----------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(port, path, cookie, secret):
    """One POST on a fresh connection, as a browser's form sends it: (status, seconds)."""
    from django.conf import settings

    headers = {
        "Host": HOST,
        "Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}; {settings.CSRF_COOKIE_NAME}={secret}",
        "X-CSRFToken": secret,
        "Content-Type": "application/x-www-form-urlencoded",
    }
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    start = time.perf_counter()
    try:
        conn.request("POST", path, body="", headers=headers)
        response = conn.getresponse()
        response.read()
    finally:
        conn.close()
    return response.status, time.perf_counter() - start


@contextlib.contextmanager
def gunicorn(workers, threads):
    """gunicorn serving the product on a free local port, with this process's settings (and database)."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "ankommen.wsgi", f"--bind=127.0.0.1:{port}"]
    command += [f"--workers={workers}", f"--threads={threads}", "--log-level=warning", "--no-control-socket"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                raise RuntimeError("gunicorn ended before it served a page")
            with contextlib.suppress(OSError):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/", headers={"Host": HOST})
                conn.getresponse().read()
                conn.close()
                break
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer within 60 s")
            time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def logged_in(users):
    """A session for each of `users`, made as a login makes it: the session cookies' values."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore
    cookies = []
    for user in users:
        session = store()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(session.session_key)
    return cookies


def burst(town, people, seats, seconds, workers, threads, rng):
    """`people` logged-in members each register once for an event with `seats` seats, within `seconds`."""
    from django.db import connections
    from django.urls import reverse
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from ankommen.accounts.models import Member
    from ankommen.events.models import Event, Registration, RegistrationStatus

    Event.objects.for_municipality(town).filter(slug__startswith="ansturm").delete()
    now = timezone.now().replace(second=0, microsecond=0)
    event = Event.objects.create(
        municipality=town,
        slug=f"ansturm-{seats}",
        title="Sprechstunde mit der Bürgermeisterin",
        starts_at=now + timedelta(days=14),
        ends_at=now + timedelta(days=14, hours=2),
        capacity=seats,
        published_at=now - timedelta(days=1),
    )
    probe = Event.objects.create(
        municipality=town,
        slug="ansturm-probe",
        title="Probe",
        starts_at=now + timedelta(days=14),
        ends_at=now + timedelta(days=14, hours=2),
        capacity=None,
        published_at=now - timedelta(days=1),
    )
    crowd = list(
        Member.objects.for_municipality(town)
        .filter(role_sectors__has_key="member")
        .select_related("user")
        .order_by("pk")[: people + 1]
    )
    cookies = logged_in(member.user for member in crowd)
    secrets = [get_random_string(32) for _ in cookies]
    path = reverse("events:register", args=[event.slug])
    connections.close_all()  # the server's connections only, from here on

    with gunicorn(workers, threads) as port:
        # One person registers for another event first: the session, the token and the page work.
        status, _seconds = post(port, reverse("events:register", args=[probe.slug]), cookies[-1], secrets[-1])
        if status != 302:
            raise RuntimeError(f"a registration through gunicorn answered {status}, not a redirect")
        offsets = sorted(rng.uniform(0, seconds) for _ in range(people))
        answers, lock = [], threading.Lock()
        start = time.perf_counter() + 0.5

        def register(index):
            time.sleep(max(0.0, start + offsets[index] - time.perf_counter()))
            for _try in range(20):
                status, took = post(port, path, cookies[index], secrets[index])
                with lock:
                    answers.append((status, took * 1000))
                if status != 409:  # "bitte erneut versuchen": the person clicks again
                    return

        with ThreadPoolExecutor(max_workers=100) as pool:
            list(pool.map(register, range(people)))
        spent = time.perf_counter() - start

    rows = Registration.objects.filter(event=event)
    statuses = Counter(status for status, _ms in answers)
    return {
        "confirmed": rows.filter(status=RegistrationStatus.CONFIRMED).count(),
        "waiting": rows.filter(status=RegistrationStatus.WAITING).count(),
        "rows": rows.count(),
        "people": rows.values("member").distinct().count(),
        "statuses": dict(sorted(statuses.items())),
        "server_errors": sum(count for status, count in statuses.items() if status >= 500),
        "latencies": [ms for _status, ms in answers],
        "seconds": spent,
    }


# --- the report ----------------------------------------------------------------------------------


def _figures(times):
    return f"{statistics.median(times):8.1f} {p95(times):8.1f} {statistics.median(times.cpu):8.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--registrations", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--people", type=int, default=500, help="the burst's people (0: no burst)")
    parser.add_argument("--seats", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0, help="the burst's length")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--skip-pages", action="store_true", help="the burst only")
    options = parser.parse_args()
    setup()
    from django.core.management import call_command
    from django.db import connection

    from ankommen.events.models import Event, Need, Registration

    rng = random.Random(options.seed)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    town = build(options.events, options.registrations, rng)
    vendor = connection.vendor
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # what autovacuum does after a load; SQLite keeps what it learns
    counts = {
        "events": Event.objects.for_municipality(town).count(),
        "registrations": Registration.objects.for_municipality(town).count(),
        "needs": Need.objects.for_municipality(town).count(),
    }
    print(f"{vendor}: {counts} ({time.perf_counter() - started:.0f} s to build)")
    print(f"load average before the measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if not options.skip_pages:
        print(f"\n{'':<52} {'wall clock':>17} {'CPU':>8}")
        print(f"{'page':<52} {'p50 ms':>8} {'p95 ms':>8} {'p50 ms':>8} {'queries':>8} {'target':>8}")
        for name, url, target, times, status, extra in measure_pages(town, options.rounds):
            if times is None:
                print(f"{name:<52} answered {status} ({url}): not measured")
                continue
            met = "met" if p95(times) < target else "NOT met"
            print(f"{name:<52} {_figures(times)} {times.queries:8} {f'< {target}':>8} {met} {extra}")
        times = measure_service(town, options.rounds)
        print(
            f"{'services.register alone (the lock held about as long)':<52} {_figures(times)} {times.queries:8}"
        )
        times, status, url = measure_registering(town, options.rounds)
        if times is None:
            print(f"{'registering (POST), one after the other':<52} answered {status} ({url}): not measured")
        else:
            print(f"{'registering (POST), one after the other':<52} {_figures(times)} {times.queries:8}")
        print(f"load average after the pages: {os.getloadavg()[0]:.1f}")

    if options.people:
        result = burst(
            town, options.people, options.seats, options.seconds, options.workers, options.threads, rng
        )
        latencies = result.pop("latencies")
        print(
            f"\nburst through gunicorn ({options.workers} workers × {options.threads} threads): "
            f"{options.people} people for {options.seats} seats within {options.seconds:.0f} s "
            f"(took {result['seconds']:.1f} s)"
        )
        print(
            f"  confirmed {result['confirmed']}, waiting {result['waiting']}, rows {result['rows']} "
            f"of {result['people']} people; answers {result['statuses']}; 5xx: {result['server_errors']}"
        )
        print(
            f"  latency p50 {statistics.median(latencies):.0f} ms, p95 {p95(latencies):.0f} ms, "
            f"max {max(latencies):.0f} ms ({len(latencies)} requests)"
        )
        right = (
            result["confirmed"] == options.seats
            and result["waiting"] == options.people - options.seats
            and result["server_errors"] == 0
        )
        print(f"  seats right and no 5xx: {'yes' if right else 'NO'}; p95 < 300 ms: {p95(latencies) < 300}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
