"""In a real browser: an imported article opens, and an old WordPress link leads to it."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from lontar.wordpress.tests.builder import Entry, wxr

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "<!-- wp:paragraph --><p>Penerimaan berkas usul pensiun kini <strong>daring</strong>.</p>"
    "<!-- /wp:paragraph --><!-- wp:heading --><h2>Syarat</h2><!-- /wp:heading -->"
    "<!-- wp:list --><ul><li>SK terakhir</li><li>Kartu pegawai</li></ul><!-- /wp:list -->"
    '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ"} -->'
    '<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">'
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ</div><figcaption>Cara mengunggah berkas"
    "</figcaption></figure><!-- /wp:embed -->"
)


def test_an_old_permalink_leads_to_the_imported_article(_chromium, live_server, agency_a, tmp_path):
    path = tmp_path / "situs.xml"
    path.write_bytes(
        wxr([Entry(123, "Usul pensiun kini daring", BODY, slug="usul-pensiun-daring")])
    )
    call_command("import_wordpress", agency_a.slug, str(path), stdout=StringIO(), stderr=StringIO())
    context = _chromium.new_context(base_url=live_server.url, locale="id-ID")
    context.set_default_timeout(15_000)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    try:
        page.goto("/berita/usul-pensiun-daring/")
        expect(page.locator("h1")).to_have_text("Usul pensiun kini daring")
        expect(page.get_by_role("heading", name="Syarat")).to_be_visible()
        expect(page.get_by_text("Kartu pegawai", exact=True)).to_be_visible()
        expect(page.locator(".lead")).to_have_text("Penerimaan berkas usul pensiun kini daring.")
        # The video is a visible link; reading the article asks no other host for anything.
        video = page.get_by_role("link", name="Cara mengunggah berkas")
        expect(video).to_have_attribute("href", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
        page.wait_for_load_state("networkidle")
        assert requested and all(url.startswith(live_server.url) for url in requested)

        page.goto("/?p=123")
        page.wait_for_url("**/berita/usul-pensiun-daring/")
        expect(page.locator("h1")).to_have_text("Usul pensiun kini daring")

        page.goto("/2021/11/18/usul-pensiun-daring/")
        page.wait_for_url("**/berita/usul-pensiun-daring/")
    except Exception:
        page.screenshot(path="/tmp/wordpress-browser.png", full_page=True)
        raise
    finally:
        context.close()
