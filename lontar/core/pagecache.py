"""The anonymous page cache: a rendered page is kept for LONTAR_PAGE_CACHE_SECONDS (1 s).

Decision 0019 (docs/decisions/0019-page-caching.md). Under a viral article, one request a
second renders the page and every other one is a cache read, yet any change — a publish, a
like, a new register row — shows within that second plus the time to render, with nothing to
purge and no list of which page shows what.

Who is served from it: GET and HEAD without a session (staff, citizens holding a tracking
session), without any cookie but the CSRF and language cookies (a like-visitor id, a flash
message), outside the no-store paths and /admin/. What is kept: 200 responses the view did
not mark private or no-store and that set no cookie.

Public pages carry no CSRF token (decision 0021): the same bytes for every anonymous visitor,
so they go out with `Cache-Control: no-cache` and `X-Accel-Expires: @<end of this entry>`,
which lets nginx keep them for the rest of their second and not longer. A page that still
holds a token (the questionnaire) is stored with a placeholder, each visitor gets a token of
their own CSRF secret on the way out, and it goes out `private` with `X-Accel-Expires: 0`.

Revalidation: `ETag` (a hash of the stored page, the same for every visitor) and
`Last-Modified`; `If-None-Match` or `If-Modified-Since` that still match answer 304 without a
body.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.http import http_date, parse_http_date_safe, quote_etag

DEFAULT_SECONDS = 1
PLACEHOLDER = "__lontar_csrf_token__"
_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")([A-Za-z0-9]+)(")')
_SKIPPED_HEADERS = {"set-cookie", "date", "vary", "cache-control", "etag", "last-modified"}


def page_cache_seconds() -> int:
    return int(getattr(settings, "LONTAR_PAGE_CACHE_SECONDS", DEFAULT_SECONDS))


def _allowed_cookies() -> set[str]:
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def is_anonymous_public_read(request: HttpRequest, also_private: tuple[str, ...] = ()) -> bool:
    """A GET or HEAD of a public page by nobody in particular: what the page cache may answer
    and, with a read replica, what may read it (core/replica.py adds its own paths)."""
    if request.method not in ("GET", "HEAD"):
        return False
    if set(request.COOKIES) - _allowed_cookies():
        return False  # a session, a like-visitor id, a flash message: someone in particular
    if any(request.headers.get(name) for name in ("authorization", "x-api-key")):
        return False  # a partner's key: not the page everyone gets
    no_store = tuple(getattr(settings, "LONTAR_NO_STORE_PATH_PREFIXES", ()))
    prefixes = (*no_store, settings.LONTAR_ADMIN_PATH_PREFIX, *also_private)
    return not request.path_info.startswith(prefixes)


def is_cacheable_request(request: HttpRequest) -> bool:
    if page_cache_seconds() <= 0 or request.headers.get("range"):
        return False  # a part of a file is not the page everyone gets
    return is_anonymous_public_read(request)


_TEXT_TYPES = ("text/", "application/json", "application/xml", "application/rss+xml")


def is_cacheable_response(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not response.get("Content-Type", "").startswith(_TEXT_TYPES):
        return False  # PDFs, images, spreadsheets: served by their own views, not kept here
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False  # the view started a session: this page belongs to one visitor
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _key(request: HttpRequest) -> str:
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    # Accept too: a view may answer JSON or HTML to the same URL.
    accept = request.headers.get("accept", "")
    raw = f"{request.get_host()}|{request.get_full_path()}|{language}|{accept}"
    return "lontar:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _store(response: HttpResponse) -> dict:
    body = _TOKEN.sub(lambda m: m.group(1) + PLACEHOLDER + m.group(3), response.content.decode())
    headers = [(k, v) for k, v in response.items() if k.lower() not in _SKIPPED_HEADERS]
    etag = quote_etag(hashlib.sha256(body.encode()).hexdigest()[:32])
    now = time.time()
    return {
        "body": body,
        "headers": headers,
        "etag": etag,
        "modified": int(now),
        "expires": now + page_cache_seconds(),
    }


def _not_modified(request: HttpRequest, entry: dict) -> bool:
    if_none_match = request.headers.get("if-none-match")
    if if_none_match is not None:
        return entry["etag"] in {tag.strip() for tag in if_none_match.split(",")}
    since = parse_http_date_safe(request.headers.get("if-modified-since", ""))
    return since is not None and entry["modified"] <= since


def _serve(request: HttpRequest, entry: dict, hit: bool) -> HttpResponse:
    if _not_modified(request, entry):
        response: HttpResponse = HttpResponseNotModified()
    else:
        body = entry["body"]
        if PLACEHOLDER in body:
            body = body.replace(PLACEHOLDER, get_token(request))  # this visitor's own token
        response = HttpResponse(b"" if request.method == "HEAD" else body.encode())
        for name, value in entry["headers"]:
            response[name] = value
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["modified"])
    if PLACEHOLDER in entry["body"]:
        # A form with a token: the body is this visitor's. Browsers keep and revalidate it,
        # nginx and every other shared cache keep nothing.
        response["Cache-Control"] = "private, no-cache"
        response["X-Accel-Expires"] = "0"
    else:
        # The same page for every anonymous visitor (decision 0021): nginx may keep it until
        # this entry expires here, never longer, so the freshness bound stays the page
        # cache's own (an absolute time: a copy read late in its second is kept less).
        response["Cache-Control"] = "no-cache"
        response["X-Accel-Expires"] = f"@{int(entry.get('expires', entry['modified']))}"
    response["X-Lontar-Cache"] = "hit" if hit else "miss"
    return response


class AnonymousPageCacheMiddleware:
    """After CSRF (so its token and cookie are this visitor's), before everything that builds
    the page (so their headers are stored with it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        entry = cache.get(key)
        if entry is not None:
            return _serve(request, entry, hit=True)
        response = self.get_response(request)
        if not is_cacheable_response(request, response):
            return response
        try:
            entry = _store(response)
        except UnicodeDecodeError:
            return response
        cache.set(key, entry, page_cache_seconds())
        return _serve(request, entry, hit=False)
