"""File names offered in Content-Disposition, and moving old uploads out of public media."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from lontar.opendata.files import safe_filename
from lontar.opendata.models import Resource, random_file_name
from lontar.opendata.tests.helpers import ASN_CSV, make_dataset


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("asn.csv", "asn.csv"),
        ("../../etc/passwd", "passwd"),
        ("C:\\data\\asn 2025.csv", "asn 2025.csv"),
        ('a"b;c.csv', "a_b_c.csv"),
        ("laporan\r\nSet-Cookie: x.csv", "laporanSet-Cookie_ x.csv"),
        ("\u202egpj.csv", "gpj.csv"),
        ("zero\u200bwidth.csv", "zerowidth.csv"),
        ("nul\x00.csv", "nul.csv"),
        ("...", "data.csv"),
        ("", "data.csv"),
        ("data pegawai ✓.csv", "data pegawai ✓.csv"),
    ],
)
def test_safe_filename(raw, expected):
    assert safe_filename(raw, fallback="data.csv") == expected


def test_safe_filename_keeps_the_extension_of_a_long_name():
    name = safe_filename("x" * 500 + ".xlsx", fallback="data")
    assert len(name) == 150 and name.endswith(".xlsx")


@pytest.mark.parametrize(
    ("original", "fmt", "extension"),
    [
        ("a.CSV", "CSV", "csv"),
        ("a.php", "CSV", "csv"),
        ("a", "XLSX", "xlsx"),
        ("a.html", "", "bin"),
    ],
)
def test_random_file_name_keeps_only_known_extensions(original, fmt, extension):
    first, second = random_file_name(original, fmt), random_file_name(original, fmt)
    assert first != second
    assert first.startswith("opendata/sumber/") and first.endswith("." + extension)


@pytest.mark.django_db
def test_migration_moves_old_public_uploads_into_private_storage(agency_a):
    migration = importlib.import_module(
        "lontar.opendata.migrations.0003_move_resource_files_to_private"
    )
    dataset = make_dataset(agency_a, visibility="mitra")
    old_name = storages["default"].save("opendata/asn-lama.csv", ContentFile(ASN_CSV.encode()))
    resource = Resource.objects.create(dataset=dataset, name="Lama", format="CSV")
    twin = Resource.objects.create(dataset=dataset, name="Kembar", format="CSV")
    Resource.objects.filter(pk__in=[resource.pk, twin.pk]).update(file=old_name)
    assert (Path(settings.MEDIA_ROOT) / old_name).exists()

    migration.move_to_private(apps, None)
    migration.move_to_private(apps, None)  # re-running moves nothing twice

    resource.refresh_from_db()
    twin.refresh_from_db()
    assert not (Path(settings.MEDIA_ROOT) / old_name).exists()
    assert resource.file.name.startswith("opendata/sumber/") and resource.file.name.endswith(".csv")
    assert twin.file.name == resource.file.name
    assert resource.original_filename == old_name.rsplit("/", 1)[-1]
    with storages["private"].open(resource.file.name, "rb") as handle:
        assert handle.read() == ASN_CSV.encode()
