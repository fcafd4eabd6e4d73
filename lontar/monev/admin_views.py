"""The Monev self-assessment page: each website item, its state, a link to fix it, a score."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lontar.agencies.selectors import agencies_visible_to
from lontar.monev import registry, scoring
from lontar.monev.province import remember_score

# The PPID desk and the agency's admins: those who can fix what the page finds.
VIEW_PERMISSIONS = ("annualreport.change_annualreport", "agencies.change_agency")


def may_assess(user) -> bool:
    return any(user.has_perm(permission) for permission in VIEW_PERMISSIONS)


@require_GET
def self_assessment(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not may_assess(user):
        raise PermissionDenied
    agency = getattr(getattr(user, "staff_profile", None), "agency", None)
    if agency is None:
        agency = agencies_visible_to(user).order_by("pk").first()
    if agency is None:
        raise Http404
    today = agency.today()
    rows = registry.assess(agency, today)
    score = scoring.score(row.result.status for row in rows)
    remember_score(agency, today, score)  # the province's dashboard shows the same score
    counts = {status.value: 0 for status in registry.Status}
    for row in rows:
        counts[row.result.status.value] += 1
    title = _("Swa-penilaian Monev keterbukaan informasi")
    context = {
        "page_title": title,
        "header_title": title,
        "header_icon": "tasks",
        "agency": agency,
        "today": today,
        "rows": rows,
        "score": score,
        "band": scoring.band(score),
        "counts": counts,
    }
    return TemplateResponse(request, "monev/admin/self_assessment.html", context)
