"""The published regulations, newest first, as a stored list (core/bookmarks.py): their
count (the /regulasi/ list and the JDIHN feed's total) and deep-page bookmarks, kept as
documents are published, unpublished, edited and deleted (issue 22)."""

from __future__ import annotations

from django.db.models import QuerySet

from lontar.agencies.models import Agency
from lontar.core import bookmarks
from lontar.regulations.models import LegalDocument
from lontar.regulations.selectors import DEFAULT_SORT, SORTS

ORDER = tuple(SORTS[DEFAULT_SORT])  # year, promulgation date, newest first


def list_key(agency_id: int) -> str:
    return f"regulations:{agency_id}"


def published_queryset(key: str) -> QuerySet[LegalDocument]:
    agency_id = int(key.rsplit(":", 1)[1])
    return LegalDocument.objects.filter(agency_id=agency_id, is_published=True)


def rebuild(agency_id: int) -> None:
    key = list_key(agency_id)
    bookmarks.rebuild(key, published_queryset(key), ORDER)


def connect() -> None:
    bookmarks.follow(
        LegalDocument,
        order=ORDER,
        list_of=lambda row: list_key(row.agency_id) if row.is_published else None,
        queryset_of=published_queryset,
        every=lambda: [list_key(pk) for pk in Agency.objects.values_list("pk", flat=True)],
        fields=("agency_id", "is_published", "year", "promulgated_on"),
        moves=True,
    )
