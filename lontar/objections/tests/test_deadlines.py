"""The objection and dispute clock, without the database (docs/domain/objections.md)."""

from __future__ import annotations

from datetime import date

import pytest

from lontar.core.calendar import WorkingCalendar
from lontar.objections.deadlines import (
    DUE_TODAY,
    FIVE_DAYS,
    OVERDUE,
    TWO_DAYS,
    dispute_window,
    filing_window,
    reminder_kind,
)

# October 2026 has no national holiday or cuti bersama in Indonesia: plain weekdays.
CAL = WorkingCalendar()


def test_a_refusal_upheld_opens_14_working_days_to_go_to_the_komisi_informasi():
    window = dispute_window(
        answer_due=date(2026, 11, 13),
        answered_on=date(2026, 10, 5),  # a Monday
        outcome_leaves_dispute=True,
        today=date(2026, 10, 6),
        calendar=CAL,
    )
    assert window is not None and window.reason == "upheld"
    assert window.due == date(2026, 10, 23)  # 4 + 5 + 5 working days, weekends skipped
    assert window.is_open(date(2026, 10, 23)) and not window.is_open(date(2026, 10, 24))
    assert "14 hari kerja setelah" in window.deadline.explanation


def test_an_answer_in_the_objectors_favour_leaves_no_dispute():
    assert (
        dispute_window(
            answer_due=date(2026, 11, 13),
            answered_on=date(2026, 10, 5),
            outcome_leaves_dispute=False,
            today=date(2026, 10, 6),
            calendar=CAL,
        )
        is None
    )


def test_no_answer_opens_the_dispute_only_after_the_answer_window():
    waiting: dict = {
        "answer_due": date(2026, 10, 9),
        "answered_on": None,
        "outcome_leaves_dispute": False,
    }
    assert dispute_window(**waiting, today=date(2026, 10, 9), calendar=CAL) is None
    window = dispute_window(**waiting, today=date(2026, 10, 12), calendar=CAL)
    assert window is not None and window.reason == "unanswered"
    assert window.due == date(2026, 10, 29)  # counted from the last day of the window


def test_the_dispute_window_skips_a_holiday_and_the_agencys_closure():
    closed = WorkingCalendar(extra_closures={date(2026, 10, 7): "Libur daerah"})
    window = dispute_window(
        answer_due=date(2026, 11, 13),
        answered_on=date(2026, 10, 5),
        outcome_leaves_dispute=True,
        today=date(2026, 10, 6),
        calendar=closed,
    )
    assert window is not None and window.due == date(2026, 10, 26)
    assert "Libur daerah" in window.deadline.explanation


def test_an_objection_is_on_time_up_to_30_working_days_after_its_grounds_arose():
    assert filing_window(date(2026, 10, 5), CAL).due == date(2026, 11, 16)


@pytest.mark.parametrize(
    ("today", "kind"),
    [
        (date(2026, 10, 2), None),
        (date(2026, 10, 5), FIVE_DAYS),  # five working days before Monday 12 October
        (date(2026, 10, 6), None),
        (date(2026, 10, 8), TWO_DAYS),
        (date(2026, 10, 12), DUE_TODAY),
        (date(2026, 10, 13), OVERDUE),
    ],
)
def test_the_atasan_ppid_is_reminded_at_5_2_and_0_working_days_then_daily(today, kind):
    assert reminder_kind(date(2026, 10, 12), today, CAL) == kind
