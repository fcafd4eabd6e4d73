from __future__ import annotations

import sys

from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lontar.core import health
from lontar.core.faults import DATABASE_ERRORS, database_unavailable


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: one `SELECT 1`; the migration state counted at startup or on `?ulang=1`."""
    status = health.database_status(recheck=request.GET.get("ulang") == "1")
    healthy = bool(status["database"] and status["migrations_applied"])
    return JsonResponse(
        {"status": "ok" if healthy else "error", **status}, status=200 if healthy else 503
    )


@never_cache
@require_GET
def healthz_ready(request: HttpRequest) -> JsonResponse:
    """Readiness: every dependency with its own verdict (lontar/core/health.py)."""
    ready, report = health.readiness()
    return JsonResponse(report, status=200 if ready else 503)


def server_error(request: HttpRequest) -> HttpResponse:
    # A lost database outside a view (a middleware's query) is an outage, not a bug: 503.
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_ERRORS):
        return database_unavailable(request, error)
    # No context processors: the database may be the very thing that failed.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request_path": request.path}))


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on their own; a 404 on every first visit fills logs and
    costs a round trip on slow phones. The icon is Lontar's own SVG (no third-party host)."""
    response = HttpResponsePermanentRedirect(static("img/favicon.svg"))
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    """The agency's accessibility statement (issue 17): what the portal's tests verify on every
    public page type, what is known not to be done yet, and how to report a barrier. The
    agency (name, contacts) comes from the site through the context processor."""
    return render(request, "core/accessibility.html")
