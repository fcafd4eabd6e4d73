"""Production mode under wrk (issue 14, `make bench`): gunicorn + PostgreSQL + Redis, and nginx.

    python bench/serve_bench.py [--scale 0.2] [--duration 10] [--concurrency 8,64] [--fresh]

1. A PostgreSQL database of its own next to DATABASE_URL (`<name>_serve`; without a PostgreSQL
   DATABASE_URL, postgres://postgres@127.0.0.1:5432/lontar_bench_serve) and Redis db 12
   (REDIS_URL, default redis://127.0.0.1:6379/12): migrated, `lontar load_demo`, then
   `lontar generate_data --scale F --agency bkd-nusa-cendana` and `lontar update_index`. Kept
   between runs (`--fresh` rebuilds; another `--scale` rebuilds too). `--scale 1` is the full
   set (100,000 articles, 5,000 regulations, 200,000 requests).
2. Production settings (LONTAR_DEBUG=0, hashed static files by collectstatic, persistent
   connections, Redis cache) with one addition, `/bench/minimal/` (bench/serve_urls.py,
   loaded by DJANGO_SETTINGS_MODULE=bench.serve_settings), under
   `gunicorn -c python:lontar.config.gunicorn` on a loopback port (WEB_CONCURRENCY workers,
   2 by default as in the issue's reference table; WEB_THREADS as in production), and nginx
   on another loopback port serving the collected static files.
3. wrk (`-t2`, `--duration` s, `--latency`, bench/serve_wrk.lua for p95 and exact counts) at
   each concurrency against every target: uncached (gunicorn started with
   LONTAR_PAGE_CACHE_SECONDS=0; application caches warm after the status check, which is the
   warm-up request) and cached (gunicorn restarted with the production default of 1 s), plus
   two ceilings: a static copy of the home page through nginx, and the minimal view.
4. One table (req/s, p50/p95/p99 ms, errors, bytes per response with headers, SQL queries per
   uncached request counted in-process with DEBUG off, largest worker RSS after the run), the
   issue's targets with PASS/MISS, both written to bench/results/serve-DATE-COMMIT.{md,json}
   with the load average before and after. Exit status 0 unless something broke: a MISS is a
   finding, not a failure.

wrk sends no Accept-Encoding: every response is measured uncompressed, nginx's too.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import serve_report  # noqa: E402
from bench.serve_nginx import Nginx, fetch, publish_probe  # noqa: E402
from bench.serve_report import MINIMAL, NGINX, Row  # noqa: E402

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/lontar_bench_serve"
DEFAULT_REDIS = "redis://127.0.0.1:6379/12"
AGENCY = "bkd-nusa-cendana"
SEARCH_WORD = "pelayanan"  # a subject of 1 generated article in 12, and in demo pages
WRK_SCRIPT = ROOT / "bench" / "serve_wrk.lua"
RESULTS = ROOT / "bench" / "results"
# name → path; None: found in the database by `discover` (the generated data decides).
TARGETS: list[tuple[str, str | None]] = [
    ("home", "/"),
    ("article", None),
    ("news index p50", "/berita/?halaman=50"),
    ("tag archive", None),
    ("search", f"/cari/?q={SEARCH_WORD}"),
    ("regulations filtered", None),
    ("regulation", None),
    ("register p100", "/ppid/register/?halaman=100"),
    ("SKM results", "/survei/hasil/"),
    ("JDIHN limit 100", "/api/jdihn/?limit=100"),
    ("CKAN package_search", "/api/3/action/package_search?rows=20"),
    ("podcast feed", None),
]
MINIMAL_PATH = "/bench/minimal/"
STATIC_COPY = "bench/home.html"  # under STATIC_ROOT: the home page as a static file


def say(message: str) -> None:
    print(f"[serve-bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- Tools and environment ------------------------------------------------------------------


def ensure_tools() -> None:
    """wrk and nginx from Debian: installed when missing and we may, otherwise a clear exit."""
    missing = [tool for tool in ("wrk", "nginx") if not _which(tool)]
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say(f"installing {' '.join(missing)} (apt-get install -y)")
        result = subprocess.run(["apt-get", "install", "-y", *missing], capture_output=True)
        if result.returncode == 0 and all(_which(tool) for tool in missing):
            return
    raise SystemExit(
        f"bench/serve_bench.py needs {' and '.join(missing)}: "
        f"sudo apt-get install -y {' '.join(missing)} (Debian packages), then run it again."
    )


def _which(tool: str) -> str | None:
    # nginx lives in /usr/sbin, which is not on every user's PATH.
    return shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/usr/local/sbin")


def database_url() -> str:
    """The bench's own database, on the server DATABASE_URL names when that is PostgreSQL."""
    base = os.environ.get("DATABASE_URL", "")
    if not base.startswith("postgres"):
        return DEFAULT_DATABASE
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"{parts.path}_serve"))


