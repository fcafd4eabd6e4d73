"""The published questions as a stored list (core/bookmarks.py): their count and deep-page
bookmarks, kept as questions are published, unpublished and deleted (issue 22)."""

from __future__ import annotations

from lontar.core import bookmarks
from lontar.qna.models import Question
from lontar.qna.states import Status

ORDER = ("-published_at", "-pk")  # the Q&A list's order, newest first
PREFIX = "qna"  # its lists are "qna:<agency id>"


def list_key(agency_id: int) -> str:
    return bookmarks.agency_list_key(PREFIX, agency_id)


def connect() -> None:
    bookmarks.follow_per_agency(
        Question,
        prefix=PREFIX,
        order=ORDER,
        rows_of=lambda agency_id: Question.objects.filter(
            agency_id=agency_id, status=Status.PUBLISHED
        ),
        listed=lambda row: row.status == Status.PUBLISHED,
        fields=("agency_id", "status", "published_at"),
        moves=True,
    )
