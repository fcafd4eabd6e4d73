"""Bounded full-text candidates: the newest matches of a query in Wagtail's search index.

Wagtail's database backend ranks *every* match of a query before it cuts the first results (on
SQLite with one correlated score subquery per matching row): a common word on ten years of news
costs time in proportion to the archive (issue 22). Here the index is read newest entry first
and stopped after `limit` matches of the model's content types, each with its relevance score:

- SQLite: the FTS5 table `wagtailsearch_indexentry_fts`, walked in descending rowid order (which
  FTS5 does without sorting) with `bm25()` per row;
- PostgreSQL: the stored `tsvector` columns `title` and `body`
  of `wagtailsearch_indexentry` (built with the `indonesian` configuration of
  WAGTAILSEARCH_BACKENDS, each with a GIN index),
  matched with `@@` and ranked with `ts_rank`, the newest `limit` entries;
- anything else: Wagtail's own search, cut at `limit`.

The caller then filters the candidates with its own queryset (agency, live, public) and ranks
them; `truncated` says the index held more matches than were read ("more than N results").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Model

CANDIDATES = 1000  # matches read per model: the page of results a visitor can reach
MAX_TERMS = 12  # words of a query used; the rest of a pasted paragraph adds nothing
TITLE_WEIGHT = 2.0  # a word in the title counts twice one in the body
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Candidates:
    scores: dict[str, float] = field(default_factory=dict)  # object_id -> score, higher better
    truncated: bool = False  # the index held more matches than `limit`


def terms_of(query: str) -> list[str]:
    """The distinct words of a query, lowercased, in order, at most MAX_TERMS."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(query.lower()):
        seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]


def fts5_match(terms: list[str], operator: str = "or") -> str:
    """An FTS5 MATCH expression for the title and body columns: each term quoted (literal)."""
    joiner = " AND " if operator == "and" else " OR "
    quoted = joiner.join('"' + term.replace('"', '""') + '"' for term in terms)
    return "{title body} : (" + quoted + ")"


def find(
    model: type[Model], query: str, *, limit: int = CANDIDATES, operator: str = "or"
) -> Candidates:
    """The newest `limit` index entries of `model` (and its subclasses) matching `query`."""
    terms = terms_of(query)
    if not terms or limit <= 0:
        return Candidates()
    from modelsearch.utils import get_descendants_content_types_pks

    content_types = list(get_descendants_content_types_pks(model))
    if connection.vendor == "postgresql":
        rows = _postgres(content_types, terms, limit + 1, operator)
    elif connection.vendor == "sqlite" and _sqlite_fts():
        rows = _sqlite(content_types, terms, limit + 1, operator)
    else:  # pragma: no cover - MySQL or SQLite without FTS5
        rows = _fallback(model, " ".join(terms), limit + 1, operator)
    return Candidates(
        scores={str(object_id): float(score or 0) for object_id, score in rows[:limit]},
        truncated=len(rows) > limit,
    )


def _sqlite_fts() -> bool:
    from modelsearch.backends import database

    if database.USE_SQLITE_FTS is None:
        database.SearchBackend({})  # tests for FTS5 and its table once
    return bool(database.USE_SQLITE_FTS)


def _tables() -> tuple[str, str]:
    """The index entry table and its FTS5 table (wagtailsearch_… under Wagtail)."""
    from modelsearch.conf import get_app_config

    config = get_app_config()
    entries = config.get_model("IndexEntry")._meta.db_table
    if connection.vendor != "sqlite":
        return entries, ""
    return entries, config.get_model("SQLiteFTSIndexEntry")._meta.db_table


def _sqlite(content_types: list[int], terms: list[str], limit: int, operator: str) -> list:
    entries, fts = _tables()
    marks = ", ".join(["%s"] * len(content_types))
    # bm25() is lower for better matches; its weights follow the table's columns
    # (autocomplete, body, title).
    sql = (
        f"SELECT e.object_id, -bm25({fts}, 0.0, 1.0, %s) "
        f"FROM {fts} JOIN {entries} e ON e.id = {fts}.rowid "
        f"WHERE {fts} MATCH %s AND e.content_type_id IN ({marks}) "
        f"ORDER BY {fts}.rowid DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [TITLE_WEIGHT, fts5_match(terms, operator), *content_types, limit])
        return cursor.fetchall()


def _search_config() -> str:
    from django.conf import settings

    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    return str(backend.get("SEARCH_CONFIG") or "simple")


def _postgres(content_types: list[int], terms: list[str], limit: int, operator: str) -> list:
    joiner = " && " if operator == "and" else " || "
    tsquery = joiner.join(["plainto_tsquery(%s::regconfig, %s)"] * len(terms))
    config = _search_config()
    params: list = []
    for term in terms:
        params += [config, term]
    sql = (
        f"WITH q AS (SELECT ({tsquery}) AS q) "
        "SELECT e.object_id, ts_rank(e.title, q.q) * %s + ts_rank(e.body, q.q) "
        f"FROM {_tables()[0]} e, q "
        "WHERE e.content_type_id = ANY(%s) AND (e.title @@ q.q OR e.body @@ q.q) "
        "ORDER BY e.id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, TITLE_WEIGHT, content_types, limit])
        return cursor.fetchall()


def _fallback(
    model: type[Model], query: str, limit: int, operator: str
) -> list:  # pragma: no cover
    from wagtail.search.backends import get_search_backend

    results = get_search_backend().search(query, model._default_manager.all(), operator=operator)
    found = results.annotate_score("_score")[:limit]
    return [(obj.pk, getattr(obj, "_score", 0)) for obj in found]