def production_env(work: Path, database: str, redis: str, page_cache: int) -> dict[str, str]:
    """The production environment (settings.py refuses to start without these), on loopback."""
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT),
        DJANGO_SETTINGS_MODULE="bench.serve_settings",
        LONTAR_DEBUG="0",
        LONTAR_VAR_DIR=str(work / "var"),
        DATABASE_URL=database,
        REDIS_URL=redis,
        LONTAR_PAGE_CACHE_SECONDS=str(page_cache),
        # Plain HTTP on loopback: no redirect to HTTPS, as behind nginx's TLS.
        LONTAR_HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1,localhost,.localhost",
        EMAIL_URL="smtp://localhost:25",
        LONTAR_BASE_URL="http://127.0.0.1:8000",
        WEB_CONCURRENCY=os.environ.get("WEB_CONCURRENCY", "2"),
    )
    env.setdefault("SECRET_KEY", "bench-secret-key-not-for-production-" + "x" * 20)
    env.setdefault("LONTAR_PII_KEY", "dGVzdC1waWkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=")
    env.setdefault("LONTAR_TRACKING_KEY", "bench-tracking-key")
    return env


def lontar(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lontar", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"lontar {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


# --- The database ---------------------------------------------------------------------------


def prepare(work: Path, database: str, redis: str, scale: float, *, fresh: bool) -> None:
    """Build the database once per scale; a marker in the work directory says what it holds."""
    import psycopg

    marker = work / "prepared.json"
    wanted = {"database": database, "scale": scale, "agency": AGENCY}
    parts = urlsplit(database)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        current = json.loads(marker.read_text()) if marker.exists() else None
        if exists and current == wanted and not fresh:
            say(f"database {name} kept (scale {scale}; --fresh rebuilds); migrating it")
            # A kept database still gets the migrations (indexes, tables) of newer code.
            env = {**production_env(work, database, redis, 0), "LONTAR_DEBUG": "1"}
            env["DJANGO_SETTINGS_MODULE"] = "lontar.config.settings"
            lontar(env, "migrate", "--no-input", "-v", "0")
            return
        if exists:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    marker.unlink(missing_ok=True)
    shutil.rmtree(work / "var", ignore_errors=True)
    # The demo and the generator refuse to run in production: built with LONTAR_DEBUG=1 on the
    # same database, Redis and files.
    env = {**production_env(work, database, redis, 0), "LONTAR_DEBUG": "1"}
    env["DJANGO_SETTINGS_MODULE"] = "lontar.config.settings"
    started = time.monotonic()
    say(f"building {name}: migrate, load_demo")
    lontar(env, "migrate", "--no-input", "-v", "0")
    lontar(env, "load_demo")
    say(f"generate_data --scale {scale} --agency {AGENCY}, then update_index")
    lontar(env, "generate_data", "--scale", str(scale), "--agency", AGENCY)
    lontar(env, "update_index")
    marker.write_text(json.dumps(wanted))
    say(f"database built in {time.monotonic() - started:.0f} s")


# --- In-process: the targets' paths and their SQL queries -------------------------------------


def discover(out: Path) -> None:
    """Child process (production env): find each target's path, count its queries uncached."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from taggit.models import Tag

    from lontar.agencies.models import Agency
    from lontar.news.models import NewsArticlePage
    from lontar.podcast.models import Show
    from lontar.ppid.models import InformationRequest
    from lontar.regulations.models import LegalDocument

    settings.LONTAR_PAGE_CACHE_SECONDS = 0
    agency = Agency.objects.select_related("site").get(slug=AGENCY)
    assert agency.site is not None, f"{AGENCY} has no site"
    root = agency.site.root_page
    article = (
        NewsArticlePage.objects.live().public().descendant_of(root).order_by("-date", "-pk").first()
    )
    tag = (
        Tag.objects.filter(news_newsarticletag_items__content_object__path__startswith=root.path)
        .annotate(uses=Count("news_newsarticletag_items"))
        .order_by("-uses")
        .first()
    )
    regulations = LegalDocument.objects.filter(agency=agency, is_published=True)
    common = (
        regulations.values("document_type", "year")
        .annotate(n=Count("pk"))
        .order_by("-n", "document_type", "-year")
        .first()
    )
    regulation = regulations.order_by("pk").first()
    show = Show.objects.filter(agency=agency).order_by("pk").first()
    found = {
        "article": article.get_url_parts()[2] if article else "/berita/",
        "tag archive": f"/berita/tag/{tag.slug}/" if tag else "/berita/tag/asn/",
        "regulations filtered": (
            f"/regulasi/?jenis={common['document_type']}&tahun={common['year']}"
            if common
            else "/regulasi/"
        ),
        "regulation": f"/regulasi/{regulation.pk}/" if regulation else "/regulasi/0/",
        "podcast feed": f"/podcast/{show.slug}/feed.xml" if show else "/podcast/",
    }
    client = Client(HTTP_HOST="127.0.0.1")
    targets = []
    for name, path in [*TARGETS, (MINIMAL, MINIMAL_PATH)]:
        path = path or found[name]
        client.get(path)  # warm: imports, templates, the application caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        targets.append(
            {"name": name, "path": path, "status": response.status_code, "queries": len(captured)}
        )
    data = {
        "targets": targets,
        "data": {
            "articles": NewsArticlePage.objects.descendant_of(root).count(),
            "regulations": regulations.count(),
            "requests": InformationRequest.objects.filter(agency=agency).count(),
        },
    }
    out.write_text(json.dumps(data, indent=1))


# --- Servers ----------------------------------------------------------------------------------


class Gunicorn:
    def __init__(self, env: dict[str, str], port: int, log: Path) -> None:
        self.env = {**env, "WEB_BIND": f"127.0.0.1:{port}"}
        self.port = port
        self.log = log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "gunicorn", "-c", "python:lontar.config.gunicorn"]
        # The default control socket is one per user: another gunicorn would share it.
        command += ["--no-control-socket", "lontar.config.wsgi"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {self.log}")
            if len(self.workers()) >= int(self.env["WEB_CONCURRENCY"]):
                try:
                    if status(self.port, "/healthz") == 200:
                        return
                except OSError:
                    pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn not ready after 120 s; see {self.log}")

    def workers(self) -> list[int]:
        if not self.process:
            return []
        pid = self.process.pid
        try:
            return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []

    def worker_rss_mb(self) -> float | None:
        sizes = []
        for pid in self.workers():
            try:
                text = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue  # recycled (max_requests) between listing and reading
            match = re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE)
            if match:
                sizes.append(int(match.group(1)) / 1024)
        return max(sizes) if sizes else None

    def log_size(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def booted_since(self, offset: int) -> int:
        """Workers started after `offset` of the log: recycled (WEB_MAX_REQUESTS) or replaced."""
        with open(self.log, "rb") as log:
            log.seek(offset)
            return log.read().count(b"Booting worker with pid")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def status(port: int, path: str) -> int:
    return fetch(port, path)[0]


# --- Measuring --------------------------------------------------------------------------------


def run_wrk(port: int, row: Row, duration: int, log: Path) -> Row:
    url = f"http://127.0.0.1:{port}{row.path}"
    command = [_which("wrk") or "wrk", "-t2", f"-c{row.concurrency}", f"-d{duration}s"]
    command += ["--latency", "--timeout", "10s", "-s", str(WRK_SCRIPT), url]
    result = subprocess.run(command, capture_output=True, text=True)
    with open(log, "a") as out:  # wrk's own words, to check a row against
        out.write(f"### {row.name} {row.mode} c{row.concurrency}\n{result.stdout}{result.stderr}\n")
    if result.returncode:
        raise SystemExit(f"wrk failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return serve_report.parse_wrk(result.stdout, row)


def measure(
    port: int,
    targets: list[dict],
    mode: str,
    concurrencies: list[int],
    duration: int,
    gunicorn: Gunicorn | None,
    log: Path,
) -> list[Row]:
    rows = []
    for target in targets:
        code = status(port, target["path"])  # also the warm-up request of the target
        if code != 200:
            say(f"WARNING: {target['name']} {target['path']} answers {code}, not 200")
        for concurrency in concurrencies:
            row = Row(target["name"], target["path"], mode, concurrency, status=code)
            if mode == "uncached":
                row.queries = target.get("queries")
            offset = gunicorn.log_size() if gunicorn else 0
            run_wrk(port, row, duration, log)
            if gunicorn:
                row.rss_mb = gunicorn.worker_rss_mb()
                row.restarts = gunicorn.booted_since(offset)
            say(
                f"{row.name} {mode} c{concurrency}: {row.rate:,.1f} req/s, "
                f"p95 {row.p95_ms:.1f} ms, {row.errors} errors, {row.restarts} restarts"
            )
            rows.append(row)
    return rows


# --- The run ----------------------------------------------------------------------------------


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()

    # Earlier result files are no change to the code measured.
    dirty = git("status", "--porcelain", "--", ".", ":!bench/results")
    return git("rev-parse", "--short", "HEAD") + ("-dirty" if dirty else "")


def write_results(meta: dict, rows: list[Row], found: list[serve_report.Check]) -> Path:
    RESULTS.mkdir(exist_ok=True)
    label = f"-{meta['label']}" if meta.get("label") else ""
    stem = RESULTS / f"serve-{meta['date']}-{meta['commit']}{label}"
    data = {
        **meta,
        "rows": [r.as_dict() for r in rows],
        "checks": [
            {"name": c.name, "measured": c.measured, "target": c.target, "verdict": c.verdict}
            | ({"details": c.details} if c.details else {})
            for c in found
        ],
    }
    stem.with_suffix(".json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    settings = ", ".join(f"{k} {v}" for k, v in meta["setup"].items())
    lines = [
        f"# `make bench`: production mode under wrk — {meta['date']}, commit {meta['commit']}",
        "",
        f"Setup: {settings}.",
        f"Data on the measured site: {', '.join(f'{v:,} {k}' for k, v in meta['data'].items())}.",
        "",
        f"Load before: `{meta['uptime_before']}`  ",
        f"Load after: `{meta['uptime_after']}`",
        "",
        "The machine's two cores are shared with wrk and with other work: compare ratios within",
        "this run, not absolute figures across runs. bytes: per response, headers included;",
        "queries: SQL per uncached request (in-process, DEBUG off, application caches warm);",
        "RSS: the largest gunicorn worker after the row's run; restarts: workers gunicorn",
        "started during the run (recycled after WEB_MAX_REQUESTS requests, or replaced).",
        "",
        serve_report.table(rows),
        "",
        "## Targets of issue 14",
        "",
        serve_report.checks_text(found),
        "",
    ]
    stem.with_suffix(".md").write_text("\n".join(lines))
    return stem.with_suffix(".md")


def _production_max_requests() -> int:
    from lontar.config import gunicorn as production

    return production.max_requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.2)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--concurrency", default="8,64", help="comma-separated")
    parser.add_argument("--fresh", action="store_true", help="rebuild the database")
    parser.add_argument("--work-dir", default=str(ROOT / "var" / "bench-serve"))
    parser.add_argument("--only", default="", help="measure only targets matching this regex")
    parser.add_argument("--no-write", action="store_true", help="print, write no result file")
    parser.add_argument("--label", default="", help="appended to the result file's name")
    parser.add_argument("--discover", help=argparse.SUPPRESS)  # the in-process child
    args = parser.parse_args()
    if args.discover:
        discover(Path(args.discover))
        return
    work = Path(args.work_dir).resolve()
    work.mkdir(parents=True, exist_ok=True)
    concurrencies = [int(c) for c in args.concurrency.split(",")]
    ensure_tools()
    database, redis = database_url(), os.environ.get("REDIS_URL", "") or DEFAULT_REDIS
    prepare(work, database, redis, args.scale, fresh=args.fresh)

    import redis as redis_client

    redis_client.Redis.from_url(redis).flushdb()  # this bench's own db: start from cold
    env = production_env(work, database, redis, page_cache=0)
    say("collectstatic")
    lontar(env, "collectstatic", "--no-input", "-v", "0")
    say("finding the targets and counting their queries in-process")
    found_file = work / "targets.json"
    subprocess.run(
        [sys.executable, __file__, "--discover", str(found_file)], env=env, cwd=ROOT, check=True
    )
    discovered = json.loads(found_file.read_text())
    targets = [t for t in discovered["targets"] if re.search(args.only, t["name"])]
    pages = [t for t in targets if t["name"] != MINIMAL]
    for t in discovered["targets"]:
        say(f"  {t['name']:<22} {t['path']:<60} {t['status']} {t['queries']} queries")

    before = uptime()
    measured_commit = commit()  # the code gunicorn runs: taken before the run, not after
    app_port, static_port = free_port(), free_port()
    log = work / "gunicorn.log"
    wrk_log = work / "wrk.log"
    wrk_log.write_text("")
    rows: list[Row] = []
    gunicorn = Gunicorn(env, app_port, log)
    nginx = Nginx(work, work / "var" / "static", static_port, app_port, _which)
    freshness: float | None = None
    try:
        say(f"gunicorn on 127.0.0.1:{app_port}, page cache off (uncached)")
        gunicorn.start()
        copy = work / "var" / "static" / STATIC_COPY
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(fetch(app_port, "/")[1])
        say(f"nginx on 127.0.0.1:{static_port}")
        nginx.start("/static/" + STATIC_COPY)
        static = {"name": NGINX, "path": "/static/" + STATIC_COPY}
        rows += measure(
            static_port, [static], "ceiling", concurrencies, args.duration, None, wrk_log
        )
        minimal = [t for t in targets if t["name"] == MINIMAL]
        rows += measure(
            app_port, minimal, "ceiling", concurrencies, args.duration, gunicorn, wrk_log
        )
        rows += measure(
            app_port, pages, "uncached", concurrencies, args.duration, gunicorn, wrk_log
        )
        gunicorn.stop()
        say("gunicorn restarted with the page cache on (LONTAR_PAGE_CACHE_SECONDS=1);")
        say("cached rows go through nginx's micro-cache (deploy/nginx/lontar.conf)")
        cached_env = production_env(work, database, redis, 1)
        gunicorn = Gunicorn(cached_env, app_port, log)
        gunicorn.start()
        rows += measure(
            static_port, pages, "cached", concurrencies, args.duration, gunicorn, wrk_log
        )
        article = next((t for t in targets if t["name"] == "article"), None)
        if article:
            load = Row("article", article["path"], "probe", max(concurrencies))

            def under_load() -> None:
                run_wrk(static_port, load, 4, wrk_log)

            freshness = publish_probe(cached_env, static_port, article["path"], under_load)
            say(f"a published title showed through nginx after {freshness:.2f} s")
    finally:
        gunicorn.stop()
        nginx.stop()
    after = uptime()

    found = serve_report.checks(rows, freshness)
    print()
    print(serve_report.table(rows))
    print()
    print(serve_report.checks_text(found))
    print(f"\nload before: {before}\nload after:  {after}")
    if args.no_write:
        return
    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "label": args.label,
        "commit": measured_commit,
        "setup": {
            "scale": args.scale,
            "wrk": f"-t2, {args.duration} s per row, concurrency {args.concurrency}",
            "gunicorn workers": env["WEB_CONCURRENCY"],
            "threads": os.environ.get("WEB_THREADS", "production default (4)"),
            "max requests": os.environ.get(
                "WEB_MAX_REQUESTS", f"production default ({_production_max_requests()})"
            ),
            "cores": os.cpu_count(),
            "database": "PostgreSQL",
            "cache": "Redis",
        },
        "data": discovered["data"],
        "uptime_before": before,
        "uptime_after": after,
    }
    say(f"written: {write_results(meta, rows, found).relative_to(ROOT)} and .json")


if __name__ == "__main__":
    main()
