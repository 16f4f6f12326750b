"""`ankommen oparl import URL --town SLUG`: copy another council system's OParl data into a town.

URL is a System or a Body. The run is recorded as an `ImportRun` of the town, like one started from
the administration; a later run for the same URL reads only what changed since, and continues a
run that broke off where it stopped.
"""

from django.core.management.base import BaseCommand, CommandError

from ankommen.core.models import Municipality
from ankommen.council.models import ImportRun, ImportStatus
from ankommen.council.oparl.importer import run_import


class Command(BaseCommand):
    help = "Import committees, people, meetings and papers from another OParl server (read-only copies)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        start = actions.add_parser("import", help="Import from an OParl System or Body URL.")
        start.add_argument(
            "url", help="the OParl System or Body URL, e.g. https://ris.example.org/oparl/system"
        )
        start.add_argument("--town", required=True, help="short name of the town the copies belong to")
        start.add_argument(
            "--body", default="", help="the body's id (or its last part) when the system has several"
        )
        start.add_argument(
            "--full",
            action="store_true",
            help="read every list whole, not only what changed since the last run",
        )
        start.add_argument(
            "--timeout", type=float, default=30.0, help="seconds to wait for one answer (default 30)"
        )
        start.add_argument("--retries", type=int, default=3, help="further tries after a failure (default 3)")
        start.add_argument(
            "--backoff", type=float, default=2.0, help="first pause before a retry, in seconds"
        )

    def handle(self, *args, action, url, town, body, full, timeout, retries, backoff, **options):
        municipality = Municipality.objects.filter(slug=town).first()
        if municipality is None:
            raise CommandError(f"No town is called {town!r}.")
        run = ImportRun.objects.create(municipality=municipality, url=url)
        self.stdout.write(f"Import {run.pk} from {url} into {municipality.slug} …")
        run_import(run, body=body, full=full, timeout=timeout, retries=retries, backoff=backoff)
        run.refresh_from_db()
        for line in run.log.splitlines():
            self.stdout.write(line)
        if run.status != ImportStatus.DONE:
            raise CommandError(
                f"Import {run.pk} failed; run the same command again to continue where it stopped."
            )
        self.stdout.write(self.style.SUCCESS(f"Import {run.pk} done."))
