"""The self-assessment's score and its band. Pure; the rule is in docs/domain/monev.md.

Every item weighs the same (the Komisi Informasi does not publish its weights): present counts
1, stale ½, missing or not checkable 0. The score is 100 × points / items, rounded to one
decimal, and named with the Komisi Informasi's qualification bands.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from lontar.monev.registry import Status

POINTS = {
    Status.PRESENT: Decimal(1),
    Status.STALE: Decimal("0.5"),
    Status.MISSING: Decimal(0),
    Status.UNCHECKED: Decimal(0),
}

# (lowest score, band), highest first: the KI's qualification categories.
BANDS = (
    (Decimal(90), "Informatif"),
    (Decimal(80), "Menuju Informatif"),
    (Decimal(60), "Cukup Informatif"),
    (Decimal(40), "Kurang Informatif"),
    (Decimal(0), "Tidak Informatif"),
)


def score(statuses: Iterable[Status]) -> Decimal:
    values = [POINTS[Status(status)] for status in statuses]
    if not values:
        return Decimal(0)
    raw = Decimal(100) * sum(values, Decimal(0)) / len(values)
    return raw.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def band(value: Decimal) -> str:
    for lowest, name in BANDS:
        if value >= lowest:
            return name
    return BANDS[-1][1]
