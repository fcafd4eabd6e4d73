"""Admin: the agency's writing-culture dashboard, on screen and as CSV."""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from lontar.agencies.models import Agency
from lontar.agencies.selectors import agencies_visible_to, agency_of_user
from lontar.core.exports import safe_row
from lontar.news import culture


def _agency_for(request: HttpRequest) -> Agency:
    if request.user.is_superuser:
        chosen = request.GET.get("instansi")
        if chosen:
            return get_object_or_404(Agency, pk=chosen)
        agency = agency_of_user(request.user) or Agency.objects.exclude(site=None).first()
    else:
        agency = agency_of_user(request.user)
    if agency is None:
        raise PermissionDenied
    return agency


def dashboard(request: HttpRequest) -> HttpResponse:
    agency = _agency_for(request)
    report = culture.culture_of(agency, request.GET.get("periode", "bulan"))
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="budaya-menulis-{agency.slug}-{report.period}.csv"'
        )
        writer = csv.writer(response)
        writer.writerows(safe_row(row) for row in culture.csv_rows(report))
        return response
    return TemplateResponse(
        request,
        "news/admin/culture.html",
        {
            "report": report,
            "periods": culture.PERIODS,
            "agencies": agencies_visible_to(request.user).exclude(site=None)
            if request.user.is_superuser
            else None,
            "quiet_days": culture.QUIET_DAYS,
        },
    )
