"""The public objection register's rows as plain text, built in Python.

A row of nine cells rendered through template lookups, choice displays and the `date` filter
cost most of a page of 25 (issue 22: the register's time grew with the rows it filled); the
labels and month names are now translated once per page, as the PPID register does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.dates import MONTHS_3

from lontar.core.personal_data import redact
from lontar.objections import states
from lontar.objections.models import Objection


def _short_date(moment: datetime | None, zone: ZoneInfo, months: list[str]) -> str:
    """ "5 Okt 2026" in the agency's time zone, as the `date:"j M Y"` filter wrote it."""
    if moment is None:
        return "—"
    day = moment.astimezone(zone)
    return f"{day.day} {months[day.month - 1]} {day.year}"


def register_rows(objections: Iterable[Objection], zone: ZoneInfo) -> list[list[str]]:
    """One list of cells per objection, in the order of the register's columns."""
    months = [str(MONTHS_3[number]).title() for number in range(1, 13)]
    statuses = {value: str(label) for value, label in states.Status.choices}
    outcomes = {value: str(label) for value, label in states.Outcome.choices}
    disputes = dict(Objection._meta.get_field("dispute_outcome").flatchoices)
    rows = []
    for objection in objections:
        request = objection.information_request
        status = statuses.get(objection.status, objection.status)
        if objection.dispute_outcome:
            status += f" ({disputes.get(objection.dispute_outcome, objection.dispute_outcome)})"
        superior = (
            f"{objection.superior_name}, {objection.superior_position}"
            if objection.superior_name
            else "—"
        )
        rows.append(
            [
                objection.number,
                _short_date(objection.received_at, zone, months),
                (request.number if request else "") or "—",
                # Redacted as in the PPID register: a summary typed by an officer may slip in a NIK.
                redact(request.public_summary if request else "") or "—",
                objection.grounds,
                outcomes.get(objection.outcome, "") or "—",
                _short_date(objection.answered_at, zone, months),
                superior,
                status,
            ]
        )
    return rows
