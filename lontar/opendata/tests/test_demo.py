"""The demo catalogue loads once and is browsable."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.management import call_command

from lontar.opendata import selectors
from lontar.opendata.models import Dataset, Resource

# Each loads the whole demo (a minute on two cores): `make test-extended` runs them; the
# browser tests of `make test` load the same demo and walk its pages.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_catalogue_loads_once(client):
    call_command("load_demo")
    counts = (Dataset.objects.count(), Resource.objects.count())
    call_command("load_demo")
    assert (Dataset.objects.count(), Resource.objects.count()) == counts
    uploaded = Resource.objects.get(dataset__slug="asn-nusa-cendana-2025", generator="")
    table = selectors.table_of(uploaded)
    assert table.columns == [
        "kabupaten_kota",
        "golongan",
        "pendidikan",
        "jenis_kelamin",
        "kelompok_umur",
        "jumlah",
    ]
    assert table.types["jumlah"] == "int" and len(table.rows) > 500
    assert set(Resource.objects.exclude(generator="").values_list("generator", flat=True)) == {
        "ppid-statistik",
        "ppid-register",
        "skm-hasil",
        "regulasi",
    }
    page = client.get("/data/", HTTP_HOST="localhost").content.decode()
    assert "Jumlah PNS Provinsi Nusa Cendana" in page
    assert "Formasi dan jabatan lowong" not in page  # shared with partners only
    # Every uploaded demo file sits in private storage under a random name, none in /media/.
    files = Resource.objects.exclude(file="")
    assert files.count() == 2
    for resource in files:
        assert storages["private"].exists(resource.file.name)
        assert not storages["default"].exists(resource.file.name)
        assert re.fullmatch(r"opendata/sumber/[0-9a-f]{32}\.csv", resource.file.name)
    assert not (Path(settings.MEDIA_ROOT) / "opendata").exists()
    shared = Resource.objects.get(dataset__visibility="mitra")
    assert client.get(f"/data/sumber/{shared.pk}/unduh/").status_code == 404
    bkd = Dataset.objects.get(slug="asn-nusa-cendana-2025").agency
    labels = [item.value["label"] for item in bkd.site.root_page.specific.main_menu]
    assert "Data" in labels
