"""The published questions as a stored list (core/bookmarks.py): their count and deep-page
bookmarks, kept as questions are published, unpublished and deleted (issue 22)."""

from __future__ import annotations

from django.db.models import QuerySet

from lontar.agencies.models import Agency
from lontar.core import bookmarks
from lontar.qna.models import Question
from lontar.qna.states import Status

ORDER = ("-published_at", "-pk")  # the Q&A list's order, newest first


def list_key(agency_id: int) -> str:
    return f"qna:{agency_id}"


def published_queryset(key: str) -> QuerySet[Question]:
    agency_id = int(key.rsplit(":", 1)[1])
    return Question.objects.filter(agency_id=agency_id, status=Status.PUBLISHED)


def rebuild(agency_id: int) -> None:
    key = list_key(agency_id)
    bookmarks.rebuild(key, published_queryset(key), ORDER)


def connect() -> None:
    bookmarks.follow(
        Question,
        order=ORDER,
        list_of=lambda row: list_key(row.agency_id) if row.status == Status.PUBLISHED else None,
        queryset_of=published_queryset,
        every=lambda: [list_key(pk) for pk in Agency.objects.values_list("pk", flat=True)],
        fields=("agency_id", "status", "published_at"),
        moves=True,
    )
