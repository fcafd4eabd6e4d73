from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Site

from lontar.agencies.selectors import agency_for_request
from lontar.pages.navigation import navigation_for


def portal(request: HttpRequest) -> dict:
    """The agency whose site is being viewed, and its navigation, for every public template."""
    if request.path.startswith(("/admin/", "/django-admin/")):
        return {}
    site = Site.find_for_request(request)
    return {
        "agency": agency_for_request(request),
        "site_root": site.root_page if site else None,
        "navigation": navigation_for(site.root_page, request) if site else None,
    }
