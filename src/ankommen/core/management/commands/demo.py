from django.core.management.base import BaseCommand
from django.db import transaction

from ankommen.core.cache import touch_town
from ankommen.core.models import Municipality
from ankommen.core.registry import registry
from ankommen.core.services import create_town

DEMO_TOWN = {
    "slug": "kornwestheim",
    "name": "Kornwestheim",
    "official_name": "Stadt Kornwestheim",
    "host": "kornwestheim.ankommen.example",
    "contact_email": "integration@demo.ankommen.example",
    "languages": ["de", "de-simple", "en", "tr", "ar", "uk", "ru", "fa"],
}


class Command(BaseCommand):
    help = "Load the Kornwestheim demo town (idempotent: a second run adds nothing twice)."

    def handle(self, *args, **options):
        with transaction.atomic():
            town = Municipality.objects.filter(slug=DEMO_TOWN["slug"]).first()
            created = town is None
            if created:  # the way an operator adds a town: `ankommen town create`
                town = create_town(**DEMO_TOWN)
            for _order, loader in registry.demo_loaders:
                loader(town, self.stdout)
            touch_town(town.pk)  # the loaders write in bulk, which tells no cached fragment
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo {'loaded' if created else 'already there, completed'}: {town.official_name}."
            )
        )
