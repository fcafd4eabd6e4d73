"""Public pages: programs with their indicators and budget, the agenda, planning documents."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lontar.agencies.selectors import agency_for_request
from lontar.core.params import choice, parse_int, parse_year
from lontar.programs import ical, schema_org, selectors, tables
from lontar.programs.models import Event


def _agency_or_404(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404("Situs ini belum terhubung dengan instansi.")
    return agency


def _year(request: HttpRequest, years: list[int], agency) -> int:
    """The requested year when programs exist for it, else the latest (or the agency's current
    year); junk answers 400."""
    year = parse_year(request.GET.get("tahun"))
    if year in years:
        return year
    return years[0] if years else agency.today().year


def _unit_id(request: HttpRequest) -> int | None:
    return parse_int(request.GET.get("unit"), "unit", minimum=1, maximum=2**31 - 1)


@require_GET
def program_list(request: HttpRequest) -> HttpResponse:
    agency = _agency_or_404(request)
    years = selectors.program_years(agency)
    year = _year(request, years, agency)
    unit_id = _unit_id(request)
    units = list(agency.units.order_by("sort_order", "name"))
    programs = list(selectors.programs_of_year(agency, year, unit_id))
    return render(
        request,
        "programs/list.html",
        {
            "agency": agency,
            "years": years,
            "year": year,
            "units": units,
            "unit_id": unit_id,
            "programs": programs,
        },
    )


@require_GET
def program_detail(request: HttpRequest, pk: int) -> HttpResponse:
    program = selectors.program_for_page(_agency_or_404(request), pk)
    if program is None:
        raise Http404("Program tidak ditemukan.")
    return render(request, "programs/detail.html", {"program": program})


def _export(request: HttpRequest, extension: str) -> HttpResponse:
    agency = _agency_or_404(request)
    year = _year(request, selectors.program_years(agency), agency)
    columns, rows = tables.programs_table(agency, year)
    filename = f"program-{agency.slug}-{year}.{extension}"
    if extension == "csv":
        response = HttpResponse(
            "\ufeff" + tables.as_csv(columns, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(
            tables.as_xlsx(columns, rows, _("Program %(year)s") % {"year": year}),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def program_csv(request: HttpRequest) -> HttpResponse:
    return _export(request, "csv")


@require_GET
def program_xlsx(request: HttpRequest) -> HttpResponse:
    return _export(request, "xlsx")


def _category(request: HttpRequest) -> str | None:
    return choice(request.GET.get("kategori"), "kategori", frozenset(Event.Category.values)) or None


@require_GET
def agenda(request: HttpRequest) -> HttpResponse:
    agency = _agency_or_404(request)
    category = _category(request)
    return render(
        request,
        "programs/agenda.html",
        {
            "agency": agency,
            "category": category,
            "categories": Event.Category.choices,
            "upcoming": list(selectors.upcoming_events(agency, category=category)[:50]),
            "past": list(selectors.past_events(agency, category=category)[:30]),
        },
    )


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = _agency_or_404(request)
    event = selectors.event_for_page(agency, pk)
    if event is None:
        raise Http404("Agenda tidak ditemukan.")
    url = agency.absolute_url(event.get_absolute_url())
    context = {
        "agency": agency,
        "event": event,
        "canonical_url": url,
        "json_ld": schema_org.event_json_ld(event, agency, url),
    }
    return render(request, "programs/event.html", context)


@require_GET
def agenda_feed(request: HttpRequest, category: str | None = None) -> HttpResponse:
    agency = _agency_or_404(request)
    if category is not None and category not in Event.Category.values:
        raise Http404("Kategori tidak dikenal.")
    name = _("Agenda %(agency)s") % {"agency": agency.short_name}
    if category:
        name += f" · {Event.Category(category).label}"
    body = ical.agenda_calendar(
        agency,
        selectors.feed_events(agency, category),
        base_url=agency.absolute_url("/"),
        name=name,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="agenda-{category or "semua"}.ics"'
    return response


@require_GET
def planning_documents(request: HttpRequest) -> HttpResponse:
    agency = _agency_or_404(request)
    return render(
        request,
        "programs/documents.html",
        {"agency": agency, "documents": list(selectors.planning_documents(agency))},
    )
