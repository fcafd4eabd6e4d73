"""The SKM index on the province's compliance dashboard (lontar/province): the index of each
agency's most recently ended published period."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext_lazy as _

from lontar.province.registry import register_figure
from lontar.survey.models import SurveyPeriod


@register_figure("ikm", _("Indeks SKM terakhir"), "number")
def latest_index(agencies, today: date) -> dict[int, object]:
    result: dict[int, object] = {}
    periods = (
        SurveyPeriod.objects.filter(
            agency__in=agencies, published_at__isnull=False, index__isnull=False
        )
        .order_by("agency_id", "-ends_on", "-pk")
        .values_list("agency_id", "index")
    )
    for agency_id, index in periods:
        result.setdefault(agency_id, index)  # the first is the latest
    return result
