"""The public page types of the portal, found by crawling the demo site with Django's test
client: used by the axe/reflow browser test and by bench/page_budget.py."""

from __future__ import annotations

import re
from collections import Counter, deque
from urllib.parse import urldefrag, urlsplit

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

# Public URL patterns that are not HTML pages for people: machine formats, downloads,
# redirects and POST-only endpoints. Each has its own tests in its app.
NOT_PAGES = {
    "healthz": "JSON for monitoring",
    "favicon": "redirect to the icon",
    "set_language": "POST-only language switch",
    "javascript-catalog": "JavaScript catalogue",
    "news:feed_rss": "feed",
    "news:feed_atom": "feed",
    "news:category_feed_rss": "feed",
    "news:category_feed_atom": "feed",
    "news:like": "POST-only; its form is on the article page",
    "newsroom:read_pixel": "a 1x1 image that counts a read; never a page",
    "news:sitemap": "XML sitemap",
    "news:robots_txt": "robots.txt",
    "ppid:receipt-pdf": "PDF download",
    "ppid:tracked-file": "file download",
    "ppid:tracked-document": "file download",
    "ppid:register-csv": "CSV download",
    "survey:report_pdf": "PDF download",
    "survey:report_xlsx": "XLSX download",
    "survey:responses_csv": "CSV download",
    "survey:page_feedback": "POST-only; its form is on content pages",
    "regulations:pdf": "PDF download",
    "regulations:download": "file download",
    "regulations:abstract": "PDF download",
    "regulations:jdihn-list": "JSON for JDIHN",
    "regulations:jdihn-detail": "JSON for JDIHN",
    "qna:feedback": "POST-only; its form is on the question page",
    "podcast:feed": "RSS feed",
    "podcast:audio": "audio file",
    "podcast:chapters": "JSON chapters",
    "podcast:transcript": "the transcript file (its text is also on the episode page)",
    "opendata:catalog-jsonld": "DCAT JSON-LD",
    "opendata:catalog-ttl": "DCAT Turtle",
    "opendata:download": "file download",
    "opendata:ckan-action": "CKAN JSON API",
    "opendata:ckan-action-unversioned": "CKAN JSON API",
    "opendata:openapi": "OpenAPI JSON",
    "opendata:content-list": "content API JSON",
    "programs:csv": "CSV download",
    "programs:xlsx": "XLSX download",
    "programs:feed": "iCalendar",
    "programs:feed-category": "iCalendar",
    "wagtaildocs_serve": "document download",
    "wagtaildocs_authenticate_with_password": "password form of private documents",
    "wagtailcore_authenticate_with_password": "password form of private pages",
    "wagtailcore_login": "Wagtail's own login page for private pages",
    "wagtail_serve": "the page tree: covered page model by page model (`page_models`)",
    "healthz-ready": "JSON for monitoring",
    "sitemap": "XML sitemap index",
    "sitemap-section": "XML sitemap",
    "opendata:ckan-version": "CKAN JSON API version document",
    "opendata:ckan-version-slash": "CKAN JSON API version document",
    "infolist:dip-pdf": "PDF download",
    "infolist:dip-xlsx": "XLSX download",
    "objections:receipt-pdf": "PDF download",
    "objections:dossier": "ZIP download",
    "ppidstats:statistics-csv": "CSV download",
    "annualreport:pdf": "PDF download",
    "annualreport:xlsx": "XLSX download",
}
# Pages reached only after a step (a filed request, a tracked one, a sent question or survey);
# the journeys below open them, and the reflow test fills their forms with errors.
AFTER_A_STEP = {
    "ppid:receipt": "after filing a request",
    "ppid:track-detail": "after tracking",
    "qna:track": "a link with the asker's token",
    "survey:thanks": "after sending the survey",
    "objections:receipt": "after filing an objection (objections/tests/test_browser_journey.py)",
    "objections:track-detail": "after tracking an objection (the same journey)",
}
# Forms shown with their errors at 320 px (submitted empty).
FORMS = ["/ppid/permohonan/baru/", "/tanya-jawab/tanya/", "/ppid/lacak/", "/ppid/keberatan/baru/"]
SEEDS = ["/", "/berita/", "/ppid/", "/survei/", "/survei/hasil/", "/regulasi/", "/tanya-jawab/"]
SEEDS += ["/podcast/", "/data/", "/program/", "/agenda/", "/dokumen-perencanaan/", "/penulis/"]
SEEDS += ["/ppid/register/", "/cari/?q=pegawai", "/api/v1/", "/ppid/lacak/"]
SEEDS += ["/ppid/dip/", "/ppid/dik/", "/ppid/serta-merta/", "/ppid/statistik/"]
SEEDS += ["/ppid/maklumat/", "/ppid/sop/"]
SEEDS += ["/ppid/keberatan/baru/", "/ppid/keberatan/lacak/", "/ppid/keberatan/register/"]
SEEDS += ["/ppid/laporan-layanan/"]
SKIP_PATH = re.compile(
    r"^/(admin|dokumen|media|static|api/(?!v1/$)|i18n)/|\.(pdf|csv|xlsx|ics|xml)"
)


def public_patterns() -> set[str]:
    """Every named public URL pattern of the project, "namespace:name" (admin excluded)."""
    names: set[str] = set()

    def walk(patterns, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                route = str(entry.pattern)
                if route.startswith(("admin/", "django-admin/")):
                    continue
                inner = entry.namespace or ""
                walk(entry.url_patterns, f"{namespace}{inner}:" if inner else namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                names.add(f"{namespace}{entry.name}")

    walk(get_resolver().url_patterns, "")
    return names


def page_models() -> set[str]:
    from wagtail.models import Page, get_page_models

    return {
        f"page:{model._meta.label}"
        for model in get_page_models()
        if model is not Page and model._meta.app_label not in {"wagtailcore"}
    }


def _kind(path: str, response) -> str | None:
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    if match.view_name == "wagtail_serve":
        page = response.context.get("page") if response.context is not None else None
        return f"page:{page.specific_class._meta.label}" if page is not None else None
    return match.view_name


def crawl(per_kind: int = 3, pages: int = 40) -> dict[str, str]:
    """One URL per page type: the longest HTML page seen for each URL pattern or page model,
    looking at no more than `per_kind` pages of a pattern and `pages` Wagtail pages."""
    client = Client()
    best: dict[str, tuple[int, str]] = {}
    visits: Counter[str] = Counter()
    queue, seen = deque(SEEDS), set(SEEDS)
    while queue:
        path = queue.popleft()
        try:
            view = resolve(urlsplit(path).path).view_name
        except Resolver404:
            continue
        if visits[view] >= (pages if view == "wagtail_serve" else per_kind):
            continue
        visits[view] += 1
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        kind = _kind(path, response)
        if kind and len(html) > best.get(kind, (0, ""))[0]:
            best[kind] = (len(html), path)
        for href in re.findall(r'href="(/[^"#]*)"', html):
            href = urldefrag(href.replace("&amp;", "&"))[0]
            if href not in seen and not SKIP_PATH.search(href) and "?" not in href:
                seen.add(href)
                queue.append(href)
    return {kind: path for kind, (_size, path) in best.items()}
