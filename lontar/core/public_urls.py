"""Every absolute URL Lontar writes starts here: one public base URL per agency.

An agency's site answers at one address (`Agency.public_base_url`, scheme + host + port, set at
onboarding; `load_demo --port` sets it for development). Sitemaps, feeds, canonical links,
JSON-LD, the APIs, e-mails, PDFs and Wagtail's own page URLs (`PublicUrlPageMixin`) build their
links with `absolute_url(agency, path)` and never from the request's Host header or the Wagtail
Site's port, which disagree as soon as the server runs behind a proxy or on another port.

Production refuses to start while an agency with a site has no valid base URL
(`verify_base_urls`, called from the WSGI/ASGI entry points and `check --deploy`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import DatabaseError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from lontar.agencies.models import Agency

BASE_URLS_CACHE_KEY = "lontar:public-base-urls:v1"
BASE_URLS_CACHE_SECONDS = 300


def normalise_base_url(value: str) -> str:
    """`scheme://host[:port]` of `value`, or ValueError when it is not such an origin.

    A path, query, fragment or credentials are refused rather than dropped: a base URL of
    `https://bkd.example.go.id/portal` would silently lose the `/portal` in every link.
    """
    text = (value or "").strip()
    try:
        parts = urlsplit(text)
        port = parts.port  # raises ValueError for a port that is not a number or out of range
    except ValueError as exc:
        raise ValueError(f"{text!r} has an invalid port") from exc
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or parts.path not in {"", "/"}
        or parts.query
        or parts.fragment
        or parts.username
        or parts.password
    ):
        raise ValueError(f"{text!r} is not an absolute http(s) address without a path")
    default = {"http": 80, "https": 443}[parts.scheme]
    host = parts.hostname.lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


def validate_base_url(value: str) -> None:
    """Model-field validator for `Agency.public_base_url` (an empty value is allowed there)."""
    if not value:
        return
    try:
        normalise_base_url(value)
    except ValueError as exc:
        raise ValidationError(
            _(
                "Isi alamat lengkap tanpa jalur, mis. https://bkd.example.go.id atau "
                "http://localhost:8000."
            ),
            code="invalid_base_url",
        ) from exc


def origin_of_site(site) -> str:
    """The origin a Wagtail Site describes (its hostname and port); how existing rows are filled."""
    port = int(site.port or 80)
    scheme = "https" if port == 443 else "http"
    suffix = "" if port in (80, 443) else f":{port}"
    return f"{scheme}://{site.hostname}{suffix}"


def platform_base_url() -> str:
    """The installation's own address (LONTAR_BASE_URL): for links that belong to no agency."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def base_url(agency: Agency | None) -> str:
    """The public origin of `agency` (no trailing slash).

    An agency onboarded before the field existed, or made by a test without it, falls back to
    its Site's address; production refuses to start in that state (`verify_base_urls`).
    """
    if agency is None:
        return platform_base_url()
    if agency.public_base_url:
        return agency.public_base_url.rstrip("/")
    site = agency.site if agency.site_id else None
    return origin_of_site(site) if site is not None else platform_base_url()


def absolute_url(agency: Agency | None, path: str) -> str:
    """The absolute URL of `path` (a site path like "/berita/x/") on `agency`'s public site.

    A value that is already absolute (media on an object store's own domain) is returned as it
    is; a protocol-relative one takes the agency's scheme.
    """
    if path.startswith(("http://", "https://")):
        return path
    base = base_url(agency)
    if path.startswith("//"):
        return f"{urlsplit(base).scheme}:{path}"
    return base + "/" + path.lstrip("/")


def absolute_url_for_request(request: HttpRequest, path: str) -> str:
    """`absolute_url` for the agency whose site serves `request` (never the request's Host)."""
    from lontar.agencies.selectors import agency_for_request

    return absolute_url(agency_for_request(request), path)


def builder_for_request(request: HttpRequest) -> Callable[[str], str]:
    """A `path -> absolute URL` function for the request's agency, for code that takes one."""
    from lontar.agencies.selectors import agency_for_request

    agency = agency_for_request(request)
    return lambda path: absolute_url(agency, path)


