"""The public library: filters, sort, pagination, search in PDF text, a document's page."""

import pytest
from django.urls import reverse

from lontar.regulations import services
from lontar.regulations.models import LegalDocument
from lontar.regulations.tests.helpers import make_document

pytestmark = pytest.mark.django_db
LIST = "/regulasi/"


def _titles(response):
    return [d.title for d in response.context["page_obj"].object_list]


@pytest.fixture
def library(agency_a, agency_b):
    discipline = make_document(
        agency_a,
        title="Disiplin Pegawai ASN",
        year=2019,
        subjects=["Disiplin"],
        pdf_text="Setiap pegawai wajib hadir tepat waktu; pelanggaran dikenai hukuman disiplin.",
    )
    new_discipline = make_document(
        agency_a,
        title="Disiplin Pegawai ASN yang Baru",
        year=2024,
        subjects=["Disiplin"],
        pdf_text="Peraturan ini mencabut peraturan sebelumnya.",
    )
    formation = make_document(
        agency_a,
        title="Formasi Jabatan Fungsional",
        kind="Keputusan Gubernur",
        kind_abbreviation="Kepgub",
        year=2024,
        subjects=["Formasi"],
        field_of_law="Kepegawaian",
        pdf_text="Formasi analis kebijakan sebanyak dua belas orang.",
    )
    book = make_document(
        agency_a,
        title="Himpunan Peraturan Kepegawaian",
        document_type="monografi",
        kind="Buku",
        number="",
        year=2021,
    )
    make_document(agency_a, title="Draf tersembunyi", is_published=False, year=2024)
    make_document(agency_b, title="Disiplin Pegawai Dinas B", year=2019)
    services.record_relation(source=new_discipline, kind="mencabut", target=discipline)
    return {"discipline": discipline, "new": new_discipline, "formation": formation, "book": book}


def test_list_shows_only_this_agencys_published_documents(client, library):
    response = client.get(LIST)
    assert response.status_code == 200
    titles = _titles(response)
    assert len(titles) == 4
    assert "Draf tersembunyi" not in titles and "Disiplin Pegawai Dinas B" not in titles


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"jenis": "monografi"}, {"Himpunan Peraturan Kepegawaian"}),
        ({"tahun": "2019"}, {"Disiplin Pegawai ASN"}),
        ({"status": "tidak_berlaku"}, {"Disiplin Pegawai ASN"}),
        ({"bidang": "Kepegawaian"}, {"Formasi Jabatan Fungsional"}),
        (
            {"jenis": "peraturan", "tahun": "2024"},
            {"Disiplin Pegawai ASN yang Baru", "Formasi Jabatan Fungsional"},
        ),
    ],
)
def test_filters(client, library, params, expected):
    assert set(_titles(client.get(LIST, params))) == expected


def test_subject_filter(client, library):
    subject = library["formation"].subjects.get()
    assert _titles(client.get(LIST, {"subjek": subject.pk})) == ["Formasi Jabatan Fungsional"]


@pytest.mark.parametrize("params", [{"tahun": "dua ribu"}, {"jenis": "x"}, {"urut": "acak"}])
def test_invalid_filter_values_answer_400_with_the_parameter_named(client, library, params):
    # Finding 6: junk is refused with a message instead of silently widening the list.
    response = client.get(LIST, params)
    assert response.status_code == 400
    (name,) = params
    assert f"“{name}”" in response.content.decode()


def test_a_valid_year_without_documents_lists_none(client, library):
    assert _titles(client.get(LIST, {"tahun": "1999"})) == []


def test_sort_by_title_and_oldest(client, library):
    assert _titles(client.get(LIST, {"urut": "judul"}))[0] == "Disiplin Pegawai ASN"
    assert _titles(client.get(LIST, {"urut": "terlama"}))[0] == "Disiplin Pegawai ASN"
    assert _titles(client.get(LIST, {"urut": "terbaru"}))[-1] == "Disiplin Pegawai ASN"


