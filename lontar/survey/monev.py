"""The SKM results in the Monev self-assessment (lontar/monev/registry.py)."""

from __future__ import annotations

from datetime import date

from django.urls import reverse
from django.utils.translation import gettext as _

from lontar.monev.registry import Result, register_check
from lontar.survey.selectors import published_periods

# PermenPANRB 14/2017: the survey is held at least once a year.
STALE_AFTER_DAYS = 366


@register_check("satisfaction")
def satisfaction(agency, today: date) -> Result:
    fix = reverse("wagtailsnippets_survey_surveyunit:list")
    latest = published_periods(agency).order_by("-published_at").first()
    if latest is None or latest.published_at is None:
        return Result.missing(_("Belum ada hasil SKM yang diterbitkan."), fix)
    if (today - latest.published_at.date()).days > STALE_AFTER_DAYS:
        return Result.stale(_("Hasil SKM terakhir terbit lebih dari setahun lalu."), fix)
    return Result.present(_("Hasil SKM terbaru terbit."), reverse("survey:results"))
