"""The DIP's freshness on the province's compliance dashboard (lontar/province): when the
agency last updated a hand-kept DIP item, and how many periodic items are past six months."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _

from lontar.infolist.categories import PERIODIC_REFRESH_MONTHS, Category, months_before
from lontar.infolist.models import InfoItem
from lontar.province.registry import register_figure


@register_figure("dip_diperbarui", _("DIP terakhir diperbarui"), "date")
def dip_last_updated(agencies, today: date) -> dict[int, object]:
    rows = (
        InfoItem.objects.filter(agency__in=agencies)
        .values("agency_id")
        .annotate(last=Max("last_updated"))
    )
    return {row["agency_id"]: row["last"] for row in rows if row["last"]}


@register_figure("dip_berkala_usang", _("Informasi berkala lewat 6 bulan"), "number")
def dip_stale(agencies, today: date) -> dict[int, object]:
    cutoff = months_before(today, PERIODIC_REFRESH_MONTHS)
    rows = (
        InfoItem.objects.filter(agency__in=agencies, category=Category.PERIODIC)
        .values("agency_id")
        .annotate(
            stale=Count("pk", filter=Q(last_updated__isnull=True) | Q(last_updated__lte=cutoff))
        )
    )
    return {row["agency_id"]: row["stale"] for row in rows}
