"""Public datasets as a site-search source (/cari/), once registered."""

import pytest

from lontar.opendata import search
from lontar.opendata.tests.helpers import make_dataset
from lontar.search import registry

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setattr(registry, "SOURCES", dict(registry.SOURCES))
    monkeypatch.setattr("lontar.search.service.SOURCES", registry.SOURCES)
    search.register()


def test_site_search_finds_public_datasets_only(client, agency_a, registered):
    make_dataset(agency_a, title="Jumlah pegawai menurut golongan")
    make_dataset(agency_a, slug="rahasia", title="Formasi pegawai rahasia", visibility="mitra")
    page = client.get("/cari/", {"q": "pegawai"}).content.decode()
    assert "Jumlah pegawai menurut golongan" in page
    assert "/data/pegawai-asn/" in page
    assert "Formasi pegawai rahasia" not in page
