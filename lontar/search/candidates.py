"""Bounded full-text candidates: the newest matches of a query in Wagtail's search index.

Wagtail's database backend ranks *every* match of a query before it cuts the first results (on
SQLite with one correlated score subquery per matching row): a common word on ten years of news
costs time in proportion to the archive (issue 22). Here each model's matches are read newest
first and the read stops early; each model keeps its newest CANDIDATES matches, with a relevance
score (1, plus TITLE_WEIGHT times the share of the query's words found in the title):

- SQLite (`search/sqlite_index.py`): a second FTS5 index over the entries that also indexes
  each entry's content type, so one model's matches are one MATCH read backwards along the
  rowid and cut at the LIMIT; the words in the title are counted by FTS5 as well;
- PostgreSQL (`search/postgres_index.py`): the stored `tsvector` columns `title` and `body` of
  `wagtailsearch_indexentry` (built with the `indonesian` configuration of
  WAGTAILSEARCH_BACKENDS), the model's entries read newest first along an index
  `(content_type_id, id)` and ranked with `ts_rank`;
- anything else: Wagtail's own search, cut at CANDIDATES.

Given `within` (the caller's queryset: the agency's live, public records), only index entries
of those records are kept, picked by primary key among each read, so on a platform of many
agencies one agency's matches are never crowded out by the others' newer ones; `values` names
columns of `within` read in the same query (the date a hit is ranked and filtered by). The
caller then ranks the candidates; `truncated` says the index held more matches than were read
("more than N results").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Model, QuerySet

CANDIDATES = 100  # matches kept per model: 10 pages of results
WINDOW = 2000  # at most this many of a model's matches are read for one caller
CHUNK = 500  # matches read at once after the first read (of `limit`)
MAX_TERMS = 12  # words of a query used; the rest of a pasted paragraph adds nothing
TITLE_WEIGHT = 2.0  # a word in the title counts twice one in the body
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Candidates:
    scores: dict[str, float] = field(default_factory=dict)  # object_id -> score, higher better
    truncated: bool = False  # the index held more matches than `limit`
    # object_id -> the `values` of the caller's record (when `within` and `values` are given)
    values: dict[str, tuple] = field(default_factory=dict)


def terms_of(query: str) -> list[str]:
    """The distinct words of a query, lowercased, in order, at most MAX_TERMS."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(query.lower()):
        seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]


class Index:
    """One query against the search index, for each model asked."""

    def __init__(self, query: str, operator: str = "or") -> None:
        self.terms = terms_of(query)
        self.operator = operator

    def find(
        self,
        model: type[Model],
        limit: int = CANDIDATES,
        within: QuerySet | None = None,
        values: Sequence[str] = (),
    ) -> Candidates:
        """The newest `limit` index entries of `model` (and its subclasses) that match, among
        the records of `within` when given (with their `values`)."""
        if not self.terms or limit <= 0:
            return Candidates()
        from modelsearch.utils import get_descendants_content_types_pks

        content_types = sorted(get_descendants_content_types_pks(model))
        if not content_types:
            return Candidates()

        def kept(queryset: QuerySet, object_ids: list[str]) -> dict[str, tuple]:
            return _kept(queryset, object_ids, values)

        if connection.vendor == "postgresql":
            from lontar.search import postgres_index

            rows, found, more = postgres_index.newest(
                content_types, self.terms, self.operator, limit + 1, within,
                window=WINDOW, chunk=CHUNK, kept=kept, config=_search_config(),
                title_weight=TITLE_WEIGHT,
            )  # fmt: skip
            scores = [(object_id, float(rank or 0)) for object_id, rank in rows]
        elif connection.vendor == "sqlite" and _sqlite_typed():
            from lontar.search import sqlite_index

            counted, found, more = sqlite_index.newest(
                content_types, self.terms, self.operator, limit + 1, within,
                window=WINDOW, chunk=CHUNK, kept=kept,
            )  # fmt: skip
            share = TITLE_WEIGHT / len(self.terms)
            scores = [(object_id, 1.0 + share * in_title) for object_id, in_title in counted]
        else:  # pragma: no cover - MySQL, SQLite without FTS5 or without migrations
            scores, found = _fallback(model, self, limit + 1, within, values)
            more = False
        return Candidates(
            scores=dict(scores[:limit]),
            truncated=more or len(scores) > limit,
            values={object_id: found[object_id] for object_id, _ in scores[:limit]}
            if within is not None
            else {},
        )


def find(
    model: type[Model],
    query: str,
    *,
    limit: int = CANDIDATES,
    operator: str = "or",
    within: QuerySet | None = None,
) -> Candidates:
    """The newest `limit` index entries of `model` (and its subclasses) matching `query`."""
    return Index(query, operator).find(model, limit, within)


def _kept(within: QuerySet, object_ids: list[str], values: Sequence[str]) -> dict[str, tuple]:
    """Which of these index object ids are records of `within`, with their `values`: one
    query by primary key (joining "every live record of the agency" into the match read
    100,000 articles per query)."""
    rows = within.order_by().filter(pk__in=object_ids).values_list("pk", *values)
    return {str(pk): tuple(rest) for pk, *rest in rows}


def entries_table() -> str:
    """Wagtail's index entry table (wagtailsearch_indexentry)."""
    from modelsearch.conf import get_app_config

    return get_app_config().get_model("IndexEntry")._meta.db_table


def _sqlite_typed() -> bool:
    from modelsearch.backends import database

    from lontar.search import sqlite_index

    if database.USE_SQLITE_FTS is None:
        database.SearchBackend({})  # tests for FTS5 and its table once
    return bool(database.USE_SQLITE_FTS) and sqlite_index.available()


def _search_config() -> str:
    from django.conf import settings

    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    return str(backend.get("SEARCH_CONFIG") or "simple")


def _fallback(
    model: type[Model], index: Index, limit: int, within: QuerySet | None, values: Sequence[str]
) -> tuple[list[tuple[str, float]], dict[str, tuple]]:  # pragma: no cover
    from wagtail.search.backends import get_search_backend

    queryset = within if within is not None else model._default_manager.all()
    results = get_search_backend().search(" ".join(index.terms), queryset, operator=index.operator)
    found = list(results.annotate_score("_score")[:limit])
    scores = [(str(obj.pk), float(getattr(obj, "_score", 0) or 0)) for obj in found]
    kept = _kept(queryset, [pk for pk, _ in scores], values) if within is not None else {}
    return scores, kept
