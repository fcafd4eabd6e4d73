"""/cari/: full text over the registered sources, highlighting, filters, pagination."""

from datetime import date

import pytest
from django.db import connection

from lontar.news.tests.helpers import article, news_index
from lontar.search.highlight import snippet, stem
from lontar.search.registry import SOURCES

pytestmark = pytest.mark.django_db


def test_news_articles_are_registered_as_a_source():
    assert SOURCES["berita"].label == "Berita"


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("pelayanan", "layan"),
        ("layanan", "layan"),
        ("melayani", "layan"),
        ("dilayani", "layan"),
        ("menyusun", "susun"),
        ("kepegawaian", "pegawai"),
    ],
)
def test_rough_indonesian_root_for_highlighting(word, root):
    assert stem(word) == root


def test_snippet_marks_every_form_of_the_word_and_escapes_html():
    text = (
        "<p>Kami melayani warga. Layanan <b>cepat</b> &amp; pelayanan prima.</p><script>x</script>"
    )
    html = snippet(text, "pelayanan")
    assert "<mark>melayani</mark>" in html and "<mark>Layanan</mark>" in html
    assert "<mark>pelayanan</mark>" in html
    assert "<b>" not in html and "<script>" not in html


def test_search_finds_highlights_and_stays_in_the_agency(client, agency_a, agency_b):
    article(
        news_index(agency_a),
        "Kenaikan pangkat periode April",
        text="Usul kenaikan pangkat diterima sampai Maret.",
    )
    article(news_index(agency_a), "Cuaca cerah", text="Tidak ada hubungannya.")
    article(news_index(agency_b), "Pangkat di dinas lain", text="Kenaikan pangkat dinas B.")
    article(news_index(agency_a), "Draf pangkat", text="pangkat", publish=False)
    response = client.get("/cari/", {"q": "pangkat"})
    assert response.status_code == 200
    titles = [r["title"] for r in response.context["results"]]
    assert titles == ["Kenaikan pangkat periode April"]
    assert "<mark>pangkat</mark>" in response.content.decode()


def test_filters_by_content_type_and_year_with_pagination(client, agency_a):
    index = news_index(agency_a)
    for n in range(12):
        article(
            index,
            f"Mutasi pegawai {n}",
            on=date(2025 if n < 4 else 2026, 1, n + 1),
            text="Mutasi pegawai antarunit.",
        )
    response = client.get("/cari/", {"q": "mutasi"})
    assert response.context["total"] == 12
    assert len(response.context["results"]) == 10
    assert response.context["years"] == [2026, 2025]
    assert client.get("/cari/", {"q": "mutasi", "halaman": 2}).context["page_obj"].number == 2
    by_year = client.get("/cari/", {"q": "mutasi", "tahun": 2025}).context
    assert by_year["total"] == 4
    assert all(r["date"].year == 2025 for r in by_year["results"])
    assert client.get("/cari/", {"q": "mutasi", "jenis": "berita"}).context["total"] == 12
    # Finding 6: an unknown content type is refused with a message naming the parameter.
    unknown = client.get("/cari/", {"q": "mutasi", "jenis": "tidak-ada"})
    assert unknown.status_code == 400
    assert "“jenis”" in unknown.content.decode()


def test_empty_query_shows_the_form_only(client, agency_a):
    response = client.get("/cari/")
    assert response.status_code == 200
    assert response.context["results"] == []


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL's indonesian text-search configuration",
)
def test_pelayanan_finds_layanan_and_melayani_on_postgresql(client, agency_a):
    index = news_index(agency_a)
    article(index, "Jam kantor", text="Layanan kenaikan pangkat buka setiap hari kerja.")
    article(index, "Petugas siaga", text="Petugas kami melayani warga dengan ramah.")
    article(index, "Cuaca", text="Hujan turun sore hari.")
    response = client.get("/cari/", {"q": "pelayanan"})
    titles = sorted(r["title"] for r in response.context["results"])
    assert titles == ["Jam kantor", "Petugas siaga"]
