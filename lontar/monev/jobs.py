"""The worker keeps every agency's Monev score of the day ready for the province's dashboard."""

from __future__ import annotations

from datetime import timedelta

from lontar.agencies.models import Agency
from lontar.core.schedule import periodic
from lontar.monev.province import REFRESH_MINUTES, refresh_scores


@periodic(every=timedelta(minutes=REFRESH_MINUTES))
def refresh_self_assessment_scores() -> int:
    """Today's self-assessment score of every agency still running, in the cache."""
    return len(refresh_scores(Agency.objects.filter(retired_at__isnull=True).order_by("pk")))
