"""The integrity findings report in the admin: platform admins see all, agency admins their own.

Read-only: a finding closes by itself when the next full scan no longer sees it, so the list is
never "resolved" by clicking, only by fixing the site.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from lontar.agencies.selectors import agencies_visible_to
from lontar.core.params import choice, parse_int, parse_page
from lontar.integrity.models import Finding
from lontar.integrity.services import FINDINGS_URL_NAME

PERMISSION = "integrity.view_finding"
PER_PAGE = 50
STATES = frozenset({"terbuka", "selesai", "semua"})

__all__ = ["FINDINGS_URL_NAME", "findings_report", "may_see_findings", "visible_findings"]


def may_see_findings(user) -> bool:
    return bool(user.is_authenticated and user.has_perm(PERMISSION))


def visible_findings(user) -> QuerySet[Finding]:
    """Findings of the agencies the user may manage; platform-wide ones for platform admins."""
    findings = Finding.objects.select_related("agency")
    if user.is_superuser:
        return findings.all()
    return findings.filter(agency__in=agencies_visible_to(user))


def findings_report(request: HttpRequest) -> HttpResponse:
    if not may_see_findings(request.user):
        raise PermissionDenied
    findings = visible_findings(request.user)
    state = choice(request.GET.get("status"), "status", STATES) or "terbuka"
    kind = choice(request.GET.get("jenis"), "jenis", frozenset(Finding.Kind.values))
    agency_id = parse_int(request.GET.get("instansi"), "instansi", minimum=1, maximum=2**31 - 1)
    if state == "terbuka":
        findings = findings.filter(resolved_at__isnull=True)
    elif state == "selesai":
        findings = findings.filter(resolved_at__isnull=False)
    if kind:
        findings = findings.filter(kind=kind)
    if agency_id:
        findings = findings.filter(agency_id=agency_id)
    kept = {"status": state, "jenis": kind, "instansi": agency_id}
    filter_query = urlencode({key: value for key, value in kept.items() if value})
    page = Paginator(findings, PER_PAGE).get_page(parse_page(request.GET.get("halaman")))
    title = _("Integritas situs")
    return TemplateResponse(
        request,
        "integrity/admin/findings.html",
        {
            "page": page,
            "filter_query": filter_query,
            "state": state,
            "kind": kind or "",
            "kinds": Finding.Kind.choices,
            "agencies": agencies_visible_to(request.user) if request.user.is_superuser else None,
            "agency_id": agency_id,
            "page_title": title,
            "header_title": title,
            "header_icon": "warning",
        },
    )
