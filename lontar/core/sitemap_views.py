"""/sitemap.xml (an index) and /sitemap-<section>-<page>.xml for the request's agency.

The rows come from `core/sitemaps.py` (cached per content version); the absolute addresses are
made here from the agency's public base URL, so a new address needs no rebuild.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.http import require_safe

from lontar.agencies.selectors import agency_for_request
from lontar.core import sitemaps
from lontar.core.public_urls import absolute_url, base_url

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
# A page number past this is junk (5,000 × 10,000 URLs is more than any agency publishes).
MAX_PAGE = 10_000


def _xml(body: list[str]) -> HttpResponse:
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + "\n".join(body) + "\n"
    return HttpResponse(text, content_type="application/xml; charset=utf-8")


def _agency(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404("Situs tidak dikenal.")
    return agency


@require_safe
def sitemap_index(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    lines = [f'<sitemapindex xmlns="{NAMESPACE}">']
    for entry in sitemaps.index_entries(agency):
        path = reverse("sitemap-section", args=[entry.key, entry.page])
        lines.append(f"<sitemap><loc>{escape(absolute_url(agency, path))}</loc>")
        if entry.lastmod:
            lines.append(f"<lastmod>{sitemaps.w3c_date(entry.lastmod)}</lastmod>")
        lines.append("</sitemap>")
    lines.append("</sitemapindex>")
    return _xml(lines)


@require_safe
def sitemap_section(request: HttpRequest, key: str, page: int) -> HttpResponse:
    agency = _agency(request)
    if page > MAX_PAGE:
        raise Http404("Halaman peta situs tidak ada.")
    entries = sitemaps.page_entries(agency, key, page)
    if entries is None:
        raise Http404("Halaman peta situs tidak ada.")
    lines = [f'<urlset xmlns="{NAMESPACE}">']
    base = base_url(agency)  # once, not per row: a page lists up to PAGE_SIZE URLs
    for path, lastmod in entries:
        if path.startswith("/") and not path.startswith("//"):
            url = base + path
        else:
            url = absolute_url(agency, path)
        lines.append(f"<url><loc>{escape(url)}</loc>")
        if lastmod:
            lines.append(f"<lastmod>{sitemaps.w3c_date(lastmod)}</lastmod>")
        lines.append("</url>")
    lines.append("</urlset>")
    return _xml(lines)
