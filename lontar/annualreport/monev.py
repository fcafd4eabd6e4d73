"""The annual report in the Monev self-assessment (lontar/monev/registry.py)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from lontar.annualreport import rules
from lontar.annualreport.models import AnnualReport
from lontar.monev.registry import Result, register_check


@register_check("annual-report")
def annual_report(agency, today: date) -> Result:
    """Last year's report, published by 31 March (before April: the year before's counts)."""
    year = rules.year_to_report(today)
    published = dict(
        AnnualReport.objects.filter(
            agency=agency, status=AnnualReport.Status.PUBLISHED, year__in=[year, year - 1]
        ).values_list("year", "published_on")
    )
    fix = reverse("annualreport_admin_edit", args=[year])
    state = rules.standing(year, today, published.get(year))
    if state == rules.Standing.ON_TIME:
        return Result.present(_("Laporan %(y)s terbit tepat waktu.") % {"y": year}, fix)
    if state == rules.Standing.PUBLISHED_LATE:
        return Result.stale(_("Laporan %(y)s terbit setelah 31 Maret.") % {"y": year}, fix)
    if state == rules.Standing.LATE:
        return Result.missing(
            _("Laporan %(y)s belum terbit, batas 31 Maret lewat.") % {"y": year}, fix
        )
    # Before the due date: the previous report decides, and this one is still to come.
    before = year - 1
    previous = rules.standing(before, today, published.get(before))
    if previous == rules.Standing.ON_TIME:
        return Result.present(
            _("Laporan %(b)s terbit tepat waktu; laporan %(y)s ditunggu paling lambat 31 Maret.")
            % {"b": before, "y": year},
            fix,
        )
    if previous == rules.Standing.PUBLISHED_LATE:
        return Result.stale(_("Laporan %(b)s terbit setelah 31 Maret.") % {"b": before}, fix)
    return Result.missing(_("Belum ada laporan tahunan yang terbit."), fix)
