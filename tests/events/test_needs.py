"""What people need to take part: given only with its own consent, summed per event for the organisers,
deleted 30 days after the event with its counts kept; contacts of people without an account cleared
after 180 days; an erased account's registrations go and free their seats."""

import random
from collections import Counter
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ankommen.accounts import privacy
from ankommen.core.models import Notification
from ankommen.events import services
from ankommen.events.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    FoodNeed,
    Need,
    NeedCount,
    NeedKind,
    Registration,
    RegistrationStatus,
    Source,
)
from tests.events import crowd
from tests.events.world import person

LANGUAGES = ["ar", "fa", "uk", "ru", "tr", "ps", "ti", "kmr"]
ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


def random_needs(rng):
    """What one person needs: mostly nothing, else one to three kinds (a language to interpret into, a food)."""
    if rng.random() < 0.4:
        return []
    needs = set()
    for kind in rng.sample(list(NeedKind), rng.randint(1, 3)):
        if kind == NeedKind.INTERPRETING:
            needs.update((kind.value, language) for language in rng.sample(LANGUAGES, rng.choice([1, 1, 2])))
        elif kind == NeedKind.FOOD:
            needs.add((kind.value, rng.choice(list(FoodNeed)).value))
        else:
            needs.add((kind.value, ""))
    return sorted(needs)


def code(n):
    """The `n`th door code (drawn at random, two of a thousand might be the same)."""
    letters = []
    for _ in range(CODE_LENGTH):
        n, digit = divmod(n, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[digit])
    return "".join(letters)


def fill(event, count, seed):
    """`count` registrations of people who called (3 in 4 confirmed, the rest waiting, a few cancelled, whose
    needs went with them), their needs chosen by a seeded random; the sums they make."""
    rng = random.Random(seed)
    now = timezone.now()
    registrations, chosen = [], []
    for n in range(count):
        status = rng.choices(
            [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING, RegistrationStatus.CANCELLED],
            [15, 4, 1],
        )[0]
        needs = [] if status == RegistrationStatus.CANCELLED else random_needs(rng)
        registrations.append(
            Registration(
                municipality_id=event.municipality_id,
                event=event,
                name=f"Person {n}",
                phone=f"07154 {n:06d}",
                contact_key=f"tel:497154{n:06d}",
                status=status,
                source=Source.PHONE,
                checkin_code=code(n),
                needs_consent_at=now if needs else None,
            )
        )
        chosen.append(needs)
    registrations = Registration.objects.bulk_create(registrations)
    Need.objects.bulk_create(
        Need(
            municipality_id=event.municipality_id,
            registration=registration,
            event=event,
            kind=kind,
            detail=detail,
        )
        for registration, needs in zip(registrations, chosen, strict=True)
        for kind, detail in needs
    )
    return Counter(need for needs in chosen for need in needs)


def recount(event):
    """The sums counted anew from the rows, the way a person would count them off the list."""
    return Counter(
        (kind, detail)
        for kind, detail, status in Need.objects.filter(event=event).values_list(
            "kind", "detail", "registration__status"
        )
        if status in ACTIVE
    )


def as_counter(summary):
    return Counter({(kind, detail): count for kind, detail, count in summary})


@pytest.mark.django_db
def test_the_sums_of_needs_are_a_recount_of_the_rows_in_one_query_at_10_as_at_1000(
    town, django_assert_num_queries
):
    for count, seed in ((10, 10), (1000, 1000)):
        event = crowd.event(town, f"bedarfe-{count}", capacity=None)
        chosen = fill(event, count, seed)
        with django_assert_num_queries(1):
            summary = services.needs_summary(event)
        assert as_counter(summary) == chosen == recount(event)
        assert summary == sorted(summary)  # by kind, then detail: as the organisers read it
        assert len(summary) > 3


@pytest.mark.django_db
def test_the_sums_follow_what_people_enter_and_cancel(town):
    event = crowd.event(town, "bedarfe-angemeldet", capacity=2)
    first, second, third = crowd.members(town, 3, prefix="bedarf")
    services.register(event, member=first, needs=[("interpreting", "ar"), ("food", "halal")], consent=True)
    services.register(event, member=second, needs=[("interpreting", "ar")], consent=True)
    waiting = services.register(event, member=third, needs=[("childcare", "")], consent=True)
    assert waiting.is_waiting
    assert services.needs_summary(event) == [
        ("childcare", "", 1),
        ("food", "halal", 1),
        ("interpreting", "ar", 2),
    ]
    assert Registration.objects.get(event=event, member=first).needs_consent_at is not None

    registration = Registration.objects.select_related("event").get(event=event, member=first)
    services.cancel(registration, actor=first)  # their needs go with them; the third moves up, theirs stay
    assert services.needs_summary(event) == [("childcare", "", 1), ("interpreting", "ar", 1)]
    assert not Need.objects.filter(registration=registration).exists()


