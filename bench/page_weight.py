"""Prints page weight (bytes, compressed), SQL query counts and latency of the demo's public pages.

Run with `make bench` after `make run` has created the demo database. Uses Django's test client
in-process against var/lontar.sqlite3 (or DATABASE_URL); figures, not pass/fail.
"""

from __future__ import annotations

import gzip
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.config.settings")
os.environ.setdefault("LONTAR_DEBUG", "1")

import django

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = [
    ("127.0.0.1", "/"),
    ("127.0.0.1", "/profil/"),
    ("127.0.0.1", "/profil/tugas-pokok-fungsi/"),
    ("127.0.0.1", "/kontak/"),
    ("ppid.localhost", "/"),
    ("127.0.0.1", "/berita/"),
    ("127.0.0.1", "/berita/usul-kenaikan-pangkat-periode-april-dibuka/"),
    ("127.0.0.1", "/cari/?q=pelayanan"),
    ("127.0.0.1", "/ppid/permohonan/baru/"),
    ("127.0.0.1", "/ppid/register/"),
    ("127.0.0.1", "/survei/hasil/"),
    ("127.0.0.1", "/regulasi/"),
    ("127.0.0.1", "/api/jdihn/"),
    ("127.0.0.1", "/healthz"),
]
ROUNDS = 50


def main() -> None:
    client = Client()
    css = Path(finders.find("css/lontar.css")).read_bytes()
    css_gz = len(gzip.compress(css))
    print(f"stylesheet: {len(css)} B, {css_gz} B gzip")
    print(
        f"{'page':<62}{'status':>7}{'html B':>9}{'gzip B':>8}{'+css gz':>9}"
        f"{'queries':>9}{'p50 ms':>8}{'p95 ms':>8}{'req/s':>8}"
    )
    for host, path in PAGES:
        client.get(path, HTTP_HOST=host)  # warm caches as in production
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_HOST=host)
        # Read now: every request clears the query log when DEBUG is on.
        query_count = len(queries)
        timings = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            client.get(path, HTTP_HOST=host)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        html = response.content
        gz = len(gzip.compress(html))
        p95 = timings[int(len(timings) * 0.95) - 1]
        rps = 1000 / statistics.mean(timings)
        print(
            f"{host + path:<62}{response.status_code:>7}{len(html):>9}{gz:>8}{gz + css_gz:>9}"
            f"{query_count:>9}{statistics.median(timings):>8.1f}{p95:>8.1f}{rps:>8.0f}"
        )


if __name__ == "__main__":
    main()
