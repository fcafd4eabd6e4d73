"""Published annual reports in the agency's DIP (lontar/infolist/registry.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lontar.annualreport.selectors import published_reports
from lontar.infolist.registry import Entry, register_source


@register_source("laporan-layanan", _("Laporan layanan informasi publik"), "setiap_saat")
def annual_reports(agency) -> list[Entry]:
    return [
        Entry(
            summary=f"Laporan layanan informasi publik tahun {report.year}",
            url=reverse("annualreport:detail", args=[report.year]),
            updated_on=report.published_on,
            holder="PPID",
        )
        for report in published_reports(agency).only("year", "published_on")
    ]
