"""The public register as a stored list (core/bookmarks.py): its count and deep-page
bookmarks, kept as requests are created and deleted (issue 22)."""

from __future__ import annotations

from django.db.models import QuerySet

from lontar.agencies.models import Agency
from lontar.core import bookmarks
from lontar.ppid.models import InformationRequest

ORDER = ("-received_at", "-pk")  # the register's order, newest first


def list_key(agency_id: int) -> str:
    return f"ppid-register:{agency_id}"


def register_queryset(key: str) -> QuerySet[InformationRequest]:
    return InformationRequest.objects.filter(agency_id=int(key.rsplit(":", 1)[1]))


def rebuild(agency_id: int) -> None:
    key = list_key(agency_id)
    bookmarks.rebuild(key, register_queryset(key), ORDER)


def connect() -> None:
    # Every request is in its agency's register from creation; its agency and receipt time
    # never change (forwarding creates a new request).
    bookmarks.follow(
        InformationRequest,
        order=ORDER,
        list_of=lambda row: list_key(row.agency_id),
        queryset_of=register_queryset,
        every=lambda: [list_key(pk) for pk in Agency.objects.values_list("pk", flat=True)],
        fields=("agency_id", "received_at"),
    )
