"""In-process speed of the public pages issue 14 measures: ms per request and SQL queries.

    python bench/pages.py --var-dir DIR [--rounds 40]

Runs against the demo database of DIR (`LONTAR_VAR_DIR`; or DATABASE_URL / REDIS_URL when
set) with DEBUG off, as production renders. Two figures per page:

- *rendered*: the page cache off (LONTAR_PAGE_CACHE_SECONDS=0), application caches warm —
  what a visitor with a session, a search or the first request after a publish costs;
- *cached*: an anonymous visitor served by the page cache (docs/decisions/0019).

Queries are counted on one rendered request after a warm-up. Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = [
    ("home", "/"),
    ("article", "/berita/usul-kenaikan-pangkat-periode-april-dibuka/"),
    ("news index", "/berita/"),
    ("search", "/cari/?q=pelayanan"),
    ("regulation list", "/regulasi/"),
    ("regulation", None),  # the first published regulation, found at run time
    ("register", "/ppid/register/"),
    ("healthz", "/healthz"),
]


def _environment(var_dir: str) -> None:
    os.environ["LONTAR_VAR_DIR"] = var_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.config.settings")
    os.environ["LONTAR_DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-secret-key-not-for-production-" + "x" * 20)
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost")
    os.environ.setdefault("LONTAR_HTTPS", "0")
    os.environ.setdefault("EMAIL_URL", "smtp://localhost:25")
    os.environ.setdefault("LONTAR_BASE_URL", "http://127.0.0.1:8000")
    os.environ.setdefault("LONTAR_PII_KEY", "dGVzdC1waWkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=")
    os.environ.setdefault("LONTAR_TRACKING_KEY", "bench-tracking-key")


def _time(client, path: str, rounds: int) -> float:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        client.get(path, HTTP_HOST="127.0.0.1")
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--var-dir", required=True)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    _environment(args.var_dir)
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from lontar.regulations.models import LegalDocument

    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)

    regulation = LegalDocument.objects.order_by("pk").first()
    client = Client()
    queries: list[str] = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    print(f"{'page':<18}{'status':>7}{'queries':>9}{'rendered ms':>13}{'cached ms':>11}")
    for name, path in PAGES:
        path = path or (f"/regulasi/{regulation.pk}/" if regulation else "/regulasi/0/")
        settings.LONTAR_PAGE_CACHE_SECONDS = 0
        client.get(path, HTTP_HOST="127.0.0.1")  # warm the application caches
        queries.clear()
        with connection.execute_wrapper(count):
            response = client.get(path, HTTP_HOST="127.0.0.1")
        rendered = _time(client, path, args.rounds)
        settings.LONTAR_PAGE_CACHE_SECONDS = 3600  # the bench measures hits, not expiry
        cached = _time(Client(), path, args.rounds)
        print(
            f"{name:<18}{response.status_code:>7}{len(queries):>9}{rendered:>13.1f}{cached:>11.1f}"
        )


if __name__ == "__main__":
    main()
