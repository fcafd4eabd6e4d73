"""The public objection register as a stored list (core/bookmarks.py): its count and
deep-page bookmarks, kept as objections are created and deleted (issue 22)."""

from __future__ import annotations

from lontar.core import bookmarks
from lontar.objections.models import Objection

ORDER = ("-received_at", "-pk")  # the register's order, newest first
PREFIX = "objections"  # its lists are "objections:<agency id>"


def list_key(agency_id: int) -> str:
    return bookmarks.agency_list_key(PREFIX, agency_id)


def connect() -> None:
    # An objection's agency and receipt time are set when it is lodged and never change.
    bookmarks.follow_per_agency(
        Objection,
        prefix=PREFIX,
        order=ORDER,
        rows_of=lambda agency_id: Objection.objects.filter(agency_id=agency_id),
        fields=("agency_id", "received_at"),
    )
