"""The portal's URLs plus `/bench/minimal/`, for bench/serve_bench.py only (never production).

The minimal view is a ceiling: the same gunicorn and the same middleware stack as every page,
and nothing else — no template, no query. Loaded through bench/serve_settings.py.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from lontar.config import urls as portal_urls


def minimal(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


# First: Wagtail's page tree at the end of the portal's URLs would answer any path.
urlpatterns = [path("bench/minimal/", minimal, name="bench-minimal"), *portal_urls.urlpatterns]
handler500 = portal_urls.handler500
