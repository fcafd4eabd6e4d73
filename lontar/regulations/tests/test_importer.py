"""Bulk import: every bad row reported, nothing imported until all rows are good."""

import io

import pytest
from openpyxl import Workbook

from lontar.regulations import importer
from lontar.regulations.models import LegalDocument, Subject
from lontar.regulations.tests.helpers import make_document

pytestmark = pytest.mark.django_db

HEADER = "jenis,singkatan_jenis,nomor,tahun,judul,tanggal_penetapan,tanggal_pengundangan,subjek"
GOOD = [
    "Peraturan Gubernur,Pergub,5,2021,Disiplin ASN,2021-03-01,2021-03-03,Disiplin;Kepegawaian",
    "Keputusan Gubernur,Kepgub,12,2022,Formasi CPNS,15/02/2022,16-02-2022,Formasi",
]


def _csv(*lines: str) -> bytes:
    return "\n".join([HEADER, *lines]).encode()


def _import(agency, data: bytes, *, dry_run: bool, name: str = "data.csv"):
    return importer.import_documents(agency, importer.read_rows(name, data), dry_run=dry_run)


def test_a_dry_run_checks_without_importing(agency_a):
    report = _import(agency_a, _csv(*GOOD), dry_run=True)
    assert report.ok and report.rows == 2 and report.imported == 0
    assert not LegalDocument.objects.exists()


def test_good_rows_are_imported_with_subjects_and_dates(agency_a):
    report = _import(agency_a, _csv(*GOOD), dry_run=False)
    assert report.ok and report.imported == 2
    document = LegalDocument.objects.get(number="12")
    assert document.agency == agency_a
    assert str(document.enacted_on) == "2022-02-15"
    assert str(document.promulgated_on) == "2022-02-16"
    assert document.language == "Indonesia"
    assert set(Subject.objects.values_list("name", flat=True)) == {
        "Disiplin",
        "Kepegawaian",
        "Formasi",
    }


def test_every_bad_row_is_reported_and_nothing_is_imported(agency_a):
    make_document(agency_a, kind="Peraturan Gubernur", number="9", year=2020)
    lines = [
        GOOD[0],
        ",Pergub,6,dua ribu,,2021-13-01,,",  # row 3: no kind, bad year, no title, bad date
        "Peraturan Gubernur,Pergub,7,2021,Cuti,2021-05-10,2021-05-01,",  # row 4: dates reversed
        "Peraturan Gubernur,Pergub,9,2020,Sudah ada,,,",  # row 5: already in the library
        GOOD[0],  # row 6: same as row 2
        "Peraturan Gubernur,Pergub,8,1900,Terlalu tua,,,",  # row 7: year out of range
    ]
    report = _import(agency_a, _csv(*lines), dry_run=False)
    assert not report.ok and report.imported == 0
    assert [(e.row, e.column) for e in report.errors] == [
        (3, "jenis"),
        (3, "judul"),
        (3, "tahun"),
        (3, "tanggal_penetapan"),
        (4, "tanggal_pengundangan"),
        (5, "nomor"),
        (6, "nomor"),
        (7, "tahun"),
    ]
    messages = {(e.row, e.column): e.message for e in report.errors}
    assert messages[(3, "judul")] == "Wajib diisi."
    assert messages[(5, "nomor")] == "Dokumen ini sudah ada di pustaka."
    assert messages[(6, "nomor")] == "Sama dengan baris 2 pada berkas ini."
    assert LegalDocument.objects.count() == 1


def test_wrong_document_type_and_too_long_values(agency_a):
    data = (f"tipe_dokumen,jenis,tahun,judul\nundang-undang,Peraturan,2020,{'x' * 501}\n").encode()
    report = _import(agency_a, data, dry_run=True)
    assert {(e.row, e.column) for e in report.errors} == {(2, "tipe_dokumen"), (2, "judul")}


def test_xlsx_with_real_dates_and_numbers(agency_a):
    from datetime import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(["jenis", "nomor", "tahun", "judul", "tanggal_penetapan", "subjek"])
    sheet.append(["Peraturan Gubernur", "4", 2023, "Kinerja ASN", datetime(2023, 4, 5), "Kinerja"])
    sheet.append(["Peraturan Gubernur", "5", 2023.0, "Jam Kerja", None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    report = _import(agency_a, buffer.getvalue(), dry_run=False, name="data.xlsx")
    assert report.ok, report.errors
    assert str(LegalDocument.objects.get(number="4").enacted_on) == "2023-04-05"
    assert LegalDocument.objects.get(number="5").year == 2023


def test_semicolon_separated_csv(agency_a):
    data = b"jenis;tahun;judul\nPeraturan Gubernur;2020;Cuti Pegawai\n"
    assert _import(agency_a, data, dry_run=False).imported == 1


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("data.txt", b"x", "Gunakan berkas .csv atau .xlsx."),
        ("data.csv", b"", "Berkas kosong."),
        ("data.csv", b"jenis,judul\nA,B\n", "Kolom wajib tidak ada: tahun."),
        ("data.csv", b"jenis,tahun,judul,warna\n", "Kolom tidak dikenal: warna."),
        ("data.csv", b"jenis,tahun,judul\n\xe9", "Berkas CSV harus berenkode UTF-8."),
        ("data.xlsx", b"not a zip", "Berkas XLSX tidak dapat dibaca."),
    ],
)
def test_unreadable_files(name, data, message):
    with pytest.raises(importer.ImportFileError, match=message.replace(".", r"\.")):
        importer.read_rows(name, data)


def test_relations_to_the_library_and_within_the_file(agency_a):
    old = make_document(
        agency_a, kind="Peraturan Gubernur", kind_abbreviation="Pergub", number="12", year=2012
    )
    data = (
        b"jenis,singkatan_jenis,nomor,tahun,judul,mengubah,mencabut\n"
        b"Peraturan Gubernur,Pergub,7,2016,Perubahan,Pergub Nomor 12 Tahun 2012,\n"
        b"Peraturan Gubernur,Pergub,18,2022,Disiplin ASN,,Peraturan Gubernur Nomor 12 Tahun 2012\n"
        b"Peraturan Gubernur,Pergub,3,2023,Perubahan Disiplin,pergub nomor 18 tahun 2022,\n"
    )
    report = _import(agency_a, data, dry_run=False)
    assert report.ok, report.errors
    statuses = dict(LegalDocument.objects.values_list("number", "status"))
    assert statuses == {"12": "tidak_berlaku", "7": "tidak_berlaku", "18": "diubah", "3": "berlaku"}
    assert old.incoming_relations.count() == 2


def test_unknown_or_malformed_references_are_errors(agency_a):
    data = (
        b"jenis,nomor,tahun,judul,mencabut,melaksanakan\n"
        b"Peraturan Gubernur,1,2020,A,Pergub Nomor 99 Tahun 2001,\n"
        b"Peraturan Gubernur,2,2020,B,,Perda 5/2016\n"
        b"Peraturan Gubernur,3,2020,C,Peraturan Gubernur Nomor 3 Tahun 2020,\n"
    )
    report = _import(agency_a, data, dry_run=True)
    assert [(e.row, e.column, e.message) for e in report.errors] == [
        (2, "mencabut", 'Dokumen "Pergub Nomor 99 Tahun 2001" tidak ditemukan.'),
        (
            3,
            "melaksanakan",
            'Rujukan "Perda 5/2016" tidak dikenali; tulis mis. "Pergub Nomor 5 Tahun 2021".',
        ),
        (4, "mencabut", "Dokumen tak dapat merujuk dirinya."),
    ]
