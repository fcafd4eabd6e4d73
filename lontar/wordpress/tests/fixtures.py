"""One WordPress site of the tests: every element the importer must carry over (or report)."""

from __future__ import annotations

from pathlib import Path

from lontar.wordpress.tests.builder import Entry, attachment, media_dir, png, wxr

GUTENBERG = (
    "<!-- wp:paragraph -->\n<p>Pelantikan pejabat <strong>administrator</strong> di aula BKD."
    "</p>\n<!-- /wp:paragraph -->\n\n"
    '<!-- wp:heading {"level":3} -->\n<h3>Daftar pejabat</h3>\n<!-- /wp:heading -->\n\n'
    "<!-- wp:list -->\n<ul><li>Kepala Bidang Mutasi</li><li>Kepala Bidang Diklat</li></ul>\n"
    "<!-- /wp:list -->\n\n"
    '<!-- wp:image {"id":11} -->\n<figure class="wp-block-image size-large">'
    '<img src="https://bkd.example.go.id/wp-content/uploads/2021/11/pelantikan-1024x768.png" '
    'alt="Bupati melantik pejabat" class="wp-image-11"/><figcaption>Pelantikan di aula.'
    "</figcaption></figure>\n<!-- /wp:image -->\n\n"
    '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>Layani rakyat dengan hati.</p>'
    "<cite>Bupati</cite></blockquote>\n<!-- /wp:quote -->\n\n"
    '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video"} -->\n'
    '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\n'
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>\n<!-- /wp:embed -->\n\n"
    '<!-- wp:table -->\n<figure class="wp-block-table"><table><thead><tr><th>Jabatan</th>'
    "<th>Jumlah</th></tr></thead><tbody><tr><td>Administrator</td><td>12</td></tr></tbody>"
    "</table><figcaption>Rekap pelantikan</figcaption></figure>\n<!-- /wp:table -->\n\n"
    '<!-- wp:gallery {"linkTo":"none"} -->\n<figure class="wp-block-gallery has-nested-images">'
    '<figure class="wp-block-image"><img src="https://bkd.example.go.id/wp-content/uploads/'
    '2021/11/pelantikan.png" alt="Foto satu" class="wp-image-11"/></figure>'
    '<figure class="wp-block-image"><img src="https://bkd.example.go.id/wp-content/uploads/'
    '2021/11/aula.png" alt="Foto dua" class="wp-image-12"/><figcaption>Aula</figcaption>'
    "</figure></figure>\n<!-- /wp:gallery -->\n\n"
    '<!-- wp:html -->\n<div onclick="steal()"><script>alert(1)</script>'
    '<iframe src="https://iklan.example.com/x"></iframe><p>Teks aman</p></div>\n'
    "<!-- /wp:html -->"
)

CLASSIC = (
    "Pengumuman seleksi terbuka.\n\nPendaftaran dibuka <em>mulai</em> hari ini\n"
    "sampai akhir bulan.\n\n"
    '[caption id="attachment_12" align="aligncenter" width="300"]'
    '<img class="size-medium wp-image-12" src="https://bkd.example.go.id/wp-content/uploads/'
    '2021/11/aula-300x200.png" alt="" width="300" height="200" /> Aula tempat seleksi'
    "[/caption]\n\n"
    '[gallery ids="11,12"]\n\n'
    '[contact-form-7 id="5" title="Kontak"]\n\n'
    '<a href="https://bkd.example.go.id/wp-content/uploads/2021/11/pengumuman.pdf">Unduh '
    "pengumuman</a>\n\n"
    "<table><tr><td>Formasi</td><td>Kuota</td></tr><tr><td>Analis</td><td>3</td></tr></table>"
)

BROKEN = (
    "<p>Paragraf tanpa penutup <b>tebal <i>miring</p><div><ul><li>satu<li>dua</div>"
    '<p style="color:red" onmouseover="x()">Akhir <a href="javascript:alert(1)">jahat</a>'
)

NON_LATIN = (
    "<!-- wp:paragraph --><p>東京都との交流協定。مرحبا بكم. Kerja sama daerah.</p>"
    "<!-- /wp:paragraph -->"
)

