"""Helpers for the demo loaders of the apps."""

from django.contrib.contenttypes.models import ContentType

from ankommen.core.models import Translation, TranslationState, source_hash, source_status_of


def load_translations(town, models, table):
    """Store the demo's translations: `table` maps a German text to {language: translation}.

    They were written with a machine's help and nobody has reviewed them, so they are stored
    as machine-translated and carry the label. Texts that are already translated stay as they are.
    """
    rows = []
    for model in models:
        content_type = ContentType.objects.get_for_model(model)
        existing = set(
            Translation.objects.filter(municipality=town, content_type=content_type).values_list(
                "object_id", "field", "language"
            )
        )
        for obj in model.objects.for_municipality(town):
            for field in model.translatable_fields:
                source = getattr(obj, field) or ""
                for language, text in table.get(source, {}).items():
                    if (obj.pk, field, language) in existing or language not in town.languages:
                        continue
                    rows.append(
                        Translation(
                            municipality=town,
                            content_type=content_type,
                            object_id=obj.pk,
                            field=field,
                            language=language,
                            text=text,
                            state=TranslationState.MACHINE,
                            source_hash=source_hash(source),
                            source_status=source_status_of(obj, field, source_hash(source)),
                        )
                    )
    Translation.objects.bulk_create(rows)
    return len(rows)
