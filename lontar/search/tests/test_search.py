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


def _queries_for(client, params) -> tuple[int, object]:
    """Queries of a search once the caches that publishing resets are filled again, the
    search's own cache of matches left out (its cost is what is measured)."""
    from django.test.utils import CaptureQueriesContext

    from lontar.search import service

    client.get("/cari/", params)
    service.MAX_CACHED_HITS, kept = -1, service.MAX_CACHED_HITS
    try:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/cari/", params)
    finally:
        service.MAX_CACHED_HITS = kept
    return len(captured), response


def test_search_cost_does_not_grow_with_the_archive(client, agency_a, monkeypatch):
    """Issue 22: the search reads a bounded number of the newest matches per source (here 3)
    and loads only the hits shown: N or 3N matching articles cost the same queries, the newest
    are found, and the count says there are more."""
    from lontar.search import candidates, service

    monkeypatch.setattr(service, "MAX_PER_SOURCE", 3)
    monkeypatch.setattr(candidates, "CHUNK", 2)
    monkeypatch.setattr("lontar.search.views.PER_PAGE", 2)
    index = news_index(agency_a)
    for n in range(4):
        article(index, f"Rotasi jabatan {n}", on=date(2025, 1, n + 1), text="Rotasi jabatan.")
    small, _ = _queries_for(client, {"q": "rotasi"})
    for n in range(4, 12):
        article(index, f"Rotasi jabatan {n}", on=date(2025, 2, n), text="Rotasi jabatan.")
    large, response = _queries_for(client, {"q": "rotasi"})
    assert large == small
    titles = [r["title"] for r in response.context["results"]]
    assert titles == ["Rotasi jabatan 11", "Rotasi jabatan 10"]
    assert response.context["more"] is True
    assert "Lebih dari 3 hasil" in response.content.decode()


def test_a_word_in_the_title_ranks_first(client, agency_a):
    index = news_index(agency_a)
    article(index, "Jadwal apel pagi", on=date(2025, 3, 1), text="Informasi mutasi pegawai.")
    article(index, "Mutasi pegawai Maret", on=date(2025, 1, 1), text="Daftar nama.")
    titles = [r["title"] for r in client.get("/cari/", {"q": "mutasi"}).context["results"]]
    assert titles == ["Mutasi pegawai Maret", "Jadwal apel pagi"]
    assert client.get("/cari/", {"q": "mutasi"}).context["more"] is False


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_postgresql_reads_the_stored_indonesian_tsvector_with_its_gin_index(agency_a):
    """#14: the search matches Wagtail's stored `tsvector` columns, built with the `indonesian`
    configuration and each GIN-indexed, newest first, stemmed ("pelayanan" finds "melayani")."""
    from lontar.news.models import NewsArticlePage
    from lontar.search import candidates

    index = news_index(agency_a)
    found = article(index, "Petugas siaga", text="Petugas kami melayani warga.")
    article(index, "Cuaca", text="Hujan turun sore hari.")
    result = candidates.find(NewsArticlePage, "pelayanan")
    assert list(result.scores) == [str(found.pk)] and not result.truncated
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry'"
        )
        definitions = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute(
            "SELECT body::text FROM wagtailsearch_indexentry WHERE object_id = %s",
            [str(found.pk)],
        )
        body = cursor.fetchone()[0]
    assert "gin (body)" in definitions and "gin (title)" in definitions
    assert "'layan'" in body  # stemmed by the indonesian configuration when stored


def test_a_repeated_search_reuses_its_matches_and_a_new_article_shows_at_once(
    client, agency_a, django_assert_max_num_queries
):
    """The matches of a query are kept until content changes (issue 14): the thousandth
    citizen searching "cpns" on a viral day pays only for the ten hits shown."""
    index = news_index(agency_a)
    article(index, "Formasi CPNS dibuka", text="Pendaftaran CPNS dibuka bulan depan.")
    first = client.get("/cari/", {"q": "cpns"})

    with django_assert_max_num_queries(4):
        again = client.get("/cari/", {"q": "cpns"})
    article(index, "Jadwal ujian CPNS", on=date(2026, 4, 1), text="Ujian CPNS di Kupang.")
    after = client.get("/cari/", {"q": "cpns"})
    other_word = client.get("/cari/", {"q": "ujian"})

    assert [r["title"] for r in first.context["results"]] == ["Formasi CPNS dibuka"]
    assert [r["title"] for r in again.context["results"]] == ["Formasi CPNS dibuka"]
    assert {r["title"] for r in after.context["results"]} == {
        "Formasi CPNS dibuka",
        "Jadwal ujian CPNS",
    }
    assert [r["title"] for r in other_word.context["results"]] == ["Jadwal ujian CPNS"]


