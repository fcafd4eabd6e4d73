"""The PPID's desk for the annual report: list of years, narrative form, preview, publish.

Every view checks the permission and works on the user's own agency only (a platform admin:
the first agency, or `?instansi=<id>`); the figures are live until publication.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lontar.agencies.selectors import agencies_visible_to
from lontar.annualreport import documents, rules, services
from lontar.annualreport.content import NARRATIVE_FIELDS
from lontar.annualreport.models import NARRATIVE_MAX, AnnualReport
from lontar.annualreport.views import PDF, XLSX
from lontar.core.audit import Actor

SHOWN_YEARS = 6


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = list(NARRATIVE_FIELDS)
        widgets = {
            name: forms.Textarea(attrs={"rows": 4, "maxlength": NARRATIVE_MAX})
            for name in NARRATIVE_FIELDS
        }
        help_texts = {
            "facilities": gettext_lazy("Butir a: ruang layanan, perangkat, kanal daring."),
            "overview": gettext_lazy("Butir b: wajib diisi sebelum terbit."),
            "recommendations": gettext_lazy("Butir f: wajib diisi sebelum terbit."),
        }


def own_agency(request: HttpRequest):
    user = request.user
    if not user.has_perm(services.EDIT_PERMISSION):
        raise PermissionDenied
    agency = getattr(getattr(user, "staff_profile", None), "agency", None)
    if agency is None:
        agency = agencies_visible_to(user).order_by("pk").first()
    if agency is None:
        raise Http404
    return agency


def _year(agency, year: int) -> int:
    if not rules.EARLIEST_YEAR <= year <= agency.today().year:
        raise Http404(_("Tahun laporan tidak valid."))
    return year


def _page(request, template: str, title: str, context: dict, status: int = 200):
    context = {"page_title": title, "header_title": title, "header_icon": "doc-full", **context}
    return TemplateResponse(request, template, context, status=status)


@require_GET
def report_years(request: HttpRequest) -> HttpResponse:
    agency = own_agency(request)
    today = agency.today()
    existing = {r.year: r for r in AnnualReport.objects.filter(agency=agency)}
    rows = []
    for year in range(today.year - 1, today.year - 1 - SHOWN_YEARS, -1):
        report = existing.get(year)
        published_on = report.published_on if report else None
        rows.append(
            {
                "year": year,
                "report": report,
                "standing": rules.standing(year, today, published_on),
                "due": rules.due_date(year),
            }
        )
    return _page(
        request,
        "annualreport/admin/years.html",
        _("Laporan layanan informasi publik"),
        {"rows": rows, "agency": agency},
    )


def _edit_page(request, agency, report: AnnualReport, form, status: int = 200):
    today = agency.today()
    return _page(
        request,
        "annualreport/admin/edit.html",
        documents.title_of(report),
        {
            "report": report,
            "form": form,
            "sections": services.report_sections(report),
            "standing": rules.standing(report.year, today, report.published_on),
            "due": rules.due_date(report.year),
            "may_publish": rules.may_publish(report.year, today)
            and not report.is_published
            and request.user.has_perm(services.PUBLISH_PERMISSION),
        },
        status,
    )


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, year: int) -> HttpResponse:
    agency = own_agency(request)
    report = services.report_for(agency, _year(agency, year))
    if request.method == "POST":
        report = services.draft_for(agency, year)
        form = NarrativeForm(request.POST, instance=AnnualReport(agency=agency, year=year))
        if form.is_valid():
            try:
                services.save_narrative(
                    report, form.cleaned_data, actor=Actor.from_request(request)
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, _("Narasi laporan disimpan."))
                return redirect("annualreport_admin_edit", year)
        return _edit_page(request, agency, report, form, status=400)
    return _edit_page(request, agency, report, NarrativeForm(instance=report))


@require_POST
def publish(request: HttpRequest, year: int) -> HttpResponse:
    agency = own_agency(request)
    report = services.draft_for(agency, _year(agency, year))
    if request.POST.get("confirm") != "ya":
        messages.error(request, _("Centang konfirmasi sebelum menerbitkan."))
        return redirect("annualreport_admin_edit", year)
    try:
        services.publish(report, actor=Actor.from_request(request))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Laporan diterbitkan dan masuk Daftar Informasi Publik."))
    return redirect("annualreport_admin_edit", year)


@require_GET
def preview(request: HttpRequest, year: int, kind: str) -> HttpResponse:
    agency = own_agency(request)
    report = services.report_for(agency, _year(agency, year))
    data = services.figures_of(report)
    sections = services.report_sections(report, data)
    decisions = services.labels()["decisions"]
    if kind == "pdf":
        body, content_type = documents.report_pdf(report, sections, data, decisions), PDF
    elif kind == "xlsx":
        body, content_type = documents.report_xlsx(report, sections, data, decisions), XLSX
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="laporan-{report.year}.{kind}"'
    return response
