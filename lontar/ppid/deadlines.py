"""Statutory deadlines of UU 14/2008 (Keterbukaan Informasi Publik), in working days.

Pure functions: importing this module touches neither Django nor the database, so it can be
used from migrations, management commands and plain unit tests alike. See
docs/domain/ppid-deadlines.md for the rule and worked examples.

Every period runs from a *local calendar date* in the agency's time zone; that day itself is
never counted, so day 1 is the first working day after it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

from lontar.core.calendar import (
    NonWorkingDay,
    WorkingCalendar,
    default_calendar,
    format_long_date,
    format_skipped,
    working_days_between,
)

__all__ = [
    "DEFAULT_TIME_ZONE",
    "DISPUTE_FILING_PERIOD",
    "EXTENSION_PERIOD",
    "OBJECTION_ANSWER_PERIOD",
    "OBJECTION_FILING_PERIOD",
    "RESPONSE_PERIOD",
    "Deadline",
    "ObjectionDeadlines",
    "RequestDeadlines",
    "dispute_filing_due",
    "local_date",
    "objection_deadlines",
    "objection_filing_due",
    "request_deadlines",
    "working_days_between",
]

# UU 14/2008 Pasal 22 ayat (7): written notice to the requester within 10 working days of
# receiving the request.
RESPONSE_PERIOD = 10
# UU 14/2008 Pasal 22 ayat (8): the notice may be extended once by at most 7 more working days,
# with written reasons (17 working days in all).
EXTENSION_PERIOD = 7
# UU 14/2008 Pasal 36 ayat (1): an objection (keberatan) is filed within 30 working days after
# the grounds for it arise.
OBJECTION_FILING_PERIOD = 30
# UU 14/2008 Pasal 36 ayat (2): the PPID's superior (atasan PPID) answers within 30 working
# days after receiving the written objection.
OBJECTION_ANSWER_PERIOD = 30
# UU 14/2008 Pasal 37 ayat (2): a dispute goes to the Komisi Informasi within 14 working days
# after the requester receives the superior's written answer.
DISPUTE_FILING_PERIOD = 14

# The first agency is in Kupang (WITA); used only when Django settings are not available.
DEFAULT_TIME_ZONE = "Asia/Makassar"

Moment = datetime | date
TimeZoneArg = tzinfo | str | None


@dataclass(frozen=True, slots=True)
class Deadline:
    """A due date ``working_days`` working days after ``start`` (``start`` not counted)."""

    start: date
    working_days: int
    due: date
    skipped: tuple[NonWorkingDay, ...]

    @property
    def explanation(self) -> str:
        """Indonesian text showing how the date was reached, for requesters and PPID staff."""
        text = (
            f"Batas waktu {format_long_date(self.due)}: {self.working_days} hari kerja setelah "
            f"{format_long_date(self.start)} (hari itu sendiri tidak dihitung)"
        )
        listed = format_skipped(self.skipped)
        return f"{text}; tidak dihitung: {listed}" if listed else text


@dataclass(frozen=True, slots=True)
class RequestDeadlines:
    """Deadlines of an information request (UU 14/2008 Pasal 22 ayat (7) and (8))."""

    received_on: date
    notice_due: date
    extended_due: date
    # Up to extended_due; the notice period's share is the part before notice_due.
    skipped: tuple[NonWorkingDay, ...]

    @property
    def notice(self) -> Deadline:
        return Deadline(
            start=self.received_on,
            working_days=RESPONSE_PERIOD,
            due=self.notice_due,
            skipped=tuple(d for d in self.skipped if d.day < self.notice_due),
        )

    @property
    def extended(self) -> Deadline:
        return Deadline(
            start=self.received_on,
            working_days=RESPONSE_PERIOD + EXTENSION_PERIOD,
            due=self.extended_due,
            skipped=self.skipped,
        )

    @property
    def notice_explanation(self) -> str:
        return self.notice.explanation

    @property
    def extended_explanation(self) -> str:
        return self.extended.explanation


@dataclass(frozen=True, slots=True)
class ObjectionDeadlines:
    """Deadline for the superior's answer to an objection (UU 14/2008 Pasal 36 ayat (2))."""

    received_on: date
    answer_due: date
    skipped: tuple[NonWorkingDay, ...]

    @property
    def answer(self) -> Deadline:
        return Deadline(
            start=self.received_on,
            working_days=OBJECTION_ANSWER_PERIOD,
            due=self.answer_due,
            skipped=self.skipped,
        )

    @property
    def explanation(self) -> str:
        return self.answer.explanation


