"""The live statistics in the Monev self-assessment (lontar/monev/registry.py)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from lontar.monev.registry import Result, register_check


@register_check("statistics")
def statistics(agency, today: date) -> Result:
    return Result.present(
        _("Statistik layanan dihitung langsung dari data permohonan."),
        reverse("ppidstats:statistics"),
    )
