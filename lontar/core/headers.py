"""Response headers that depend on where a response goes: the CSP for the admin and no-store.

Most security headers come from Django's SecurityMiddleware (nosniff, Referrer-Policy, HSTS,
Cross-Origin-Opener-Policy) and XFrameOptionsMiddleware (DENY). These two middlewares add what
needs the request's path or the view's own framing decision.
"""

from __future__ import annotations

import hashlib
import re
from base64 import b64encode

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import add_never_cache_headers


def is_admin_path(path: str) -> bool:
    return path.startswith(settings.LONTAR_ADMIN_PATH_PREFIX)


def is_no_store_path(path: str) -> bool:
    return path.startswith(tuple(settings.LONTAR_NO_STORE_PATH_PREFIXES))


def frame_ancestors_self(policy: str) -> str:
    """The same policy, with framing allowed to this origin only."""
    kept = [
        part.strip()
        for part in policy.split(";")
        if part.strip() and part.split()[0] != "frame-ancestors"
    ]
    return "; ".join([*kept, "frame-ancestors 'self'"])


# The agency's colours, inlined by base.html (agencies/theme.py): the one inline style a public
# page may carry, allowed by the hash of its exact content, so a cached page stays allowed too.
_THEME_STYLE = re.compile(rb"<style data-lontar-theme>([^<]{1,500})</style>")


def theme_style_source(response: HttpResponseBase) -> str | None:
    """The CSP source ('sha256-…') of the page's theme <style> in its <head>, if any."""
    if getattr(response, "streaming", False) or "html" not in response.get("Content-Type", ""):
        return None
    content = response.content  # type: ignore[attr-defined]
    head = content[: content.find(b"</head>")] if b"</head>" in content else b""
    match = _THEME_STYLE.search(head)
    if match is None:
        return None
    return f"'sha256-{b64encode(hashlib.sha256(match.group(1)).digest()).decode()}'"


def _allows_same_origin_framing(response: HttpResponseBase) -> bool:
    return response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with Wagtail's admin on its own, relaxed policy.

    Public pages get CONTENT_SECURITY_POLICY (no inline script or style). Wagtail's admin cannot
    run without inline script, and django-csp's per-view decorators cannot reach Wagtail's views,
    so the policy is chosen here by path. A response whose view allowed same-origin framing
    (Wagtail's preview, through its X-Frame-Options override) gets frame-ancestors 'self' to
    match; every other response keeps frame-ancestors 'none'.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if _allows_same_origin_framing(response) and HEADER in response:
            # Wagtail renders a preview by running a fake request for the page through the
            # whole middleware stack, so the page's own (public) policy is already set, with
            # frame-ancestors 'none'. Keep that policy; only let the admin frame it.
            response[HEADER] = frame_ancestors_self(response[HEADER])
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin_path(request.path_info):
            parts.config = dict(settings.LONTAR_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if _allows_same_origin_framing(response):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        if parts.config is None:
            source = theme_style_source(response)
            if source:
                parts.update = {**(parts.update or {}), "style-src": [source]}
        return parts


class NoStoreMiddleware:
    """`Cache-Control: no-store` on the PPID form, receipt and tracking pages and the admin.

    These pages show what a citizen typed or an officer's queue; a shared computer's back button
    or a proxy cache must not keep them. Chosen by path prefix so a new view under these
    prefixes cannot forget it.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if is_no_store_path(request.path_info):
            add_never_cache_headers(response)
        return response
