"""/cari/: the site search over every registered source of the current agency."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from lontar.agencies.selectors import agency_for_request
from lontar.core.params import choice, parse_page, parse_year, search_query
from lontar.search import service
from lontar.search.registry import SOURCES

PER_PAGE = 10
MAX_QUERY = 200


@require_GET
def search(request: HttpRequest) -> TemplateResponse:
    query = search_query(request.GET.get("q"), max_length=MAX_QUERY)
    kind = choice(request.GET.get("jenis"), "jenis", frozenset(SOURCES))
    year = parse_year(request.GET.get("tahun"))
    page_number = parse_page(request.GET.get("halaman"))
    outcome = service.search(agency_for_request(request), query, kind=kind, year=year)
    page = Paginator(outcome.hits, PER_PAGE).get_page(page_number)
    results = [service.present(hit, query, request) for hit in page.object_list]
    return TemplateResponse(
        request,
        "search/results.html",
        {
            "query": query,
            "kind": kind,
            "year": year,
            "results": results,
            "page_obj": page,
            "total": len(outcome.hits),
            "sources": [(key, s.label, outcome.counts.get(key, 0)) for key, s in SOURCES.items()],
            "years": outcome.years,
        },
    )
