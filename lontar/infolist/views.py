"""The public DIP and DIK pages, their exports, and the proof page of an urgent notice."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lontar.agencies.selectors import agency_for_request
from lontar.core.params import InvalidParameter, choice, clean_text, parse_page
from lontar.infolist import exports
from lontar.infolist.categories import Category
from lontar.infolist.models import ServiceStandard
from lontar.infolist.selectors import (
    DipRows,
    dik_entries_for,
    dip_rows,
    published_notices,
    published_standards,
)

QUERY_MAX = 100
DIP_PAGE_SIZE = 50


def _agency(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404
    return agency


def _filters(request: HttpRequest) -> tuple[str, str]:
    # Checked for control characters: the keyword reaches SQL, and PostgreSQL refuses a NUL.
    query = clean_text(request.GET.get("q"), "q", max_length=QUERY_MAX + 1)
    if len(query) > QUERY_MAX:
        raise InvalidParameter("q", f"Kata kunci paling panjang {QUERY_MAX} huruf.")
    category = choice(request.GET.get("kategori"), "kategori", frozenset(Category.values))
    return query, category


def dip(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    query, category = _filters(request)
    rows = DipRows(agency, query=query, category=category)
    # Paged in SQL: an agency with thousands of regulations and datasets has a DIP of that many
    # rows, and building them all for one page grew with the data (issue 22). The downloads
    # stay whole.
    page = Paginator(rows, DIP_PAGE_SIZE).get_page(parse_page(request.GET.get("halaman")))
    params = request.GET.copy()
    params.pop("halaman", None)
    return render(
        request,
        "infolist/dip.html",
        {
            "rows": page.object_list,
            "page_obj": page,
            "first_number": page.start_index(),
            "q": query,
            "kategori": category,
            "categories": Category.choices,
            "query": params.urlencode(),  # the downloads: every page
        },
    )


def dip_xlsx(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    query, category = _filters(request)
    response = HttpResponse(
        exports.dip_xlsx(agency, dip_rows(agency, query=query, category=category)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="dip-{agency.slug}.xlsx"'
    return response


def dip_pdf(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    query, category = _filters(request)
    response = HttpResponse(
        exports.dip_pdf(agency, dip_rows(agency, query=query, category=category)),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'attachment; filename="dip-{agency.slug}.pdf"'
    return response


def dik(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    return render(request, "infolist/dik.html", {"entries": dik_entries_for(agency)})


def notices(request: HttpRequest) -> HttpResponse:
    """Every urgent notice the agency published, with its time-stamped proof."""
    agency = _agency(request)
    return render(request, "infolist/notices.html", {"notices": published_notices(agency)})


def _standards(request: HttpRequest, kind: str, heading: str) -> HttpResponse:
    """The maklumat pelayanan or the SOPs, each with its audio version (Perki SLIP Pasal 48)."""
    from lontar.infolist import speech, standards

    agency = _agency(request)
    staff = request.user.is_authenticated and request.user.has_perm(
        "infolist.change_servicestandard"
    )
    items = [
        {
            "standard": standard,
            "sections": standards.sections(standard),
            "minutes": standards.duration_label(standard.audio_seconds),
        }
        for standard in published_standards(agency, kind)
    ]
    return render(
        request,
        "infolist/standards.html",
        {
            "heading": heading,
            "items": items,
            "staff": staff,
            # Asked only of staff: loading the engine is not for every anonymous visit.
            "speech_available": speech.available() if staff else True,
        },
    )


def pledge(request: HttpRequest) -> HttpResponse:
    return _standards(
        request, ServiceStandard.Kind.PLEDGE, _("Maklumat Pelayanan Informasi Publik")
    )


def procedures(request: HttpRequest) -> HttpResponse:
    return _standards(
        request, ServiceStandard.Kind.SOP, _("Standar Operasional Prosedur Layanan Informasi")
    )
