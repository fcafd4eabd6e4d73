"""The clock of a forwarded or disposed request: pure rules, no database."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from lontar.core.calendar import WorkingCalendar
from lontar.ppid.forwarding_rules import disposed_due, forwarded_clock

WITA = ZoneInfo("Asia/Makassar")
# November 2026 has no national holiday: the examples count weekdays and one closure.
CALENDAR = WorkingCalendar(extra_closures={date(2026, 11, 18): "Libur daerah"})


def _clock(forwarded_at, **kwargs):
    return forwarded_clock(
        forwarded_at,
        original_received_at=kwargs.get(
            "received", datetime(2026, 11, 2, 9, tzinfo=WITA)
        ),  # Monday 2 November
        original_notice_due=kwargs.get("due", date(2026, 11, 16)),
        calendar=CALENDAR,
        tz="Asia/Makassar",
    )


def test_the_receiving_body_counts_ten_working_days_from_the_day_it_received_it():
    clock = _clock(datetime(2026, 11, 5, 14, tzinfo=WITA))  # Thursday

    # Day 1 is Friday 6; the 18th is closed: 6, 9-13, 16, 17, 19, 20 = 10 days -> Friday 20th.
    assert clock.forwarded_on == date(2026, 11, 5)
    assert clock.deadlines.notice_due == date(2026, 11, 20)
    assert not clock.forwarded_late
    assert "10 hari kerja" in clock.explanation and "Libur daerah" in clock.explanation
    assert "Pasal 22 ayat (7)" in clock.explanation


def test_forwarding_after_the_first_bodys_deadline_is_flagged_in_the_explanation():
    clock = _clock(datetime(2026, 11, 17, 8, tzinfo=WITA))

    assert clock.forwarded_late
    assert "setelah batas 10 hari kerja" in clock.explanation


def test_the_receiving_bodys_own_time_zone_decides_the_day():
    # 23:30 WIB on the 5th is 00:30 WITA on the 6th: a WITA body received it on Friday.
    moment = datetime(2026, 11, 5, 16, 30, tzinfo=ZoneInfo("UTC"))
    wib = forwarded_clock(
        moment,
        original_received_at=date(2026, 11, 2),
        original_notice_due=date(2026, 11, 16),
        calendar=CALENDAR,
        tz="Asia/Jakarta",
    )
    wita = forwarded_clock(
        moment,
        original_received_at=date(2026, 11, 2),
        original_notice_due=date(2026, 11, 16),
        calendar=CALENDAR,
        tz="Asia/Makassar",
    )
    assert wib.forwarded_on == date(2026, 11, 5) and wita.forwarded_on == date(2026, 11, 6)


def test_a_request_cannot_be_forwarded_before_it_was_received():
    with pytest.raises(ValueError):
        _clock(datetime(2026, 11, 1, 9, tzinfo=WITA))


def test_disposing_within_one_body_keeps_the_dates():
    assert disposed_due(date(2026, 11, 16), date(2026, 11, 25)) == (
        date(2026, 11, 16),
        date(2026, 11, 25),
    )
