"""`lontar export_agency`: the public site written out, and its news going round to WordPress
and back into an empty agency unchanged."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from lontar.news.selectors import published_articles
from lontar.wordpress.tests.fixtures import write_site

pytestmark = pytest.mark.django_db


def public_articles(agency) -> list[tuple]:
    return sorted(
        (
            article.title,
            article.slug,
            article.date,
            article.lead,
            article.category.name if article.category else None,
            sorted(tag.name for tag in article.tags.all()),
            [block.block_type for block in article.body],
            " ".join(article.body_text().split()),
            article.hero_image.title if article.hero_image else None,
            article.hero_image_alt,
            article.author.display_name if article.author else None,
        )
        for article in published_articles(agency).select_related("author__user", "hero_image")
    )


def test_export_writes_the_public_site_and_its_news_round_trips(agency_a, agency_b, tmp_path):
    source, uploads = write_site(tmp_path / "wp")
    call_command(
        "import_wordpress", agency_a.slug, str(source), "--media-dir", str(uploads),
        stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    out = tmp_path / "keluar"
    call_command("export_agency", agency_a.slug, str(out), stdout=StringIO(), stderr=StringIO())

    page = out / "pages" / "berita" / "pelantikan-pejabat-administrator"
    assert "Pelantikan pejabat administrator" in (page / "index.html").read_text()
    data = json.loads((page / "index.json").read_text())
    assert data["category"] == {"slug": "kepegawaian", "name": "Kepegawaian"}
    assert sorted(data["tags"]) == ["ASN", "Pelantikan"]
    assert (out / "pages" / "profil-2" / "struktur" / "bidang-mutasi" / "index.html").exists()
    assert not (out / "pages" / "berita" / "info-layanan").exists()  # unpublished stays home
    images = json.loads((out / "media" / "images.json").read_text())
    assert {i["title"] for i in images} == {"Pelantikan", "Aula BKD"}
    assert all((out / i["file"]).stat().st_size > 0 for i in images)
    documents = json.loads((out / "media" / "documents.json").read_text())
    assert (out / documents[0]["file"]).read_bytes().startswith(b"%PDF")
    news = json.loads((out / "data" / "news.json").read_text())
    assert len(news) == len(public_articles(agency_a)) == 4
    for key in ("pages", "regulations", "faq", "events", "datasets", "podcast", "units"):
        assert isinstance(json.loads((out / "data" / f"{key}.json").read_text()), list)
    for key in ("news", "regulations", "faq", "events"):  # the content API's view of them
        assert isinstance(json.loads((out / "api" / f"{key}.json").read_text()), list)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["news_wxr"] == 4
    assert manifest["format"] == "lontar-agency-export/1"

    call_command(
        "import_wordpress", agency_b.slug, str(out / "news.xml"), "--media-dir",
        str(out / "media"), stdout=StringIO(), stderr=StringIO(),
    )  # fmt: skip
    assert public_articles(agency_b) == public_articles(agency_a)
