"""schema.org JSON-LD for public pages: the one way it is written into a page.

A view puts `json_ld` (from `script(...)`) and `canonical_url` into its context; base.html
writes the `<script type="application/ld+json">`, the canonical link and `og:url`. Every URL in
the data is absolute on the agency's public base URL (lontar/core/public_urls.py). Each app builds
its own type (Dataset, Legislation, PodcastEpisode, Event, FAQPage, NewsArticle); the agency as a
GovernmentOrganization is built here, as every type names it as publisher or organiser.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import SourceImageIOError

from lontar.core.public_urls import absolute_url

if TYPE_CHECKING:
    from lontar.agencies.models import Agency

CONTEXT = "https://schema.org"
# Google asks for a logo of at least 112×112 pixels; the header's 96-pixel one is too small.
LOGO_RENDITION = "max-512x512|format-png"


def script(data: dict | list) -> SafeString:
    """`data` as JSON safe inside a <script> element: "<", ">" and "&" become unicode escapes,
    so no text can close the element early."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _logo_rendition(agency: Agency):
    """The logo's rendition, or None without a logo or when its file is lost: the page is
    served without it rather than as a 500."""
    if agency.logo is None:
        return None
    try:
        return agency.logo.get_rendition(LOGO_RENDITION)
    except SourceImageIOError:
        return None


def organization(agency: Agency, *, full: bool = False) -> dict:
    """The agency as a schema.org GovernmentOrganization; `full` adds contact and address."""
    data: dict = {
        "@type": "GovernmentOrganization",
        "name": agency.name,
        "url": absolute_url(agency, "/"),
    }
    rendition = _logo_rendition(agency)
    if rendition is not None:
        data["logo"] = {
            "@type": "ImageObject",
            "url": absolute_url(agency, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
    if full:
        if agency.short_name:
            data["alternateName"] = agency.short_name
        if agency.email:
            data["email"] = agency.email
        if agency.phone:
            data["telephone"] = agency.phone
        if agency.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": " ".join(agency.address.split()),
                "addressCountry": "ID",
            }
        if agency.parent is not None:
            data["parentOrganization"] = {
                "@type": "GovernmentOrganization",
                "name": agency.parent.name,
            }
    return data


def plain(text: str, limit: int = 5000) -> str:
    """Text without markup or runs of white space, cut at `limit` characters."""
    return " ".join(strip_tags(text or "").split())[:limit]


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def duration(seconds: int | float | None) -> str | None:
    """ISO 8601 duration, e.g. PT1H2M5S."""
    if not seconds:
        return None
    total = int(timedelta(seconds=seconds).total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"
