"""Feeds (RSS 2.0, Atom; all news and per category), sitemap.xml, robots.txt, metadata."""

import json
import re
from datetime import date

import feedparser
import pytest

from lontar.news.tests.helpers import article, category, news_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(agency_a, agency_b, writer):
    index = news_index(agency_a)
    umum, mutasi = category(agency_a, "Umum"), category(agency_a, "Mutasi")
    article(index, "Berita umum", category=umum, author=writer.staff_profile, on=date(2026, 3, 1))
    article(index, "Berita mutasi", category=mutasi, on=date(2026, 3, 2))
    article(index, "Draf", category=umum, publish=False)
    article(news_index(agency_b), "Berita dinas B")
    return index


@pytest.mark.parametrize(
    ("url", "version"), [("/berita/feed/rss/", "rss20"), ("/berita/feed/atom/", "atom10")]
)
def test_feeds_of_all_news_parse(client, articles, url, version):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == version
    assert [e.title for e in feed.entries] == ["Berita mutasi", "Berita umum"]
    assert feed.entries[0].link == "http://localhost/berita/berita-mutasi/"
    assert feed.entries[1].summary == "Ringkasan: Berita umum."


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_category_feeds_parse_and_filter(client, articles, kind):
    feed = feedparser.parse(client.get(f"/berita/kategori/mutasi/feed/{kind}/").content)
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Berita mutasi"]
    assert "Mutasi" in feed.feed.title
    assert client.get(f"/berita/kategori/tidak-ada/feed/{kind}/").status_code == 404


def test_index_advertises_its_feeds(client, articles):
    html = client.get("/berita/").content.decode()
    assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html


def test_sitemap_lists_live_pages_of_this_site_only(client, articles):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "http://localhost/sitemap-berita-1.xml" in response.content.decode()
    body = client.get("/sitemap-berita-1.xml").content.decode()
    assert "http://localhost/berita/berita-umum/" in body
    assert "/berita/draf/" not in body and "berita-dinas-b" not in body


def test_robots_txt_points_to_the_sitemap(client, agency_a):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    # The agency's public address, not the Host the request came with.
    assert "Sitemap: http://localhost/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_open_graph_and_json_ld_news_article(client, articles, writer):
    html = client.get("/berita/berita-umum/").content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Berita umum">' in html
    assert '<link rel="canonical" href="http://localhost/berita/berita-umum/">' in html
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Berita umum"
    assert data["datePublished"] == "2026-03-01"
    assert data["author"]["url"].endswith(f"/penulis/{writer.staff_profile.slug}/")


def test_json_ld_cannot_be_broken_out_of(client, agency_a):
    article(news_index(agency_a), "Judul </script><script>alert(1)</script>")
    html = client.get("/berita/judul-scriptscriptalert1script/").content.decode()
    assert "<script>alert(1)" not in html
