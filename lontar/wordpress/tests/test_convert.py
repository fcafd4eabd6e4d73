"""The body converter alone (no database): what each kind of WordPress markup becomes."""

from __future__ import annotations

import json

from lontar.wordpress.convert import ImageRef, convert


class Media:
    def __init__(self, known: dict[int, str]) -> None:
        self.known = known

    def image(self, src, wp_id):
        return ImageRef(wp_id, self.known[wp_id]) if wp_id in self.known else None

    def image_by_id(self, wp_id):
        return ImageRef(wp_id, self.known[wp_id]) if wp_id in self.known else None

    def link(self, href):
        return "/dokumen/9/surat.pdf" if href.endswith("surat.pdf") else href


def types(result) -> list[str]:
    return [block["type"] for block in result.blocks]


def dumped(result) -> str:
    return json.dumps(result.blocks, ensure_ascii=False)


def test_classic_editor_text_gets_paragraphs_and_line_breaks():
    result = convert("Baris satu\nbaris dua.\n\nParagraf <strong>kedua</strong>.")
    assert types(result) == ["paragraph"]
    assert result.blocks[0]["value"] == (
        "<p>Baris satu<br/>\nbaris dua.</p><p>Paragraf <b>kedua</b>.</p>"
    )


def test_no_script_no_handlers_no_javascript_links_survive():
    result = convert(
        '<p onclick="steal()" style="color:red">Halo <script>alert(1)</script>'
        '<a href="javascript:alert(1)" onmouseover="x()">klik</a> '
        '<a href="https://bkd.go.id/" target="_blank">aman</a></p>'
        "<style>p{}</style><object data=x></object>"
    )
    html = dumped(result)
    for bad in ("script", "onclick", "onmouseover", "javascript", "style", "object", "alert"):
        assert bad not in html
    assert '<a href=\\"https://bkd.go.id/\\">aman</a>' in html
    assert "klik" in html  # the text of a refused link stays
    assert any("script" in p for p in result.problems)


def test_iframes_only_from_allowed_providers_and_only_as_links():
    result = convert(
        '<iframe src="https://www.youtube.com/embed/abc123"></iframe>'
        '<iframe src="https://iklan.example.com/slot"></iframe>'
        '<p>Peta: <iframe src="https://www.google.com/maps/embed?pb=1"></iframe></p>'
    )
    html = dumped(result)
    assert "<iframe" not in html
    assert "https://www.youtube.com/watch?v=abc123" in html
    assert "google.com/maps" in html
    assert "iklan.example.com" not in html
    assert any("iklan.example.com" in p for p in result.problems)


def test_gutenberg_blocks_become_the_shared_vocabulary():
    from lontar.wordpress.tests.fixtures import GUTENBERG

    result = convert(GUTENBERG, Media({11: "Pelantikan", 12: "Aula"}))
    assert types(result) == [
        "paragraph", "heading", "paragraph", "image", "quote", "paragraph", "table", "gallery",
        "paragraph",
    ]  # fmt: skip
    heading, image, quote, table, gallery = (result.blocks[i]["value"] for i in (1, 3, 4, 6, 7))
    assert heading == {"text": "Daftar pejabat", "level": "h3"}
    assert "<ul><li>Kepala Bidang Mutasi</li>" in result.blocks[2]["value"]
    assert image["image"] == {
        "image": 11,
        "decorative": False,
        "alt_text": "Bupati melantik pejabat",
    }
    assert image["caption"] == "Pelantikan di aula."
    assert quote == {"quote": "Layani rakyat dengan hati.", "attribution": "Bupati"}
    assert table["data"] == [["Jabatan", "Jumlah"], ["Administrator", "12"]]
    assert table["first_row_is_table_header"] and table["table_caption"] == "Rekap pelantikan"
    assert [i["value"]["image"]["image"] for i in gallery["images"]] == [11, 12]
    assert gallery["images"][1]["value"]["caption"] == "Aula"
    assert "youtube.com/watch?v=dQw4w9WgXcQ" in result.blocks[5]["value"]
    assert result.blocks[8]["value"] == "<p>Teks aman</p>"


