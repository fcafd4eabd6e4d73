"""The PPID Utama's compliance dashboard in the admin, sortable, and its CSV."""

from __future__ import annotations

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lontar.agencies.models import Agency
from lontar.agencies.selectors import agency_of_user
from lontar.core.exports import safe_row
from lontar.core.params import choice
from lontar.province import dashboard

DIRECTIONS = frozenset({"naik", "turun"})
VIEW_PERMISSION = "ppid.view_informationrequest"


def may_view(user) -> bool:
    """The PPID Utama's officers and superiors, and platform admins."""
    if not getattr(user, "is_authenticated", False) or not user.has_perm(VIEW_PERMISSION):
        return False
    return user.is_superuser or dashboard.province_of(agency_of_user(user)) is not None


def _province(request: HttpRequest) -> Agency:
    if not may_view(request.user):
        raise PermissionDenied
    province = dashboard.province_of(agency_of_user(request.user))
    if province is None:  # a platform admin: the first PPID Utama
        province = Agency.objects.filter(ppid_role=Agency.PPIDRole.MAIN).order_by("name").first()
    if province is None:
        raise PermissionDenied
    return province


@require_GET
def compliance(request: HttpRequest) -> HttpResponse:
    province = _province(request)
    sort = choice(request.GET.get("urut"), "urut", dashboard.sort_keys()) or dashboard.NAME
    direction = choice(request.GET.get("arah"), "arah", DIRECTIONS) or "naik"
    today = province.today()
    title = _("Kepatuhan keterbukaan informasi se-provinsi")
    return TemplateResponse(
        request,
        "province/compliance.html",
        {
            "province": province,
            "today": today,
            "columns": dashboard.columns(),
            "rows": dashboard.rows(province, today, sort=sort, descending=direction == "turun"),
            "sort": sort,
            "direction": direction,
            "page_title": title,
            "header_title": title,
            "page_subtitle": province.name,
            "header_icon": "table",
        },
    )


@require_GET
def compliance_csv(request: HttpRequest) -> HttpResponse:
    province = _province(request)
    columns, rows = dashboard.table(province, province.today())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kepatuhan-provinsi.csv"'
    writer = csv.writer(response)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(safe_row(row))
    return response
