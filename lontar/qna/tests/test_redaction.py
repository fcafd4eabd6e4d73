import pytest

from lontar.qna.redaction import MASK, apply, detect, redact_all


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("NIK saya 3201010101900001, mohon dicek", "nik", "3201010101900001"),
        ("NIK 3201 0101 0190 0001.", "nik", "3201 0101 0190 0001"),
        ("NIP 199001012015031001 golongan III/a", "nip", "199001012015031001"),
        ("NIP: 19900101 201503 1 001", "nip", "19900101 201503 1 001"),
        ("Hubungi 081234567890 ya", "telepon", "081234567890"),
        ("HP 0812-3456-7890", "telepon", "0812-3456-7890"),
        ("HP 0812 3456 7890.", "telepon", "0812 3456 7890"),
        ("WA +62 812 3456 7890", "telepon", "+62 812 3456 7890"),
        ("WA +6281234567890", "telepon", "+6281234567890"),
        ("kantor (021) 555-1234", "telepon", "(021) 555-1234"),
        ("kantor 021-5551234", "telepon", "021-5551234"),
        ("surel budi.s+asn@mail.example.go.id ya", "surel", "budi.s+asn@mail.example.go.id"),
    ],
)
def test_detects_personal_data(text, kind, found):
    hits = detect(text)
    assert [(h.kind, h.text) for h in hits] == [(kind, found)]
    assert text[hits[0].start : hits[0].end] == found


@pytest.mark.parametrize(
    "text",
    [
        "Saya diangkat tahun 2015 dan naik pangkat 2019.",
        "Nomor pendaftaran 0123/PPID-BKD/XI/2026 belum dijawab.",
        "Gaji pokok Rp1.500.000 dan tunjangan Rp 2.750.000,00",
        "Sesuai PP Nomor 11 Tahun 2017 pasal 54 ayat (2).",
        "Nomor surat 800/1234/BKD/2026 tanggal 12-03-2026",
        "Kode 12345678901234567 (17 angka) bukan NIK.",
        "Masa kerja 4 tahun 2 bulan, golongan III/b.",
        "",
    ],
)
def test_ignores_numbers_that_are_not_personal(text):
    assert detect(text) == []


def test_names_the_asker_gave_are_found_whole_and_in_parts():
    text = "Saya Siti Rahmawati. Ibu siti sudah pensiun; Rahmawati bertanya lagi. Sit."
    hits = detect(text, ["Siti  Rahmawati"])
    assert [h.text for h in hits] == ["Siti Rahmawati", "siti", "Rahmawati"]
    assert {h.kind for h in hits} == {"nama"}


def test_name_inside_a_longer_word_is_not_a_hit():
    assert [h.text for h in detect("Pensiunan Ani dan Aniyah", ["Ani"])] == ["Ani"]
    assert [h.text for h in detect("Aniyah", ["Ani"])] == []


def test_apply_replaces_only_the_chosen_hits():
    text = "Saya Budi, HP 0812-3456-7890, surel budi@example.id."
    hits = detect(text, ["Budi"])
    assert [h.kind for h in hits] == ["nama", "telepon", "surel"]
    phone_only = [h for h in hits if h.kind == "telepon"]
    assert apply(text, phone_only) == f"Saya Budi, HP {MASK}, surel budi@example.id."
    assert redact_all(text, ["Budi"]) == f"Saya {MASK}, HP {MASK}, surel {MASK}."


def test_apply_skips_hits_that_no_longer_match_the_text():
    hits = detect("HP 081234567890")
    assert apply("teks lain sama sekali", hits) == "teks lain sama sekali"
