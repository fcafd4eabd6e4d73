"""Wagtail's installer creates "Editors" and "Moderators" with rights over the whole page tree.
On a multi-agency installation that would let one agency's staff edit every agency's pages, so
they are removed; Lontar's role groups replace them."""

from django.db import migrations


def remove_default_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Moderators"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0002_create_role_groups"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
