"""HTTP side of the content API: pagination, ETag / Last-Modified, 304, schema and docs."""

from __future__ import annotations

import hashlib
import json

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from lontar.agencies.models import Agency
from lontar.agencies.selectors import agency_for_request
from lontar.core.public_urls import absolute_url_for_request, base_url_for_request
from lontar.opendata.content_api import (
    CONTENT_SOURCES,
    DEFAULT_PAGE_SIZE,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    openapi_schema,
    parse_api_int,
    parse_api_text,
    parse_filter_value,
)


def _agency(request: HttpRequest) -> Agency:
    slug = parse_api_text(request.GET.get("agency"), "agency", max_length=60)
    agency = Agency.objects.filter(slug=slug).first() if slug else agency_for_request(request)
    if agency is None:
        raise Http404("Instansi tidak dikenal.")
    return agency


def _page_size(request: HttpRequest) -> int:
    # The documented maximum is enforced: a client asking for more learns it at once.
    size = parse_api_int(request.GET.get("page_size"), "page_size", 1, MAX_PAGE_SIZE)
    return size or DEFAULT_PAGE_SIZE


def _page_url(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return absolute_url_for_request(request, f"{request.path}?{params.urlencode()}")


# GET only, and every other method answers 405 (as the OpenAPI document declares only GET):
# csrf_exempt lets require_GET answer instead of the CSRF check's 403; nothing here writes.
@csrf_exempt
@require_GET
def content_list(request: HttpRequest, source: str) -> HttpResponse:
    content = CONTENT_SOURCES.get(source)
    if content is None:
        raise Http404("Jenis konten tidak dikenal.")
    values = {f.name: parse_filter_value(f, request.GET.get(f.name)) for f in content.filters}
    size = _page_size(request)
    number = parse_api_int(request.GET.get("page"), "page", 1, MAX_PAGE, default=1)
    agency = _agency(request)
    records = content.queryset_for_agency(agency)
    for content_filter in content.filters:
        if values[content_filter.name] is not None:
            records = content_filter.apply(records, values[content_filter.name])
    paginator = Paginator(records, size)
    if content.count_for_agency and all(value is None for value in values.values()):
        known = content.count_for_agency(agency)
        if known is not None:
            paginator.count = known  # the maintained count, not COUNT(*)
    page = paginator.get_page(number)
    items = list(page.object_list)
    body = {
        "count": page.paginator.count,
        "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
        "previous": _page_url(request, page.previous_page_number())
        if page.has_previous()
        else None,
        "results": [content.serialize(item, request) for item in items],
    }
    payload = json.dumps(body, ensure_ascii=False, sort_keys=True)
    etag = '"' + hashlib.sha256(payload.encode()).hexdigest()[:32] + '"'
    modified = [m for m in (content.modified_of(item) for item in items) if m]
    last_modified = http_date(max(modified).timestamp()) if modified else None
    if _not_modified(request, etag, max(modified).timestamp() if modified else None):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = last_modified
    response["Cache-Control"] = "public, max-age=60"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _not_modified(request: HttpRequest, etag: str, modified: float | None) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return etag in tags or "*" in tags
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and modified is not None and int(modified) <= since


@csrf_exempt
@require_GET
def openapi(request: HttpRequest) -> JsonResponse:
    schema = openapi_schema(base_url_for_request(request))
    response = JsonResponse(schema, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def docs(request: HttpRequest) -> HttpResponse:
    return render(request, "opendata/api_docs.html", {"sources": CONTENT_SOURCES.values()})
