"""The JDIHN feed: exactly the agreed keys, string values, ISO dates, absolute URLs."""

import re
from datetime import date

import pytest

from lontar.regulations import services
from lontar.regulations.formats import EXTRA_KEYS, JDIHN_KEYS
from lontar.regulations.tests.helpers import make_document

pytestmark = pytest.mark.django_db

EXPECTED_KEYS = {
    "idData",
    "tahun_pengundangan",
    "tanggal_pengundangan",
    "jenis",
    "noPeraturan",
    "judul",
    "noPanggil",
    "singkatanJenis",
    "tempatTerbit",
    "penerbit",
    "deskripsiFisik",
    "sumber",
    "subjek",
    "isbn",
    "status",
    "bahasa",
    "bidangHukum",
    "teuBadan",
    "nomorIndukBuku",
    "fileDownload",
    "urlDownload",
    "abstrak",
    "urlAbstrak",
    "urlDetailPeraturan",
    "operasi",
    "display",
    "tanggal_penetapan",
    "lokasi",
    "terakhir_diubah",
}


@pytest.fixture
def documents(agency_a, agency_b):
    old = make_document(
        agency_a,
        number="7",
        year=2019,
        title="Disiplin Pegawai",
        pdf_text="Naskah disiplin.",
        promulgated_on=date(2019, 5, 6),
        enacted_on=date(2019, 5, 2),
        subjects=["Kepegawaian", "Disiplin"],
    )
    new = make_document(
        agency_a,
        number="3",
        year=2024,
        title="Disiplin Pegawai Baru",
        promulgated_on=date(2024, 1, 9),
        enacted_on=date(2024, 1, 8),
    )
    make_document(agency_a, year=2024, title="Belum terbit", is_published=False)
    make_document(agency_b, year=2019, title="Milik dinas lain")
    services.record_relation(source=new, kind="mencabut", target=old)
    return old, new


def test_the_feed_is_a_plain_array_with_exactly_the_keys(client, documents):
    response = client.get("/api/jdihn/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    records = response.json()
    assert isinstance(records, list) and len(records) == 2
    for record in records:
        assert set(record) == EXPECTED_KEYS
        assert list(record) == [*JDIHN_KEYS, *EXTRA_KEYS]
        assert all(isinstance(value, str) for value in record.values())


def test_values_and_formats(client, documents):
    old, _new = documents
    record = client.get(f"/api/jdihn/{old.pk}/").json()
    assert record["idData"] == str(old.pk)
    assert record["tahun_pengundangan"] == "2019"
    assert record["tanggal_pengundangan"] == "2019-05-06"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["tanggal_pengundangan"])
    assert record["jenis"] == "Peraturan Gubernur"
    assert record["singkatanJenis"] == "Pergub"
    assert record["noPeraturan"] == "7"
    assert record["judul"] == "Disiplin Pegawai"
    assert record["status"] == "Tidak Berlaku"
    assert record["subjek"] == "Disiplin, Kepegawaian"
    assert record["bahasa"] == "Indonesia"
    assert record["teuBadan"] == "Pemerintah Provinsi Uji"
    assert record["fileDownload"].endswith(".pdf")
    assert record["urlDownload"] == f"http://localhost/regulasi/{old.pk}/unduh/"
    assert record["urlDetailPeraturan"] == f"http://localhost/regulasi/{old.pk}/"
    assert record["urlAbstrak"] == "" and record["abstrak"] == ""
    assert record["tanggal_penetapan"] == "2019-05-02"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", record["terakhir_diubah"])
    assert record["isbn"] == ""
    assert (record["operasi"], record["display"]) == ("4", "1")


def test_the_download_url_works(client, documents):
    old, _new = documents
    url = client.get(f"/api/jdihn/{old.pk}/").json()["urlDownload"]
    assert client.get(url.removeprefix("http://localhost")).status_code == 200


def test_limit_year_and_query(client, documents):
    assert len(client.get("/api/jdihn/", {"limit": "1"}).json()) == 1
    assert [r["judul"] for r in client.get("/api/jdihn/", {"tahun": "2019"}).json()] == [
        "Disiplin Pegawai"
    ]
    assert [r["judul"] for r in client.get("/api/jdihn/", {"q": "baru"}).json()] == [
        "Disiplin Pegawai Baru"
    ]
    assert len(client.get("/api/jdihn/", {"limit": "5000"}).json()) == 2  # capped at 1000


@pytest.mark.parametrize("params", [{"limit": "abc"}, {"limit": "0"}, {"tahun": "x"}])
def test_junk_limit_or_year_is_a_400_naming_the_parameter(client, documents, params):
    response = client.get("/api/jdihn/", params)
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == next(iter(params))


def test_newest_first(client, documents):
    assert [r["tahun_pengundangan"] for r in client.get("/api/jdihn/").json()] == ["2024", "2019"]


def test_detail_of_another_agencys_or_unknown_document_is_404(client, agency_b, documents):
    theirs = make_document(agency_b)
    assert client.get(f"/api/jdihn/{theirs.pk}/").status_code == 404
    for unknown in ("999999", "abc", "9" * 30, "12.5"):
        response = client.get(f"/api/jdihn/{unknown}/")
        assert response.status_code == 404, unknown
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"]["status"] == 404


def test_feed_query_count(client, agency_a, django_assert_max_num_queries):
    for number in range(40):
        make_document(agency_a, title=f"Peraturan {number}", subjects=["A"])
    with django_assert_max_num_queries(6):  # + the public base URLs, cached once warm
        assert len(client.get("/api/jdihn/").json()) == 40
