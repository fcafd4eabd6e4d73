"""The clock of an objection and of the dispute after it, as pure functions.

The statutory periods themselves (30 working days for the Atasan PPID's answer, UU 14/2008
Pasal 36 ayat (2); 14 working days to bring the dispute to the Komisi Informasi, Pasal 37
ayat (2); 30 working days to file the objection, Pasal 36 ayat (1)) are counted by
`lontar.ppid.deadlines`, the one place the request clock lives. This module adds what the
objection desk decides from them: when the dispute window opens and closes, and whether an
objection is still on time. No database: importable and testable on its own.

See docs/domain/objections.md for the rules and worked examples.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lontar.core.calendar import WorkingCalendar
from lontar.ppid.deadlines import (
    DISPUTE_FILING_PERIOD,
    OBJECTION_ANSWER_PERIOD,
    Deadline,
    ObjectionDeadlines,
    dispute_filing_due,
    objection_deadlines,
    objection_filing_due,
)

__all__ = [
    "DISPUTE_FILING_PERIOD",
    "OBJECTION_ANSWER_PERIOD",
    "DisputeWindow",
    "ObjectionDeadlines",
    "dispute_filing_due",
    "dispute_window",
    "filing_window",
    "objection_deadlines",
    "reminder_kind",
]


@dataclass(frozen=True, slots=True)
class DisputeWindow:
    """The period in which the objector may take the case to the Komisi Informasi."""

    reason: str  # "upheld": the answer kept the refusal; "unanswered": no answer in time
    deadline: Deadline

    @property
    def due(self) -> date:
        return self.deadline.due

    def is_open(self, today: date) -> bool:
        return today <= self.deadline.due


def dispute_window(
    *,
    answer_due: date,
    answered_on: date | None,
    outcome_leaves_dispute: bool,
    today: date,
    calendar: WorkingCalendar,
) -> DisputeWindow | None:
    """When and until when a dispute may be filed, or None while it may not (yet).

    - Answered, and the answer keeps the refusal (fully or in part): 14 working days from the
      day the answer was given (Pasal 37 ayat (2)).
    - Not answered and the 30-working-day window has passed: 14 working days counted from the
      last day of that window (the practice of the provincial PPIDs; the law names no start).
    - Answered in the objector's favour, or still within the answer window: no dispute.
    """
    if answered_on is not None:
        if not outcome_leaves_dispute:
            return None
        return DisputeWindow("upheld", dispute_filing_due(answered_on, calendar=calendar))
    if today > answer_due:
        return DisputeWindow("unanswered", dispute_filing_due(answer_due, calendar=calendar))
    return None


def filing_window(grounds_arose_on: date, calendar: WorkingCalendar) -> Deadline:
    """The last day to file the objection: 30 working days after its grounds arose."""
    return objection_filing_due(grounds_arose_on, calendar=calendar)


# Reminder kinds, as for requests: 5, 2 and 0 working days before, then every working day.
FIVE_DAYS, TWO_DAYS, DUE_TODAY, OVERDUE = "h-5", "h-2", "h-0", "terlambat"
_THRESHOLDS = {5: FIVE_DAYS, 2: TWO_DAYS, 0: DUE_TODAY}


def reminder_kind(due: date, today: date, calendar: WorkingCalendar) -> str | None:
    """Which reminder the Atasan PPID gets today about an answer due on `due`, if any."""
    if today > due:
        return OVERDUE
    return _THRESHOLDS.get(calendar.working_days_between(today, due))
