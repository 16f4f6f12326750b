"""Moderation moves to core: reports become core's flags, and a hidden item names the person who hid it."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

ITEMS = ("contribution", "comment")


def to_core(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Flag = apps.get_model("core", "Flag")
    Member = apps.get_model("accounts", "Member")
    Report = apps.get_model("dialogue", "Report")
    user_of = dict(Member.objects.values_list("pk", "user_id"))
    for name in ITEMS:
        model = apps.get_model("dialogue", name)
        for item in model.objects.filter(hidden_by__isnull=False).only("pk", "hidden_by"):
            model.objects.filter(pk=item.pk).update(hidden_by_user=user_of.get(item.hidden_by_id))
    types = {name: ContentType.objects.get_or_create(app_label="dialogue", model=name)[0] for name in ITEMS}
    for report in Report.objects.all():
        flag = Flag.objects.create(
            municipality_id=report.municipality_id,
            content_type=types["comment" if report.comment_id else "contribution"],
            object_id=report.comment_id or report.contribution_id,
            reporter_id=user_of[report.reporter_id],
            reason=report.reason,
            resolved_at=report.resolved_at,
            resolved_by_id=user_of.get(report.resolved_by_id),
            outcome=report.outcome,
        )
        Flag.objects.filter(pk=flag.pk).update(created_at=report.created_at)


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_roles_as_a_set'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0007_flag'),
        ('dialogue', '0004_on_paper'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='contribution',
            name='hidden_by_user',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='comment',
            name='hidden_by_user',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(to_core, migrations.RunPython.noop),
        migrations.RemoveField(model_name='contribution', name='hidden_by'),
        migrations.RemoveField(model_name='comment', name='hidden_by'),
        migrations.RenameField(model_name='contribution', old_name='hidden_by_user', new_name='hidden_by'),
        migrations.RenameField(model_name='comment', old_name='hidden_by_user', new_name='hidden_by'),
        migrations.DeleteModel(name='Report'),
    ]
