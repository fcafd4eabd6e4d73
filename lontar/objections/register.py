"""The public objection register's rows as plain text, built in Python.

A row of nine cells rendered through template lookups and choice displays cost most of a page
of 25 (issue 22: the register's time grew with the rows it filled); the labels are now
translated once per page, as the PPID register does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.dateformat import format as format_date

from lontar.core.personal_data import redact
from lontar.objections import states
from lontar.objections.models import Objection


def _short_date(moment: datetime | None, zone: ZoneInfo) -> str:
    """The day in the agency's time zone, "5 Okt 2026"."""
    return format_date(moment.astimezone(zone), "j M Y") if moment else "—"


def register_rows(objections: Iterable[Objection], zone: ZoneInfo) -> list[list[str]]:
    """One list of cells per objection, in the order of the register's columns."""
    statuses = {value: str(label) for value, label in states.Status.choices}
    outcomes = {value: str(label) for value, label in states.Outcome.choices}
    disputes = {value: str(label) for value, label in states.DisputeOutcome.choices}
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
                _short_date(objection.received_at, zone),
                (request.number if request else "") or "—",
                # Redacted as in the PPID register: a summary typed by an officer may slip in a NIK.
                redact(request.public_summary if request else "") or "—",
                objection.grounds,
                outcomes.get(objection.outcome, "") or "—",
                _short_date(objection.answered_at, zone),
                superior,
                status,
            ]
        )
    return rows