def base_url_for_request(request: HttpRequest) -> str:
    """The public origin of the request's agency (no trailing slash)."""
    from lontar.agencies.selectors import agency_for_request

    return base_url(agency_for_request(request))


# --- Wagtail's own page URLs --------------------------------------------------------------------


def _base_url_maps() -> dict[str, dict[int, str]]:
    """{"site": {site id: origin}, "agency": {agency id: origin}}; cached, dropped on save."""
    found = cache.get(BASE_URLS_CACHE_KEY)
    if found is None:
        from lontar.agencies.models import Agency

        found = {"site": {}, "agency": {}}
        rows = Agency.objects.select_related("site").only(
            "public_base_url", "site_id", "site__hostname", "site__port"
        )
        for agency in rows:
            origin = base_url(agency)
            found["agency"][agency.pk] = origin
            if agency.site_id:
                found["site"][agency.site_id] = origin
        cache.set(BASE_URLS_CACHE_KEY, found, BASE_URLS_CACHE_SECONDS)
    return found


def _maps(request: HttpRequest | None) -> dict[str, dict[int, str]]:
    if request is None:
        return _base_url_maps()
    memo = getattr(request, "_lontar_base_urls", None)
    if memo is None:
        memo = request._lontar_base_urls = _base_url_maps()  # type: ignore[attr-defined]
    return memo


def forget_base_urls(**kwargs) -> None:
    """Signal receiver: an agency or site changed, so the origin maps are read again."""
    cache.delete(BASE_URLS_CACHE_KEY)


def base_url_for_site_id(site_id: int | None, request: HttpRequest | None = None) -> str | None:
    """The public origin of the agency a Wagtail Site belongs to, without a query when warm."""
    if site_id is None:
        return None
    return _maps(request)["site"].get(site_id)


def absolute_url_for_agency_id(
    agency_id: int, path: str, request: HttpRequest | None = None
) -> str:
    """`absolute_url` for a row that carries only its agency's id (API pages, sitemaps):
    no query per row."""
    origin = _maps(request)["agency"].get(agency_id)
    if origin is None or path.startswith(("http://", "https://", "//")):
        from lontar.agencies.models import Agency

        return absolute_url(Agency.objects.filter(pk=agency_id).first(), path)
    return origin + "/" + path.lstrip("/")


class PublicUrlPageMixin:
    """Makes Wagtail's page URLs (`full_url`, the admin's "view live", previews' links) start
    at the agency's public base URL instead of the Site's hostname and port."""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)  # type: ignore[misc]
        if parts is None:
            return None
        site_id, root_url, page_path = parts
        return site_id, base_url_for_site_id(site_id, request) or root_url, page_path


# --- Fail closed in production ------------------------------------------------------------------


def base_url_problems() -> list[str]:
    """One sentence per agency with a site whose public base URL is missing or malformed."""
    from lontar.agencies.models import Agency

    problems = []
    rows = Agency.objects.filter(site__isnull=False).values_list("short_name", "public_base_url")
    for short_name, value in rows.order_by("short_name"):
        if not value:
            problems.append(f"agency {short_name!r} has no public base URL")
            continue
        try:
            normalise_base_url(value)
        except ValueError as exc:
            problems.append(f"agency {short_name!r}: {exc}")
    return problems


def verify_base_urls() -> None:
    """Raise ImproperlyConfigured when an agency's links would point nowhere.

    Run when the production server starts: a portal whose sitemaps, feeds and e-mails would
    carry a wrong address must not start. A database that cannot be read yet (before the first
    migrate, or down) is not this check's business; the health check reports it.
    """
    try:
        problems = base_url_problems()
    except DatabaseError:
        return
    if problems:
        raise ImproperlyConfigured(
            "Every agency needs its public base URL before the portal starts: "
            + "; ".join(problems)
            + ". Set it in the admin (Pengaturan › Instansi › Alamat publik), "
            "e.g. https://bkd.example.go.id."
        )


def verify_at_startup() -> None:
    """The WSGI/ASGI entry points call this: in production only, the demo and tests may lack it."""
    if settings.DEBUG or getattr(settings, "TESTING", False):
        return
    verify_base_urls()
