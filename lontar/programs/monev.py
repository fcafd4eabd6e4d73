"""Budget and financial reports in the Monev self-assessment (lontar/monev/registry.py)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from lontar.monev.registry import Result, register_check
from lontar.programs.models import PlanningDocument

BUDGET_KINDS = (PlanningDocument.Kind.DPA, PlanningDocument.Kind.FINANCIAL)


@register_check("budget-financial")
def budget_financial(agency, today: date) -> Result:
    """Both the budget (DPA) and the financial report, each of this year or the last."""
    fix = reverse("wagtailsnippets_programs_planningdocument:list")
    latest = {
        kind: PlanningDocument.objects.filter(agency=agency, kind=kind, document__isnull=False)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
        for kind in BUDGET_KINDS
    }
    years = [year for year in latest.values() if year is not None]
    if len(years) < len(BUDGET_KINDS):
        return Result.missing(_("Unggah DPA dan laporan keuangan."), fix)
    if any(year < today.year - 1 for year in years):
        return Result.stale(_("DPA atau laporan keuangan terakhir lebih dari setahun lalu."), fix)
    return Result.present(_("Anggaran dan laporan keuangan terbaru tersedia."), fix)
