"""/cari/: the site search over every registered source of the current agency."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from lontar.agencies.models import Agency
from lontar.agencies.selectors import agency_for_request
from lontar.core.params import choice, parse_page, parse_year, search_query
from lontar.search import service
from lontar.search.registry import SOURCES

PER_PAGE = 10
MAX_QUERY = 200


def scope_for(agency: Agency | None) -> tuple[list[Agency], dict[str, Agency]]:
    """Whose records /cari/ searches: a province's site searches the province and every
    agency under it; any other site only its own agency. Also the valid `instansi` values."""
    if agency is None:
        return [], {}
    if agency.kind != Agency.Kind.PROVINCE:
        return [agency], {agency.slug: agency}
    members = list(
        Agency.objects.filter(Q(pk=agency.pk) | Q(parent=agency))
        .select_related("site__root_page")  # one search over every agency's site tree
        .order_by("name")
    )
    return members, {member.slug: member for member in members}


@require_GET
def search(request: HttpRequest) -> TemplateResponse:
    query = search_query(request.GET.get("q"), max_length=MAX_QUERY)
    kind = choice(request.GET.get("jenis"), "jenis", frozenset(SOURCES))
    year = parse_year(request.GET.get("tahun"))
    page_number = parse_page(request.GET.get("halaman"))
    agency = agency_for_request(request)
    scope, choices = scope_for(agency)
    chosen = choice(request.GET.get("instansi"), "instansi", frozenset(choices))
    if chosen:
        scope = [choices[chosen]]
    outcome = service.cached_search_agencies(scope, query, kind=kind, year=year)
    page = Paginator(outcome.hits, PER_PAGE).get_page(page_number)
    shown = service.load(list(page.object_list), agencies=scope)
    results = [service.present(hit, query, request) for hit in shown]
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
            # More matches than were read (search/candidates.py): "lebih dari n hasil".
            "more": outcome.more,
            "sources": [(key, s.label, outcome.counts.get(key, 0)) for key, s in SOURCES.items()],
            "years": outcome.years,
            # Only the provincial site offers the agency filter (its own and its agencies').
            "agency_choices": list(choices.values()) if len(choices) > 1 else [],
            "chosen_agency": chosen,
        },
    )
