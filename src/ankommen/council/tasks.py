"""Background work of the council, run by `ankommen db_worker` (django-tasks with its database backend)."""

from django.conf import settings
from django_tasks import task

from ankommen.council.models import ImportRun
from ankommen.council.oparl.importer import run_import


def start_import(town, url, *, started_by=None, body=""):
    """An admin starts an import from another OParl server: the run's row at once, the work in the background.

    The page shows the row's progress (`counts`, `log`) while the task works; see council/oparl/importer.py.
    """
    run = ImportRun.objects.create(municipality=town, url=url, started_by=started_by)
    import_oparl.enqueue(run.pk, body=body)
    return run


@task()
def import_oparl(run_id: int, body: str = "") -> str:
    """Run the import recorded as ImportRun `run_id`; returns how it ended ("done" or "failed")."""
    run = ImportRun.objects.select_related("municipality").get(pk=run_id)
    run_import(run, body=body, backoff=getattr(settings, "OPARL_IMPORT_BACKOFF", 2.0))
    return run.status
