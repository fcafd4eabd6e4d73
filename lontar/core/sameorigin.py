"""Forms on cacheable public pages post without a CSRF token; the browser proves the origin.

Decision 0021 (docs/decisions/0021-token-free-public-pages.md). The language switcher, the
like button and the two "did this help?" boxes sit on pages every anonymous visitor gets
from nginx's one-second cache. A token in them would make each page one visitor's (a cookie
set, a body of its own), and nginx could cache nothing.

These few POSTs change nothing of value to an attacker (a language, a like, a vote), yet a
cross-site page must still not make a visitor's browser send them. The check is the one
browsers now make possible without a token (Go's `net/http` CrossOriginProtection works the
same way):

1. `Sec-Fetch-Site` (every browser since 2023): `same-origin` or `none` passes; `same-site`
   and `cross-site` are refused.
2. Without it, `Origin`: it must be this site's own origin (the host the request came to, the
   public base URL, or one of `CSRF_TRUSTED_ORIGINS`); `null` or another origin is refused.
3. Without either (an old browser, a script): the ordinary CSRF token check. A form without a
   token gets a confirmation page holding the same fields and a token: one more click, and
   nothing the visitor chose is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

# Fields carried over to the confirmation page: the forms this guards have a handful.
_MAX_FIELDS = 20
_MAX_VALUE = 2000
_ALLOWED_SITES = {"same-origin", "none"}


def _own_origins(request: HttpRequest) -> set[str]:
    from lontar.core.public_urls import base_url_for_request

    origins = {f"{request.scheme}://{request.get_host()}"}
    for base in (base_url_for_request(request), settings.WAGTAILADMIN_BASE_URL):
        parts = urlsplit(base or "")
        if parts.scheme and parts.netloc:
            origins.add(f"{parts.scheme}://{parts.netloc}")
    origins.update(settings.CSRF_TRUSTED_ORIGINS)
    return origins


def verdict(request: HttpRequest) -> str:
    """ "ok", "refused" (another site sent it) or "unknown" (the browser said nothing)."""
    site = request.headers.get("Sec-Fetch-Site", "").strip().lower()
    if site:
        return "ok" if site in _ALLOWED_SITES else "refused"
    origin = request.headers.get("Origin", "").strip()
    if origin:
        return "ok" if origin in _own_origins(request) else "refused"
    return "unknown"


def _token_accepted(request: HttpRequest) -> bool:
    # The middleware's own check, run now because the view is exempt from the automatic one.
    checker = CsrfViewMiddleware(lambda r: HttpResponse())
    checker.process_request(request)
    return checker.process_view(request, lambda r: HttpResponse(), (), {}) is None


def _carried_fields(request: HttpRequest) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for name, values in request.POST.lists():
        for value in values:
            if name != "csrfmiddlewaretoken" and len(fields) < _MAX_FIELDS:
                fields.append((name[:100], str(value)[:_MAX_VALUE]))
    return fields


def _confirmation(request: HttpRequest, *, refused: bool) -> HttpResponse:
    context = {"refused": refused, "fields": [] if refused else _carried_fields(request)}
    response = render(request, "core/confirm_post.html", context, status=403)
    response["Cache-Control"] = "no-store"
    return response


def same_origin_post(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Guard a POST view whose form carries no CSRF token (see the module docstring)."""

    @wraps(view)
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "POST":
            found = verdict(request)
            if found == "refused":
                return _confirmation(request, refused=True)
            if found == "unknown" and not _token_accepted(request):
                return _confirmation(request, refused=False)
        return view(request, *args, **kwargs)

    return csrf_exempt(guarded)
