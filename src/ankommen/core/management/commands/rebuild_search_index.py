"""`ankommen rebuild_search_index [--town SLUG]`: build the search index again, after bulk writes or an upgrade."""

from django.core.management.base import BaseCommand, CommandError

from ankommen.core import search
from ankommen.core.models import Municipality


class Command(BaseCommand):
    help = "Baut den Suchindex neu auf (alle Kommunen oder eine)."

    def add_arguments(self, parser):
        parser.add_argument("--town", help="Kurzname einer Kommune; ohne: alle")

    def handle(self, *args, town=None, **options):
        if town is None:
            size = search.rebuild()
            self.stdout.write(f"Suchindex neu aufgebaut: {size} Texte.")
            return
        municipality = Municipality.objects.filter(slug=town).first()
        if municipality is None:
            raise CommandError(f"Keine Kommune mit dem Kurznamen {town!r}.")
        size = search.rebuild(municipality)
        self.stdout.write(f"Suchindex von {municipality.name} neu aufgebaut: {size} Texte.")
