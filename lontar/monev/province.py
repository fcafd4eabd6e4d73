"""The self-assessment score as a column of the PPID Utama's compliance dashboard (issue 18):
the province app asks its registry for scores; this module is the provider.

An agency's score runs every Monev check (a dozen queries and more), so the dashboard does not
compute sixty of them per view: it reads each agency's score of the day from the cache in one
read. The worker refreshes every agency's score every `REFRESH_MINUTES` (`jobs.py`), the Monev
page stores the score it has just shown, and a score missing from the cache (a fresh install,
an agency added since) is computed on the spot and kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.cache import cache

from lontar.monev.registry import assess
from lontar.monev.scoring import score
from lontar.province.registry import register_agency_scores

REFRESH_MINUTES = 30
CACHE_SECONDS = 4 * REFRESH_MINUTES * 60  # a worker down for a while still leaves scores


def _key(agency_id: int, today: date) -> str:
    return f"monev:score:{agency_id}:{today.isoformat()}"


def compute_score(agency: Any, today: date) -> Decimal:
    return score(row.result.status for row in assess(agency, today))


def remember_score(agency: Any, today: date, value: Decimal) -> None:
    cache.set(_key(agency.pk, today), value, CACHE_SECONDS)


def refresh_scores(agencies: Iterable[Any]) -> dict[int, Decimal]:
    """Compute and keep today's score of each agency (the worker's job): {agency id: score}."""
    scores: dict[int, Decimal] = {}
    values: dict[str, Decimal] = {}
    for agency in agencies:
        today = agency.today()
        scores[agency.pk] = values[_key(agency.pk, today)] = compute_score(agency, today)
    cache.set_many(values, CACHE_SECONDS)
    return scores


@register_agency_scores
def self_assessment_scores(agencies: Sequence[Any]) -> dict[int, Decimal]:
    keys = {agency.pk: _key(agency.pk, agency.today()) for agency in agencies}
    cached = cache.get_many(list(keys.values()))
    result = {pk: cached[key] for pk, key in keys.items() if cached.get(key) is not None}
    missing = [agency for agency in agencies if agency.pk not in result]
    if missing:
        result.update(refresh_scores(missing))
    return result
