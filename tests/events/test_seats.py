"""The last seat: 200 people register at once for C seats; exactly C get one, the others wait in order.

Real threads, each with its own database connection, released together by a barrier, on SQLite (a
file database, tests/settings.py: an in-memory one is not shared between threads) as on PostgreSQL
(scripts/with-postgres). A thread told "bitte erneut versuchen" (`services.TryAgain`) tries again,
as a person would; any other exception fails the test.

The negative control runs on PostgreSQL only: on SQLite every writing transaction takes the
database's write lock when it begins (`transaction_mode` IMMEDIATE), so even without the row lock
there is no race to lose. On PostgreSQL, without the lock (`EVENTS_LOCK_SEATS = False`), the same
burst over-books: the counts read before the others' inserts are committed.
"""

import threading
import time
from collections import Counter
from typing import Any, NamedTuple

import pytest
from django.db import OperationalError, connection, transaction

from ankommen.core.models import Municipality, Notification
from ankommen.events import services
from ankommen.events.models import Event, Registration, RegistrationStatus
from tests.events import crowd

PEOPLE = 200
ROUNDS = 2  # "repeated": each burst runs twice (the benchmark runs the large one)
TRIES = 20  # "bitte erneut versuchen", up to this many times
UNLOCKED_ROUNDS = 10  # the negative control repeats its burst until it over-books, at most this often


class Outcome(NamedTuple):
    result: Any
    tries: int
    error: BaseException | None


def attempt(call):
    """`call()`, again after each TryAgain, as a person clicks again."""
    error = None
    for tries in range(1, TRIES + 1):
        try:
            return Outcome(call(), tries, None)
        except services.TryAgain as again:
            error = again
        except Exception as other:  # noqa: BLE001 - collected and asserted by the test
            return Outcome(None, tries, other)
    return Outcome(None, TRIES, error)


def connect():
    """This thread's connection, opened before the burst (a server process of the round before may
    still be leaving: the throwaway PostgreSQL server takes 200 connections)."""
    for pause in (0.05, 0.1, 0.2, 0.5, 1, 2, 4):
        try:
            connection.ensure_connection()
            return
        except OperationalError:
            time.sleep(pause)
    connection.ensure_connection()


