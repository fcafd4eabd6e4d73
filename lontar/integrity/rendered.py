"""The rendered checks of the integrity scan: what visitors and search engines are served.

Every live page, and every published record outside the page tree (found through the site
search's registry), is fetched in-process as a browser, as Googlebot and, for pages, as a
visitor coming from Google: a difference is cloaking, and the rendered text and links go
through the same keyword and hidden-link checks as stored content (they show what templates
add). A non-live page's URL must not answer 200.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client
from django.urls import Resolver404, resolve
from wagtail.models import Page

from lontar.agencies.models import Agency
from lontar.integrity.html import Link, host_of, is_external, read_html
from lontar.integrity.scanner import Candidate, Kind, Scope, _findings_in_text, _page_target
from lontar.search.registry import SOURCES

BROWSER_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
GOOGLEBOT_UA = (
    "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like "
    "Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; "
    "+http://www.google.com/bot.html)"
)
GOOGLE_REFERER = "https://www.google.com/"
SAME_TEXT = 0.99  # T-SEO-2: at least 99 % of the visible words alike

# --- rendered --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rendering:
    status: int
    location: str
    text: str
    links: tuple[Link, ...]
    all_text: str


def _fetch(client: Client, host: str, path: str, secure: bool, **headers: str) -> Rendering:
    response = client.get(path, HTTP_HOST=host, secure=secure, **headers)
    body = b""
    if not response.streaming and "html" in response.get("Content-Type", ""):
        body = response.content
    read = read_html(body.decode(response.charset or "utf-8", "replace")) if body else None
    return Rendering(
        status=response.status_code,
        location=response.get("Location", ""),
        text=read.visible_text if read else "",
        links=tuple(read.links) if read else (),
        all_text=read.text if read else "",
    )


def _address(page: Page) -> tuple[str, str, bool] | None:
    """(host header, path, https) where the page's own site serves it, or None."""
    # Wagtail's own parts (the Site's hostname and port), not the public base URL the page
    # classes answer with: the in-process request must be routed to the page's Site.
    parts = Page.get_url_parts(page)
    if not parts:
        return None
    _site_id, root_url, path = parts
    split = urlsplit(root_url)
    # Behind a TLS proxy a site's port may say 80 while every plain request is redirected.
    secure = split.scheme == "https" or bool(settings.SECURE_SSL_REDIRECT)
    return split.netloc, path, secure


def _served_by_page_tree(path: str) -> bool:
    try:
        return resolve(path).url_name == "wagtail_serve"
    except Resolver404:
        return False


def similarity(first: str, second: str) -> float:
    if first == second:
        return 1.0
    return difflib.SequenceMatcher(None, first.split(), second.split(), autojunk=False).ratio()


def cloaking_difference(browser: Rendering, other: Rendering, scope: Scope) -> str | None:
    """Why `other` differs from what a browser got, or None when they match."""
    if browser.status != other.status:
        return f"status {browser.status} ≠ {other.status}"
    if browser.location != other.location:
        return f"Location {browser.location or '-'} ≠ {other.location or '-'}"
    seen = {link.href for link in browser.links}
    extra = sorted(
        link.href
        for link in other.links
        if link.href not in seen
        and is_external(link.href)
        and not scope.is_ours(host_of(link.href))
    )
    if extra:
        return "tautan tambahan: " + ", ".join(extra[:5])
    ratio = similarity(browser.text, other.text)
    if ratio < SAME_TEXT:
        return f"teks {ratio:.0%} sama"
    return None


def scan_rendered(scope: Scope) -> Iterator[Candidate]:
    client = Client(raise_request_exception=False)
    # Translations answer at their Indonesian page's URL (lontar/pages/views.py): fetching that
    # URL would judge the Indonesian page, so only the Indonesian tree is fetched.
    pages = Page.objects.filter(depth__gt=1, locale__language_code=settings.LANGUAGE_CODE).order_by(
        "path"
    )
    for page in pages.iterator():
        address = _address(page)
        if address is None:
            continue
        host, path, secure = address
        target = _page_target(page, scope)
        if not page.live:
            if _served_by_page_tree(path):
                answer = _fetch(client, host, path, secure, HTTP_USER_AGENT=BROWSER_UA)
                if answer.status == 200:
                    yield Candidate(
                        Kind.UNPUBLISHED_REACHABLE,
                        location=f"{host}{path}",
                        snippet=answer.text[:300],
                        key=path,
                        **target,
                    )
            continue
        browser = _fetch(client, host, path, secure, HTTP_USER_AGENT=BROWSER_UA)
        variants = {
            "Googlebot": _fetch(client, host, path, secure, HTTP_USER_AGENT=GOOGLEBOT_UA),
            "Referer Google": _fetch(
                client, host, path, secure, HTTP_USER_AGENT=BROWSER_UA, HTTP_REFERER=GOOGLE_REFERER
            ),
        }
        for name, rendering in variants.items():
            why = cloaking_difference(browser, rendering, scope)
            if why:
                yield Candidate(
                    Kind.CLOAKING,
                    location=f"{host}{path}",
                    snippet=f"{name}: {why}"[:500],
                    key=name,
                    **target,
                )
        for rendering in (browser, variants["Googlebot"]):
            yield from _findings_in_text(
                rendering.all_text,
                list(rendering.links),
                scope,
                where=f"{host}{path} [tampilan]",
                **target,
            )


def _site_address(agency: Agency) -> tuple[str, bool] | None:
    """(host header, https) of an agency's own site, or None when it has none."""
    site = agency.site
    if site is None:
        return None
    root = urlsplit(site.root_url)
    return root.netloc, root.scheme == "https" or bool(settings.SECURE_SSL_REDIRECT)


def _record_sources() -> list:
    # Pages are fetched by scan_rendered already; the rest live outside the page tree.
    return [source for source in SOURCES.values() if not issubclass(source.model, Page)]


def scan_records(scope: Scope) -> Iterator[Candidate]:
    """Every published non-page record at its public URL, as a browser and as Googlebot."""
    client = Client(raise_request_exception=False)
    for agency in Agency.objects.select_related("site").order_by("pk"):
        address = _site_address(agency)
        if address is None:
            continue
        host, secure = address
        for source in _record_sources():
            records = source.queryset_for_agency(agency)
            for record in records.iterator(chunk_size=200):
                path = source.url_of(record, None)
                target = {
                    "agency_id": agency.pk,
                    "object_type": f"{record._meta.app_label}.{record._meta.model_name}",
                    "object_id": str(record.pk),
                    "object_repr": str(record)[:255],
                }
                browser = _fetch(client, host, path, secure, HTTP_USER_AGENT=BROWSER_UA)
                googlebot = _fetch(client, host, path, secure, HTTP_USER_AGENT=GOOGLEBOT_UA)
                why = cloaking_difference(browser, googlebot, scope)
                if why:
                    yield Candidate(
                        Kind.CLOAKING,
                        location=f"{host}{path}",
                        snippet=f"Googlebot: {why}"[:500],
                        key="Googlebot",
                        **target,
                    )
                for rendering in (browser, googlebot):
                    yield from _findings_in_text(
                        rendering.all_text,
                        list(rendering.links),
                        scope,
                        where=f"{host}{path} [tampilan]",
                        **target,
                    )
