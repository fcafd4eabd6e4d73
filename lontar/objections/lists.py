"""The public objection register as a stored list (core/bookmarks.py): its count and
deep-page bookmarks, kept as objections are created and deleted (issue 22)."""

from __future__ import annotations

from django.db.models import QuerySet

from lontar.agencies.models import Agency
from lontar.core import bookmarks
from lontar.objections.models import Objection

ORDER = ("-received_at", "-pk")  # the register's order, newest first


def list_key(agency_id: int) -> str:
    return f"objections:{agency_id}"


def register_queryset(key: str) -> QuerySet[Objection]:
    return Objection.objects.filter(agency_id=int(key.rsplit(":", 1)[1]))


def rebuild(agency_id: int) -> None:
    key = list_key(agency_id)
    bookmarks.rebuild(key, register_queryset(key), ORDER)


def connect() -> None:
    # An objection's agency and receipt time are set when it is lodged and never change.
    bookmarks.follow(
        Objection,
        order=ORDER,
        list_of=lambda row: list_key(row.agency_id),
        queryset_of=register_queryset,
        every=lambda: [list_key(pk) for pk in Agency.objects.values_list("pk", flat=True)],
        fields=("agency_id", "received_at"),
    )
