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
from lontar.core.params import parse_int
from lontar.news import culture

PERMISSION = "wagtailadmin.access_admin"


def get_agency_for_staff(user, pk: int) -> Agency:
    """An agency chosen by id in the admin: 404 unless the user may manage it (never
    confirmed to exist otherwise), 403 without admin access."""
    if not user.has_perm(PERMISSION):
        raise PermissionDenied
    return get_object_or_404(agencies_visible_to(user), pk=pk)


def _agency_for(request: HttpRequest) -> Agency:
    if request.user.is_superuser:
        chosen = parse_int(request.GET.get("instansi"), "instansi", minimum=1, maximum=2**31 - 1)
        if chosen is not None:
            return get_agency_for_staff(request.user, chosen)
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
