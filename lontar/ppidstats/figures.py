"""The statistics of an agency's information service for one year, from plain records.

Pure: the view hands in plain `RequestFact`/`ObjectionFact` values and the agency's working
calendar; nothing here touches the database, so the arithmetic is tested on its own and the
browser test recomputes the same figures from the records independently.

- Working days to answer: from the local date the request was received to the local date the
  written notice was given, counted on the agency's calendar (the receipt day not counted), as
  the legal clock counts (docs/domain/ppid-deadlines.md).
- On time: the notice was given on or before the request's due date (17 working days when the
  request was extended, else 10).
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from lontar.core.calendar import WorkingCalendar

MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


@dataclass(frozen=True)
class RequestFact:
    received_on: date
    channel: str
    decision: str  # "" while unanswered
    refusal_ground: str
    answered_on: date | None
    due: date


@dataclass(frozen=True)
class ObjectionFact:
    grounds: tuple[str, ...]
    outcome: str  # the Atasan PPID's, "" while unanswered
    disputed: bool
    dispute_outcome: str


@dataclass
class Figures:
    year: int
    total: int = 0
    per_month: list[int] = field(default_factory=lambda: [0] * 12)
    by_channel: Counter[str] = field(default_factory=Counter)
    by_decision: Counter[str] = field(default_factory=Counter)
    by_refusal_ground: Counter[str] = field(default_factory=Counter)
    answered: int = 0
    open: int = 0
    average_days: float | None = None
    median_days: float | None = None
    on_time: int = 0
    objections: int = 0
    objection_grounds: Counter[str] = field(default_factory=Counter)
    objection_outcomes: Counter[str] = field(default_factory=Counter)
    disputes: int = 0
    dispute_outcomes: Counter[str] = field(default_factory=Counter)

    @property
    def on_time_share(self) -> float | None:
        """Share of answered requests answered on time, as a percentage (one decimal)."""
        if not self.answered:
            return None
        return round(100 * self.on_time / self.answered, 1)


def compute(
    year: int,
    requests: list[RequestFact],
    objections: list[ObjectionFact],
    calendar: WorkingCalendar,
) -> Figures:
    figures = Figures(year=year, total=len(requests))
    days: list[int] = []
    for r in requests:
        figures.per_month[r.received_on.month - 1] += 1
        figures.by_channel[r.channel] += 1
        if r.answered_on is None:
            figures.open += 1
            continue
        figures.answered += 1
        figures.by_decision[r.decision] += 1
        if r.refusal_ground:
            figures.by_refusal_ground[r.refusal_ground] += 1
        days.append(calendar.working_days_between(r.received_on, r.answered_on))
        if r.answered_on <= r.due:
            figures.on_time += 1
    if days:
        figures.average_days = round(statistics.fmean(days), 1)
        figures.median_days = float(statistics.median(days))
    for o in objections:
        figures.objections += 1
        for ground in o.grounds:
            figures.objection_grounds[ground] += 1
        figures.objection_outcomes[o.outcome or "belum"] += 1
        if o.disputed:
            figures.disputes += 1
            figures.dispute_outcomes[o.dispute_outcome or "berjalan"] += 1
    return figures
