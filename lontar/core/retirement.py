"""Read-only retirement of an agency's site (issue 19).

When an agency stops maintaining its site (`Agency.retired_at`), its pages stay readable but
nothing new may be sent to it: a request, question, survey answer or like would land in a
queue nobody reads. Every public form view wears `@closed_when_retired`; the staff side of the
retired host closes in `RetiredSiteMiddleware`. A banner on every page (the `portal` context
processor) says where to go instead. Platform admins reopen the site from the platform host.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lontar.agencies.models import Agency
from lontar.agencies.selectors import agency_for_request

# 410 Gone: the service was here and will not come back on this site. No POST body is read.
CLOSED_STATUS = 410


def retired_agency(request: HttpRequest) -> Agency | None:
    """The agency of this request's site when that site is retired, else None."""
    agency = agency_for_request(request)
    return agency if agency is not None and agency.is_retired else None


def closed_response(request: HttpRequest, agency: Agency) -> HttpResponse:
    """The page every closed form and the closed login answer with, for GET and POST alike."""
    response = render(request, "core/retired.html", {"retired": agency}, status=CLOSED_STATUS)
    response["X-Robots-Tag"] = "noindex"
    return response


def closed_when_retired(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Close a public form on a retired site before the view reads or stores anything."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        agency = retired_agency(request)
        if agency is not None:
            return closed_response(request, agency)
        return view(request, *args, **kwargs)

    wrapper.closed_when_retired = True  # type: ignore[attr-defined]
    return wrapper


class RetiredSiteMiddleware:
    """Close the staff sign-in (and the rest of /admin/) on a retired agency's host.

    A platform admin already signed in on that host may stay, to reopen it; everyone else signs
    in on the platform's own host, which is not retired.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/admin/"):
            agency = retired_agency(request)
            user = getattr(request, "user", None)
            if agency is not None and not getattr(user, "is_superuser", False):
                return closed_response(request, agency)
        return self.get_response(request)
