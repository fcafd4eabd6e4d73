"""Issue 22: the home page's newest articles, read ids-first, keep the listing order and cost
the same queries whatever the number of articles; the planner's statistics are refreshed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lontar.core.jobs import analyze_database
from lontar.core.schedule import REGISTRY
from lontar.news import selectors
from lontar.news.tests.helpers import article, news_index

pytestmark = pytest.mark.django_db


def test_newest_articles_keep_the_listing_order(agency_a):
    index = news_index(agency_a)
    made = [
        article(index, f"Berita {n}", on=date(2026, 1, 1) + timedelta(days=n)) for n in range(5)
    ]
    same_day = article(index, "Berita sore", on=date(2026, 1, 5))  # ties: published later first
    newest = selectors.newest_articles(agency_a, 3)
    assert newest == list(selectors.articles_of_agency(agency_a)[:3])
    assert newest[:2] == [same_day, made[4]]


def _home_queries(client) -> int:
    client.get("/")
    cache.clear()  # uncached: the latest-news list is read again
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_the_home_page_costs_the_same_queries_at_n_and_3n_articles(client, agency_a):
    index = news_index(agency_a)
    for n in range(3):
        article(index, f"Awal {n}", on=date(2026, 2, 1) + timedelta(days=n))
    small = _home_queries(client)
    for n in range(6):
        article(index, f"Lanjut {n}", on=date(2026, 3, 1) + timedelta(days=n))
    assert _home_queries(client) == small
    assert "Lanjut 5" in client.get("/").content.decode()


def test_the_worker_refreshes_the_planner_statistics():
    assert any(job.run is analyze_database for job in REGISTRY.values())
    analyze_database()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            assert cursor.fetchone()[0] == 1