SPAM = (
    "<p>Info layanan.</p><p style='display:none'>Daftar situs slot gacor maxwin hari ini, "
    "<a href='https://judi.example/'>klik</a>.</p>"
)


def entries() -> list[Entry]:
    return [
        attachment(11, "2021/11/pelantikan.png", title="Pelantikan", alt="Pejabat dilantik"),
        attachment(12, "2021/11/aula.png", title="Aula BKD"),
        attachment(13, "2021/11/pengumuman.pdf", title="Pengumuman seleksi"),
        attachment(14, "2021/11/arsip.zip", title="Arsip"),
        attachment(15, "2021/11/hilang.png", title="Berkas hilang"),
        Entry(
            101,
            "Pelantikan pejabat administrator",
            GUTENBERG,
            slug="pelantikan-pejabat-administrator",
            excerpt="Bupati melantik dua belas pejabat.",
            categories=[("kepegawaian", "Kepegawaian")],
            tags=[("pelantikan", "Pelantikan"), ("asn", "ASN")],
            meta={"_thumbnail_id": "11"},
            comments=3,
        ),
        Entry(
            102,
            "Seleksi terbuka jabatan",
            CLASSIC,
            slug="seleksi-terbuka-jabatan",
            date="2020-02-03 10:00:00",
            categories=[("pengumuman", "Pengumuman")],
            creator="editor2",
        ),
        Entry(103, "Markup rusak", BROKEN, slug="markup-rusak", date="2019-05-06 08:00:00"),
        Entry(
            104,
            "東京都との交流",
            NON_LATIN,
            slug="%e6%9d%b1%e4%ba%ac%e9%83%bd",
            date="2022-01-10 08:00:00",
            tags=[("%e4%ba%a4%e6%b5%81", "交流")],
        ),
        Entry(105, "Rancangan berita", "<p>Belum selesai.</p>", slug="", status="draft"),
        Entry(106, "Catatan internal", "<p>Untuk pegawai.</p>", slug="catatan", status="private"),
        Entry(107, "Info layanan", SPAM, slug="info-layanan", date="2023-03-03 08:00:00"),
        Entry(108, "Sampah", "<p>Dibuang.</p>", slug="sampah", status="trash"),
        Entry(201, "Profil", "<p>Profil lama BKD.</p>", slug="profil", post_type="page"),
        Entry(
            202, "Struktur", "<p>Bagan organisasi.</p>", slug="struktur", post_type="page",
            parent=201, link="https://bkd.example.go.id/profil/struktur/",
        ),
        Entry(
            203, "Bidang Mutasi", "<p>Tugas bidang.</p>", slug="bidang-mutasi", post_type="page",
            parent=202, link="https://bkd.example.go.id/profil/struktur/bidang-mutasi/",
        ),
        Entry(301, "Menu", "", slug="menu", post_type="nav_menu_item"),
    ]  # fmt: skip


def export_bytes(version: str = "1.2") -> bytes:
    return wxr(
        entries(),
        version=version,
        authors=[
            ("admin", "admin@bkd.example.go.id", "Admin BKD"),
            ("editor2", "editor2@bkd.example.go.id", "Siti Rahma"),
        ],
        categories=[
            ("kepegawaian", "Kepegawaian", ""),
            ("pengumuman", "Pengumuman", "kepegawaian"),
        ],
        tags=[("pelantikan", "Pelantikan"), ("asn", "ASN")],
    )


def write_site(root: Path, version: str = "1.2") -> tuple[Path, Path]:
    """(the WXR file, a copy of wp-content/uploads) under `root`."""
    root.mkdir(parents=True, exist_ok=True)
    path = root / "bkd.xml"
    path.write_bytes(export_bytes(version))
    uploads = media_dir(
        root / "uploads",
        {
            "2021/11/pelantikan.png": png((200, 30, 30)),
            "2021/11/aula.png": png((30, 200, 30)),
            "2021/11/pengumuman.pdf": PDF,
            "2021/11/arsip.zip": b"PK\x03\x04 not really",
        },
    )
    return path, uploads


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
    b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)