@pytest.mark.django_db
def test_needs_without_their_own_consent_are_refused_and_nothing_is_written(town):
    event = crowd.event(town, "ohne-einwilligung", capacity=10)
    (member,) = crowd.members(town, 1, prefix="ohne")
    admin = person(town, "admin")
    notifications = Notification.objects.count()

    with pytest.raises(ValidationError) as refused:
        services.register(event, member=member, needs=[("food", "vegan")], consent=False)
    assert "consent" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.register_contact(
            event, actor=admin, name="Olena K.", phone="0171 2345678", needs=[("sign_language", "")]
        )
    assert "consent" in refused.value.message_dict

    assert not Registration.objects.filter(event=event).exists()
    assert not Need.objects.filter(event=event).exists()
    assert Notification.objects.count() == notifications

    # Without needs, no consent is asked, and none is recorded.
    registration = services.register(event, member=member)
    assert registration.needs_consent_at is None and not registration.needs.exists()


@pytest.mark.django_db
def test_needs_leave_30_days_after_the_event_their_counts_stay_and_contacts_leave_after_180(
    town, time_machine
):
    admin = person(town, "admin")
    event = crowd.event(town, "bedarfe-alt", capacity=None)
    later = crowd.event(town, "bedarfe-spaeter", capacity=3, starts_in=timedelta(days=10))
    people = crowd.members(town, 4, prefix="alt")
    for member, needs in zip(
        people,
        ([("food", "vegan")], [("food", "vegan"), ("interpreting", "fa")], [], [("step_free", "")]),
        strict=True,
    ):
        services.register(event, member=member, needs=needs, consent=bool(needs))
        services.register(later, member=member, needs=needs, consent=bool(needs))
    contact = services.register_contact(
        event,
        actor=admin,
        name="Amal S.",
        phone="0171 7654321",
        email="amal@example.org",
        needs=[("interpreting", "fa")],
        consent=True,
    )
    fill(event, 200, seed=30)
    before = services.needs_summary(event)
    later_before = services.needs_summary(later)
    registrations = dict(
        Registration.objects.filter(event=event, member__isnull=False).values_list("pk", "status")
    )

    time_machine.move_to(event.ends_at + timedelta(days=29), tick=False)
    services.prune()
    assert Need.objects.filter(event=event).exists()  # not yet

    time_machine.move_to(event.ends_at + timedelta(days=30, minutes=1), tick=False)
    services.prune()
    services.prune()  # once is enough; again changes nothing
    event.refresh_from_db()
    assert event.needs_pruned_at is not None
    assert not Need.objects.filter(event=event).exists()
    assert (
        list(
            NeedCount.objects.filter(event=event)
            .values_list("kind", "detail", "count")
            .order_by("kind", "detail")
        )
        == before
    )
    assert services.needs_summary(event) == before
    assert not Registration.objects.filter(event=event, needs_consent_at__isnull=False).exists()
    # The other event ended 10 days later: its needs stay for now.
    assert services.needs_summary(later) == later_before and later_before
    # Members' registrations stay (what they took part in), and so, for now, the contacts.
    assert (
        dict(Registration.objects.filter(event=event, member__isnull=False).values_list("pk", "status"))
        == registrations
    )
    contact.refresh_from_db()
    assert (contact.name, contact.phone, contact.email) == ("Amal S.", "0171 7654321", "amal@example.org")

    time_machine.move_to(event.ends_at + timedelta(days=180, minutes=1), tick=False)
    services.prune()
    contacts = Registration.objects.filter(event=event, member__isnull=True)
    assert contacts.count() == 201
    assert not contacts.exclude(name="", phone="", email="").exists()
    assert set(contacts.values_list("contact_key", flat=True)) == {
        f"erased:{pk}" for pk in contacts.values_list("pk", flat=True)
    }
    assert (
        dict(Registration.objects.filter(event=event, member__isnull=False).values_list("pk", "status"))
        == registrations
    )
    assert services.needs_summary(event) == before
    # The later event's needs are gone by now too, counted.
    later.refresh_from_db()
    assert services.needs_summary(later) == later_before
    assert not Need.objects.filter(event=later).exists()


@pytest.mark.django_db
def test_an_erased_account_takes_its_registrations_and_frees_its_seat_for_the_next(
    town, django_capture_on_commit_callbacks
):
    admin = person(town, "admin")
    event = crowd.event(town, "loeschen", capacity=1)
    other = crowd.event(town, "loeschen-kontakt", capacity=1)
    leaving, next_one = crowd.members(town, 2, prefix="geht")
    gone = services.register(event, member=leaving, needs=[("childcare", "")], consent=True)
    waiting = services.register(event, member=next_one)
    # The team also entered the person's address for another event, where someone waits too.
    services.register_contact(other, actor=admin, name="Geht 0", email=leaving.user.email)
    after_them = services.register_contact(other, actor=admin, name="Nina P.", phone="0171 1111111")
    assert waiting.is_waiting and after_them.is_waiting

    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase(leaving, actor=leaving)

    assert not Registration.objects.filter(pk=gone.pk).exists()
    assert not Need.objects.filter(registration_id=gone.pk).exists()
    assert not Registration.objects.filter(event=other, email=leaving.user.email).exists()
    waiting.refresh_from_db()
    after_them.refresh_from_db()
    assert waiting.is_confirmed and waiting.promoted_at is not None
    assert after_them.is_confirmed and after_them.promoted_at is not None
    assert (
        Notification.objects.filter(
            kind="events.promoted", recipient=next_one.user, target_id=event.pk
        ).count()
        == 1
    )
