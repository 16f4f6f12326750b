from django.core.management.base import BaseCommand
from django.db import transaction

from ankommen.core.models import Municipality
from ankommen.core.registry import registry


class Command(BaseCommand):
    help = "Load the Kornwestheim demo town (idempotent: a second run adds nothing twice)."

    def handle(self, *args, **options):
        with transaction.atomic():
            town, created = Municipality.objects.get_or_create(
                slug="kornwestheim",
                defaults={
                    "name": "Kornwestheim",
                    "official_name": "Stadt Kornwestheim",
                    "host": "kornwestheim.ankommen.example",
                    "contact_email": "integration@demo.ankommen.example",
                    "is_default": not Municipality.objects.filter(is_default=True).exists(),
                    "languages": ["de", "de-simple", "en", "tr", "ar", "uk", "ru", "fa"],
                },
            )
            for _order, loader in registry.demo_loaders:
                loader(town, self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo {'loaded' if created else 'already there, completed'}: {town.official_name}."
            )
        )
