"""The objection clock applied with the agency's own calendar and time zone."""

from __future__ import annotations

from datetime import date, datetime

from lontar.agencies.calendar import calendar_for_agency
from lontar.core.calendar import NonWorkingDay
from lontar.objections.deadlines import (
    Deadline,
    DisputeWindow,
    ObjectionDeadlines,
    dispute_window,
    objection_deadlines,
)
from lontar.objections.states import Outcome
from lontar.ppid.deadlines import local_date


def deadlines_for(agency, received_at: datetime) -> ObjectionDeadlines:
    return objection_deadlines(
        received_at, calendar=calendar_for_agency(agency), tz=agency.time_zone
    )


def received_on(objection) -> date:
    return local_date(objection.received_at, objection.agency.time_zone)


def answer_deadline(objection) -> Deadline:
    """The answer's due date as promised at receipt, rebuilt from the stored row."""
    return ObjectionDeadlines(
        received_on=received_on(objection),
        answer_due=objection.answer_due,
        skipped=tuple(NonWorkingDay.from_dict(d) for d in objection.skipped_days),
    ).answer


def dispute_for(objection, today: date | None = None) -> DisputeWindow | None:
    """Whether (and until when) the objector may go to the Komisi Informasi now."""
    agency = objection.agency
    answered_on = (
        local_date(objection.answered_at, agency.time_zone) if objection.answered_at else None
    )
    return dispute_window(
        answer_due=objection.answer_due,
        answered_on=answered_on,
        outcome_leaves_dispute=objection.outcome in Outcome.leaves_dispute_open(),
        today=today or agency.today(),
        calendar=calendar_for_agency(agency),
    )
