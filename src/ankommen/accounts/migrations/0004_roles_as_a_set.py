"""A member holds a set of roles, each with its sector where it has one; every existing role is kept."""

from django.db import migrations, models


def role_into_set(apps, schema_editor):
    Member = apps.get_model("accounts", "Member")
    for member in Member.objects.all().only("pk", "role", "sector"):
        Member.objects.filter(pk=member.pk).update(role_sectors={member.role: member.sector})


def set_into_role(apps, schema_editor):
    """Back to one role: the first the member holds in the product's order of importance."""
    order = ["admin", "moderator", "expert", "multiplier", "translator", "member"]
    Member = apps.get_model("accounts", "Member")
    for member in Member.objects.all().only("pk", "role_sectors"):
        held = sorted(member.role_sectors, key=lambda role: order.index(role) if role in order else len(order))
        role = held[0] if held else "member"
        Member.objects.filter(pk=member.pk).update(role=role, sector=member.role_sectors.get(role, ""))


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_translator_role'),
        ('core', '0006_narrow_index_for_counting'),
    ]

    operations = [
        migrations.AddField(
            model_name='member',
            name='role_sectors',
            field=models.JSONField(default=dict, verbose_name='Rollen'),
        ),
        migrations.RunPython(role_into_set, set_into_role),
        migrations.RemoveConstraint(
            model_name='member',
            name='sector_only_for_multipliers',
        ),
        migrations.RemoveField(
            model_name='member',
            name='role',
        ),
        migrations.RemoveField(
            model_name='member',
            name='sector',
        ),
        migrations.AlterField(
            model_name='invitation',
            name='role',
            field=models.CharField(default='member', max_length=20, verbose_name='Rolle'),
        ),
    ]
