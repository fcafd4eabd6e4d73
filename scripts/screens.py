"""Screenshots of every public page type at 360 px, for reviewers (issue 17): `make screens`.

Needs the demo portal running (`make run`, or BASE=http://host:port); the page types come from
the same crawl as the accessibility test (`lontar/core/tests/page_types.py`), run in-process
on the same database. Writes docs/screens/<page type>.jpg (whole page, 360 px wide).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.config.settings")
os.environ.setdefault("LONTAR_DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


def main() -> int:
    base = os.environ.get("BASE", "http://127.0.0.1:8000").rstrip("/")
    out = ROOT / "docs" / "screens"
    out.mkdir(parents=True, exist_ok=True)
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    from playwright.sync_api import sync_playwright

    from lontar.core.tests.page_types import crawl

    pages = crawl()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 360, "height": 740})
        for kind, path in sorted(pages.items()):
            page.goto(base + path)
            name = re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-")
            page.screenshot(path=str(out / f"{name}.jpg"), full_page=True, type="jpeg", quality=55)
            print(f"{name}.jpg  {path}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
