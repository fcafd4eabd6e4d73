from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site

from lontar.agencies.selectors import agency_for_request
from lontar.core.robots import is_noindex
from lontar.pages.navigation import navigation_for


def portal(request: HttpRequest) -> dict:
    """The agency whose site is being viewed, and its navigation, for every public template.

    `retired` is that agency when its site is read-only (lontar/core/retirement.py): base.html
    shows a banner saying where to go instead. `robots_noindex` keeps search results and
    citizens' unmoderated pages out of search engines (lontar/core/robots.py).
    `content_language` is the language of the served page's content: Indonesian unless an
    English translation is served (lontar/pages/views.py); page templates mark their content
    with it and show a notice when it is not the visitor's language.
    """
    content_language = getattr(request, "lontar_content_language", settings.LANGUAGE_CODE)
    if request.path.startswith(("/admin/", "/django-admin/")):
        return {"content_language": content_language}
    site = Site.find_for_request(request)
    agency = agency_for_request(request)
    return {
        "agency": agency,
        "content_language": content_language,
        "retired": agency if agency is not None and agency.is_retired else None,
        "robots_noindex": is_noindex(request),
        "site_root": site.root_page if site else None,
        "navigation": navigation_for(site.root_page, request) if site else None,
    }
