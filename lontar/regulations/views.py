"""Public pages of the regulations library: the list, a document, its PDF and the JDIHN feed."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from lontar.agencies.selectors import agency_for_request
from lontar.regulations import formats, selectors, services
from lontar.regulations.forms import FilterForm

PAGE_SIZE = 20
FEED_DEFAULT_LIMIT = 100
FEED_MAX_LIMIT = 1000


def _agency_or_404(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404("Situs ini belum terhubung dengan instansi.")
    return agency


def _document_or_404(request: HttpRequest, pk: int):
    document = selectors.document_for_page(_agency_or_404(request), pk)
    if document is None:
        raise Http404("Dokumen tidak ditemukan.")
    return document


@require_GET
def regulation_list(request: HttpRequest) -> HttpResponse:
    agency = _agency_or_404(request)
    form = FilterForm(request.GET, facets=selectors.facets(agency))
    filters = form.filters()
    documents = selectors.with_list_relations(selectors.filtered_documents(agency, **filters))
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("halaman"))
    params = request.GET.copy()
    params.pop("halaman", None)
    return render(
        request,
        "regulations/list.html",
        {"form": form, "page_obj": page, "filters": filters, "querystring": params.urlencode()},
    )


@require_GET
def regulation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_or_404(request, pk)
    url = request.build_absolute_uri(document.get_absolute_url())
    return render(
        request,
        "regulations/detail.html",
        {
            "document": document,
            "graph": selectors.relation_graph(document),
            "superseded": selectors.superseding_relation(document),
            "citation": formats.citation(document, url=url),
            "related": selectors.related_items(document, request),
        },
    )


def _pdf_response(field_file, *, attachment: bool) -> FileResponse:
    if not field_file:
        raise Http404("Berkas tidak tersedia.")
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=attachment,
        filename=field_file.name.rsplit("/", 1)[-1],
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def regulation_pdf(request: HttpRequest, pk: int) -> FileResponse:
    return _pdf_response(_document_or_404(request, pk).file, attachment=False)


@require_GET
def regulation_download(request: HttpRequest, pk: int) -> FileResponse:
    document = _document_or_404(request, pk)
    response = _pdf_response(document.file, attachment=True)
    services.count_download(document)
    return response


@require_GET
def regulation_abstract(request: HttpRequest, pk: int) -> FileResponse:
    return _pdf_response(_document_or_404(request, pk).abstract_file, attachment=False)


def _feed_record(request: HttpRequest, document) -> dict[str, str]:
    absolute = request.build_absolute_uri
    return formats.jdihn_record(
        document,
        subjects=[subject.name for subject in document.subjects.all()],
        detail_url=absolute(document.get_absolute_url()),
        download_url=absolute(reverse("regulations:download", args=[document.pk])),
        abstract_url=absolute(reverse("regulations:abstract", args=[document.pk])),
    )


def _feed_limit(raw: str | None) -> int:
    try:
        return max(1, min(int(raw), FEED_MAX_LIMIT))
    except (TypeError, ValueError):
        return FEED_DEFAULT_LIMIT


@require_GET
def jdihn_list(request: HttpRequest) -> JsonResponse:
    agency = _agency_or_404(request)
    year = request.GET.get("tahun", "")
    documents = selectors.filtered_documents(
        agency,
        query=request.GET.get("q", "").strip()[:200],
        year=int(year) if year.isdigit() else None,
        sort="terbaru",
    ).prefetch_related("subjects")
    records = [_feed_record(request, d) for d in documents[: _feed_limit(request.GET.get("limit"))]]
    return JsonResponse(records, safe=False, json_dumps_params={"ensure_ascii": False})


@require_GET
def jdihn_detail(request: HttpRequest, pk: int) -> JsonResponse:
    document = _document_or_404(request, pk)
    return JsonResponse(_feed_record(request, document), json_dumps_params={"ensure_ascii": False})
