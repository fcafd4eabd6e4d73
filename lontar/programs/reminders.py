"""Pure rule: which planning/performance documents an agency should have published by now.

Plans (Renja, DPA) are for the current year; reports (LKjIP, financial statements) cover the
year just ended and are published in the current one. Renstra covers five years, so it is only
required when an agency lists it explicitly.
"""

from __future__ import annotations

from datetime import date

PLAN_KINDS = ("renja", "dpa")
REPORT_KINDS = ("lkjip", "laporan-keuangan")
DEFAULT_REQUIRED = PLAN_KINDS + REPORT_KINDS


def expected_year(kind: str, today: date) -> int:
    return today.year - 1 if kind in REPORT_KINDS else today.year


def missing_documents(
    required: list[str] | tuple[str, ...],
    published: set[tuple[str, int]],
    today: date,
    remind_from_month: int,
) -> list[tuple[str, int]]:
    """(kind, year) pairs still missing; nothing before the configured month of the year."""
    if today.month < remind_from_month:
        return []
    wanted = [(kind, expected_year(kind, today)) for kind in (required or DEFAULT_REQUIRED)]
    return [pair for pair in wanted if pair not in published]
