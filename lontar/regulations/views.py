"""Public pages of the regulations library: the list, a document, its PDF and abstract (the
JDIHN feed is in `jdihn.py`)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET

from lontar.agencies.selectors import agency_for_request
from lontar.core import bookmarks, content_version
from lontar.core.params import choice, clean_text, parse_int, parse_page, parse_year, search_query
from lontar.regulations import abstracts, formats, lists, schema_org, selectors, services
from lontar.regulations.forms import FilterForm
from lontar.regulations.models import DocumentStatus, DocumentType
from lontar.regulations.selectors import DEFAULT_SORT

PAGE_SIZE = 20


def _agency_or_404(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404("Situs ini belum terhubung dengan instansi.")
    return agency


def _document_or_404(request: HttpRequest, pk: int):
    document = selectors.document_by_pk(_agency_or_404(request), pk)
    if document is None:
        raise Http404("Dokumen tidak ditemukan.")
    return document


def _checked_filters(params, form: FilterForm) -> dict:
    """The list's filters read through core.params: junk (², a 5,000-digit year, a NUL, an
    unknown type) answers 400 instead of being dropped silently or reaching the database."""
    sorts = {value for value, _label in form.fields["urut"].choices}
    filters = form.filters()
    filters.update(
        query=search_query(params.get("q")),
        document_type=choice(params.get("jenis"), "jenis", frozenset(DocumentType.values)),
        year=parse_year(params.get("tahun")),
        status=choice(params.get("status"), "status", frozenset(DocumentStatus.values)),
        subject=parse_int(params.get("subjek"), "subjek", minimum=1, maximum=2**31 - 1),
        field_of_law=clean_text(params.get("bidang"), "bidang"),
        sort=choice(params.get("urut"), "urut", frozenset(sorts)),
    )
    return filters


@require_GET
def regulation_list(request: HttpRequest) -> HttpResponse:
    agency = _agency_or_404(request)
    form = FilterForm(request.GET, facets=selectors.facets(agency))
    filters = _checked_filters(request.GET, form)
    page_number = parse_page(request.GET.get("halaman"))
    documents = selectors.with_list_relations(selectors.filtered_documents(agency, **filters))
    narrowed = any(value for name, value in filters.items() if name != "sort")
    if narrowed or filters["sort"] not in ("", DEFAULT_SORT):
        page = Paginator(documents, PAGE_SIZE).get_page(page_number)
    else:  # every published document, newest first: the stored count and bookmarks (issue 22)
        paginator = bookmarks.BookmarkedPaginator(
            documents, PAGE_SIZE, list_key=lists.list_key(agency.pk), order=lists.ORDER
        )
        page = paginator.get_page(page_number)
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
    agency = _agency_or_404(request)  # memoised: the document was found on this agency's site
    url = agency.absolute_url(document.get_absolute_url())
    site = getattr(request, "_wagtail_site", None)
    # The page's body is a fragment cached on the content version (the download count,
    # which changes without it, stays outside): what only the body reads is computed lazily,
    # so a cached fragment costs none of it (decision 0019, section 2b).
    return render(
        request,
        "regulations/detail.html",
        {
            "document": document,
            "extras": SimpleLazyObject(lambda: selectors.detail_extras(document, request)),
            "citation": lambda: formats.citation(document, url=url),
            "canonical_url": url,
            "document_json_ld": lambda: schema_org.document_json_ld(document, agency, url),
            "content_version": content_version.current(),
            "site_key": getattr(site, "pk", 0),
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
def regulation_abstract(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_or_404(request, pk)
    if document.abstract_file or not document.abstract.strip():
        return _pdf_response(document.abstract_file, attachment=False)
    # No uploaded abstract, but a typed one: the JDIHN feed's urlAbstrak points here.
    response = HttpResponse(abstracts.abstract_pdf(document), content_type="application/pdf")
    name = formats.abstract_file_name(document)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
