from django.db import migrations

from ankommen.core.source_migration import record_sources_of

FIELDS = {
    "Concept": ("title", "introduction", "adopted_by", "responsible", "external_participation"),
    "Principle": ("name", "description"),
    "FocusTopic": ("name", "description"),
    "District": ("name", "description"),
    "TargetGroup": ("name", "description"),
    "Milestone": ("date_label", "title", "description"),
    "Field": ("name", "summary", "description"),
    "Stage": ("description",),
}


class Migration(migrations.Migration):
    dependencies = [
        ("concept", "0001_initial"),
        ("core", "0003_sourcetext_translation"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(record_sources_of("concept", model, fields), migrations.RunPython.noop)
        for model, fields in FIELDS.items()
    ]
