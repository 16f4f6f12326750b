"""Periodic jobs: apps register them (`register_periodic(name, run, minutes=…)`), the scheduler runs them.

`ankommen scheduler` runs beside the task worker (`scripts/with-worker`, `make run`): every half
minute it runs each job whose period has begun. A job's run for a period is one row of
`ScheduledRun`, written before the job runs; two schedulers (or one restarted) run it once per period.
A job that fails is logged and tried again in its next period; its own work must be safe to repeat
(notifications are, by their unique events; mails, by their deliveries).
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from ankommen.core.models import ScheduledRun
from ankommen.core.registry import registry

logger = logging.getLogger(__name__)


def period_of(job, now):
    """The period `now` falls in, for a job run every `job.minutes`: minutes since the epoch, floored."""
    minutes = int(now.timestamp() // 60)
    return str(minutes - minutes % job.minutes)


def run_due(now=None):
    """Run every job whose current period has no run yet; the names of those run."""
    now = now or timezone.now()
    ran = []
    for job in registry.periodic.values():
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, period=period_of(job, now))
        except IntegrityError:
            continue  # this period's run started elsewhere
        try:
            job.run(now)
        except Exception:
            logger.exception("The periodic job %s failed", job.name)
            continue
        ScheduledRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
        ran.append(job.name)
    return ran
