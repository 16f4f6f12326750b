"""Many people of a town, made in bulk, and an event for them (the seats', the needs' and the reminders' tests)."""

from datetime import timedelta

from django.utils import timezone

from ankommen.accounts.models import Member, User
from ankommen.events.models import Event


def members(town, count, *, prefix="person", language="de"):
    """`count` members of `town` (role "member"), each with their account loaded."""
    users = User.objects.bulk_create(
        User(email=f"{prefix}{n}@{prefix}.example", display_name=f"{prefix} {n}", preferred_language=language)
        for n in range(count)
    )
    return Member.objects.bulk_create(
        Member(municipality=town, user=user, role_sectors={"member": ""}) for user in users
    )


def event(town, slug, *, capacity, organisers=(), starts_in=timedelta(days=7), **values):
    """A published event that takes registrations, `starts_in` from now, two hours long."""
    now = timezone.now().replace(microsecond=0)
    values = {
        "title": f"Veranstaltung {slug}",
        "starts_at": now + starts_in,
        "ends_at": now + starts_in + timedelta(hours=2),
        "published_at": now - timedelta(days=1),
        **values,
    }
    made = Event.objects.create(municipality=town, slug=slug, capacity=capacity, **values)
    made.organisers.set(organisers)
    return made
