"""Old WordPress addresses → permanent Wagtail redirects on the agency's site.

`/?p=123` carries its meaning in the query string, and the address `/` is the home page, which
answers 200 — Wagtail's redirect middleware looks only at 404s, so it would never see it.
`LegacyQueryRedirectMiddleware` therefore answers those few query-string forms itself, from the
same Redirect rows, before the home page is rendered.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from lontar.wordpress.wxr import path_of

# The query parameters of WordPress's plain permalinks.
LEGACY_QUERY_KEYS = frozenset({"p", "page_id", "attachment_id", "cat", "tag"})


def normalise(url: str) -> str:
    return Redirect.normalise_path(path_of(url))


class Redirects:
    """Collects an import's redirects: one per old address, never one that loops."""

    def __init__(self, site: Site, *, dry_run: bool) -> None:
        self.site = site
        self.dry_run = dry_run
        self.news_url = "/berita/"
        self.known = set(Redirect.objects.filter(site=site).values_list("old_path", flat=True))
        self.created = 0
        self.existing = 0

    def add(self, old_url: str, *, page=None, link: str = "", new_url: str = "") -> None:
        old = normalise(old_url)
        if link:
            link = link.replace("{news}", self.news_url)
            new_url = link
        if old == "/" or (new_url and normalise(new_url) == old):
            return  # the same address: nothing to redirect
        if old in self.known:
            self.existing += 1
            return
        self.known.add(old)
        self.created += 1
        if not self.dry_run:
            Redirect.objects.create(
                site=self.site,
                old_path=old,
                is_permanent=True,
                redirect_page=page,
                redirect_link=link if page is None else "",
            )


class LegacyQueryRedirectMiddleware:
    """Answer `/?p=123`, `/?page_id=7`, `/?attachment_id=9` from the agency's redirects."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/" and request.method in ("GET", "HEAD") and request.GET:
            if LEGACY_QUERY_KEYS.intersection(request.GET):
                response = self._redirect(request)
                if response is not None:
                    return response
        return self.get_response(request)

    @staticmethod
    def _redirect(request: HttpRequest) -> HttpResponse | None:
        path = Redirect.normalise_path(request.get_full_path())
        site = Site.find_for_request(request)
        if site is None:
            return None
        redirect = Redirect.objects.filter(site=site, old_path=path).first()
        if redirect is None or redirect.link is None:
            return None
        return HttpResponsePermanentRedirect(redirect.link)