def _configured_django_time_zone() -> str | None:
    """Django's TIME_ZONE, but only if Django is installed and its settings are configured.

    Imported here, not at module level, so that importing this module never loads Django.
    A set DJANGO_SETTINGS_MODULE counts as configured: Django loads it on first access.
    """
    try:
        from django.conf import settings
    except ImportError:
        return None
    if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
        return None
    return getattr(settings, "TIME_ZONE", None) or None


def _resolve_time_zone(tz: TimeZoneArg) -> tzinfo:
    if tz is None:
        return ZoneInfo(_configured_django_time_zone() or DEFAULT_TIME_ZONE)
    if isinstance(tz, str):
        return ZoneInfo(tz)
    if isinstance(tz, tzinfo):
        return tz
    raise TypeError(f"tz must be a tzinfo, a time zone name or None, not {type(tz)!r}")


def local_date(moment: Moment, tz: TimeZoneArg = None) -> date:
    """The calendar date of ``moment`` in the agency's time zone.

    A plain ``date`` is taken as already local. A naive datetime is refused: guessing its zone
    could move a deadline by a day.
    """
    if isinstance(moment, datetime):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(
                "naive datetime given; pass a timezone-aware datetime (e.g. "
                "django.utils.timezone.now()) or a local date"
            )
        return moment.astimezone(_resolve_time_zone(tz)).date()
    if isinstance(moment, date):
        if tz is not None:
            _resolve_time_zone(tz)  # still reject a misspelt zone name early
        return moment
    raise TypeError(f"expected an aware datetime or a date, not {type(moment)!r}")


def _calendar(calendar: WorkingCalendar | None) -> WorkingCalendar:
    return calendar if calendar is not None else default_calendar()


def _deadline(
    moment: Moment, working_days: int, calendar: WorkingCalendar | None, tz: TimeZoneArg
) -> Deadline:
    start = local_date(moment, tz)
    count = _calendar(calendar).add_working_days(start, working_days)
    return Deadline(start=start, working_days=working_days, due=count.end, skipped=count.skipped)


def request_deadlines(
    received_at: Moment,
    *,
    calendar: WorkingCalendar | None = None,
    tz: TimeZoneArg = None,
) -> RequestDeadlines:
    """Notice due after 10 working days, extended notice after 17, counted from receipt."""
    received_on = local_date(received_at, tz)
    cal = _calendar(calendar)
    notice = cal.add_working_days(received_on, RESPONSE_PERIOD)
    extended = cal.add_working_days(received_on, RESPONSE_PERIOD + EXTENSION_PERIOD)
    return RequestDeadlines(
        received_on=received_on,
        notice_due=notice.end,
        extended_due=extended.end,
        skipped=extended.skipped,
    )


def objection_deadlines(
    received_at: Moment,
    *,
    calendar: WorkingCalendar | None = None,
    tz: TimeZoneArg = None,
) -> ObjectionDeadlines:
    """The superior's answer is due 30 working days after the written objection is received."""
    deadline = _deadline(received_at, OBJECTION_ANSWER_PERIOD, calendar, tz)
    return ObjectionDeadlines(
        received_on=deadline.start, answer_due=deadline.due, skipped=deadline.skipped
    )


def objection_filing_due(
    grounds_arose_at: Moment,
    *,
    calendar: WorkingCalendar | None = None,
    tz: TimeZoneArg = None,
) -> Deadline:
    """Last day to file an objection: 30 working days after its grounds arose."""
    return _deadline(grounds_arose_at, OBJECTION_FILING_PERIOD, calendar, tz)


def dispute_filing_due(
    answer_received_at: Moment,
    *,
    calendar: WorkingCalendar | None = None,
    tz: TimeZoneArg = None,
) -> Deadline:
    """Last day to bring a dispute to the Komisi Informasi: 14 working days after the answer."""
    return _deadline(answer_received_at, DISPUTE_FILING_PERIOD, calendar, tz)