def burst(calls):
    """Each of `calls` in its own thread with its own connection, all released together; their Outcomes."""
    connection.close()  # this thread's connection would be the 201st
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            connect()
            barrier.wait(timeout=120)
            outcomes[index] = attempt(call)
        except BaseException as error:  # noqa: BLE001 - a thread that could not start fails the test
            barrier.abort()
            outcomes[index] = Outcome(None, 0, error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def failures(outcomes):
    return [repr(outcome.error) for outcome in outcomes if outcome.error is not None]


def tried_again(outcomes):
    return sum(outcome.tries - 1 for outcome in outcomes)


def on_postgresql():
    return connection.vendor == "postgresql"


@pytest.fixture
def town(transactional_db):
    """The shared world in committed rows the threads' connections see (the test flushes them after)."""
    from tests.conftest import build_world

    build_world()
    return Municipality.objects.get(slug="kornwestheim")


@pytest.fixture
def organiser(town):
    from tests.events.world import person

    return person(town, "expertin")


@pytest.fixture
def crowd_of_200(town):
    return crowd.members(town, PEOPLE, prefix="platz")


def register_all(event, members):
    """Every member registers at once, each loading the event anew as a request does."""
    return burst(
        [
            lambda member=member: services.register(Event.objects.get(pk=event.pk), member=member)
            for member in members
        ]
    )


def told(event, kind):
    """The users told of `kind` about `event`, with how often."""
    return Counter(
        Notification.objects.filter(kind=kind, target_id=event.pk).values_list("recipient_id", flat=True)
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("capacity", [1, 7, 50])
def test_the_last_seat_goes_once(town, organiser, crowd_of_200, capacity):
    for round_ in range(ROUNDS):
        event = crowd.event(
            town, f"letzter-platz-{capacity}-{round_}", capacity=capacity, organisers=[organiser]
        )
        outcomes = register_all(event, crowd_of_200)
        print(
            f"{connection.vendor}, {capacity} seats, round {round_ + 1}: tried again {tried_again(outcomes)}×"
        )

        assert failures(outcomes) == []
        rows = Registration.objects.filter(event=event)
        assert rows.count() == PEOPLE
        assert rows.values("member").distinct().count() == PEOPLE
        assert rows.filter(status=RegistrationStatus.CONFIRMED).count() == capacity
        assert rows.filter(status=RegistrationStatus.WAITING).count() == PEOPLE - capacity
        # Each person heard what they got, once; the answers the threads had are what was kept.
        kept = dict(rows.values_list("pk", "status"))
        assert {outcome.result.pk: outcome.result.status for outcome in outcomes} == kept
        confirmed_users = set(rows.confirmed().values_list("member__user", flat=True))
        waiting_users = set(rows.waiting().values_list("member__user", flat=True))
        assert told(event, "events.confirmed") == Counter(confirmed_users)
        assert told(event, "events.waiting") == Counter(waiting_users)
        # First come, first served: the seats went to those who came before everyone waiting.
        last_seat = max(rows.confirmed().values_list("queued_at", flat=True))
        assert last_seat <= rows.waiting().first().queued_at
        # The organiser heard once that all seats are taken, and at most once of four fifths, before.
        event.refresh_from_db()
        assert told(event, "events.full") == Counter([organiser.user_id])
        if capacity >= 5:
            assert told(event, "events.filling") == Counter([organiser.user_id])
            assert event.told_80_at <= event.told_full_at
        else:
            assert told(event, "events.filling") == Counter()


@pytest.mark.django_db(transaction=True)
def test_without_the_lock_the_same_burst_overbooks(town, crowd_of_200, settings):
    """The negative control: the lock is what keeps the count, not luck or the database's order."""
    if not on_postgresql():
        pytest.skip(
            "On SQLite every writing transaction takes the database's write lock when it begins "
            "(IMMEDIATE), so without the row lock the registrations still wait their turn: nothing to lose."
        )
    settings.EVENTS_LOCK_SEATS = False
    capacity, seen = 7, []
    for round_ in range(UNLOCKED_ROUNDS):
        event = crowd.event(town, f"ohne-sperre-{round_}", capacity=capacity)
        outcomes = register_all(event, crowd_of_200)
        assert failures(outcomes) == []
        seen.append(Registration.objects.filter(event=event).confirmed().count())
        if seen[-1] > capacity:
            break
    print(f"without the lock, confirmed for {capacity} seats: {seen}")
    assert seen[-1] > capacity, seen


@pytest.mark.django_db(transaction=True)
def test_freed_seats_go_to_the_first_waiting_each_once(town, crowd_of_200):
    """30 wait, 20 of the confirmed cancel at once: the first 20 in the queue move up, each once."""
    people = crowd_of_200[:50]
    event = crowd.event(town, "nachruecken", capacity=20)
    for member in people:
        services.register(event, member=member)
    queue = list(Registration.objects.filter(event=event).waiting().values_list("pk", flat=True))
    confirmed = list(Registration.objects.filter(event=event).confirmed().select_related("member__user"))
    assert len(queue) == 30 and len(confirmed) == 20

    outcomes = burst(
        [
            lambda registration=registration: services.cancel(
                Registration.objects.select_related("event", "session").get(pk=registration.pk),
                actor=registration.member,
            )
            for registration in confirmed
        ]
    )

    assert failures(outcomes) == []
    moved_up = [promoted.pk for outcome in outcomes for promoted in outcome.result[1]]
    assert sorted(moved_up) == sorted(queue[:20])  # each once, and the first 20 in the queue
    rows = Registration.objects.filter(event=event)
    assert set(rows.confirmed().values_list("pk", flat=True)) == set(queue[:20])
    assert list(rows.waiting().values_list("pk", flat=True)) == queue[20:]
    assert set(rows.filter(promoted_at__isnull=False).values_list("pk", flat=True)) == set(queue[:20])
    assert rows.filter(status=RegistrationStatus.CANCELLED).count() == 20
    promoted_users = rows.filter(pk__in=queue[:20]).values_list("member__user", flat=True)
    assert told(event, "events.promoted") == Counter(promoted_users)


@pytest.mark.django_db(transaction=True)
def test_a_lock_not_had_in_time_answers_try_again(town, crowd_of_200, monkeypatch):
    """Another transaction holds the event's seats: the registration gives up soon, writes nothing, and
    works when tried again."""
    event = crowd.event(town, "gesperrt", capacity=5)
    member = crowd_of_200[0]
    held, release = threading.Event(), threading.Event()

    def hold():
        try:
            with transaction.atomic():  # on SQLite: BEGIN IMMEDIATE, the database's write lock
                Event.objects.select_for_update().get(pk=event.pk)
                held.set()
                release.wait(timeout=60)
        finally:
            connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(timeout=30)
        if on_postgresql():
            monkeypatch.setattr(services, "LOCK_TIMEOUT_MS", 200)
        else:  # SQLite waits for its write lock as long as the connection's busy timeout says
            connection.close()
            monkeypatch.setitem(connection.settings_dict["OPTIONS"], "timeout", 0.2)
        notifications = Notification.objects.count()
        with pytest.raises(services.TryAgain):
            services.register(Event.objects.get(pk=event.pk), member=member)
        assert not Registration.objects.filter(event=event).exists()
        assert Notification.objects.count() == notifications
    finally:
        release.set()
        holder.join(timeout=60)
        connection.close()  # the next connection with the usual timeout
    registration = services.register(Event.objects.get(pk=event.pk), member=member)
    assert registration.is_confirmed


def registered(town, event, count):
    people = crowd.members(town, count, prefix=event.slug)
    for member in people:
        services.register(event, member=member)
    return list(Registration.objects.filter(event=event).waiting().values_list("pk", flat=True))


def statuses(event):
    rows = Registration.objects.filter(event=event)
    return rows.confirmed().count(), rows.filter(status=RegistrationStatus.WAITING).count()


@pytest.mark.django_db
def test_raising_the_capacity_by_k_promotes_the_next_k_and_lowering_it_cancels_nobody(town):
    from tests.events.world import person

    admin = person(town, "admin")
    event = crowd.event(town, "mehr-plaetze", capacity=5)
    queue = registered(town, event, 15)
    assert statuses(event) == (5, 10)

    services.save_event(Event.objects.get(pk=event.pk), actor=admin, capacity=8)
    rows = Registration.objects.filter(event=event)
    assert set(rows.filter(promoted_at__isnull=False).values_list("pk", flat=True)) == set(queue[:3])
    assert list(rows.waiting().values_list("pk", flat=True)) == queue[3:]
    assert told(event, "events.promoted") == Counter(
        rows.filter(pk__in=queue[:3]).values_list("member__user", flat=True)
    )

    services.save_event(Event.objects.get(pk=event.pk), actor=admin, capacity=4)
    assert statuses(event) == (8, 7)  # nobody loses their seat

    # While more hold a seat than there are seats, a cancellation frees none.
    for registration in rows.confirmed().select_related("event", "member")[:4]:
        _, promoted = services.cancel(registration, actor=registration.member)
        assert promoted == []
    assert statuses(event) == (4, 7)
    registration = rows.confirmed().select_related("event", "member").first()
    _, promoted = services.cancel(registration, actor=registration.member)
    assert [row.pk for row in promoted] == [queue[3]]
    assert statuses(event) == (4, 6)

    # No limit any more: everyone waiting has a seat.
    services.save_event(Event.objects.get(pk=event.pk), actor=admin, capacity=None)
    assert statuses(event) == (10, 0)
