"""A member holds a set of roles: one row per role (a multiplier with their sector); every existing role is kept."""

import django.db.models.deletion
from django.db import migrations, models


def roles_into_rows(apps, schema_editor):
    Member = apps.get_model("accounts", "Member")
    MemberRole = apps.get_model("accounts", "MemberRole")
    MemberRole.objects.bulk_create(
        MemberRole(municipality_id=town_id, member_id=member_id, role=role, sector=sector)
        for member_id, town_id, role, sector in Member.objects.values_list("pk", "municipality_id", "role", "sector")
    )


def rows_into_roles(apps, schema_editor):
    """Back to one role: the first of the member's rows in the product's order of importance."""
    order = ["admin", "moderator", "expert", "multiplier", "translator", "member"]
    Member = apps.get_model("accounts", "Member")
    MemberRole = apps.get_model("accounts", "MemberRole")
    for member in Member.objects.all():
        rows = sorted(MemberRole.objects.filter(member=member), key=lambda row: order.index(row.role) if row.role in order else len(order))
        if rows:
            member.role, member.sector = rows[0].role, rows[0].sector
            member.save(update_fields=["role", "sector"])


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_translator_role'),
        ('core', '0006_narrow_index_for_counting'),
    ]

    operations = [
        migrations.CreateModel(
            name='MemberRole',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(max_length=20, verbose_name='Rolle')),
                ('sector', models.CharField(blank=True, choices=[('civil_society', 'Zivilgesellschaft'), ('politics', 'Politik'), ('administration', 'Verwaltung')], max_length=20, verbose_name='Bereich')),
                ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='role_rows', to='accounts.member')),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='core.municipality', verbose_name='Kommune')),
            ],
            options={
                'verbose_name': 'Rolle',
                'verbose_name_plural': 'Rollen',
            },
        ),
        migrations.RunPython(roles_into_rows, rows_into_roles),
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
        migrations.AddIndex(
            model_name='memberrole',
            index=models.Index(fields=['municipality', 'role'], name='members_by_role'),
        ),
        migrations.AddConstraint(
            model_name='memberrole',
            constraint=models.UniqueConstraint(fields=('member', 'role'), name='one_row_per_role'),
        ),
        migrations.AddConstraint(
            model_name='memberrole',
            constraint=models.CheckConstraint(condition=models.Q(('role', 'multiplier'), ('sector', ''), _connector='OR'), name='sector_only_for_multipliers'),
        ),
    ]
