"""The weekly digest for a large town: how long one run of the scheduler's job takes for 20,000 people.

Run on a town `python -m bench` built (it keeps `bench/out/bench.sqlite3`; for PostgreSQL point
DATABASE_URL at the database it used). Adds people up to `--people` members, gives each of them
`--per-person` unread notifications of the comment and follow topics (weekly by default), then
times `notifications.deliver` on a Monday morning: packing one digest per person (rendered in
their language) and handing each to the mail backend (Django's in-memory one: the time of a mail
server is not ours). Target: under 60 s for 20,000 members on one worker.

    DATABASE_URL=sqlite:///bench/out/bench.sqlite3 python -m bench.digest
    DATABASE_URL=postgres://app@/app?host=/tmp/pgdev python -m bench.digest
"""

import argparse
import os
import time
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import django

MONDAY_8 = datetime(2026, 12, 7, 8, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--per-person", type=int, default=5)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    django.setup()
    from django.conf import settings
    from django.core import mail
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from ankommen.accounts.models import Member, User
    from ankommen.core import notifications
    from ankommen.core.models import Delivery, Municipality, Notification
    from ankommen.dialogue.models import Contribution

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    call_command("migrate", verbosity=0)
    town = Municipality.objects.get()
    start = time.perf_counter()
    with transaction.atomic():
        missing = options.people - Member.objects.filter(municipality=town).count()
        if missing > 0:
            users = User.objects.bulk_create(
                User(email=f"digest{uuid.uuid4().hex[:12]}@example.org", display_name=f"Person {number}")
                for number in range(missing)
            )
            Member.objects.bulk_create(
                Member(municipality=town, user=user, role_sectors={"member": ""}) for user in users
            )
        Delivery.objects.all().delete()
        Notification.objects.all().delete()
        targets = list(Contribution.objects.filter(municipality=town).order_by("pk")[:200])
        kinds = ["comment.on_yours", "comment.on_followed", "contribution.new_in_field"]
        user_ids = list(
            Member.objects.filter(municipality=town).values_list("user_id", flat=True)[: options.people]
        )
        rows = [
            Notification(
                municipality=town,
                recipient_id=user_id,
                kind=kinds[(index + number) % len(kinds)],
                event=f"bench:{user_id}:{number}",
                target_type_id=notifications.ContentType.objects.get_for_model(Contribution).pk,
                target_id=targets[(index * 7 + number) % len(targets)].pk,
                target_label=targets[(index * 7 + number) % len(targets)].title,
                url=f"/beitraege/{targets[(index * 7 + number) % len(targets)].pk}/",
            )
            for index, user_id in enumerate(user_ids)
            for number in range(options.per_person)
        ]
        Notification.objects.bulk_create(rows, batch_size=5000)
    print(
        f"{connection.vendor}: {len(user_ids)} people, {len(rows)} notifications ({time.perf_counter() - start:.1f} s to set up)"
    )
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        sent = notifications.deliver(MONDAY_8)
    seconds = time.perf_counter() - start
    print(
        f"{connection.vendor}: weekly digest run: {sent} mails in {seconds:.1f} s "
        f"({seconds / max(sent, 1) * 1000:.2f} ms a person), {len(queries.captured_queries)} queries"
    )
    assert sent == len(user_ids) and len(mail.outbox) == sent
    start = time.perf_counter()
    assert notifications.deliver(MONDAY_8) == 0
    print(f"{connection.vendor}: the same run again: nothing to send, {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
