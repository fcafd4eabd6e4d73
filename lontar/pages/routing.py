"""Which site and which page a request reads, from the cache until content changes (issue 14).

Wagtail finds the site with one query per request and walks the page tree two queries per
URL segment (each child, then its specific row), compiling each query anew: about a quarter of
an article's rendering time. Both answers depend only on the sites and the page tree, and every
change to those (a publish, move, rename, a Site saved) bumps the content version
(core/content_version.py), so they are kept under keys that carry it:

- the site for a host and port, as Wagtail's `Site.find_for_request` would find it, put on the
  request where Wagtail looks first (`request._wagtail_site`);
- for a path, the page it reaches (id, type) and how many segments that page consumed. A hit
  costs one query: the page as its specific class. The page's own `route()` then handles what
  is left (a routable page's sub-path) and still refuses a page that is not live.

Only found routes are stored: a junk path is routed by Wagtail every time and leaves nothing in
the cache.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Page, Site

from lontar.core import content_version

TIMEOUT = 3600
_NO_SITE = "-"
# A longer path is routed uncached (no page is that deep; it is a probe).
MAX_CACHED_PATH = 1000


def site_for_request(request: HttpRequest) -> Site | None:
    """Wagtail's site for the request, memoised on it and cached per host and port."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    digest = hashlib.blake2s(f"{hostname}:{port}".encode(), digest_size=12).hexdigest()
    key = f"lontar:site-for-host:{content_version.current()}:{digest}"
    cached = cache.get(key)
    if cached is None:
        site = Site._find_for_request(request)
        cache.set(key, _NO_SITE if site is None else site, TIMEOUT)
    else:
        site = None if cached == _NO_SITE else cached
    request._wagtail_site = site
    return site


class CachedSiteMiddleware:
    """Put the site on the request before anything asks Wagtail for it."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        try:
            site_for_request(request)
        except DatabaseError:
            # Lost database: left to the view's own lookup, inside the middleware that answers
            # a lost database with the friendly 503 (core/faults.py).
            pass
        return self.get_response(request)


def route(request: HttpRequest, site: Site, components: list[str]) -> Any:
    """`site.root_page.specific.route(request, components)`, with the page found from the cache.

    Raises Http404 as Wagtail's routing does."""
    path = "/".join(components)
    if len(path) > MAX_CACHED_PATH:
        return site.root_page.specific.route(request, components)
    digest = hashlib.blake2s(path.encode(), digest_size=16).hexdigest()
    key = f"lontar:route:{content_version.current()}:{site.pk}:{digest}"
    cached = cache.get(key)
    if cached is not None:
        page_id, content_type_id, consumed = cached
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=page_id).first() if model is not None else None
        if page is not None:
            return page.route(request, components[consumed:])
    result = site.root_page.specific.route(request, components)
    page = result[0]
    consumed = _segments_consumed(site.root_page, page)
    if consumed is not None:
        cache.set(key, (page.pk, page.content_type_id, consumed), TIMEOUT)
    return result


def _segments_consumed(root: Page, page: Page) -> int | None:
    """How many URL segments lead from the site's root to `page` (None: not under the root)."""
    if not page.url_path.startswith(root.url_path):
        return None
    return len([part for part in page.url_path[len(root.url_path) :].split("/") if part])