def test_search_finds_words_inside_the_pdf_text(client, library):
    assert _titles(client.get(LIST, {"q": "analis"})) == ["Formasi Jabatan Fungsional"]
    assert _titles(client.get(LIST, {"q": "hukuman tepat waktu"})) == ["Disiplin Pegawai ASN"]
    assert _titles(client.get(LIST, {"q": "tidakadakatasepertiini"})) == []


def test_search_combines_with_filters(client, library):
    assert _titles(client.get(LIST, {"q": "disiplin", "tahun": "2024"})) == [
        "Disiplin Pegawai ASN yang Baru"
    ]


def test_pagination_keeps_the_filters(client, agency_a):
    for number in range(25):
        make_document(agency_a, title=f"Keputusan {number}", year=2022)
    first = client.get(LIST, {"tahun": "2022"})
    assert len(_titles(first)) == 20
    assert "tahun=2022&amp;halaman=2" in first.content.decode()
    second = client.get(LIST, {"tahun": "2022", "halaman": "2"})
    assert len(_titles(second)) == 5


def test_list_query_count(client, agency_a, django_assert_max_num_queries):
    for number in range(30):
        make_document(agency_a, title=f"Peraturan {number}", subjects=["A", "B"])
    client.get(LIST)  # warm the navigation cache
    with django_assert_max_num_queries(10):
        response = client.get(LIST, {"urut": "judul"})
    assert len(_titles(response)) == 20
    with django_assert_max_num_queries(12):
        client.get(LIST, {"q": "peraturan"})


def test_a_revoked_documents_page_shows_its_status_and_links_to_the_newer_one(client, library):
    old, new = library["discipline"], library["new"]
    response = client.get(reverse("regulations:detail", args=[old.pk]))
    html = response.content.decode()
    assert "Tidak berlaku" in html
    assert f'href="/regulasi/{new.pk}/"' in html
    assert "Dicabut dengan" in html
    assert response.context["extras"]["superseded"].source == new


def test_the_page_shows_the_whole_chain(client, agency_a):
    original = make_document(agency_a, year=2010, title="Asli")
    amendment = make_document(agency_a, year=2012, title="Perubahan")
    second = make_document(agency_a, year=2014, title="Perubahan Kedua")
    services.record_relation(source=amendment, kind="mengubah", target=original)
    services.record_relation(source=second, kind="mengubah", target=amendment)
    response = client.get(reverse("regulations:detail", args=[original.pk]))
    graph = response.context["extras"]["graph"]
    assert [r.source for r in graph["incoming"]] == [amendment]
    assert [r.source for r in graph["others"]] == [second]
    assert f'href="/regulasi/{second.pk}/"' in response.content.decode()


def test_detail_query_count_and_citation(client, library, django_assert_max_num_queries):
    from lontar.search.registry import SOURCES

    client.get("/")
    # 7 for the page itself, then a bounded search in each other registered source (news,
    # FAQ, podcast, open data …): the cost grows with the number of apps, never with rows.
    with django_assert_max_num_queries(7 + 5 * (len(SOURCES) - 1)):
        response = client.get(reverse("regulations:detail", args=[library["discipline"].pk]))
    citation = response.context["citation"]()
    assert citation.startswith("Pemerintah Provinsi Uji. Peraturan Gubernur Nomor")
    assert "tentang Disiplin Pegawai ASN" in citation
    assert citation.endswith(f"/regulasi/{library['discipline'].pk}/")


