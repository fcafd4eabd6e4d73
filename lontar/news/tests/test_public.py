"""Reader pages: index and archives, article page, authors; constant query counts."""

import re
from datetime import date

import pytest
from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from lontar.core import content_version
from lontar.news.models import ArticleLike
from lontar.news.tests.helpers import article, category, news_index

pytestmark = pytest.mark.django_db


def _image(agency, title="Foto"):
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(), collection=agency.collection
    )


def _many(agency, count, *, author=None, with_images=False):
    index = news_index(agency)
    cats = [category(agency, "Umum"), category(agency, "Mutasi")]
    image = _image(agency) if with_images else None
    pages = [
        article(
            index,
            f"Berita {n}",
            on=date(2026, 1, 1 + n % 28),
            tags=(f"tag{n}", "asn", f"t{n % 3}"),
            category=cats[n % 2],
            author=author,
            hero_image=image,
        )
        for n in range(count)
    ]
    return index, pages


def test_index_lists_articles_with_category_filter_and_pagination(client, agency_a, writer):
    index, pages = _many(agency_a, 12, author=writer.staff_profile)
    response = client.get("/berita/")
    assert response.status_code == 200
    assert len(response.context["articles"]) == 10
    assert response.context["articles"].paginator.num_pages == 2
    assert client.get("/berita/?halaman=2").context["articles"].number == 2

    by_query = client.get("/berita/?kategori=mutasi").context["articles"]
    by_path = client.get("/berita/kategori/mutasi/").context["articles"]
    assert by_query.paginator.count == by_path.paginator.count == 6
    assert all(a.category.slug == "mutasi" for a in by_path)
    assert client.get("/berita/kategori/tidak-ada/").status_code == 404


def test_tag_archive_lists_only_tagged_articles(client, agency_a):
    index, pages = _many(agency_a, 4)
    response = client.get("/berita/tag/t1/")
    assert response.status_code == 200
    assert [a.title for a in response.context["articles"]] == ["Berita 1"]
    assert client.get("/berita/tag/tidak-ada/").status_code == 404


def test_drafts_and_other_agencies_articles_are_not_listed(client, agency_a, agency_b):
    article(news_index(agency_a), "Draf rahasia", publish=False)
    article(news_index(agency_b), "Berita dinas B")
    article(news_index(agency_a), "Berita BKD")
    content = client.get("/berita/").content.decode()
    assert "Berita BKD" in content
    assert "Draf rahasia" not in content and "Berita dinas B" not in content


@pytest.mark.parametrize("count", [3, 25])
def test_index_query_count_is_constant(
    client, agency_a, writer, django_assert_max_num_queries, count
):
    _many(agency_a, count, author=writer.staff_profile, with_images=True)
    client.get("/berita/")  # warm renditions and navigation
    cache.delete(content_version.KEY)
    client.get("/berita/")
    with django_assert_max_num_queries(13):
        assert client.get("/berita/").status_code == 200
    with django_assert_max_num_queries(13):
        assert client.get("/berita/kategori/umum/").status_code == 200
    with django_assert_max_num_queries(14):
        assert client.get("/berita/tag/asn/").status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_article_page_runs_at_most_12_queries(
    client, agency_a, writer, django_assert_max_num_queries, count
):
    index, pages = _many(agency_a, count, author=writer.staff_profile, with_images=True)
    target = pages[1]
    for n in range(count):
        ArticleLike.objects.create(article=target, visitor=f"v{n}", fingerprint=f"f{n}")
    client.get(target.url)
    # Tags, neighbours and related articles come from the cache until content changes.
    with django_assert_max_num_queries(12):
        response = client.get(target.url)
    assert response.status_code == 200
    assert response.context["like"].count == count


def test_article_page_shows_everything_a_reader_needs(client, agency_a, writer):
    writer.first_name, writer.last_name = "Dominggus", "Manu"
    writer.save()
    index = news_index(agency_a)
    umum = category(agency_a, "Umum")
    page = article(
        index,
        "Kenaikan pangkat April",
        tags=("pangkat",),
        category=umum,
        author=writer.staff_profile,
        hero_image=_image(agency_a),
    )
    page.hero_caption = "Suasana layanan"
    page.save_revision().publish()
    other = article(index, "Berita lain", tags=("pangkat",), category=umum)
    html = client.get(page.url).content.decode()
    assert "Kenaikan pangkat April" in html and "Ringkasan: Kenaikan pangkat April." in html
    assert "Suasana layanan" in html and 'alt="Gambar uji"' in html
    assert "1 menit baca" in html
    assert "Berita - " in html and "Umum" in html
    assert f'href="/penulis/{writer.staff_profile.slug}/"' in html and "Dominggus Manu" in html
    assert "Sumber:" in html and "Bidang Uji" in html
    assert 'href="/berita/tag/pangkat/"' in html
    assert "Anda suka berita ini?" in html
    assert "https://wa.me/?text=" in html and "facebook.com/sharer" in html
    assert "x.com/intent/post" in html and "Salin tautan" in html
    assert other.url in html  # related and next
    # No third-party scripts: the only script is the portal's own static file.
    assert re.findall(r'<script src="([^"]+)"', html) == ["/static/js/news.js"]
    assert 'property="og:title"' in html and 'property="og:image"' in html
    assert '"@type": "NewsArticle"' in html


def test_author_page_and_authors_list(client, agency_a, writer, editor):
    index = news_index(agency_a)
    article(index, "Tulisan satu", author=writer.staff_profile)
    article(index, "Tulisan dua", author=writer.staff_profile)
    article(index, "Draf", author=editor.staff_profile, publish=False)
    response = client.get(f"/penulis/{writer.staff_profile.slug}/")
    assert response.status_code == 200
    assert response.context["articles"].paginator.count == 2
    assert "Analis" in response.content.decode()  # position
    assert client.get(f"/penulis/{editor.staff_profile.slug}/").status_code == 404

    authors = client.get("/penulis/").context["authors"]
    assert [(a.pk, a.article_count) for a in authors] == [(writer.staff_profile.pk, 2)]


def test_author_of_another_agency_is_not_found_on_this_site(client, agency_b, editor_b):
    article(news_index(agency_b), "Milik B", author=editor_b.staff_profile)
    assert client.get(f"/penulis/{editor_b.staff_profile.slug}/").status_code == 404
    assert (
        client.get(
            f"/penulis/{editor_b.staff_profile.slug}/", HTTP_HOST="dinas-b.localhost"
        ).status_code
        == 200
    )
