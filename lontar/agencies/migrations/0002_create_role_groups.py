"""Create the six staff role groups. Their permissions are synced after every migrate
(lontar.agencies.services.sync_role_groups), because apps migrated later add permissions."""

from django.db import migrations

ROLE_NAMES = ["Penulis", "Editor", "Petugas PPID", "Atasan PPID", "Admin Agency", "Admin Platform"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
