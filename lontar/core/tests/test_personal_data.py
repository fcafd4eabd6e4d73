"""One detector of personal data for logs, Q&A redaction and the public register (finding 10)."""

from __future__ import annotations

import pytest

from lontar.core.personal_data import contains_personal_data, find, redact

NIK = "nik"
NIP = "nip"
PHONE = "telepon"
EMAIL = "surel"


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        # NIK, plain and grouped in every way citizens write it
        ("NIK 3201010190010001 ditolak", NIK, "3201010190010001"),
        ("NIK 3201 0101 9001 0001.", NIK, "3201 0101 9001 0001"),
        ("NIK 5371.0441.0790.9431", NIK, "5371.0441.0790.9431"),
        ("NIK 3201-0101-9001-0001", NIK, "3201-0101-9001-0001"),
        ("NIK 320101 019001 0001", NIK, "320101 019001 0001"),
        ("NIK:3201010190010001", NIK, "3201010190010001"),
        ("NIK3201010190010001", NIK, "3201010190010001"),
        ("/ppid/3201010190010001/", NIK, "3201010190010001"),
        ("NIK ３２０１０１０１９００１０００１", NIK, "３２０１０１０１９００１０００１"),
        ("NIK ３２０１ ０１０１ ９００１ ０００１", NIK, "３２０１ ０１０１ ９００１ ０００１"),
        # URL-encoded, as in a query string or a copied link
        ("?q=3201%200101%209001%200001&x=1", NIK, "3201%200101%209001%200001"),
        ("?q=3201+0101+9001+0001", NIK, "3201+0101+9001+0001"),
        ("?q=3201%25200101%25209001%25200001", NIK, "3201%25200101%25209001%25200001"),
        ("?q=3201%2E0101%2E9001%2E0001", NIK, "3201%2E0101%2E9001%2E0001"),
        # NIP (18 digits), as the Q&A redaction always did
        ("NIP 199001012015031001 golongan III/a", NIP, "199001012015031001"),
        ("NIP: 19900101 201503 1 001", NIP, "19900101 201503 1 001"),
        # phone numbers
        ("Hubungi 081234567890 ya", PHONE, "081234567890"),
        ("HP 0812-3456-7890", PHONE, "0812-3456-7890"),
        ("HP 0812 3456 7890.", PHONE, "0812 3456 7890"),
        ("HP 0812.3456.7890", PHONE, "0812.3456.7890"),
        ("WA +62 812 3456 7890", PHONE, "+62 812 3456 7890"),
        ("WA +6281234567890", PHONE, "+6281234567890"),
        ("WA 62-812-3456-7890", PHONE, "62-812-3456-7890"),
        ("WA ＋６２８１２３４５６７８９０", PHONE, "＋６２８１２３４５６７８９０"),
        ("?hp=%2B6281234567890", PHONE, "%2B6281234567890"),
        ("?hp=%2B62%20812%203456%207890", PHONE, "%2B62%20812%203456%207890"),
        ("?hp=0812%2D3456%2D7890", PHONE, "0812%2D3456%2D7890"),
        ("kantor (021) 555-1234", PHONE, "(021) 555-1234"),
        ("kantor 021-5551234", PHONE, "021-5551234"),
        # e-mail addresses
        ("surel budi.s+asn@mail.example.go.id ya", EMAIL, "budi.s+asn@mail.example.go.id"),
        ("kirim ke warga@contoh.id", EMAIL, "warga@contoh.id"),
        ("?surel=warga%40contoh.id&x=1", EMAIL, "warga%40contoh.id"),
        ("?surel=warga%2540contoh.id", EMAIL, "warga%2540contoh.id"),
        ("surel warga＠contoh．id", EMAIL, "warga＠contoh．id"),
    ],
)
def test_every_written_form_is_found(text, kind, found):
    findings = find(text)
    assert [(f.kind, f.text) for f in findings] == [(kind, found)]
    assert text[findings[0].start : findings[0].end] == found
    assert found not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nomor pendaftaran 0001/PPID-BKD/XI/2026 belum dijawab.",
        "0001/PPID-BKD/XI/2026",
        "Gaji pokok Rp1.500.000 dan tunjangan Rp 2.750.000,00",
        "Anggaran Rp3.000.000.000.000.000 untuk program ini",
        "Nomor surat 800/1234/BKD/2026 tanggal 12-03-2026",
        "Diterima 2026-11-02 09:00:00, jatuh tempo 16/11/2026",
        "Kode 12345678901234567 (17 angka) bukan NIK.",
        "Nomor 123456789012345 (15 angka) bukan NIK.",
        "Sesuai PP Nomor 11 Tahun 2017 pasal 54 ayat (2).",
        "Masa kerja 4 tahun 2 bulan, golongan III/b.",
        "/api/3/action/package_search?rows=10&start=20",
        "GET /berita/pengumuman-hasil-seleksi-cpns-2026/ HTTP/1.1",
        "",
    ],
)
def test_numbers_that_are_not_personal_are_left_alone(text):
    assert find(text) == []
    assert redact(text) == text
    assert not contains_personal_data(text)


def test_redact_labels_each_kind_and_keeps_the_rest():
    text = "NIK 3201 0101 9001 0001, HP 0812-3456-7890, surel a@b.id, NIP 199001012015031001."
    assert redact(text) == "NIK [NIK], HP [TELEPON], surel [SUREL], NIP [NIP]."


def test_findings_come_in_reading_order_and_spans_point_into_the_original_text():
    text = "a%40b.id lalu 3201%200101%209001%200001 lalu +6281234567890"
    findings = find(text)
    assert [f.kind for f in findings] == [EMAIL, NIK, PHONE]
    assert [text[f.start : f.end] for f in findings] == [f.text for f in findings]
    assert redact(text) == "[SUREL] lalu [NIK] lalu [TELEPON]"


def test_no_text_gives_no_findings():
    assert find(None) == []  # type: ignore[arg-type]
    assert redact("") == ""
