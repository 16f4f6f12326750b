"""Changing the Seismograph's data: the catalogue of indicators."""

from django.db import transaction

from ankommen.concept.models import Field
from ankommen.core.audit import audit
from ankommen.core.cache import touch_town
from ankommen.core.models import record_sources
from ankommen.core.rules import require
from ankommen.seismograph.catalogue import CATALOGUE
from ankommen.seismograph.models import Indicator


def _user(actor):
    return getattr(actor, "user", None)


def install_catalogue(town, *, actor):
    """Give the town the indicators of the shipped catalogue it does not have yet (by key); returns the new ones.

    Indicators the town has keep their texts, however it changed them: running it again adds nothing.
    """
    require(actor, "keep_indicators", town)
    with transaction.atomic():
        known = set(Indicator.objects.for_municipality(town).values_list("key", flat=True))
        fields = {field.slug: field for field in Field.objects.for_municipality(town)}
        created = Indicator.objects.bulk_create(
            [
                Indicator(
                    municipality=town,
                    key=entry.key,
                    name=entry.name,
                    definition=entry.definition,
                    numerator=entry.numerator,
                    denominator=entry.denominator,
                    unit=entry.unit,
                    direction=entry.direction,
                    source=entry.source,
                    topic=entry.topic,
                    field=fields.get(entry.field),
                    is_count=entry.is_count,
                    position=position,
                )
                for position, entry in enumerate(CATALOGUE)
                if entry.key not in known
            ]
        )
        if created:
            record_sources(created)
            audit(_user(actor), "indicators.installed", town, count=len(created))
            touch_town(town.pk)
    return created
