"""Page budgets of every public page type (issue 17): pass/fail.

For each page type of the demo (found by the same crawl as the accessibility test,
`lontar/core/tests/page_types.py`) it measures, gzip-compressed, the HTML plus the stylesheets
it links, and the scripts it loads, and lists every resource the page would fetch from another
host (stylesheets, scripts, images, media, frames, fonts, icons; plain links are not requests).
Budgets: HTML + CSS at most 60 KB, JavaScript at most 20 KB, no other host. It prints a table
and exits 1 when any page is over budget.

    LONTAR_DEBUG=1 python bench/page_budget.py            # against var/ (after `make run`)
    LONTAR_VAR_DIR=/tmp/x python bench/page_budget.py     # another demo database

In-process with Django's test client; static files are read through the staticfiles finders.
"""

from __future__ import annotations

import gzip
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.config.settings")
os.environ.setdefault("LONTAR_DEBUG", "1")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

HTML_CSS_BUDGET = 60 * 1024
JS_BUDGET = 20 * 1024

# Attributes whose URL the browser fetches by itself (an <a href> is not fetched).
FETCHED = re.compile(
    r"<(?:script|img|source|audio|video|track|iframe|embed)\b[^>]*?\s(?:src|srcset|poster)"
    r"=\"([^\"]+)\"|<link\b[^>]*?\shref=\"([^\"]+)\"",
    re.IGNORECASE,
)
LINK_REL = re.compile(r'<link\b[^>]*?\srel="([^"]+)"[^>]*?\shref="([^"]+)"', re.IGNORECASE)
SCRIPT_SRC = re.compile(r'<script\b[^>]*?\ssrc="([^"]+)"', re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)")
# <link> relations that are only metadata, never fetched by a browser on page load.
NOT_FETCHED_RELS = {"canonical", "alternate", "author", "license", "search", "next", "prev"}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def static_bytes(url: str) -> bytes:
    path = urlsplit(url).path
    if not path.startswith(settings.STATIC_URL):
        return b""
    found = finders.find(path[len(settings.STATIC_URL) :])
    return Path(found).read_bytes() if found else b""


def foreign(url: str) -> bool:
    parts = urlsplit(url.strip().split(" ")[0])
    return bool(parts.netloc) or parts.scheme in {"http", "https"}


def fetched_urls(html: str) -> list[str]:
    urls = []
    for match in FETCHED.finditer(html):
        src, href = match.groups()
        if src:
            urls += [candidate.strip().split(" ")[0] for candidate in src.split(",")]
    for rel, href in LINK_REL.findall(html):
        if not set(rel.lower().split()) <= NOT_FETCHED_RELS:
            urls.append(href)
    return urls


def measure(client, path: str) -> dict:
    response = client.get(path)
    html = response.content.decode()
    css = b"".join(
        static_bytes(href)
        for rel, href in LINK_REL.findall(html)
        if "stylesheet" in rel.lower().split()
    )
    js = b"".join(static_bytes(src) for src in SCRIPT_SRC.findall(html))
    others = [url for url in fetched_urls(html) if foreign(url)]
    others += [a or b for a, b in CSS_URL.findall(css.decode(errors="replace")) if foreign(a or b)]
    return {
        "status": response.status_code,
        "html_css": gz(response.content) + (gz(css) if css else 0),
        "js": gz(js) if js else 0,
        "others": others,
    }


def main() -> int:
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    from django.test import Client

    from lontar.core.tests.page_types import crawl

    client = Client()
    pages = crawl()
    failures = 0
    print(f"{'page type':<28}{'path':<52}{'HTML+CSS gz':>12}{'JS gz':>8}  other hosts")
    for kind, path in sorted(pages.items()):
        row = measure(client, path)
        over = (
            row["html_css"] > HTML_CSS_BUDGET
            or row["js"] > JS_BUDGET
            or row["others"]
            or row["status"] != 200
        )
        failures += bool(over)
        print(
            f"{kind[:27]:<28}{path[:51]:<52}{row['html_css']:>12,}{row['js']:>8,}  "
            f"{', '.join(row['others']) or '-'}{'  OVER BUDGET' if over else ''}"
        )
    print(
        f"\n{len(pages)} page types; budgets: HTML+CSS {HTML_CSS_BUDGET:,} B, "
        f"JS {JS_BUDGET:,} B gzip, no other host; {failures} over budget"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
