"""Pages search engines must not index: search results and citizens' unmoderated pages.

A results page for any typed query (`?q=`) is a page whose words a spammer chooses; receipts,
tracking and invitation pages carry what a citizen sent before anyone moderated it. Both get
`X-Robots-Tag: noindex` (RobotsTagMiddleware) and `<meta name="robots">` (base.html, through
the `portal` context processor), so one list below decides both.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

NOINDEX = "noindex"

# "namespace:name" of views never indexed, whatever their parameters.
NOINDEX_VIEWS = frozenset(
    {
        "search:search",
        "ppid:receipt",
        "ppid:receipt-pdf",
        "ppid:track",
        "ppid:track-detail",
        "ppid:tracked-file",
        "ppid:tracked-document",
        "qna:ask",
        "qna:track",
        "survey:questionnaire",
        "survey:thanks",
    }
)
# The free-text query parameter of every search box (site search, regulations, Q&A, data).
QUERY_PARAMETERS = ("q",)


def is_noindex(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in NOINDEX_VIEWS:
        return True
    return any(request.GET.get(name, "").strip() for name in QUERY_PARAMETERS)


class RobotsTagMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_noindex(request):
            response.headers.setdefault("X-Robots-Tag", NOINDEX)
        return response
