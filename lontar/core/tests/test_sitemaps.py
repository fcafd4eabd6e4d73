"""Sitemaps for large sites (sitemaps.org): an index, paged sections, lastmod, cached parts."""

from __future__ import annotations

from datetime import date

import pytest
from defusedxml import ElementTree
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lontar.core import sitemaps
from lontar.news.tests.helpers import article, news_index

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _index(client, host: str = "localhost") -> dict[str, str]:
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return {
        item.findtext("s:loc", namespaces=NS): item.findtext("s:lastmod", namespaces=NS)
        for item in root.findall("s:sitemap", NS)
    }


def _urls(client, path: str, host: str = "localhost") -> dict[str, str]:
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, path
    root = ElementTree.fromstring(response.content)
    return {
        item.findtext("s:loc", namespaces=NS): item.findtext("s:lastmod", namespaces=NS)
        for item in root.findall("s:url", NS)
    }


@pytest.fixture
def news(agency_a, agency_b):
    index = news_index(agency_a)
    for day in (1, 2, 3):
        article(index, f"Berita {day}", on=date(2026, 3, day))
    article(index, "Draf", publish=False)
    article(news_index(agency_b), "Berita dinas B")
    return index


def test_the_index_names_each_section_and_each_lists_its_own_pages_with_lastmod(client, news):
    index = _index(client)
    assert set(index) == {
        "http://localhost/sitemap-halaman-1.xml",
        "http://localhost/sitemap-berita-1.xml",
    }
    assert all(lastmod and lastmod.endswith("+00:00") for lastmod in index.values())
    articles = _urls(client, "/sitemap-berita-1.xml")
    assert set(articles) == {f"http://localhost/berita/berita-{day}/" for day in (1, 2, 3)}
    assert all(articles.values())
    pages = _urls(client, "/sitemap-halaman-1.xml")
    # The home page, its profile and the news index; articles are the news section's, drafts
    # nobody's.
    assert set(pages) == {
        "http://localhost/",
        "http://localhost/profil/",
        "http://localhost/berita/",
    }
    other = _urls(client, "/sitemap-berita-1.xml", host="dinas-b.localhost")
    assert set(other) == {"http://dinas-b.localhost/berita/berita-dinas-b/"}


def test_sections_are_paged_and_a_page_past_the_end_is_not_found(client, news, monkeypatch):
    monkeypatch.setattr(sitemaps, "PAGE_SIZE", 2)
    index = _index(client)
    assert {"http://localhost/sitemap-berita-1.xml", "http://localhost/sitemap-berita-2.xml"} <= (
        set(index)
    )
    first, second = _urls(client, "/sitemap-berita-1.xml"), _urls(client, "/sitemap-berita-2.xml")
    assert len(first) == 2 and len(second) == 1 and not set(first) & set(second)
    for junk in (
        "/sitemap-berita-3.xml",
        "/sitemap-berita-0.xml",
        "/sitemap-tidak-ada-1.xml",
        "/sitemap-berita-99999999999999999999999.xml",
    ):
        assert client.get(junk).status_code == 404, junk


def test_a_part_is_served_from_the_cache_until_its_content_changes(client, news):
    _urls(client, "/sitemap-berita-1.xml")
    with CaptureQueriesContext(connection) as warm:
        _urls(client, "/sitemap-berita-1.xml")
    assert not [q for q in warm.captured_queries if "news_newsarticlepage" in q["sql"]]
    article(news, "Berita baru", on=date(2026, 3, 9))
    assert "http://localhost/berita/berita-baru/" in _urls(client, "/sitemap-berita-1.xml")
    assert "http://localhost/berita/berita-baru/" in _urls(client, "/sitemap-berita-1.xml")


def test_a_page_costs_the_same_number_of_queries_at_any_size(client, news):
    def cold_queries() -> int:
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            _index(client)
            _urls(client, "/sitemap-berita-1.xml")
        return len(queries.captured_queries)

    cold_queries()  # the first request counts the sections no change has counted yet
    small = cold_queries()
    for day in range(4, 14):
        article(news, f"Berita tambahan {day}", on=date(2026, 3, day))
    assert cold_queries() == small <= 8


def test_the_index_reads_stored_pages_and_each_page_has_its_own_lastmod(client, news, monkeypatch):
    from datetime import UTC, datetime

    from lontar.news.models import NewsArticlePage

    for day in (1, 2, 3):  # published long ago
        NewsArticlePage.objects.filter(slug=f"berita-{day}").update(
            last_published_at=datetime(2026, 3, day, tzinfo=UTC)
        )
    monkeypatch.setattr(sitemaps, "PAGE_SIZE", 2)
    _index(client)  # stores the counts for this page size
    article(news, "Berita terbaru", on=date(2026, 3, 20))  # recounted when published
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        index = _index(client)
    # No section is counted per request: the stored pages are read in one query.
    assert not [q for q in queries.captured_queries if "news_newsarticlepage" in q["sql"]]
    pages = [f"http://localhost/sitemap-berita-{n}.xml" for n in (1, 2)]
    assert pages[0] in index and pages[1] in index
    assert "http://localhost/sitemap-berita-3.xml" not in index
    # The first page holds the two oldest articles, the second the newest: their lastmods differ.
    assert index[pages[0]] == "2026-03-02T00:00:00+00:00" < index[pages[1]]
    second = _urls(client, "/sitemap-berita-2.xml")
    assert "http://localhost/berita/berita-terbaru/" in second
    assert len(_urls(client, "/sitemap-berita-1.xml")) == 2


def test_a_deleted_article_leaves_the_index_and_its_page(client, news):
    _index(client)
    news.get_children().get(slug="berita-1").delete()
    assert "http://localhost/berita/berita-1/" not in _urls(client, "/sitemap-berita-1.xml")
    assert len(_urls(client, "/sitemap-berita-1.xml")) == 2


def test_robots_txt_names_the_sitemap_on_the_public_address(client, agency_a):
    agency_a.public_base_url = "https://bkd.example.go.id"
    agency_a.save()
    body = client.get("/robots.txt", HTTP_HOST="localhost:8123").content.decode()
    assert "Sitemap: https://bkd.example.go.id/sitemap.xml" in body
