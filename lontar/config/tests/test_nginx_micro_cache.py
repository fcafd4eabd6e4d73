"""deploy/nginx/lontar.conf's micro-cache in front of the real app (decisions 0019 and 0021).

The production configuration, substituted for loopback as bench/scale_out.py does, proxies to
the test's live server. What a visitor would notice: the second anonymous visit is answered
by nginx, a publish shows through it within 2 s, and anyone with a session, a like cookie or
a page holding their own CSRF token never gets nor leaves a stored copy.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
import urllib3

from lontar.news.tests.helpers import article, news_index

_spec = importlib.util.spec_from_file_location(
    "scale_out_stack", Path(__file__).resolve().parents[3] / "bench" / "scale_out_stack.py"
)
assert _spec and _spec.loader
stack = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(stack)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(),
        reason="nginx is not installed (Debian: apt-get install nginx)",
    ),
]


BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


def _headers(kwargs: dict) -> dict[str, str]:
    return {"User-Agent": BROWSER, **kwargs.pop("headers", {})}


class _Visitor:
    """A fresh visitor per request: no cookie is kept unless passed."""

    def __init__(self, base: str) -> None:
        self.base = base

    def get(self, path: str, **kwargs) -> requests.Response:
        return requests.get(
            self.base + path, verify=False, timeout=10, headers=_headers(kwargs), **kwargs
        )

    def post(self, path: str, **kwargs) -> requests.Response:
        return requests.post(
            self.base + path,
            verify=False,
            timeout=10,
            allow_redirects=False,
            headers=_headers(kwargs),
            **kwargs,
        )


@pytest.fixture
def proxy(live_server, tmp_path, settings):
    settings.LONTAR_PAGE_CACHE_SECONDS = 1
    settings.ALLOWED_HOSTS = ["*"]
    for name in ("log", "cache", "media", "static", "tmp"):
        (tmp_path / name).mkdir()
    stack.self_signed(tmp_path / "ssl")
    https_port = stack.free_port()
    site = stack.nginx_site(
        (stack.DEPLOY / "nginx" / "lontar.conf").read_text(),
        directory=tmp_path,
        static_root=tmp_path / "static",
        http_port=stack.free_port(),
        https_port=https_port,
        upstreams=[urlsplit(live_server.url).netloc],
    )
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(stack.nginx_main(tmp_path))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    subprocess.run([nginx, "-c", str(tmp_path / "nginx.conf")], check=True)
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    try:
        yield _Visitor(f"https://127.0.0.1:{https_port}")
    finally:
        subprocess.run([nginx, "-c", str(tmp_path / "nginx.conf"), "-s", "stop"], check=False)


def test_the_second_anonymous_visit_is_answered_by_nginx(proxy, agency_a):
    page = article(news_index(agency_a), "Seleksi CPNS dibuka")

    first = proxy.get(page.url)
    second = proxy.get(page.url)
    revalidated = proxy.get(page.url, headers={"If-None-Match": second.headers["ETag"]})

    assert first.status_code == 200 and "Seleksi CPNS dibuka" in first.text
    assert second.headers["X-Cache"] == "HIT" and second.text == first.text
    assert "set-cookie" not in second.headers and "x-accel-expires" not in second.headers
    assert second.headers["Cache-Control"] == "no-cache"  # the browser revalidates ...
    assert revalidated.status_code == 304  # ... and nginx answers it


def test_a_published_change_shows_through_nginx_within_two_seconds(proxy, agency_a):
    page = article(news_index(agency_a), "Judul lama")
    proxy.get(page.url)
    assert proxy.get(page.url).headers["X-Cache"] == "HIT"
    page.title = "Judul baru"
    page.save_revision().publish()
    published = time.monotonic()

    while "Judul baru" not in proxy.get(page.url).text:
        assert time.monotonic() - published < 2, "the change did not show within 2 s"
        time.sleep(0.05)


def test_visitors_with_their_own_cookies_bypass_and_leave_nothing(proxy, agency_a, writer):
    page = article(news_index(agency_a), "Berita untuk semua")
    proxy.get(page.url)
    liked = proxy.post(
        f"/berita/suka/{page.pk}/", data={"suka": "1"}, headers={"Sec-Fetch-Site": "same-origin"}
    )
    like_cookie = liked.cookies.get("lontar_pengunjung")
    assert like_cookie

    mine = proxy.get(page.url, cookies={"lontar_pengunjung": like_cookie})
    anyone = proxy.get(page.url)
    english = proxy.get(page.url, cookies={"lontar_bahasa": "en", "csrftoken": "x" * 32})

    assert mine.headers["X-Cache"] == "BYPASS" and 'aria-pressed="true"' in mine.text
    assert 'aria-pressed="false"' in anyone.text  # the liked copy was not stored for everyone
    assert english.headers["Content-Language"] == "en"  # its own copy, not the Indonesian one


def test_a_page_holding_a_visitors_token_is_never_stored(proxy, agency_a):
    from lontar.survey.tests.conftest import make_period

    unit = make_period(agency_a).unit
    url = f"/survei/{unit.slug}/"

    answers = [proxy.get(url) for _ in range(3)]

    assert all(a.status_code == 200 for a in answers)
    assert all(a.headers.get("X-Cache") != "HIT" for a in answers)
    tokens = {a.text.split('name="csrfmiddlewaretoken" value="')[1][:20] for a in answers}
    assert len(tokens) == 3  # each visitor their own
