"""Stable UUIDs for datasets, resources and groups: the `id`s of the CKAN API, which harvesters
key on (names stay slugs and may be renamed); and each group's EU data theme for DCAT-AP."""

import uuid

from django.db import migrations, models

MODELS = ("dataset", "resource", "group")


def fill(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("opendata", name)
        for row in model.objects.filter(uuid__isnull=True):
            row.uuid = uuid.uuid4()
            row.save(update_fields=["uuid"])


class Migration(migrations.Migration):
    dependencies = [("opendata", "0003_move_resource_files_to_private")]

    operations = [
        migrations.AddField(
            model_name="group",
            name="eu_theme",
            field=models.CharField(
                choices=[
                    ("AGRI", "Pertanian, perikanan, kehutanan, dan pangan"),
                    ("ECON", "Ekonomi dan keuangan"),
                    ("EDUC", "Pendidikan, budaya, dan olahraga"),
                    ("ENER", "Energi"),
                    ("ENVI", "Lingkungan"),
                    ("GOVE", "Pemerintahan dan sektor publik"),
                    ("HEAL", "Kesehatan"),
                    ("INTR", "Isu internasional"),
                    ("JUST", "Hukum dan keadilan"),
                    ("REGI", "Wilayah dan kota"),
                    ("SOCI", "Penduduk dan masyarakat"),
                    ("TECH", "Sains dan teknologi"),
                    ("TRAN", "Transportasi"),
                ],
                default="GOVE",
                help_text="Tema DCAT-AP untuk katalog yang dipanen portal lain.",
                max_length=4,
                verbose_name="tema data (kosakata UE)",
            ),
        ),
        *(
            migrations.AddField(
                model_name=name, name="uuid", field=models.UUIDField(null=True, editable=False)
            )
            for name in MODELS
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        *(
            migrations.AlterField(
                model_name=name,
                name="uuid",
                field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
            )
            for name in MODELS
        ),
    ]
