"""A stable UUID per agency: the organisation `id` of the CKAN API (names stay slugs)."""

import uuid

from django.db import migrations, models


def fill(apps, schema_editor):
    Agency = apps.get_model("agencies", "Agency")
    for agency in Agency.objects.filter(uuid__isnull=True):
        agency.uuid = uuid.uuid4()
        agency.save(update_fields=["uuid"])


class Migration(migrations.Migration):
    dependencies = [("agencies", "0007_public_base_url_urls")]

    operations = [
        migrations.AddField(
            model_name="agency", name="uuid", field=models.UUIDField(null=True, editable=False)
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="agency",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
