"""Every absolute URL the demo BKD site writes points at its public base URL, on a live server
running on a non-default port (issue: one public URL per page, everywhere).

The requests carry `Host: localhost:<port>` while the agency's public address is
`http://127.0.0.1:<port>` (what `load_demo --port` sets for the default site): a link built from
the request's Host or from the Wagtail Site's hostname and port would show up as `localhost`.
"""

from __future__ import annotations

import io
import re
import urllib.request
from urllib.parse import urlsplit

import feedparser
import pytest
from defusedxml import ElementTree
from django.core import mail
from pypdf import PdfReader

from lontar.agencies.models import Agency
from lontar.core.tests import structured_data
from lontar.core.tests.demo_snapshot import load_demo
from lontar.podcast.models import Show
from lontar.ppid.tests.helpers import form_data
from lontar.regulations.models import DocumentType, LegalDocument

pytestmark = pytest.mark.django_db(transaction=True)

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# An address of this installation, whatever its spelling; anything else is another site's.
OWN = re.compile(
    r"https?://(?:[a-z0-9-]+\.)*(?:localhost|127\.0\.0\.1|testserver)(?::\d+)?[^\s\"'<>\\]*"
)
SECTIONS = {"halaman", "berita", "regulasi", "data", "tanya-jawab", "podcast", "agenda"}
SCHEMA_TYPES = {
    "halaman": "GovernmentOrganization",  # the home page
    "berita": "NewsArticle",
    "regulasi": "Legislation",
    "data": "Dataset",
    "tanya-jawab": "FAQPage",
    "podcast": "PodcastEpisode",
    "agenda": "Event",
}
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
OG_URL = re.compile(r'<meta property="og:url" content="([^"]+)">')


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        assert response.status == 200, url
        return response.read().decode("utf-8")


def _locs(xml: str, tag: str) -> dict[str, str | None]:
    root = ElementTree.fromstring(xml.encode())
    return {
        item.findtext("s:loc", namespaces=NS): item.findtext("s:lastmod", namespaces=NS)
        for item in root.findall(f"s:{tag}", NS)
    }


def test_every_absolute_url_points_at_the_agencys_public_address(
    live_server, client, django_capture_on_commit_callbacks
):
    port = urlsplit(live_server.url).port
    assert port not in (80, 443, 8000)
    load_demo(port=port)
    base = f"http://127.0.0.1:{port}"
    served = f"http://localhost:{port}"  # the Host every request below carries
    bkd = Agency.objects.get(site__is_default_site=True)
    assert bkd.public_base_url == base
    texts: dict[str, str] = {}

    def get(path: str) -> str:
        texts[path] = _fetch(served + path)
        return texts[path]

    # robots.txt → the sitemap index → every section page.
    assert f"Sitemap: {base}/sitemap.xml" in get("/robots.txt")
    index = _locs(get("/sitemap.xml"), "sitemap")
    sections: dict[str, dict[str, str | None]] = {}
    for loc, lastmod in index.items():
        assert loc.startswith(f"{base}/sitemap-") and lastmod, loc
        key = loc.removeprefix(f"{base}/sitemap-").rsplit("-", 1)[0]
        sections[key] = _locs(get(loc.removeprefix(base)), "url")
    assert set(sections) >= SECTIONS
    for key, urls in sections.items():
        assert urls and all(lastmod for lastmod in urls.values()), key
        assert all(url.startswith(f"{base}/") for url in urls), key

    # One page of every section: its canonical link and og:url are its sitemap address, and
    # its schema.org item (read by extruct) has what search engines require of its type.
    regulation = LegalDocument.objects.filter(
        agency=bkd, document_type=DocumentType.REGULATION, is_published=True
    ).exclude(enacted_on=None)[0]
    picks = {key: sorted(urls)[-1] for key, urls in sections.items()}
    picks["halaman"] = f"{base}/"
    picks["regulasi"] = base + regulation.get_absolute_url()
    for key, url in picks.items():
        assert url in sections[key], key
        html = get(url.removeprefix(base))
        assert CANONICAL.search(html).group(1) == url, key
        items, graph = structured_data.extract(html, url)
        assert graph.get("og:url") == url, key
        if key not in SCHEMA_TYPES:
            continue
        [item] = [item for item in items if item.get("@type") == SCHEMA_TYPES[key]]
        assert not structured_data.missing(item), (key, structured_data.missing(item))
        assert all(
            link.startswith(f"{base}/")
            for link in structured_data.absolute_urls(item)
            if OWN.match(link)
        ), key
        if key == "data":  # Google Dataset Search: a description of 50 to 5,000 characters
            assert 50 <= len(item["description"]) <= 5000
    # And the public address answers (the same server, by another name).
    assert _fetch(f"{base}/sitemap.xml") == texts["/sitemap.xml"]

    # Feeds: item links and guids, channel links, the podcast's enclosures.
    for path in ("/berita/feed/rss/", "/berita/feed/atom/"):
        feed = feedparser.parse(get(path))
        assert feed.entries and not feed.bozo
        assert all(entry.link.startswith(f"{base}/berita/") for entry in feed.entries)
        assert feed.feed.link.startswith(f"{base}/")
    show = Show.objects.filter(agency=bkd).first()
    podcast = feedparser.parse(get(show.feed_url()))
    assert podcast.entries and all(e.link.startswith(f"{base}/podcast/") for e in podcast.entries)
    assert all(e.enclosures[0].href.startswith(f"{base}/") for e in podcast.entries)
    get("/agenda/kalender.ics")

    # APIs: the content API, its schema, CKAN and the DCAT catalogue.
    for source in ("news", "regulations", "faq", "events"):
        get(f"/api/v1/{source}/")
        assert f'"url": "{base}/' in texts[f"/api/v1/{source}/"].replace('":"', '": "'), source
    for path in (
        "/api/v1/openapi.json",
        "/api/3/action/package_search",
        "/data/catalog.jsonld",
        "/data/catalog.ttl",
    ):
        get(path)

    # An outgoing e-mail and its PDF: the receipt of an information request.
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ppid/permohonan/baru/", form_data(), HTTP_HOST=f"localhost:{port}")
    [receipt] = [m for m in mail.outbox if "lacak" in m.body.lower()]
    texts["e-mail"] = receipt.body
    assert f"{base}/ppid/lacak/" in receipt.body
    [(_name, pdf, _type)] = receipt.attachments
    texts["receipt PDF"] = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert f"{base}/ppid/lacak/" in texts["receipt PDF"].replace("\n", "")

    # Nothing anywhere points at the request's Host, a bare `localhost` or a port-less site.
    other_sites = re.compile(rf"http://[a-z0-9-]+\.localhost:{port}/")
    for name, text in texts.items():
        for url in OWN.findall(text):
            assert url.startswith(f"{base}/") or url == base or other_sites.match(url), (
                name,
                url,
            )
