"""/data/: search and filters, dataset pages with metadata, preview and downloads."""

import pytest

from lontar.opendata.models import Resource
from lontar.opendata.tests.helpers import add_csv, add_variable, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(agency_a, agency_b):
    asn = make_dataset(agency_a, groups=["kepegawaian"])
    add_variable(asn, "jumlah", definition="Banyaknya pegawai", unit_of_measure="orang")
    resource = add_csv(asn)
    make_dataset(agency_b, slug="curah-hujan", title="Curah hujan bulanan", tags="iklim")
    make_dataset(agency_a, slug="rahasia", title="Data mitra rahasia", visibility="mitra")
    return {"asn": asn, "resource": resource}


def test_list_searches_and_filters(client, catalogue, agency_b, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        page = client.get("/data/").content.decode()
    assert "Jumlah ASN menurut golongan" in page and "Curah hujan bulanan" in page
    assert "Data mitra rahasia" not in page
    found = client.get("/data/", {"q": "hujan"}).content.decode()
    assert "Curah hujan bulanan" in found and "Jumlah ASN" not in found
    assert "Curah hujan" not in client.get("/data/", {"tag": "ASN"}).content.decode()
    by_group = client.get("/data/", {"kelompok": "kepegawaian"}).content.decode()
    assert "Jumlah ASN" in by_group and "Curah hujan" not in by_group
    by_format = client.get("/data/", {"format": "CSV"}).content.decode()
    assert "Jumlah ASN" in by_format and "Curah hujan" not in by_format
    by_org = client.get("/data/", {"instansi": agency_b.slug}).content.decode()
    assert "Curah hujan" in by_org and "Jumlah ASN" not in by_org


def test_dataset_page_shows_metadata_variables_and_accessible_preview(
    client, catalogue, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14):
        response = client.get("/data/pegawai-asn/")
    page = response.content.decode()
    assert "Frekuensi pemutakhiran" in page and "Tahunan" in page
    assert "data@example.go.id" in page
    assert "Banyaknya pegawai" in page and "orang" in page
    assert '<th scope="col">jumlah <span class="meta">(int)</span></th>' in page
    assert "<td>Batu Karang</td>" in page
    assert "Pratinjau 5 dari 5 baris" in page


def test_shared_dataset_page_is_not_public(client, catalogue):
    assert client.get("/data/rahasia/").status_code == 404


def test_download_counts(client, catalogue):
    resource = catalogue["resource"]
    response = client.get(f"/data/sumber/{resource.pk}/unduh/")
    assert response.status_code == 200
    assert b"Batu Karang" in response.content
    assert "attachment" in response["Content-Disposition"]
    client.get(f"/data/sumber/{resource.pk}/unduh/")
    assert Resource.objects.get(pk=resource.pk).download_count == 2
    assert "2 kali diunduh" in client.get("/data/pegawai-asn/").content.decode()
