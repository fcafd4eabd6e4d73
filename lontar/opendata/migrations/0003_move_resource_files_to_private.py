"""Move resource files uploaded before 0002 out of public media into private storage.

Each file gets a random name (the old one was the uploader's and guessable) and the old copy
under MEDIA_ROOT is deleted, so a partner-only table is no longer reachable at /media/...
"""

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import migrations

from lontar.opendata.files import safe_filename

SAFE_EXTENSIONS = {"csv", "xlsx", "json"}


def _random_name(old_name: str, fmt: str) -> str:
    extension = old_name.rsplit(".", 1)[-1].lower() if "." in old_name else ""
    if extension not in SAFE_EXTENSIONS:
        extension = fmt.lower() if fmt.lower() in SAFE_EXTENSIONS else "bin"
    return f"opendata/sumber/{uuid.uuid4().hex}.{extension}"


def move_to_private(apps, schema_editor):
    Resource = apps.get_model("opendata", "Resource")
    public, private = storages["default"], storages["private"]
    moved: dict[str, str] = {}
    for resource in list(Resource.objects.exclude(file="").order_by("pk")):
        old_name = resource.file.name
        if old_name in moved:  # two rows pointing at one upload share the moved copy
            Resource.objects.filter(pk=resource.pk).update(file=moved[old_name])
            continue
        if private.exists(old_name) and not public.exists(old_name):
            continue  # already moved (the migration is re-run after a partial failure)
        if not public.exists(old_name):
            continue  # nothing to move; the download view answers "no file" as before
        with public.open(old_name, "rb") as handle:
            data = handle.read()
        new_name = private.save(_random_name(old_name, resource.format), ContentFile(data))
        Resource.objects.filter(pk=resource.pk).update(
            file=new_name,
            original_filename=resource.original_filename
            or safe_filename(old_name.rsplit("/", 1)[-1], fallback=""),
        )
        public.delete(old_name)
        moved[old_name] = new_name


class Migration(migrations.Migration):
    dependencies = [("opendata", "0002_resource_files_private")]

    # Not reversible by design: moving the files back would make them public again.
    operations = [migrations.RunPython(move_to_private, migrations.RunPython.noop)]
