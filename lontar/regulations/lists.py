"""The published regulations, newest first, as a stored list (core/bookmarks.py): their
count (the /regulasi/ list and the JDIHN feed's total) and deep-page bookmarks, kept as
documents are published, unpublished, edited and deleted (issue 22)."""

from __future__ import annotations

from lontar.core import bookmarks
from lontar.regulations.models import LegalDocument
from lontar.regulations.selectors import DEFAULT_SORT, SORTS

ORDER = tuple(SORTS[DEFAULT_SORT])  # year, promulgation date, newest first
PREFIX = "regulations"  # its lists are "regulations:<agency id>"


def list_key(agency_id: int) -> str:
    return bookmarks.agency_list_key(PREFIX, agency_id)


def connect() -> None:
    bookmarks.follow_per_agency(
        LegalDocument,
        prefix=PREFIX,
        order=ORDER,
        rows_of=lambda agency_id: LegalDocument.objects.filter(
            agency_id=agency_id, is_published=True
        ),
        listed=lambda row: row.is_published,
        fields=("agency_id", "is_published", "year", "promulgated_on"),
        moves=True,
    )
