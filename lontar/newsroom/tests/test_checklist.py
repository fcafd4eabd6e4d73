"""The writing checklist's rules: plain values in, advice out; no database."""

from lontar.newsroom.checklist import (
    Draft,
    image_check,
    lead_check,
    reading_check,
    reading_level,
    run,
    source_check,
    tag_check,
)


def test_a_lead_under_40_words_passes_and_40_or_more_or_none_does_not():
    assert lead_check("BKD membuka layanan kenaikan pangkat daring mulai Senin.").ok
    assert not lead_check(" ".join(["kata"] * 40)).ok
    assert lead_check(" ".join(["kata"] * 39)).ok
    assert not lead_check("").ok


def test_source_tags_and_image_with_alt_text():
    assert source_check("Bidang Mutasi").ok and not source_check("  ").ok
    assert tag_check(1).ok and not tag_check(0).ok
    assert image_check(True, "Peserta sosialisasi di aula").ok
    assert not image_check(True, "").ok
    assert not image_check(False, "teks").ok


def test_reading_level_measures_sentence_length():
    short = "Layanan dibuka Senin. Berkas diunggah daring. Hasil terbit tiga hari."
    assert reading_level(short) == (3.3, 4)
    assert reading_check(short).ok
    long_sentence = " ".join(["kata"] * 45) + "."
    assert not reading_check(long_sentence).ok
    assert not reading_check("").ok


def test_a_complete_draft_passes_every_check_and_an_empty_one_fails_every_check():
    good = Draft(
        lead="BKD membuka layanan daring.",
        source="Bidang Mutasi",
        tag_count=2,
        has_image=True,
        image_alt="Petugas melayani ASN",
        body_text="Layanan dibuka Senin. Berkas diunggah daring.",
    )
    assert all(check.ok for check in run(good))
    assert [check.key for check in run(Draft()) if not check.ok] == [
        "lead",
        "source",
        "tags",
        "image",
        "reading",
    ]