def test_caption_and_gallery_shortcodes_and_unknown_shortcodes_kept_visible():
    from lontar.wordpress.tests.fixtures import CLASSIC

    result = convert(CLASSIC, Media({11: "Pelantikan", 12: "Aula"}))
    assert types(result) == ["paragraph", "image", "gallery", "paragraph", "table"]
    assert result.blocks[1]["value"]["caption"] == "Aula tempat seleksi"
    assert result.blocks[1]["value"]["image"]["alt_text"] == "Aula tempat seleksi"
    assert len(result.blocks[2]["value"]["images"]) == 2
    assert '[contact-form-7 id="5" title="Kontak"]' in result.text
    assert "[contact-form-7" in result.blocks[3]["value"]
    assert result.shortcodes == {"contact-form-7": 1}
    assert any("[contact-form-7]" in p for p in result.problems)
    # a link to an imported attachment points at its new address
    assert 'href="/dokumen/9/surat.pdf"' not in result.blocks[3]["value"]
    assert "pengumuman.pdf" in result.blocks[3]["value"]


def test_images_that_were_not_imported_are_reported_and_kept_as_links():
    result = convert('<p><img src="https://lama.go.id/wp-content/uploads/a.jpg" alt="Kantor"></p>')
    assert types(result) == ["paragraph"]
    assert (
        'href="https://lama.go.id/wp-content/uploads/a.jpg">[Kantor]</a>'
        in result.blocks[0]["value"]
    )
    assert any("a.jpg" in p for p in result.problems)


def test_broken_markup_and_non_latin_text_come_through():
    from lontar.wordpress.tests.fixtures import BROKEN, NON_LATIN

    broken = convert(BROKEN)
    assert "Paragraf tanpa penutup" in broken.text and "Akhir" in broken.text
    assert "javascript" not in dumped(broken)
    non_latin = convert(NON_LATIN)
    assert "東京都との交流協定。مرحبا بكم." in non_latin.blocks[0]["value"]


def test_headings_levels_and_overlong_headings():
    result = convert("<h1>Satu</h1><h4>Empat</h4><h2>" + "panjang " * 40 + "</h2>")
    assert [b["value"] for b in result.blocks[:2]] == [
        {"text": "Satu", "level": "h2"},
        {"text": "Empat", "level": "h3"},
    ]
    assert result.blocks[2]["type"] == "paragraph"
    assert any("Subjudul" in p for p in result.problems)


def test_links_to_imported_files_are_rewritten():
    result = convert(
        '<p><a href="https://lama.go.id/wp-content/uploads/surat.pdf">Surat</a></p>', Media({})
    )
    assert result.blocks[0]["value"] == '<p><a href="/dokumen/9/surat.pdf">Surat</a></p>'


def test_embeds_in_every_shape_become_visible_link_cards_named_by_their_caption():
    result = convert(
        "Lihat video ini:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nSelesai.\n\n"
        "https://contoh.example.com/bukan-sematan\n\n"
        '<figure class="wp-block-embed is-provider-vimeo"><div class="wp-block-embed__wrapper">'
        "https://vimeo.com/76979871</div><figcaption>Profil dinas</figcaption></figure>\n\n"
        '<iframe src="https://player.vimeo.com/video/1234" title="Rapat kerja"></iframe>\n\n'
        "[embed]https://open.spotify.com/episode/xyz[/embed]"
    )
    html = dumped(result)
    assert "<iframe" not in html and "<img" not in html
    assert (
        '<b>Video YouTube:</b> <a href=\\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\\">' in html
    )
    assert '<a href=\\"https://vimeo.com/76979871\\">Profil dinas</a>' in html
    assert '<a href=\\"https://vimeo.com/1234\\">Rapat kerja</a>' in html
    assert "<b>Audio Spotify:</b>" in html
    # An address of any other site on its own line is text, as WordPress showed it.
    assert "<p>https://contoh.example.com/bukan-sematan</p>" in html
    assert "Sematan Vimeo dijadikan kartu tautan." in result.problems
    assert "Rapat kerja" in result.text and "Profil dinas" in result.text
