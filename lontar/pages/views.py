"""Wagtail's page serving, routed through the Indonesian tree (lontar/pages/translations.py)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction

from lontar.pages import routing
from lontar.pages.translations import ENGLISH, served_translation, visitor_wants_english


def route(request: HttpRequest, path: str):
    """The (page, args, kwargs) this request reads, or None.

    Wagtail, with locales on, routes through the translation of the site's root page in the
    active language, so an English visitor would get 404 for every page not yet translated.
    Here the Indonesian tree alone decides which URLs exist; an English visitor then gets the
    page's written English translation in its place when there is one.
    `request.lontar_content_language` says which language the page's content is in.
    """
    request.lontar_content_language = settings.LANGUAGE_CODE
    site = routing.site_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    try:
        page, args, kwargs = routing.route(request, site, components)
    except Http404:
        return None
    if visitor_wants_english() and getattr(page, "serves_english_translation", True):
        translation = served_translation(page, ENGLISH)
        # A private Indonesian page stays behind its own restriction: its translation's tree
        # does not inherit it.
        if translation is not None and not _restricted(page):
            request.lontar_content_language = ENGLISH
            request.lontar_source_page = page
            return translation, args, kwargs
    return page, args, kwargs


def _restricted(page: Page) -> bool:
    """Whether a view restriction applies to `page` (on it or an ancestor), in one query."""
    steps = Page.steplen
    ancestors = [page.path[:end] for end in range(steps, len(page.path) + 1, steps)]
    return PageViewRestriction.objects.filter(page__path__in=ancestors).exists()


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's `serve` (its hooks, privacy checks and caching of the route), fed our route."""
    request._wagtail_route_for_request = route(request, path)
    return wagtail_views.serve(request, path)
