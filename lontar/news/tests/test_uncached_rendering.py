"""Uncached rendering (issue 14): what pages keep between requests until content changes — the
site and route of a URL, the news index's cards, renditions — and that a change shows at once."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import Client
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from lontar.news.tests.helpers import article, news_index

pytestmark = pytest.mark.django_db


def test_an_article_seen_before_is_routed_in_one_query_and_a_renamed_one_moves_at_once(
    agency_a, django_assert_max_num_queries
):
    index = news_index(agency_a)
    page = article(index, "Seleksi PPPK")
    old_url = page.url
    Client().get(old_url)  # routes through the tree and keeps the route

    with django_assert_max_num_queries(6):
        again = Client().get(old_url)
    page.slug = "seleksi-pppk-tahap-2"
    page.save_revision().publish()
    page.refresh_from_db()
    moved = Client().get(old_url)
    new = Client().get(page.url)

    assert again.status_code == 200 and "Seleksi PPPK" in again.content.decode()
    assert moved.status_code == 404
    assert new.status_code == 200


def test_an_unpublished_article_is_gone_even_when_its_route_was_kept(agency_a):
    page = article(news_index(agency_a), "Pengumuman sementara")
    assert Client().get(page.url).status_code == 200

    page.unpublish()

    assert Client().get(page.url).status_code == 404


def test_a_site_added_for_a_host_answers_at_once(agency_a, agency_b):
    index_b = news_index(agency_b)
    page = article(index_b, "Berita dinas B")
    path = page.url_path[len(agency_b.site.root_page.url_path) - 1 :]
    before = Client().get(path, HTTP_HOST="dinas-c.localhost")  # the default site answers

    Site.objects.create(hostname="dinas-c.localhost", port=80, root_page=agency_b.site.root_page)
    after = Client().get(path, HTTP_HOST="dinas-c.localhost")

    assert before.status_code == 404
    assert after.status_code == 200 and "Berita dinas B" in after.content.decode()


def test_the_news_index_shows_a_new_article_at_once_and_reads_no_article_while_unchanged(
    agency_a, django_assert_max_num_queries
):
    index = news_index(agency_a)
    article(index, "Pertama")
    first = Client().get(index.url)

    with django_assert_max_num_queries(7):
        cached = Client().get(index.url)
    article(index, "Kedua")
    after = Client().get(index.url).content.decode()

    assert "Pertama" in first.content.decode() and "Pertama" in cached.content.decode()
    assert "Kedua" in after and "Pertama" in after


def test_the_news_index_cards_follow_the_language_and_the_page_number(agency_a):
    index = news_index(agency_a)
    for number in range(12):
        article(index, f"Kabar nomor {number:02d}")
    page_one = Client().get(index.url).content.decode()
    page_two = Client().get(index.url + "?halaman=2").content.decode()
    english_visitor = Client()
    english_visitor.cookies["lontar_bahasa"] = "en"
    english = english_visitor.get(index.url).content.decode()

    assert "Kabar nomor 11" in page_one and "Kabar nomor 01" not in page_one
    assert "Kabar nomor 01" in page_two and "Kabar nomor 11" not in page_two
    assert ">News list<" in english and ">Daftar berita<" in page_one


def test_a_rendition_read_from_the_cache_is_not_written_back(settings, tmp_path, agency_a):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "lontar.core.cache.RenditionFileCache",
            "LOCATION": str(tmp_path),
        },
    }
    image = get_image_model().objects.create(
        title="Foto", file=get_test_image_file(), collection=agency_a.collection
    )
    image.get_rendition("fill-100x100")  # made and cached
    written = sorted(path.stat().st_mtime_ns for path in tmp_path.iterdir())

    fresh = get_image_model().objects.get(pk=image.pk)  # no prefetched renditions
    rendition = fresh.get_rendition("fill-100x100")

    assert rendition.width == 100
    assert sorted(path.stat().st_mtime_ns for path in tmp_path.iterdir()) == written
    caches["renditions"].clear()


def test_an_article_whose_hero_image_file_is_lost_is_still_served(agency_a):
    image = get_image_model().objects.create(
        title="Foto hilang", file=get_test_image_file(), collection=agency_a.collection
    )
    agency_a.logo = image
    agency_a.save()
    page = article(news_index(agency_a), "Foto yang hilang", hero_image=image)
    image.file.storage.delete(image.file.name)  # a restore without media, a lost disk

    response = Client().get(page.url)

    assert response.status_code == 200
    assert "Foto yang hilang" in response.content.decode()
    assert 'property="og:image"' not in response.content.decode()
