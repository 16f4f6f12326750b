"""`ankommen scheduler`: run the periodic jobs (digests, reminders) beside the task worker."""

import argparse
import time

from django.core.management.base import BaseCommand

from ankommen.core import schedule


class Command(BaseCommand):
    help = "Run the periodic jobs the apps registered, every half minute (or once, with --once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action=argparse.BooleanOptionalAction,
            default=False,
            help="run what is due now, then stop",
        )
        parser.add_argument("--interval", type=float, default=30.0, help="seconds between looks")

    def handle(self, *args, once=False, interval=30.0, **options):
        while True:
            for name in schedule.run_due():
                self.stdout.write(f"ran {name}")
            if once:
                return
            time.sleep(interval)
