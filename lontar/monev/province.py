"""The self-assessment score as a column of the PPID Utama's compliance dashboard (issue 18):
the province app asks its registry for scores; this module is the provider."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from lontar.monev.registry import assess
from lontar.monev.scoring import score
from lontar.province.registry import register_agency_scores


@register_agency_scores
def self_assessment_scores(agencies: Sequence[Any]) -> dict[int, Decimal]:
    return {
        agency.pk: score(row.result.status for row in assess(agency, agency.today()))
        for agency in agencies
    }
