"""Public pages: the agency's published annual reports, each as a page, PDF and XLSX."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lontar.agencies.selectors import agency_for_request
from lontar.annualreport import documents, rules, selectors, services
from lontar.core.params import MAX_YEAR, InvalidParameter

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _agency(request: HttpRequest):
    agency = agency_for_request(request)
    if agency is None:
        raise Http404
    return agency


def _published(request: HttpRequest, year: int):
    if not rules.EARLIEST_YEAR <= year <= MAX_YEAR:
        raise InvalidParameter("tahun", _("Tahun laporan tidak valid."))
    agency = _agency(request)
    report = selectors.published_report(agency, year)
    if report is None:
        raise Http404(_("Laporan tahun ini belum diterbitkan."))
    report.agency = agency
    return report


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    reports = list(selectors.published_reports(agency).only("year", "published_on", "agency_id"))
    today = agency.today()
    due_year = rules.year_to_report(today)
    due_published = next((r for r in reports if r.year == due_year), None)
    return render(
        request,
        "annualreport/list.html",
        {
            "reports": reports,
            "due_year": due_year,
            "due_date": rules.due_date(due_year),
            "due_standing": rules.standing(
                due_year, today, due_published.published_on if due_published else None
            ),
        },
    )


@require_GET
def report_detail(request: HttpRequest, year: int) -> HttpResponse:
    report = _published(request, year)
    data = report.figures
    return render(
        request,
        "annualreport/detail.html",
        {
            "report": report,
            "title": documents.title_of(report),
            "sections": services.report_sections(report, data),
            "late": report.published_on > rules.due_date(report.year),
            "due_date": rules.due_date(report.year),
        },
    )


def _file(report, kind: str) -> HttpResponse:
    data = report.figures
    sections = services.report_sections(report, data)
    decisions = services.labels()["decisions"]
    if kind == "pdf":
        body, content_type = documents.report_pdf(report, sections, data, decisions), PDF
    else:
        body, content_type = documents.report_xlsx(report, sections, data, decisions), XLSX
    response = HttpResponse(body, content_type=content_type)
    name = f"laporan-layanan-informasi-{report.agency.slug}-{report.year}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def report_pdf(request: HttpRequest, year: int) -> HttpResponse:
    return _file(_published(request, year), "pdf")


@require_GET
def report_xlsx(request: HttpRequest, year: int) -> HttpResponse:
    return _file(_published(request, year), "xlsx")
