"""`lontar import_wordpress` on a WordPress export written by the test (fixtures.py)."""

from __future__ import annotations

from io import StringIO

import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from lontar.news.models import NewsArticlePage, NewsCategory
from lontar.pages.models import StandardPage
from lontar.wordpress.models import ImportedItem
from lontar.wordpress.tests.builder import Entry, wxr
from lontar.wordpress.tests.fixtures import write_site

pytestmark = pytest.mark.django_db


def run(agency, path, *extra) -> str:
    out, err = StringIO(), StringIO()
    call_command("import_wordpress", agency.slug, str(path), *extra, stdout=out, stderr=err)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "redirects": Redirect.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "items": ImportedItem.objects.count(),
        "categories": NewsCategory.objects.count(),
        "tags": Tag.objects.count(),
        "users": get_user_model().objects.count(),
    }


def body_of(page) -> str:
    return str(page.body.raw_data)


def assert_requests_nothing_elsewhere(content: bytes) -> None:
    """The YouTube embed is a visible card linking to the video, and the page loads nothing
    (frame, image, script, style, font) from any other host."""
    tree = lxml.html.fromstring(content)
    card = tree.xpath('//a[@href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]')
    assert card and "Video YouTube" in card[0].getparent().text_content()
    assert not tree.xpath("//iframe | //embed | //object | //video | //audio")
    loaded = tree.xpath("//@src | //link[not(@rel='canonical' or @rel='alternate')]/@href")
    loaded += [u.split()[0] for s in tree.xpath("//@srcset") for u in s.split(",") if u.strip()]
    assert loaded
    assert not [u for u in loaded if u.strip().startswith(("http:", "https:", "//"))]


def test_a_whole_site_moves_in_and_old_addresses_lead_to_it(agency_a, tmp_path, client):
    path, uploads = write_site(tmp_path)
    report = run(agency_a, path, "--media-dir", str(uploads))
    articles = {p.title: p for p in NewsArticlePage.objects.select_related("category", "author")}

    gutenberg = articles["Pelantikan pejabat administrator"]
    assert gutenberg.live and gutenberg.slug == "pelantikan-pejabat-administrator"
    assert str(gutenberg.date) == "2021-11-18"
    assert gutenberg.lead == "Bupati melantik dua belas pejabat."
    assert gutenberg.category.name == "Kepegawaian"
    assert {t.name for t in gutenberg.tags.all()} == {"Pelantikan", "ASN"}
    assert gutenberg.hero_image.title == "Pelantikan"
    assert gutenberg.hero_image_alt == "Pejabat dilantik"
    assert gutenberg.author.display_name == "Admin BKD"
    assert not gutenberg.author.user.is_active  # an imported byline cannot sign in
    assert [b.block_type for b in gutenberg.body] == [
        "paragraph", "heading", "paragraph", "image", "quote", "paragraph", "table", "gallery",
        "paragraph",
    ]  # fmt: skip
    for bad in ("<script", "onclick", "iklan.example.com", "<iframe"):
        assert bad not in body_of(gutenberg)

    classic = articles["Seleksi terbuka jabatan"]
    assert classic.author.display_name == "Siti Rahma"
    assert classic.category.slug == "pengumuman"
    assert "[contact-form-7 id=&quot;5&quot; title=&quot;Kontak&quot;]" in body_of(classic)
    document = get_document_model().objects.get(title="Pengumuman seleksi")
    assert document.collection == agency_a.collection
    assert document.url in body_of(classic)  # the link now points at the imported file
    assert [b.block_type for b in classic.body] == [
        "paragraph", "image", "gallery", "paragraph", "table"
    ]  # fmt: skip

    broken = articles["Markup rusak"]
    assert broken.live and "javascript" not in body_of(broken) and "Akhir" in body_of(broken)
    tokyo = articles["東京都との交流"]
    assert tokyo.slug == "berita-104" and "東京都との交流協定" in body_of(tokyo)
    assert tokyo.tags.get().name == "交流"

    assert not articles["Rancangan berita"].live
    assert not articles["Catatan internal"].live
    assert not articles["Info layanan"].live  # suspected judi-online spam
    assert "Sampah" not in articles

    images = get_image_model().objects.filter(collection=agency_a.collection)
    assert set(images.values_list("title", flat=True)) == {"Pelantikan", "Aula BKD"}

    profile = StandardPage.objects.get(title="Profil", slug="profil-2")  # "profil" was taken
    structure = StandardPage.objects.get(title="Struktur")
    unit = StandardPage.objects.get(title="Bidang Mutasi")
    assert structure.get_parent().pk == profile.pk and unit.get_parent().pk == structure.pk
    assert profile.get_parent().pk == agency_a.site.root_page_id
    assert unit.url == "/profil-2/struktur/bidang-mutasi/"

    for text in (
        "berita: 7 dibuat",
        "halaman: 3 dibuat",
        "Komentar tidak diimpor: 3",
        "Kode pendek tak dikenal [contact-form-7]: 1 kali",
        "DUGAAN SPAM post #107 «Info layanan»: maxwin, situs slot, slot gacor",
        "attachment #14 «Arsip»: jenis berkas ini tidak diterima Lontar.",
        "attachment #15 «Berkas hilang»: berkas 2021/11/hilang.png tidak ada di folder media",
        "post #108 «Sampah»: status trash: dilewati.",
        "alamat «profil» sudah dipakai; memakai «profil-2»",
        "Sematan dari https://iklan.example.com/x dibuang",
    ):
        assert text in report

    article_url = "/berita/pelantikan-pejabat-administrator/"
    expected = {
        "/?p=101": article_url,
        "/2021/11/18/pelantikan-pejabat-administrator/": article_url,
        "/%E6%9D%B1%E4%BA%AC%E9%83%BD/".join(["/2022/01/10", ""])[:-1]: "/berita/berita-104/",
        "/category/kepegawaian/": "/berita/kategori/kepegawaian/",
        "/category/kepegawaian/pengumuman/": "/berita/kategori/pengumuman/",
        "/tag/pelantikan/": "/berita/tag/pelantikan/",
        "/?page_id=203": "/profil-2/struktur/bidang-mutasi/",
        "/profil/struktur/": "/profil-2/struktur/",
        "/wp-content/uploads/2021/11/pengumuman.pdf": document.url,
        "/?attachment_id=11": gutenberg.hero_image.file.url,
    }
    for old, new in expected.items():
        response = client.get(old)
        assert (old, response.status_code, response.get("Location")) == (old, 301, new)
    assert_requests_nothing_elsewhere(client.get(article_url).content)
    assert client.get("/berita/kategori/kepegawaian/").status_code == 200
    assert client.get("/berita/tag/pelantikan/").status_code == 200
    assert client.get("/?p=99999").status_code == 200  # unknown: the home page, as before

    before = counts()
    again = run(agency_a, path, "--media-dir", str(uploads))
    assert counts() == before
    assert "berita: 0 dibuat, 7 sudah ada" in again and "gambar: 0 dibuat, 2 sudah ada" in again


