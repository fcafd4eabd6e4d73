"""Applying the legal deadlines to a request with the agency's own calendar and time zone."""

from __future__ import annotations

from datetime import date, datetime

from lontar.agencies.calendar import calendar_for_agency
from lontar.core.calendar import NonWorkingDay, WorkingCalendar
from lontar.ppid.deadlines import RequestDeadlines, request_deadlines


def deadlines_for(
    agency, received_at: datetime, calendar: WorkingCalendar | None = None
) -> RequestDeadlines:
    return request_deadlines(
        received_at, calendar=calendar or calendar_for_agency(agency), tz=agency.time_zone
    )


def stored_deadlines(information_request) -> RequestDeadlines:
    """The deadlines as promised at receipt, rebuilt from the stored row (never recomputed)."""
    return RequestDeadlines(
        received_on=_received_on(information_request),
        notice_due=information_request.notice_due,
        extended_due=information_request.extended_due,
        skipped=tuple(NonWorkingDay.from_dict(d) for d in information_request.skipped_days),
    )


def _received_on(information_request) -> date:
    from lontar.ppid.deadlines import local_date

    return local_date(information_request.received_at, information_request.agency.time_zone)


def explain_due(information_request) -> str:
    deadlines = stored_deadlines(information_request)
    if information_request.extended_at:
        return deadlines.extended_explanation
    return deadlines.notice_explanation


def working_days_left(
    information_request, today: date, calendar: WorkingCalendar | None = None
) -> int:
    """Working days from today to the current due date; negative when overdue."""
    cal = calendar or calendar_for_agency(information_request.agency)
    return cal.working_days_between(today, information_request.current_due)
