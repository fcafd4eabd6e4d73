"""Sitemap cost at demo size and with 2,000 more articles (issue 22: 33 ms → 615 ms before).

    python bench/sitemap.py [--articles 2000] [--repeat 5]

In process, debug off, on a throw-away SQLite database in a temporary directory (or the
PostgreSQL database DATABASE_URL names, which must be empty). Prints, for the demo and then the
large data set, the median milliseconds and the queries of: the index and the news section page,
each uncached (the cache cleared before every request), and both again from the cache. The news
page holds at most 5,000 URLs (`core/sitemaps.PAGE_SIZE`); its cost grows with the URLs it
lists up to that bound, never with the size of the whole site.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="lontar-sitemap-"))
    os.environ.setdefault("LONTAR_DEBUG", "1")
    os.environ["LONTAR_VAR_DIR"] = str(tmp / "var")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'bench.sqlite3'}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    settings.DEBUG = False  # measured as in production (no debug query log, no debug pages)


def _measure(path: str, *, cold: bool, repeat: int) -> tuple[float, int]:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")  # the demo BKD, as `make run` serves it
    client.get(path)  # warm the process (imports, URL resolver, templates)
    times, queries = [], 0
    for _ in range(repeat):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        queries = len(captured.captured_queries)
    return statistics.median(times), queries


def _add_articles(count: int) -> None:
    from django.db import transaction

    from lontar.agencies.models import Agency
    from lontar.news.models import NewsArticlePage, NewsIndexPage

    bkd = Agency.objects.get(site__is_default_site=True)
    index = NewsIndexPage.objects.descendant_of(bkd.site.root_page).get()
    start = date(2016, 1, 1)
    with transaction.atomic():
        for number in range(count):
            page = NewsArticlePage(
                title=f"Berita arsip {number}",
                slug=f"berita-arsip-{number}",
                lead="Arsip berita untuk pengukuran.",
                date=start + timedelta(days=number),
                body=[("paragraph", "<p>Isi arsip.</p>")],
                live=True,
            )
            index.add_child(instance=page)


def _table(label: str, repeat: int) -> list[tuple[str, str, float, int]]:
    rows = []
    for path in ("/sitemap.xml", "/sitemap-berita-1.xml"):
        for cold in (True, False):
            ms, queries = _measure(path, cold=cold, repeat=repeat)
            rows.append((path, "uncached" if cold else "cached", ms, queries))
    print(f"\n{label}")
    for path, kind, ms, queries in rows:
        print(f"  {path:<24} {kind:<9} {ms:8.1f} ms  {queries:3d} queries")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    _setup()
    from lontar.news.models import NewsArticlePage

    demo = _table(f"demo ({NewsArticlePage.objects.live().count()} articles)", args.repeat)
    started = time.perf_counter()
    _add_articles(args.articles)
    print(f"\n(added {args.articles} articles in {time.perf_counter() - started:.0f} s)")
    large = _table(f"large ({NewsArticlePage.objects.live().count()} articles)", args.repeat)
    print("\npath                     kind      demo ms  large ms  factor")
    for (path, kind, small_ms, _), (_, _, large_ms, _) in zip(demo, large, strict=True):
        print(f"{path:<24} {kind:<9} {small_ms:7.1f}  {large_ms:8.1f}  {large_ms / small_ms:5.2f}")


if __name__ == "__main__":
    main()
