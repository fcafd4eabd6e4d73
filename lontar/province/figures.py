"""The dashboard's arithmetic: pure functions, no database (tested in tests/test_figures.py)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal


def on_time_rate(answered: Iterable[tuple[date, date]]) -> Decimal | None:
    """Share (in %, 1 decimal) of requests answered on or before their due date.

    `answered` holds (answered_on, due) pairs; None when nothing was answered.
    """
    pairs = list(answered)
    if not pairs:
        return None
    on_time = sum(1 for answered_on, due in pairs if answered_on <= due)
    return (Decimal(on_time) * 100 / Decimal(len(pairs))).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


def median_days(days: Sequence[int]) -> Decimal | None:
    """The median of working days to answer, 1 decimal; None without answers."""
    if not days:
        return None
    return Decimal(str(statistics.median(days))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def sort_rows(rows: list[dict], key: str, descending: bool) -> list[dict]:
    """Rows by `key`; rows without a value always last, whatever the direction."""
    present = [row for row in rows if row.get(key) not in (None, "")]
    missing = [row for row in rows if row.get(key) in (None, "")]
    present.sort(key=lambda row: (row[key], row["nama"]), reverse=descending)
    return present + sorted(missing, key=lambda row: row["nama"])
