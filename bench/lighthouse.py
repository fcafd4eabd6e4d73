"""Lighthouse scores of the main public page types, mobile settings (issue 17).

Runs Google's Lighthouse (the npm package, installed on first use into var/tools/lighthouse with
the machine's Node.js; it is a measuring tool, never part of the portal) with Debian's chromium
against a running Lontar, and prints performance, accessibility, best practices and SEO for the
home page, an article, the news index, the request form, a regulation, a dataset and the survey
results. It exits 1 when accessibility, best practices or SEO is below 100 or performance below
95. Lighthouse's default (mobile) configuration is used: a phone-sized screen, simulated slow 4G
and a 4x slower CPU. Each page is measured --runs times (3) and the median of each category is
kept: on a shared machine one run's performance swings by 10-15 points with the load.

    make run                                   # in another terminal: the demo on :8000
    python bench/lighthouse.py                 # or --base-url http://127.0.0.1:8765

The page paths come from the same crawl as the accessibility test
(`lontar/core/tests/page_types.py`), run in-process against the same database as the server
(LONTAR_VAR_DIR / DATABASE_URL as for the server).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.config.settings")
os.environ.setdefault("LONTAR_DEBUG", "1")

LIGHTHOUSE = "12.8.2"  # the npm package's version
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FLOORS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# The page types the issue names, by the crawl's kind (URL name or page model).
PAGE_TYPES = {
    "home": "page:pages.HomePage",
    "article": "page:news.NewsArticlePage",
    "news index": "page:news.NewsIndexPage",
    "request form": "ppid:new-request",
    "regulation": "regulations:detail",
    "dataset": "opendata:detail",
    "survey results": "survey:results",
}


def lighthouse_binary(tools: Path) -> Path:
    binary = tools / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        npm = shutil.which("npm")
        if npm is None:
            sys.exit("Lighthouse needs Node.js and npm (Debian: apt install nodejs npm)")
        tools.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "install", "--silent", "--prefix", str(tools), f"lighthouse@{LIGHTHOUSE}"],
            check=True,
        )
    return binary


def page_paths() -> dict[str, str]:
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    from lontar.core.tests.page_types import crawl

    found = crawl()
    return {name: found[kind] for name, kind in PAGE_TYPES.items() if kind in found}


def scores(binary: Path, url: str, chrome: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as profile:
        out = Path(profile) / "report.json"
        subprocess.run(
            [
                str(binary),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags=--headless=new --no-sandbox --user-data-dir={profile}/chrome",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": chrome},
        )
        report = json.loads(out.read_text())
    if report.get("runtimeError"):  # e.g. NO_NAVSTART: "Please run Lighthouse again"
        raise subprocess.CalledProcessError(2, "lighthouse", report["runtimeError"]["code"])
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def median_scores(binary: Path, url: str, chrome: str, runs: int) -> dict[str, int]:
    """The median of each category over `runs` runs; a failed run is tried once more."""
    rows = []
    for _ in range(runs):
        try:
            rows.append(scores(binary, url, chrome))
        except subprocess.CalledProcessError:  # Lighthouse gives up on a page that loads slowly
            rows.append(scores(binary, url, chrome))
    return {c: round(statistics.median(row[c] for row in rows)) for c in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--chrome", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--tools", type=Path, default=ROOT / "var" / "tools" / "lighthouse")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is kept")
    args = parser.parse_args()

    binary = lighthouse_binary(args.tools)
    paths = page_paths()
    missing = sorted(set(PAGE_TYPES) - set(paths))
    failures = len(missing)
    print(f"{'page':<16}{'path':<48}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for name, path in paths.items():
        url = args.base_url.rstrip("/") + path
        try:
            row = median_scores(binary, url, args.chrome, max(1, args.runs))
        except subprocess.CalledProcessError as error:
            failures += 1
            print(f"{name:<16}{path[:47]:<48}Lighthouse failed ({error.returncode})")
            continue
        low = [c for c in CATEGORIES if row[c] < FLOORS[c]]
        failures += bool(low)
        print(
            f"{name:<16}{path[:47]:<48}"
            + "".join(f"{row[c]:>16}" for c in CATEGORIES)
            + (f"  BELOW: {', '.join(low)}" if low else "")
        )
    for name in missing:
        print(f"{name:<16}(no page of this type in the demo)")
    floors = ", ".join(f"{c} {n}" for c, n in FLOORS.items())
    print(f"\nfloors: {floors}; {'FAIL' if failures else 'OK'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
