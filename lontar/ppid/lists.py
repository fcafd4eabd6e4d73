"""The public register as a stored list (core/bookmarks.py): its count and deep-page
bookmarks, kept as requests are created and deleted (issue 22)."""

from __future__ import annotations

from lontar.core import bookmarks
from lontar.ppid.models import InformationRequest

ORDER = ("-received_at", "-pk")  # the register's order, newest first
PREFIX = "ppid-register"  # its lists are "ppid-register:<agency id>"


def list_key(agency_id: int) -> str:
    return bookmarks.agency_list_key(PREFIX, agency_id)


def connect() -> None:
    # Every request is in its agency's register from creation; its agency and receipt time
    # never change (forwarding creates a new request).
    bookmarks.follow_per_agency(
        InformationRequest,
        prefix=PREFIX,
        order=ORDER,
        rows_of=lambda agency_id: InformationRequest.objects.filter(agency_id=agency_id),
        fields=("agency_id", "received_at"),
    )
