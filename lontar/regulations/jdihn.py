"""The JDIHN feed `/api/jdihn/`: what the national portal and other aggregators harvest.

The body stays the plain JSON array member sites serve (docs/jdihn-api.md); paging, the total
and freshness travel in HTTP headers (`X-Total-Count`, `Link`, `Last-Modified`) so that a
harvester written for the plain array keeps working. Every answer is JSON, errors included:
a harvester parses it without looking at the status first.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from functools import partial
from urllib.parse import urlencode

from django.db.models import Count, F, Max, Q, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.urls import reverse
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from lontar.agencies.selectors import agency_for_request
from lontar.core.models import ListCount
from lontar.core.params import InvalidParameter, parse_int, parse_year, search_query
from lontar.core.public_urls import absolute_url_for_agency_id
from lontar.regulations import formats, lists, selectors
from lontar.regulations.models import LegalDocument

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_PAGE = 100_000
MAX_OFFSET = MAX_PAGE * MAX_LIMIT
MAX_ID = 2**31 - 1
_ID = re.compile(r"[0-9]{1,10}")
# YYYY-MM-DD, optionally THH:MM[:SS[.ffffff]] and Z or ±HH:MM — ASCII only.
_SINCE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?"
)
JSON_OPTIONS = {"ensure_ascii": False}


def _not_found(message: str) -> JsonResponse:
    return JsonResponse({"error": {"status": 404, "message": message}}, status=404)


def _modified_since(raw: str | None) -> datetime | None:
    """`diubah_sejak`: an ISO date (midnight UTC) or date-time; without an offset it is UTC."""
    text = (raw or "").strip()
    if not text:
        return None
    if _SINCE.fullmatch(text):
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is not None:
            if len(text) == 10:
                moment = datetime.combine(moment.date(), time(0), tzinfo=UTC)
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    raise InvalidParameter(
        "diubah_sejak",
        _(
            "“diubah_sejak” harus berupa tanggal TTTT-BB-HH atau waktu ISO 8601 "
            "(TTTT-BB-HHTjj:mm:ssZ)."
        ),
    )


def _window(params) -> tuple[int, int, str]:
    """(offset, limit, how): `page` or `offset` with `limit`; junk answers 400."""
    limit = min(
        parse_int(params.get("limit"), "limit", minimum=1, default=DEFAULT_LIMIT) or DEFAULT_LIMIT,
        MAX_LIMIT,
    )
    page_raw, offset_raw = params.get("page"), params.get("offset")
    if (page_raw or "").strip() and (offset_raw or "").strip():
        raise InvalidParameter("offset", _("Gunakan salah satu saja: “page” atau “offset”."))
    if (page_raw or "").strip():
        page = parse_int(page_raw, "page", minimum=1, maximum=MAX_PAGE) or 1
        return (page - 1) * limit, limit, "page"
    offset = parse_int(offset_raw, "offset", minimum=0, maximum=MAX_OFFSET, default=0) or 0
    return offset, limit, "offset"


def _links(request: HttpRequest, offset: int, limit: int, how: str, total: int) -> str:
    """RFC 8288 `Link` header with path-absolute targets (no host: the client resolves them
    against the URL it asked)."""
    params = {k: v for k, v in request.GET.items() if k not in ("page", "offset", "limit")}
    last_offset = max(total - 1, 0) // limit * limit

    def target(start: int) -> str:
        query = dict(params, limit=str(limit))
        if how == "page":
            query["page"] = str(start // limit + 1)
        else:
            query["offset"] = str(start)
        return f"<{request.path}?{urlencode(query)}>"

    links = [f'{target(0)}; rel="first"', f'{target(last_offset)}; rel="last"']
    if offset + limit < total:
        links.append(f'{target(offset + limit)}; rel="next"')
    if offset > 0:
        links.append(f'{target(max(offset - limit, 0))}; rel="prev"')
    return ", ".join(links)


def _record(request: HttpRequest, document: LegalDocument) -> dict[str, str]:
    absolute = partial(absolute_url_for_agency_id, document.agency_id, request=request)
    return formats.jdihn_record(
        document,
        subjects=[subject.name for subject in document.subjects.all()],
        detail_url=absolute(document.get_absolute_url()),
        download_url=absolute(reverse("regulations:download", args=[document.pk])),
        abstract_url=absolute(reverse("regulations:abstract", args=[document.pk])),
    )


def _unchanged(request: HttpRequest, latest: datetime | None) -> bool:
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return latest is not None and since is not None and int(latest.timestamp()) <= since


@require_safe
def jdihn_list(request: HttpRequest) -> HttpResponse:
    agency = agency_for_request(request)
    if agency is None:
        return _not_found(_("Situs ini belum terhubung dengan instansi."))
    query = search_query(request.GET.get("q"))
    year = parse_year(request.GET.get("tahun"))
    since = _modified_since(request.GET.get("diubah_sejak"))
    offset, limit, how = _window(request.GET)
    documents = selectors.filtered_documents(agency, query=query, year=year, sort="terbaru")
    if since is not None:
        documents = documents.filter(updated_at__gte=since)
    # The total of this selection, and the newest change of any of the agency's documents
    # (unpublishing one changes the feed too, so the unfiltered newest counts). The whole
    # feed's total is the stored count of the published documents (core/bookmarks.py) and
    # the newest change one entry of an index: neither grows with the library (issue 22).
    summary = None
    if not query and year is None and since is None:
        changes = LegalDocument.objects.filter(agency=agency).order_by("-updated_at")
        summary = (
            ListCount.objects.filter(list_key=lists.list_key(agency.pk))
            .annotate(latest=Subquery(changes.values("updated_at")[:1]))
            .values("latest", total=F("entries"))
            .first()
        )
    if summary is None:
        summary = LegalDocument.objects.filter(agency=agency).aggregate(
            latest=Max("updated_at"), total=Count("pk", filter=Q(pk__in=documents.values("pk")))
        )
    if _unchanged(request, summary["latest"]):
        return HttpResponseNotModified()
    page = documents.prefetch_related("subjects")[offset : offset + limit]
    records = [_record(request, document) for document in page]
    response = JsonResponse(records, safe=False, json_dumps_params=JSON_OPTIONS)
    response["X-Total-Count"] = str(summary["total"])
    response["Link"] = _links(request, offset, limit, how, summary["total"])
    if summary["latest"] is not None:
        response["Last-Modified"] = http_date(summary["latest"].timestamp())
    return response


@require_safe
def jdihn_detail(request: HttpRequest, pk: str) -> HttpResponse:
    """`pk` is text: an id that is not a number is an unknown id (JSON 404), not an HTML 404."""
    agency = agency_for_request(request)
    if agency is None:
        return _not_found(_("Situs ini belum terhubung dengan instansi."))
    document = None
    if _ID.fullmatch(pk) and int(pk) <= MAX_ID:
        document = selectors.document_for_page(agency, int(pk))
    if document is None:
        return _not_found(_("Dokumen dengan idData ini tidak ada di situs ini."))
    if _unchanged(request, document.updated_at):
        return HttpResponseNotModified()
    response = JsonResponse(_record(request, document), json_dumps_params=JSON_OPTIONS)
    response["Last-Modified"] = http_date(document.updated_at.timestamp())
    return response
