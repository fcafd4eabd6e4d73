"""The clock of a request that changes hands: forwarded to another public body, or disposed
within one. Pure functions, no database (like `deadlines.py`); the rule and its sources are in
docs/domain/ppid-forwarding.md and pinned by `tests/test_forwarding_rules.py`.

- **Forwarded to another public body** (UU 14/2008 Pasal 22 ayat (7) huruf b): the first body's
  written notice tells the requester which body holds the information; that notice is the first
  body's answer and must itself come within its 10 working days. For the receiving body the
  request is a request it has *received*, so its own 10 (+7) working days run from the calendar
  date it received the forwarded request, in its own time zone and calendar (the day of receipt
  not counted), exactly as Pasal 22 ayat (7)–(8) count from "diterimanya permintaan".
- **Disposed within one public body** (the PPID Utama hands a request to a PPID Pelaksana of
  the same Pemda): the body is the same, so the clock does not move; the due dates promised at
  receipt stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lontar.core.calendar import WorkingCalendar, format_long_date
from lontar.ppid.deadlines import (
    Moment,
    RequestDeadlines,
    TimeZoneArg,
    local_date,
    request_deadlines,
)


@dataclass(frozen=True, slots=True)
class ForwardedClock:
    """The receiving body's deadlines and whether the first body forwarded in time."""

    original_received_on: date
    original_notice_due: date
    forwarded_on: date
    deadlines: RequestDeadlines

    @property
    def forwarded_late(self) -> bool:
        """The first body's notice (the forwarding) came after its own 10 working days."""
        return self.forwarded_on > self.original_notice_due

    @property
    def explanation(self) -> str:
        """Indonesian text for the requester and both PPIDs: which clock runs, and why."""
        text = (
            "Permohonan ini diteruskan dari badan publik lain (UU 14/2008 Pasal 22 ayat (7) "
            f"huruf b). Permohonan semula diterima {format_long_date(self.original_received_on)}"
            f"; badan publik penerima menerimanya {format_long_date(self.forwarded_on)}, dan "
            "jangka waktu 10 hari kerja dihitung sejak tanggal itu. "
            f"{self.deadlines.notice_explanation}."
        )
        if self.forwarded_late:
            text += (
                " Penerusan disampaikan setelah batas 10 hari kerja badan publik pertama ("
                f"{format_long_date(self.original_notice_due)})."
            )
        return text


def forwarded_clock(
    forwarded_at: Moment,
    *,
    original_received_at: Moment,
    original_notice_due: date,
    calendar: WorkingCalendar | None = None,
    tz: TimeZoneArg = None,
    original_tz: TimeZoneArg = None,
) -> ForwardedClock:
    """The receiving body's 10/17 working days, counted from the day it received the request.

    `calendar` and `tz` are the receiving body's; `original_tz` the first body's (for the date
    the request was first received, shown in the explanation).
    """
    original_received_on = local_date(original_received_at, original_tz or tz)
    deadlines = request_deadlines(forwarded_at, calendar=calendar, tz=tz)
    if deadlines.received_on < original_received_on:
        raise ValueError("a request cannot be forwarded before it was received")
    return ForwardedClock(
        original_received_on=original_received_on,
        original_notice_due=original_notice_due,
        forwarded_on=deadlines.received_on,
        deadlines=deadlines,
    )


def disposed_due(notice_due: date, extended_due: date) -> tuple[date, date]:
    """Disposing within one public body keeps the dates promised at receipt."""
    return notice_due, extended_due