def test_other_models_matches_around_a_source_cost_nothing(client, agency_a, monkeypatch):
    """Issue 22: a source's matches are read newest first whatever other models' index entries
    surround them (in a generated archive the articles sit between the first and the last
    regulation): many newer and older matching questions cost the article source no read,
    the newest articles come first, and each source's count and the total are right."""
    from lontar.qna.models import Status
    from lontar.qna.tests.helpers import make_question
    from lontar.search import candidates, service

    monkeypatch.setattr(service, "MAX_PER_SOURCE", 3)
    monkeypatch.setattr(candidates, "CHUNK", 2)
    monkeypatch.setattr(candidates, "WINDOW", 4)
    monkeypatch.setattr("lontar.search.views.PER_PAGE", 1)  # an article (title match) shown

    def asked(n: int) -> None:
        make_question(
            agency_a,
            text=f"Kapan jadwal apel {n}?",
            answer_text="Setiap Senin pagi.",
            status=Status.PUBLISHED,
        )

    index = news_index(agency_a)
    article(index, "Apel pagi pertama", on=date(2025, 1, 1), text="Apel pagi di halaman kantor.")
    asked(0)
    small, response = _queries_for(client, {"q": "apel"})
    assert [r["title"] for r in response.context["results"]][0] == "Apel pagi pertama"
    for n in range(1, 9):
        asked(n)
    article(index, "Apel pagi kedua", on=date(2025, 2, 1), text="Apel pagi di halaman kantor.")
    for n in range(9, 17):
        asked(n)
    article(index, "Apel pagi ketiga", on=date(2025, 3, 1), text="Apel pagi di halaman kantor.")
    large, response = _queries_for(client, {"q": "apel"})
    # The articles are read at once however many questions match around them; the questions,
    # more than the source keeps, add no read either.
    assert large == small
    counts = {key: count for key, _label, count in response.context["sources"]}
    assert counts["berita"] == 3 and counts["tanya-jawab"] == 3
    assert response.context["more"] is True
    assert [r["title"] for r in response.context["results"]] == ["Apel pagi ketiga"]
    news = client.get("/cari/", {"q": "apel", "jenis": "berita", "halaman": 3}).context
    assert [r["title"] for r in news["results"]] == ["Apel pagi pertama"]
    assert news["total"] == 3


def test_an_old_match_of_a_rare_word_is_found_below_many_newer_entries(
    client, agency_a, monkeypatch
):
    """A word the archive holds once, years back, is still found: on PostgreSQL beyond the
    newest entries walked (here 2) through the typed GIN index, on SQLite in the typed FTS5
    index; and at the same cost as a word found among the newest."""
    from lontar.search import postgres_index

    monkeypatch.setattr(postgres_index, "SCAN", 2)
    index = news_index(agency_a)
    article(index, "Sosialisasi kriptografi", on=date(2019, 5, 2), text="Sandi negara.")
    for n in range(5):
        article(index, f"Apel pagi {n}", on=date(2026, 1, n + 1), text="Apel rutin pegawai.")
    old, response = _queries_for(client, {"q": "kriptografi"})
    assert [r["title"] for r in response.context["results"]] == ["Sosialisasi kriptografi"]
    assert response.context["total"] == 1 and response.context["more"] is False
    assert "1 hasil untuk" in response.content.decode()
    newest, _ = _queries_for(client, {"q": "apel"})
    # The second read (the older matches) is one query more at most.
    assert old <= newest + 1


def test_every_word_may_be_in_the_title_or_the_body(client, agency_a):
    """ "cuti besar" finds an article titled "Cuti" whose body says "besar", on both databases
    (each word in either field), and not one holding only one of the words."""
    index = news_index(agency_a)
    article(index, "Pengajuan cuti", text="Cuti besar diajukan tiga bulan sebelumnya.")
    article(index, "Jadwal cuti bersama", text="Libur nasional.")
    titles = [r["title"] for r in client.get("/cari/", {"q": "cuti besar"}).context["results"]]
    assert titles == ["Pengajuan cuti"]


def test_an_edited_or_deleted_record_leaves_the_search_at_once(client, agency_a):
    """The index read by model follows Wagtail's entries (SQLite: triggers on them): a title
    edited away from a word, or a deleted article, is no longer found."""
    index = news_index(agency_a)
    edited = article(index, "Lelang jabatan dibuka", text="Seleksi terbuka.")
    deleted = article(index, "Lelang jabatan ditutup", text="Seleksi selesai.")
    assert client.get("/cari/", {"q": "lelang"}).context["total"] == 2
    edited.title, edited.lead = "Seleksi terbuka dibuka", "Ringkasan seleksi."
    edited.save_revision().publish()
    deleted.delete()
    titles = [r["title"] for r in client.get("/cari/", {"q": "lelang"}).context["results"]]
    assert titles == []
    assert [r["title"] for r in client.get("/cari/", {"q": "seleksi"}).context["results"]] == [
        "Seleksi terbuka dibuka"
    ]


def test_a_query_without_a_searchable_word_finds_nothing(agency_a, monkeypatch):
    """A query the text-search configuration reduces to nothing ("_") matches no record, even
    when a model's older entries are asked for (PostgreSQL adds the content type's word to the
    query: alone it would match every entry of the model)."""
    from lontar.news.models import NewsArticlePage
    from lontar.search import candidates, postgres_index

    monkeypatch.setattr(postgres_index, "SCAN", 1)
    index = news_index(agency_a)
    for n in range(3):
        article(index, f"Berita {n}", text="Isi berita.")
    assert candidates.find(NewsArticlePage, "_").scores == {}
    assert len(candidates.find(NewsArticlePage, "berita").scores) == 3
