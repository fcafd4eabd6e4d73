"""The keyword list: gambling phrases despite obfuscation, and none of a BKD's everyday words."""

from __future__ import annotations

import pytest

from lontar.integrity.html import host_of, is_external, read_html
from lontar.integrity.keywords import find_keywords, has_keyword


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Daftar SLOT GACOR hari ini", "slot gacor"),
        ("situs s1ot g4cor maxwin", "slot gacor"),
        ("slotgacor88 terpercaya", "slot gacor"),
        ("slot-gacor", "slot gacor"),
        ("sl\u200bot ga\u200ccor", "slot gacor"),
        ("ｔｏｇｅｌ hongkong", "togel"),
        ("t0gel4d", "togel"),
        ("Deposit Pulsa tanpa potongan", "deposit pulsa"),
        ("RTP live tertinggi", "rtp live"),
        ("pola scatter hitam", "scatter hitam"),
        ("bandar togel resmi", "bandar togel"),
        ("Hacked by AnonGhost", "hacked by"),
        ("h4ck3d by someone", "hacked by"),
        ("Judi Online", "judi online"),
    ],
)
def test_gambling_and_defacement_phrases_are_found(text, phrase):
    assert phrase in {match.phrase for match in find_keywords(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Slot waktu layanan konsultasi kepegawaian: 08.00–12.00.",
        "Kantor Regional BKN di Bandar Lampung; Bandar Udara Internasional.",
        "Rapat koordinasi dengan Badan Kepegawaian Negara tentang mutasi dan promosi.",
        "Jadwal seleksi: slot ujian CAT tersedia, deposit berkas paling lambat Jumat.",
        "Kenaikan pangkat, total gaji, dan tunjangan kinerja.",
        "Program magang untuk lulusan; skor maksimal dan nilai ambang batas.",
        "Protogelatin? bahan laboratorium",  # togel only on a word boundary
    ],
)
def test_everyday_government_text_is_clean(text):
    assert find_keywords(text) == []


def test_a_snippet_shows_the_context_once_per_phrase():
    matches = find_keywords("a " * 40 + "slot gacor, sekali lagi slot gacor")
    assert len(matches) == 1
    assert "slot gacor" in matches[0].snippet and len(matches[0].snippet) < 200


def test_hidden_links_are_told_from_visible_ones():
    read = read_html(
        '<p>Teks <a href="/profil/">profil</a>'
        '<span style="display:none"><a href="https://slot.example/">x</a></span>'
        '<a href="https://tiny.example/" style="font-size:1px">y</a>'
        '<a href="https://open.example/" hidden>z</a>'
        "<script>var slot_gacor = 1;</script></p>"
    )
    hidden = {link.href: link.hidden for link in read.links}
    assert hidden == {
        "/profil/": False,
        "https://slot.example/": True,
        "https://tiny.example/": True,
        "https://open.example/": True,
    }
    assert "x" in read.text and "x" not in read.visible_text.split()
    assert "slot_gacor" not in read.text and not has_keyword(read.visible_text)


def test_a_malformed_link_does_not_stop_the_scan():
    read = read_html('<a href="http://[gacor" style="display:none">x</a>')
    assert read.links[0].hidden and read.links[0].host == ""
    assert host_of("http://[gacor") == "" and not is_external("http://[gacor")
