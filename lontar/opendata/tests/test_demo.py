"""The demo catalogue loads once and is browsable."""

import pytest
from django.core.management import call_command

from lontar.opendata import selectors
from lontar.opendata.models import Dataset, Resource

pytestmark = pytest.mark.django_db


def test_demo_catalogue_loads_once(client):
    call_command("load_demo")
    counts = (Dataset.objects.count(), Resource.objects.count())
    call_command("load_demo")
    assert (Dataset.objects.count(), Resource.objects.count()) == counts
    table = selectors.table_of(Resource.objects.get(format="CSV", generator=""))
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
    bkd = Dataset.objects.get(slug="asn-nusa-cendana-2025").agency
    labels = [item.value["label"] for item in bkd.site.root_page.specific.main_menu]
    assert "Data" in labels
