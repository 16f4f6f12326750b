"""The audit log names its target by model (`app_label.model`) instead of the class name alone."""

from django.db import migrations

RENAMED_ACTIONS = {"report.dismissed": "flag.dismissed"}
RENAMED_MODELS = {"Report": "core.flag"}


def labels_for(apps):
    labels = {model.__name__: model._meta.label_lower for model in apps.get_models()}
    return {**labels, **RENAMED_MODELS}


def forwards(apps, schema_editor):
    AuditEntry = apps.get_model("core", "AuditEntry")
    for name, label in labels_for(apps).items():
        AuditEntry.objects.filter(target_type=name).update(target_type=label)
    for old, new in RENAMED_ACTIONS.items():
        AuditEntry.objects.filter(action=old).update(action=new)


def backwards(apps, schema_editor):
    AuditEntry = apps.get_model("core", "AuditEntry")
    for name, label in labels_for(apps).items():
        AuditEntry.objects.filter(target_type=label).update(target_type=name)
    for old, new in RENAMED_ACTIONS.items():
        AuditEntry.objects.filter(action=new).update(action=old)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_flag"),
        ("accounts", "0004_roles_as_a_set"),
        ("concept", "0003_help_pages"),
        ("legal", "0001_initial"),
        ("dialogue", "0005_moderation_in_core"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
