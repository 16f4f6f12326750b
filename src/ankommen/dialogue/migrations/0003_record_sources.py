from django.db import migrations

from ankommen.core.source_migration import record_sources_of


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue", "0002_contribution_count_by_field"),
        ("core", "0003_sourcetext_translation"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(record_sources_of("dialogue", "Contribution", ("title", "body")), migrations.RunPython.noop)
    ]
