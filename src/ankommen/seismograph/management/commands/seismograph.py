"""`ankommen seismograph`: the Seismograph's data for the town's statistics office and for scripts.

    ankommen seismograph import PATH --town SLUG [--add-districts]
    ankommen seismograph indices --town SLUG --group KEY --total KEY --period PERIOD [--format json]

`import` takes the same CSV and XLSX files as the upload and prints the same report; on any problem
it saves nothing and ends with exit status 1. It acts as the town's system actor. `indices` prints
the segregation measures of one group of residents against a total for one period, computed as the
pages compute them, over the town's districts with data in that period.
"""

import json
import math
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ankommen.core.actors import SystemActor
from ankommen.core.models import Municipality
from ankommen.seismograph.models import Indicator, Observation, parse_period
from ankommen.seismograph.services import ImportRefused, import_observations


class Command(BaseCommand):
    help = "Import values for the Seismograph, or print segregation measures of one period."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        reading = actions.add_parser(
            "import", help="Import a CSV or XLSX file of values (long or wide layout)."
        )
        reading.add_argument("path", help="the CSV or XLSX file")
        reading.add_argument("--town", required=True, help="short name of the town")
        reading.add_argument(
            "--add-districts",
            action="store_true",
            help="create the districts the file names that the town does not have yet",
        )
        indices = actions.add_parser(
            "indices", help="Print the segregation measures of a group for one period."
        )
        indices.add_argument("--town", required=True, help="short name of the town")
        indices.add_argument("--group", required=True, help="key of the indicator counting the group")
        indices.add_argument("--total", required=True, help="key of the indicator counting all residents")
        indices.add_argument("--period", required=True, help="a year (2023) or a month (2023-05)")
        indices.add_argument("--format", choices=["json", "text"], default="text", dest="output")

    def handle(self, *args, action, town, **options):
        municipality = Municipality.objects.filter(slug=town).first()
        if municipality is None:
            raise CommandError(f"No town is called {town!r}.")
        if action == "import":
            self.read(municipality, Path(options["path"]), add_districts=options["add_districts"])
        else:
            self.indices(
                municipality, options["group"], options["total"], options["period"], options["output"]
            )

    def read(self, town, path, *, add_districts):
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        try:
            run = import_observations(
                town, content, path.name, actor=SystemActor.of(town), add_districts=add_districts
            )
        except ImportRefused as refused:
            for line in refused.report.lines():
                self.stdout.write(line)
            raise CommandError("Nothing imported.") from None
        for line in run.report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Import {run.pk} saved."))

    def indices(self, town, group_key, total_key, period_text, output):
        group, total = (self.count_indicator(town, key) for key in (group_key, total_key))
        if group.pk == total.pk:
            raise CommandError("The group and the total must be different indicators.")
        period = parse_period(period_text)
        if period is None:
            raise CommandError(f"{period_text!r} is no period: a year (2023) or a month (2023-05).")
        counts = {}
        for name, indicator_id, value in (
            Observation.objects.for_municipality(town)
            .current()
            .filter(indicator__in=(group, total), period=period[0])
            .order_by("district__position", "district__name", "district_id")
            .values_list("district__name", "indicator_id", "value")
        ):
            counts.setdefault(name, {})[indicator_id] = value
        if not counts:
            raise CommandError(f"No district has a value of {group.key} or {total.key} for {period[0]}.")
        lacking = [name for name, values in counts.items() if len(values) < 2]
        if lacking:
            raise CommandError(
                f"These districts have a value of only one of {group.key} and {total.key} for {period[0]}: "
                + ", ".join(lacking)
            )
        from ankommen.seismograph import segregation

        names = list(counts)
        units = [(counts[name][group.pk], counts[name][total.pk]) for name in names]
        result = {
            "period": period[0],
            "group": group.key,
            "total": total.key,
            "measures": {key: _number(value) for key, value in segregation.measures(units).items()},
            "location_quotients": {
                name: None
                if quotients is None
                else {"group": _number(quotients[0]), "complement": _number(quotients[1])}
                for name, quotients in zip(names, segregation.location_quotients(units), strict=True)
            },
        }
        if output == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{group.key} / {total.key}, {period[0]}, {len(names)} districts")
        for key, value in result["measures"].items():
            self.stdout.write(f"  {key}: {_shown(value)}")
        self.stdout.write("location quotients (group, complement):")
        for name, quotients in result["location_quotients"].items():
            shown = (
                "no residents"
                if quotients is None
                else f"{_shown(quotients['group'])}, {_shown(quotients['complement'])}"
            )
            self.stdout.write(f"  {name}: {shown}")

    def count_indicator(self, town, key):
        indicator = Indicator.objects.for_municipality(town).filter(key=key).first()
        if indicator is None:
            raise CommandError(f"The town has no indicator {key!r}.")
        if not indicator.is_count:
            raise CommandError(f"{key!r} is not a number of residents; the measures need counts.")
        return indicator


def _number(value):
    """A measure as JSON holds it: a finite number, else null."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _shown(value):
    return "–" if value is None else f"{value:.6f}"
