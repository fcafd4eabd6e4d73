"""When the annual report on information services is due, and when the PPID is reminded.

Pure: no database. The rule in words is in docs/domain/annual-report.md.

- The report of year Y covers 1 January–31 December of Y and is due on 31 March of Y + 1
  (three months after the budget year).
- From 1 January of Y + 1 until it is published, the PPID is reminded every
  `REMIND_EVERY_DAYS` days; from 1 April (late) every `LATE_EVERY_DAYS` days, with the Atasan
  PPID and the agency's admins copied, until the end of Y + 1 (the next year's report takes over).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

EARLIEST_YEAR = 2008  # UU 14/2008, the Act that created the duty
REMIND_EVERY_DAYS = 14
LATE_EVERY_DAYS = 7


class Standing(StrEnum):
    NOT_YET = "belum_waktunya"  # the year has not ended
    PREPARING = "disiapkan"  # after the year, before the due date, not published
    LATE = "terlambat"  # after the due date, not published
    ON_TIME = "tepat_waktu"  # published on or before the due date
    PUBLISHED_LATE = "terbit_terlambat"  # published after the due date


class Reminder(StrEnum):
    REMIND = "pengingat"
    LATE = "terlambat"


def due_date(year: int) -> date:
    """31 March of the following year."""
    return date(year + 1, 3, 31)


def reminders_start(year: int) -> date:
    return date(year + 1, 1, 1)


def year_to_report(today: date) -> int:
    """The year whose report is being prepared or is due: the last year that has ended."""
    return today.year - 1


def may_publish(year: int, today: date) -> bool:
    """A year's report can be published once the year has ended, not before."""
    return EARLIEST_YEAR <= year < today.year


def standing(year: int, today: date, published_on: date | None) -> Standing:
    if published_on is not None:
        return Standing.ON_TIME if published_on <= due_date(year) else Standing.PUBLISHED_LATE
    if today < reminders_start(year):
        return Standing.NOT_YET
    if today <= due_date(year):
        return Standing.PREPARING
    return Standing.LATE


def reminder_due(
    year: int, today: date, published_on: date | None, last_reminded_on: date | None
) -> Reminder | None:
    """Which reminder (if any) to send today about the report of `year`."""
    state = standing(year, today, published_on)
    if state not in (Standing.PREPARING, Standing.LATE) or today.year != year + 1:
        return None
    kind = Reminder.LATE if state == Standing.LATE else Reminder.REMIND
    every = LATE_EVERY_DAYS if kind == Reminder.LATE else REMIND_EVERY_DAYS
    if last_reminded_on is None or last_reminded_on < reminders_start(year):
        return kind
    if kind == Reminder.LATE and last_reminded_on <= due_date(year):
        return kind  # the first day late is announced at once
    if (today - last_reminded_on).days >= every:
        return kind
    return None
