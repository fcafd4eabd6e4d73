"""The published SKM results in the agency's DIP (lontar/infolist/registry.py)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lontar.infolist.registry import Entry, register_source
from lontar.survey.selectors import published_periods


@register_source("skm", _("Hasil survei kepuasan masyarakat (SKM)"), "berkala")
def survey_results(agency) -> list[Entry]:
    return [
        Entry(
            summary=f"Hasil SKM {period.unit.name}: {period.name}",
            url=reverse("survey:report_pdf", args=[period.pk]),
            updated_on=period.published_at.date() if period.published_at else None,
        )
        for period in published_periods(agency)
    ]
