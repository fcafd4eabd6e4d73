"""When a requester's personal data must go (UU 27/2022 Pasal 42–44). Pure.

Retention runs from the request's last event, whatever its state: a request answered but
never marked complete, or left open and forgotten, is not a reason to keep who asked for ever.
"""

from __future__ import annotations

from datetime import date


def erase_on(last_event_on: date, retention_years: int) -> date:
    """The first day the data may no longer be kept: `retention_years` after the last event.

    29 February moves to 28 February in a year without it.
    """
    if retention_years < 1:
        raise ValueError("retention is at least one year")
    year = last_event_on.year + retention_years
    try:
        return last_event_on.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def is_due(last_event_on: date, retention_years: int, today: date) -> bool:
    return today >= erase_on(last_event_on, retention_years)
