"""The due date, the standing of a report and the reminder dates, without the database."""

from __future__ import annotations

from datetime import date

import pytest

from lontar.annualreport.rules import (
    Reminder,
    Standing,
    due_date,
    may_publish,
    reminder_due,
    standing,
    year_to_report,
)


def test_the_report_of_a_year_is_due_on_31_march_of_the_next():
    assert due_date(2026) == date(2027, 3, 31)
    assert year_to_report(date(2027, 2, 10)) == 2026


@pytest.mark.parametrize(
    ("today", "published_on", "expected"),
    [
        (date(2026, 12, 31), None, Standing.NOT_YET),
        (date(2027, 1, 1), None, Standing.PREPARING),
        (date(2027, 3, 31), None, Standing.PREPARING),
        (date(2027, 4, 1), None, Standing.LATE),
        (date(2027, 5, 1), date(2027, 3, 31), Standing.ON_TIME),
        (date(2027, 5, 1), date(2027, 4, 1), Standing.PUBLISHED_LATE),
    ],
)
def test_standing(today, published_on, expected):
    assert standing(2026, today, published_on) == expected


def test_publishing_waits_for_the_year_to_end():
    assert not may_publish(2026, date(2026, 12, 31))
    assert may_publish(2026, date(2027, 1, 1))
    assert not may_publish(2007, date(2027, 1, 1))


def test_reminders_every_two_weeks_from_january_then_weekly_once_late():
    assert reminder_due(2026, date(2026, 12, 31), None, None) is None
    assert reminder_due(2026, date(2027, 1, 1), None, None) == Reminder.REMIND
    # A reminder from last year's cycle does not count for this one.
    assert reminder_due(2026, date(2027, 1, 2), None, date(2026, 1, 20)) == Reminder.REMIND
    assert reminder_due(2026, date(2027, 1, 14), None, date(2027, 1, 1)) is None
    assert reminder_due(2026, date(2027, 1, 15), None, date(2027, 1, 1)) == Reminder.REMIND
    # The first day late is announced at once, then every seven days.
    assert reminder_due(2026, date(2027, 4, 1), None, date(2027, 3, 30)) == Reminder.LATE
    assert reminder_due(2026, date(2027, 4, 7), None, date(2027, 4, 1)) is None
    assert reminder_due(2026, date(2027, 4, 8), None, date(2027, 4, 1)) == Reminder.LATE
    # Published: silence; and the cycle ends with the year after the report's.
    assert reminder_due(2026, date(2027, 2, 1), date(2027, 1, 20), None) is None
    assert reminder_due(2026, date(2028, 1, 5), None, date(2027, 12, 1)) is None