def test_a_second_view_reads_only_the_document_yet_shows_downloads_and_edits_at_once(
    client, library, django_assert_max_num_queries
):
    """The page's body is cached on the content version; the download count is not."""
    document = library["discipline"]
    url = reverse("regulations:detail", args=[document.pk])
    first = client.get(url).content.decode()

    with django_assert_max_num_queries(3):
        second = client.get(url).content.decode()
    client.get(reverse("regulations:download", args=[document.pk]))
    counted = client.get(url).content.decode()
    document.title = "Disiplin Pegawai ASN dan Sanksinya"
    document.save()
    edited = client.get(url).content.decode()

    assert second == first
    assert "Diunduh 0 kali" in first and "Diunduh 1 kali" in counted
    assert "Disiplin Pegawai ASN dan Sanksinya" in edited
    assert "Sitasi" in edited and "application/ld+json" in edited


def test_other_agencies_and_unpublished_documents_are_not_found(client, agency_a, agency_b):
    theirs = make_document(agency_b)
    hidden = make_document(agency_a, is_published=False)
    assert client.get(reverse("regulations:detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("regulations:detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("regulations:download", args=[hidden.pk])).status_code == 404


def test_pdf_is_viewed_inline_and_downloads_are_counted(client, agency_a):
    document = make_document(agency_a, pdf_text="Isi naskah.")
    view = client.get(reverse("regulations:pdf", args=[document.pk]))
    assert view["Content-Type"] == "application/pdf"
    assert view["Content-Disposition"].startswith("inline")
    assert b"".join(view.streaming_content).startswith(b"%PDF")

    download = client.get(reverse("regulations:download", args=[document.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert LegalDocument.objects.get(pk=document.pk).download_count == 1


def test_a_document_without_a_file_has_no_download(client, agency_a):
    document = make_document(agency_a)
    assert client.get(reverse("regulations:download", args=[document.pk])).status_code == 404
    assert "Unduh PDF" not in client.get(document.get_absolute_url()).content.decode()


def _news_source_of_year(monkeypatch, year: int) -> None:
    """A stand-in search source: the library's documents of `year`, presented as news."""
    from lontar.search import registry

    fake = registry.SearchSource(
        key="uji",
        label="Berita",
        model=LegalDocument,
        queryset_for_agency=lambda agency: LegalDocument.objects.filter(year=year),
        date_of=lambda obj: obj.enacted_on,
        url_of=lambda obj, request: f"/berita/{obj.pk}/",
        text_of=lambda obj: obj.title,
    )
    monkeypatch.setitem(registry.SOURCES, "uji", fake)


def test_related_items_come_from_the_other_search_sources(client, agency_a, monkeypatch):
    target = make_document(agency_a, kind_abbreviation="Pergub", number="18", year=2022)
    mention = make_document(
        agency_a, kind="Keputusan Gubernur", title="Tim pelaksana Pergub 18 2022", year=2023
    )
    make_document(agency_a, kind="Keputusan Gubernur", title="Tim lain", year=2023)
    _news_source_of_year(monkeypatch, 2023)

    response = client.get(target.get_absolute_url())

    assert [item["title"] for item in response.context["extras"]["related"]] == [mention.title]
    assert f'href="/berita/{mention.pk}/"' in response.content.decode()


def test_a_document_page_shows_new_relations_and_mentions_at_once(client, agency_a, monkeypatch):
    """The graph and the related items are kept between requests (issue 14) until content
    changes: a new mention or a revoking document shows on the next request."""
    from lontar.regulations.models import DocumentRelation

    target = make_document(agency_a, kind_abbreviation="Pergub", number="7", year=2021)
    _news_source_of_year(monkeypatch, 2025)
    before = client.get(target.get_absolute_url())

    mention = make_document(
        agency_a, kind="Keputusan Gubernur", title="Pelaksanaan Pergub 7 2021", year=2025
    )
    DocumentRelation.objects.create(
        source=mention, target=target, kind=DocumentRelation.Kind.REVOKES
    )
    after = client.get(target.get_absolute_url())

    assert before.context["extras"]["related"] == []
    assert before.context["extras"]["superseded"] is None
    assert [item["title"] for item in after.context["extras"]["related"]] == [mention.title]
    assert after.context["extras"]["superseded"].source == mention
