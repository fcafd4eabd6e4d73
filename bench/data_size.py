"""Cost constant in data size (issue 22): every public page at demo size and on the large data set.

    python bench/data_size.py [--scale 0.2] [--rounds 15] [--work-dir DIR] [--only REGEX]

Builds two databases side by side — the demo (`lontar load_demo`) and the same demo plus
`lontar generate_data --scale F --agency <the demo's default agency>` (the whole generated data
set on the one site measured: the worst case) — as SQLite files in the work directory, or as
two PostgreSQL databases next to the one `DATABASE_URL` names (`<name>_size_demo`,
`<name>_size_large`). A work directory that already holds them is reused (`--fresh` rebuilds).

Then, in a process per database kept running side by side, with DEBUG off and every cache
cleared before each request (uncached: no page cache, no application cache), it renders each
target `--rounds` times on each database and keeps the median. The two take turns, three
renders at a time, so a machine that slows down during the run weighs on both sides alike
(each database measured whole, one after the other, put up to 1.5× between the two halves of a
run on an idle machine). A render's time is CPU time: the process's own and, on PostgreSQL,
that of its server backend (a connection kept, as production keeps one), read from /proc —
wall time follows whatever else the machine runs. The targets:

- one URL of every public URL pattern and Wagtail page type (the crawl of
  lontar/core/tests/page_types.py on the demo, so the same URLs exist in both databases);
- the machine formats: feeds, the sitemap index and page 1 of each section, robots.txt,
  the JDIHN and CKAN APIs, the content API, the DCAT catalogue;
- deep pagination: page 500 of the news index, the register, regulations and Q&A (at demo
  size the last page);
- `/cari/` with a word found at both sizes (2 results, then 100,000+) and with one found in
  neither;
- the admin pages of the issue, as a superuser: the PPID queue, the news listing, the
  writing-culture dashboard and the open-data list.

It prints one table (page, demo ms, large ms, factor, queries demo/large) and exits 1 when a
public page is more than 1.5× slower at the large size, an admin page more than 2×. A sitemap
section page lists up to `core/sitemaps.PAGE_SIZE` URLs, so it is judged per URL listed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PUBLIC_LIMIT = 1.5
ADMIN_LIMIT = 2.0
BLOCK = 3  # rounds measured on one side before the other side's turn
FLOOR_MS = 5.0  # below this both sides are noise: a factor is not judged
DEFAULT_AGENCY = "bkd-nusa-cendana"
EXTRA = [
    ("news feed RSS", "/berita/feed/rss/"),
    ("news feed Atom", "/berita/feed/atom/"),
    ("robots.txt", "/robots.txt"),
    ("sitemap index", "/sitemap.xml"),
    # Pages of as many records as the demo holds (46 regulations, 5 public datasets): a default
    # page (100 records, 20, 100) is full only at the large size, and its factor then measured
    # the page's length, not the data's size.
    ("JDIHN list", "/api/jdihn/?limit=40"),
    ("CKAN package_search", "/api/3/action/package_search?rows=5"),
    ("CKAN package_list", "/api/3/action/package_list?limit=5"),
    ("content API news", "/api/v1/news/"),
    ("DCAT JSON-LD", "/data/catalog.jsonld"),
    ("news page 500", "/berita/?halaman=500"),
    ("register page 500", "/ppid/register/?halaman=500"),
    ("regulations page 500", "/regulasi/?halaman=500"),
    ("Q&A page 500", "/tanya-jawab/?halaman=500"),
    # A word of the demo's content and of every generated article (2 results → 100,000+), and
    # one found in neither: a query with no result at demo size would compare an empty page
    # with a full one.
    ("search: common word", "/cari/?q=informasi"),
    ("search: no result", "/cari/?q=kriptografi"),
]
ADMIN = [
    ("admin: PPID queue", "/admin/ppid/permohonan/"),
    ("admin: news listing", "/admin/pages/{news_index}/"),
    ("admin: writing dashboard", "/admin/berita/budaya-menulis/?instansi={agency}"),
    ("admin: open-data list", "/admin/snippets/opendata/dataset/"),
]


# --- The two databases ---------------------------------------------------------------------


def _env(work: Path, label: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT),
        LONTAR_DEBUG="1",
        LONTAR_VAR_DIR=str(work / label),
        ALLOWED_HOSTS="localhost,127.0.0.1,testserver,.localhost",
    )
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        parts = urlsplit(base)
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"{parts.path}_size_{label}"))
    else:
        env["DATABASE_URL"] = f"sqlite:///{work / f'{label}.sqlite3'}"
    return env


def _lontar(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "lontar", *args], env=env, check=True, stdout=subprocess.DEVNULL
    )


def _postgres_database(env: dict[str, str], *, fresh: bool, template: str = "") -> bool:
    """Create the database DATABASE_URL of `env` names; False when it existed already."""
    import psycopg

    parts = urlsplit(env["DATABASE_URL"])
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if exists and not fresh:
            return False
        if exists:
            connection.execute(f'DROP DATABASE "{name}"')
        suffix = f' TEMPLATE "{template}"' if template else ""
        connection.execute(f'CREATE DATABASE "{name}"{suffix}')
    return True


def _vacuum(*envs: dict[str, str]) -> None:
    """VACUUM ANALYZE: what autovacuum does some time after a bulk load. Until then the
    visibility map is empty and PostgreSQL's index-only counts read every row of the table
    (the register's count of 200,000 requests: 68 ms instead of a few)."""
    import psycopg

    for env in envs:
        with psycopg.connect(env["DATABASE_URL"], autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")


def prepare(work: Path, scale: float, *, fresh: bool) -> None:
    work.mkdir(parents=True, exist_ok=True)
    demo, large = _env(work, "demo"), _env(work, "large")
    postgres = demo["DATABASE_URL"].startswith("postgres")
    if postgres:
        made = _postgres_database(demo, fresh=fresh)
    else:
        made = fresh or not (work / "demo.sqlite3").exists()
        if fresh:
            for name in ("demo.sqlite3", "large.sqlite3"):
                (work / name).unlink(missing_ok=True)
    if made:
        started = time.monotonic()
        _lontar(demo, "migrate", "-v0")
        _lontar(demo, "load_demo")
        # Indexed as the large set is below: a search compares two full indexes (load_demo
        # leaves some records, e.g. most regulations, to the index's next rebuild).
        _lontar(demo, "update_index")
        print(f"demo database built in {time.monotonic() - started:.0f} s", flush=True)
    if postgres:
        template = urlsplit(demo["DATABASE_URL"]).path.lstrip("/")
        made = _postgres_database(large, fresh=fresh or made, template=template)
    else:
        made = made or not (work / "large.sqlite3").exists()
        if made:
            shutil.copyfile(work / "demo.sqlite3", work / "large.sqlite3")
    if made:
        shutil.rmtree(work / "large", ignore_errors=True)
        shutil.copytree(work / "demo", work / "large", dirs_exist_ok=True)
        started = time.monotonic()
        _lontar(large, "generate_data", "--scale", str(scale), "--agency", DEFAULT_AGENCY)
        _lontar(large, "update_index")
        # The planner's statistics after the search index grew (generate_data ran ANALYZE
        # before it): without them SQLite plans a regulation's related content as a scan.
        _lontar(large, "shell", "-c", "from lontar.core import dbstats; dbstats.analyze()")
        if postgres:
            _vacuum(demo, large)
        print(f"large data set generated in {time.monotonic() - started:.0f} s", flush=True)


# --- Measuring, in a child process per database ---------------------------------------------


def _targets() -> list[tuple[str, str]]:
    """(name, path) of every public page type, the machine formats and deep pagination."""
    from django.test.utils import setup_test_environment, teardown_test_environment

    from lontar.core.tests import page_types

    setup_test_environment()  # the crawl reads `response.context` to name Wagtail page types
    try:
        found = page_types.crawl()
    finally:
        teardown_test_environment()
    targets = sorted(found.items())
    from django.test import Client

    index = Client().get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    for path in re.findall(r"<loc>https?://[^/<]+(/sitemap-[^<]+)</loc>", index):
        if path.endswith("-1.xml"):
            targets.append((f"sitemap {path[9:-6]}", path))
    return targets + EXTRA


class _Clock:
    """CPU seconds spent on a request: this process's, plus, on PostgreSQL, the server backend's
    (read from /proc/<pid>/schedstat; the server runs on this machine). CPU time, not wall
    time: the machine is shared, and wall time follows whatever else runs on it."""

    def __init__(self) -> None:
        from django.db import connection

        self.backend: Path | None = None
        if connection.vendor == "postgresql":
            connection.ensure_connection()
            pid = connection.connection.info.backend_pid
            self.backend = Path(f"/proc/{pid}/schedstat")
            if not self.backend.exists():
                sys.exit(f"{self.backend} is not readable: PostgreSQL must run on this machine")

    def __call__(self) -> float:
        server = int(self.backend.read_text().split()[0]) / 1e9 if self.backend else 0.0
        return time.process_time() + server


def _measure(client, clock: _Clock, path: str, rounds: int) -> dict:
    """CPU ms of `rounds` cold renders, and the queries, status and bytes of the last."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries, status, size = [], 0, 0, 0
    for _ in range(rounds):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started = clock()
            response = client.get(path)
            times.append((clock() - started) * 1000)
        queries, status, size = len(captured), response.status_code, len(response.content)
    return {"times": times, "queries": queries, "status": status, "size": size}


def _second_factor(client, user) -> None:
    """Mark the session as past the TOTP step, as a real sign-in with a code would."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def child(label: str, targets_file: Path) -> None:
    """Serve measurements of one database: its target list first, then one JSON line per
    `{"path", "rounds", "staff", "warm"}` line read, on the original stdout (everything else
    the process prints goes to stderr)."""
    answers = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    from lontar.agencies.models import Agency
    from lontar.news.models import NewsIndexPage

    settings.DEBUG = False
    settings.LONTAR_PAGE_CACHE_SECONDS = 0
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)
    if label == "demo" and not targets_file.exists():
        targets_file.write_text(json.dumps(_targets()))
    targets = json.loads(targets_file.read_text())
    agency = Agency.objects.get(slug=DEFAULT_AGENCY)
    news_index = NewsIndexPage.objects.descendant_of(agency.site.root_page).first()
    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser("bench-size", "bench@example.org", "x")
    public, staff = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    staff.force_login(user)
    _second_factor(staff, user)
    admin = [(n, p.format(news_index=news_index.pk, agency=agency.pk)) for n, p in ADMIN]
    clock = _Clock()
    answers.write(json.dumps([*targets, *admin]) + "\n")
    for line in sys.stdin:
        asked = json.loads(line)
        client = staff if asked["staff"] else public
        if asked["warm"]:
            client.get(asked["path"])  # imports, URL resolver, templates of this page
        answers.write(json.dumps(_measure(client, clock, asked["path"], asked["rounds"])) + "\n")


class _Child:
    """A measuring process on one database, kept running for the whole table."""

    def __init__(self, work: Path, label: str) -> None:
        command = [sys.executable, __file__, "--child", label, "--work-dir", str(work)]
        env = _env(work, label)
        # A connection kept, as production keeps one (settings: a minute): its backend's CPU
        # is what _Clock reads.
        env["DATABASE_CONN_MAX_AGE"] = "3600"
        self.label = label
        self.process = subprocess.Popen(
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.targets = [tuple(target) for target in self._read()]

    def _read(self):
        line = self.process.stdout.readline()
        if not line:
            sys.exit(f"the {self.label} process stopped (its error is above)")
        return json.loads(line)

    def measure(self, name: str, path: str, rounds: int, *, warm: bool) -> dict:
        asked = {"path": path, "rounds": rounds, "staff": name.startswith("admin:"), "warm": warm}
        self.process.stdin.write(json.dumps(asked) + "\n")
        self.process.stdin.flush()
        return self._read()

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def measure_all(work: Path, rounds: int, only: str) -> tuple[list, list]:
    """Both databases measured page by page, in alternating blocks of BLOCK rounds (the first
    side swapped every block): a machine that slows down or speeds up over the run then
    weighs on both sides alike. Rows: name, path, median ms, queries, status, bytes."""
    demo = _Child(work, "demo")  # first: it writes the target list the other reads
    large = _Child(work, "large")
    if demo.targets != large.targets:
        sys.exit("the two databases have different targets: run with --fresh")
    rows: dict[str, list] = {"demo": [], "large": []}
    try:
        for name, path in demo.targets:
            if only and not re.search(only, name):
                continue
            times: dict[str, list[float]] = {"demo": [], "large": []}
            last: dict[str, dict] = {}
            for block, done in enumerate(range(0, rounds, BLOCK)):
                for side in (demo, large) if block % 2 == 0 else (large, demo):
                    result = side.measure(name, path, min(BLOCK, rounds - done), warm=done == 0)
                    times[side.label] += result["times"]
                    last[side.label] = result
            for label, side_rows in rows.items():
                result = last[label]
                side_rows.append(
                    [
                        name,
                        path,
                        statistics.median(times[label]),
                        result["queries"],
                        result["status"],
                        result["size"],
                    ]
                )
            demo_ms, large_ms = rows["demo"][-1][2], rows["large"][-1][2]
            print(f"  {name}: {demo_ms:.1f} → {large_ms:.1f} ms", file=sys.stderr, flush=True)
    finally:
        demo.close()
        large.close()
    return rows["demo"], rows["large"]


# --- The table ------------------------------------------------------------------------------


def _limit(name: str) -> float:
    return ADMIN_LIMIT if name.startswith("admin:") else PUBLIC_LIMIT


def report(demo: list, large: list) -> int:
    failures = 0
    print(f"\n{'page':<34}{'demo ms':>9}{'large ms':>10}{'factor':>8}{'queries':>10}  path")
    for d, g in zip(demo, large, strict=True):
        name, path, d_ms, d_q, d_status, d_size = d
        _, _, g_ms, g_q, g_status, g_size = g
        factor = g_ms / d_ms if d_ms else 0.0
        note = ""
        if name.startswith("sitemap ") and name != "sitemap index":
            # A section page grows with the URLs it lists up to PAGE_SIZE: judged per URL.
            d_urls, g_urls = max(d_size // 150, 1), max(g_size // 150, 1)
            factor = (g_ms / g_urls) / (d_ms / d_urls) if d_ms else 0.0
            note = " (per URL)"
        bad = factor > _limit(name) and g_ms > FLOOR_MS
        if d_status != g_status:
            bad, note = True, f" (status {d_status} → {g_status})"
        failures += bad
        mark = "FAIL" if bad else ""
        print(
            f"{name[:33]:<34}{d_ms:>9.1f}{g_ms:>10.1f}{factor:>7.2f}×{d_q:>5}/{g_q:<4} {path}"
            f"{note} {mark}"
        )
    print(
        f"\n{failures} page(s) over their factor" if failures else "\nevery page within its factor"
    )
    return 1 if failures else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.2)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--work-dir", default=str(ROOT / "var" / "bench-size"))
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument(
        "--only", default="", help="measure only the rows whose name matches this regex"
    )
    parser.add_argument("--child", choices=["demo", "large"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    work = Path(args.work_dir).resolve()
    if args.child:
        child(args.child, work / "targets.json")
        return
    if args.fresh or not args.only:  # a full run crawls the URL patterns of today's code
        (work / "targets.json").unlink(missing_ok=True)
    prepare(work, args.scale, fresh=args.fresh)
    sys.exit(report(*measure_all(work, args.rounds, args.only)))


if __name__ == "__main__":
    main()
