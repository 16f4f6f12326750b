"""Eight weeks of a town's notifications: 200 members, irregular runs of the scheduler, a worker killed.

The suite runs two weeks with a handful of people (`tests/core/test_notifications.py`); this runs
the full size on a fresh copy of the demo town (SQLite in a temporary folder, or the database of
DATABASE_URL, which it empties first): members follow fields and each other's contributions, write
contributions and comments at random hours, choose at once, daily, weekly or never; the scheduler's
job runs at random moments, sometimes dying right after the mail server took a mail. At the end:
no notification lost, none told twice, no mail sent more than twice and only killed ones twice.

    python -m bench.notification_simulation                 # 200 members, 8 weeks
    python -m bench.notification_simulation --members 50 --weeks 2
"""

import argparse
import os
import random
import tempfile
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import django

START = datetime(2026, 11, 2, 6, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # a Monday


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--seed", type=int, default=2017)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="ankommen-simulation-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{folder}/simulation.sqlite3")
    os.environ.setdefault("VAR_DIR", folder)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ankommen.settings")
    django.setup()
    from django.conf import settings
    from django.core import mail
    from django.core.management import call_command
    from django.test.utils import override_settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    call_command("flush", interactive=False, verbosity=0) if "postgres" in os.environ[
        "DATABASE_URL"
    ] else None
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("demo", verbosity=0)
    run(options, override_settings)


def run(options, override_settings):
    from django.core import mail

    from ankommen.accounts.models import Member, User
    from ankommen.concept.models import Field
    from ankommen.core import notifications
    from ankommen.core.models import Delivery, Frequency, Municipality, Notification
    from ankommen.dialogue import services

    rng = random.Random(options.seed)
    town = Municipality.objects.get()
    staff = Member.objects.get(municipality=town, user__email="admin@demo.ankommen.example")
    members = []
    for number in range(options.members):
        user = User.objects.create_user(f"sim{number}@example.org", None, display_name=f"Person {number}")
        members.append(Member.objects.create(municipality=town, user=user, role_sectors={"member": ""}))
    open_stages = [
        stage
        for field in Field.objects.for_municipality(town)
        for stage in field.stages.all()
        if stage.is_open
    ]
    topics = ["replies", "followed", "answers", "moderation"]
    for member in members:
        notifications.set_following(member, rng.choice(list(Field.objects.for_municipality(town))), True)
        for topic in topics:
            notifications.set_frequency(member.user, town, topic, rng.choice(list(Frequency.values)))
    contributions = []
    killed = runs = 0
    started = time.perf_counter()
    for hour in range(0, options.weeks * 7 * 24):
        now = START + timedelta(hours=hour)
        if rng.random() < 0.4:  # staff write without the hourly limit, which counts real hours
            stage = rng.choice(open_stages)
            contributions.append(
                services.add_contribution(stage, author=staff, title=f"Beitrag {hour}", body="Text")
            )
        if contributions and rng.random() < 0.8:
            for _ in range(rng.randint(1, 4)):
                services.add_comment(rng.choice(contributions), author=staff, body=f"Kommentar {hour}")
            notifications.set_following(rng.choice(members), rng.choice(contributions), True)
        if rng.random() < 0.35:  # the scheduler runs irregularly; now and then its worker dies
            runs += 1
            kill = rng.random() < 0.05
            backend = (
                "tests.mailbackends.DiesAfterOneMail"
                if kill
                else "django.core.mail.backends.locmem.EmailBackend"
            )
            with override_settings(EMAIL_BACKEND=backend):
                try:
                    notifications.deliver(now)
                except SystemExit:
                    killed += 1
    notifications.deliver(START + timedelta(weeks=options.weeks, hours=2))  # a last Monday morning
    seconds = time.perf_counter() - started
    told = Notification.objects.filter(municipality=town)
    events = list(told.values_list("recipient_id", "event"))
    sent = {}
    for message in mail.outbox:
        key = message.extra_headers["Message-ID"]  # one per mail written, the same when sent again
        sent[key] = sent.get(key, 0) + 1
    twice = sum(1 for count in sent.values() if count == 2)
    from ankommen.core.models import NotificationSetting
    from ankommen.core.registry import registry

    chosen = {
        (user_id, topic): frequency
        for user_id, topic, frequency in NotificationSetting.objects.values_list(
            "user_id", "topic", "frequency"
        )
    }
    unmailed = told.filter(delivery__isnull=True, read_at__isnull=True).values_list("recipient_id", "kind")
    lost = never = 0
    for user_id, kind in unmailed:  # without a mail only where the person chose "never" for the topic
        topic = registry.notification_kinds[kind].topic
        if chosen.get((user_id, topic), registry.topics[topic].default) == Frequency.NEVER:
            never += 1
        else:
            lost += 1
    print(f"{options.members} members, {options.weeks} weeks, {runs} runs of the job, {killed} killed")
    print(f"{len(events)} notifications, {len(set(events))} distinct (person, event): none told twice")
    print(f"{Delivery.objects.count()} mails written, {len(mail.outbox)} handed to the mail server")
    print(
        f"mails sent twice: {twice} (killed runs: {killed}); more than twice: {sum(1 for c in sent.values() if c > 2)}"
    )
    print(f"unsent mails left: {Delivery.objects.filter(sent_at__isnull=True).count()}")
    print(f"notifications without a mail: {never} by the person's choice ('never'), {lost} lost")
    print(f"{seconds:.1f} s")
    assert len(events) == len(set(events))
    assert twice <= killed and all(count <= 2 for count in sent.values())
    assert not Delivery.objects.filter(sent_at__isnull=True).exists()
    assert lost == 0


if __name__ == "__main__":
    main()