def test_a_dry_run_writes_nothing_and_reports_everything(agency_a, tmp_path, settings):
    path, uploads = write_site(tmp_path)
    settings.MEDIA_ROOT = tmp_path / "media"
    before = counts()
    report = run(agency_a, path, "--media-dir", str(uploads), "--dry-run")
    assert counts() == before
    assert not (tmp_path / "media").exists()
    for text in (
        "berita: 7 akan dibuat",
        "halaman: 3 akan dibuat",
        "gambar: 2 akan dibuat",
        "dokumen: 1 akan dibuat",
        "Kode pendek tak dikenal [contact-form-7]",
        "DUGAAN SPAM post #107",
        "attachment #15 «Berkas hilang»",
    ):
        assert text in report


def test_an_interrupted_import_resumes_where_it_stopped(agency_a, tmp_path, monkeypatch):
    from lontar.wordpress import content

    path, uploads = write_site(tmp_path)
    original = content.ContentWriter._post
    calls = {"n": 0}

    def dies_on_the_fourth(self, index, item):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt  # the operator's Ctrl-C, or the machine going down
        return original(self, index, item)

    monkeypatch.setattr(content.ContentWriter, "_post", dies_on_the_fourth)
    with pytest.raises(KeyboardInterrupt):
        run(agency_a, path, "--media-dir", str(uploads))
    monkeypatch.setattr(content.ContentWriter, "_post", original)
    # the batch in progress was rolled back whole; what was committed before stays
    assert NewsArticlePage.objects.count() == ImportedItem.objects.filter(kind="post").count()
    assert StandardPage.objects.filter(title="Bidang Mutasi").exists()

    run(agency_a, path, "--media-dir", str(uploads))
    titles = list(NewsArticlePage.objects.values_list("title", flat=True))
    assert len(titles) == len(set(titles)) == 7
    assert Redirect.objects.filter(old_path="/?p=101").count() == 1


PHOTO = "https://x.go.id/wp-content/uploads/f.jpg"


def test_version_1_1_exports_and_missing_media_are_handled(agency_a, tmp_path):
    path = tmp_path / "lama.xml"
    path.write_bytes(
        wxr(
            [
                Entry(7, "Berita lama", "Teks lama.", slug="lama", categories=[("umum", "")]),
                Entry(8, "Foto", post_type="attachment", status="inherit", attachment_url=PHOTO),
            ],
            version="1.1",
        )
    )  # fmt: skip
    report = run(agency_a, path)
    article = NewsArticlePage.objects.get(slug="lama")
    assert article.live and article.category.name == "umum" and article.lead == "Teks lama."
    assert "jalankan dengan --media-dir atau --fetch-media" in report


def test_a_file_that_is_not_a_wordpress_export_is_refused(agency_a, tmp_path):
    junk = tmp_path / "bukan.xml"
    junk.write_text("<html><body>bukan ekspor</body></html>")
    with pytest.raises(CommandError, match="not a WordPress export"):
        run(agency_a, junk)
    with pytest.raises(CommandError, match="Instansi tidak dikenal"):
        call_command("import_wordpress", "tidak-ada", str(junk), stdout=StringIO())


def test_entities_in_the_export_are_not_expanded(agency_a, tmp_path):
    secret = tmp_path / "rahasia.txt"
    secret.write_text("RAHASIA-SERVER")
    xml = wxr([Entry(9, "Judul &xxe;", "<p>isi &xxe;</p>", slug="xxe")]).decode()
    xml = xml.replace(
        '<?xml version="1.0" encoding="UTF-8" ?>',
        f'<?xml version="1.0" encoding="UTF-8" ?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>',
    )
    path = tmp_path / "xxe.xml"
    path.write_text(xml)
    run(agency_a, path)
    assert "RAHASIA-SERVER" not in str(list(NewsArticlePage.objects.values("title", "body")))
