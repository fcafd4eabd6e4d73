"""Bounded full-text candidates: the newest matches of a query in Wagtail's search index.

Wagtail's database backend ranks *every* match of a query before it cuts the first results (on
SQLite with one correlated score subquery per matching row): a common word on ten years of news
costs time in proportion to the archive (issue 22). Here the index is read newest entry first
and stopped early; each model keeps its newest CANDIDATES matches, with a relevance score:

- SQLite: the FTS5 table `wagtailsearch_indexentry_fts` gives the rowids of the newest matches
  between the model's first and last entry, at most WINDOW (FTS5 walks its posting lists
  backwards within a rowid range, without sorting; its `bm25()` would first count every match,
  so it is not used); the model's own among them are found through the content-type index;
  the score counts the query's words in the title;
- PostgreSQL: the stored `tsvector` columns `title` and `body` of `wagtailsearch_indexentry`
  (built with the `indonesian` configuration of WAGTAILSEARCH_BACKENDS, each with a GIN
  index), matched with `@@`, the newest CANDIDATES entries of the model, ranked with `ts_rank`;
- anything else: Wagtail's own search, cut at CANDIDATES.

Given `within` (the caller's queryset: the agency's live, public records), only index entries
of those records are read, so on a platform of many agencies one agency's matches are never
crowded out by the others' newer ones. The caller then filters and ranks the candidates;
`truncated` says the index held more matches than were read ("more than N results").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import CharField, Model, QuerySet
from django.db.models.functions import Cast

CANDIDATES = 100  # matches kept per model: 10 pages of results
WINDOW = 2000  # SQLite: at most this many matches are read within a model's span
SMALL_MODEL = 2000  # SQLite: a model with at most this many entries is matched by set
CHUNK = 500  # SQLite: matches read at once
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


class Index:
    """One query against the search index, for each model asked."""

    def __init__(self, query: str, operator: str = "or") -> None:
        self.terms = terms_of(query)
        self.operator = operator

    def find(
        self, model: type[Model], limit: int = CANDIDATES, within: QuerySet | None = None
    ) -> Candidates:
        """The newest `limit` index entries of `model` (and its subclasses) that match, among
        the records of `within` when given."""
        if not self.terms or limit <= 0:
            return Candidates()
        from modelsearch.utils import get_descendants_content_types_pks

        content_types = list(get_descendants_content_types_pks(model))
        if not content_types:
            return Candidates()
        if connection.vendor == "postgresql":
            rows = _postgres(content_types, self.terms, limit + 1, self.operator, within)
            truncated = len(rows) > limit
        elif connection.vendor == "sqlite" and _sqlite_fts():
            rows, truncated = self._sqlite(content_types, limit + 1, within)
            truncated = truncated or len(rows) > limit
        else:  # pragma: no cover - MySQL or SQLite without FTS5
            rows = _fallback(model, " ".join(self.terms), limit + 1, self.operator, within)
            truncated = len(rows) > limit
        return Candidates(
            scores={str(object_id): float(score or 0) for object_id, score in rows[:limit]},
            truncated=truncated,
        )

    def _sqlite(
        self, content_types: list[int], limit: int, within: QuerySet | None
    ) -> tuple[list, bool]:
        """(object_id, score) of the model's newest `limit` matches, and whether more may
        exist. FTS5 walks its posting lists backwards within the rowid range of the model's
        entries, CHUNK matches at a time, without sorting; the model's own among them are
        found through the content-type index (never the entries' rows, which hold the whole
        text), until `limit` are found or WINDOW matches were read."""
        entries, fts = _tables()
        cts = ", ".join(["%s"] * len(content_types))
        match = fts5_match(self.terms, self.operator)
        with connection.cursor() as cursor:
            # A small model's entries are read at once (and, when `within` is given, only the
            # caller's among them): a model or a caller with no entries costs no more.
            cursor.execute(
                f"SELECT id FROM {entries} WHERE content_type_id IN ({cts}) LIMIT %s",
                [*content_types, SMALL_MODEL + 1],
            )
            own: set[int] | None = {pk for (pk,) in cursor.fetchall()}
            if not own:
                return [], False
            if len(own) > SMALL_MODEL:
                own = None  # a large model: its rows are looked up chunk by chunk
            elif within is not None:
                sub_sql, sub_params = _object_ids(within)
                cursor.execute(
                    f"SELECT id FROM {entries} WHERE content_type_id IN ({cts}){sub_sql}",
                    [*content_types, *sub_params],
                )
                own = {pk for (pk,) in cursor.fetchall()}
                if not own:  # none of the model's entries is the caller's
                    return [], False
            if own is not None:
                low, high = min(own), max(own)
            else:
                # The span of a large model's entries: a lookup at each end of the
                # content-type index per type. Not narrowed to `within`, whose ids would be
                # read in full (100,000 live articles): the caller's records are picked among
                # the matches below.
                ends = ", ".join(
                    f"(SELECT MIN(id) FROM {entries} WHERE content_type_id = %s), "
                    f"(SELECT MAX(id) FROM {entries} WHERE content_type_id = %s)"
                    for _ in content_types
                )
                cursor.execute(f"SELECT {ends}", [ct for ct in content_types for _ in (1, 2)])
                found_ends = [end for end in cursor.fetchone() if end is not None]
                low, high = min(found_ends), max(found_ends)
            chosen: list[int] = []
            read, more = 0, False
            while len(chosen) < limit:
                if read >= WINDOW:
                    more = True
                    break
                cursor.execute(
                    f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s "
                    "AND rowid BETWEEN %s AND %s ORDER BY rowid DESC LIMIT %s",
                    [match, low, high, CHUNK],
                )
                chunk = [rowid for (rowid,) in cursor.fetchall()]
                read += len(chunk)
                if own is not None:
                    chosen += [rowid for rowid in chunk if rowid in own]
                elif chunk:
                    chosen += _theirs(cursor, entries, content_types, chunk, within)
                if len(chunk) < CHUNK:
                    break
                high = chunk[-1] - 1
            chosen = chosen[:limit]
            if not chosen:
                return [], more
            marks = ", ".join(["%s"] * len(chosen))
            cursor.execute(
                f"SELECT id, object_id, title FROM {entries} WHERE id IN ({marks})", chosen
            )
            found = {pk: (object_id, title) for pk, object_id, title in cursor.fetchall()}
        terms = set(self.terms)
        rows = []
        for pk in chosen:
            object_id, title = found[pk]
            in_title = terms & set(_WORD.findall((title or "").lower()))
            rows.append((object_id, 1.0 + TITLE_WEIGHT * len(in_title) / len(terms)))
        return rows, more


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


def _theirs(
    cursor, entries: str, content_types: list[int], chunk: list[int], within: QuerySet | None
) -> list[int]:
    """The entries of `chunk` (newest first) that are the model's, of the caller's records:
    the chunk's object ids are looked up in `within` by primary key, a bounded query."""
    cts = ", ".join(["%s"] * len(content_types))
    ids = ", ".join(["%s"] * len(chunk))
    cursor.execute(
        f"SELECT id, object_id FROM {entries} WHERE content_type_id IN ({cts}) AND id IN ({ids})",
        [*content_types, *chunk],
    )
    rows = cursor.fetchall()
    if within is not None and rows:
        kept = _kept(within, [object_id for _, object_id in rows])
        rows = [(pk, object_id) for pk, object_id in rows if object_id in kept]
    return sorted((pk for pk, _ in rows), reverse=True)


def _kept(within: QuerySet, object_ids: list) -> set[str]:
    """Which of these index object ids are records of `within`: one query by primary key."""
    return {
        str(pk) for pk in within.order_by().filter(pk__in=object_ids).values_list("pk", flat=True)
    }


def _object_ids(within: QuerySet | None) -> tuple[str, tuple]:
    """ " AND object_id IN (…)" for the records of `within` (the index keeps ids as text)."""
    if within is None:
        return "", ()
    ids = (
        within.order_by()
        .annotate(_index_object_id=Cast("pk", output_field=CharField()))
        .values("_index_object_id")
    )
    sql, params = ids.query.get_compiler(connection=connection).as_sql()
    return f" AND object_id IN ({sql})", tuple(params)


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


def _search_config() -> str:
    from django.conf import settings

    backend = settings.WAGTAILSEARCH_BACKENDS.get("default", {})
    return str(backend.get("SEARCH_CONFIG") or "simple")


def _postgres(
    content_types: list[int],
    terms: list[str],
    limit: int,
    operator: str,
    within: QuerySet | None = None,
) -> list:
    """(object_id, rank) of the model's newest `limit` matches. The model's matches are read
    newest first, CHUNK at a time up to WINDOW (along the primary key for a common word,
    through the GIN indexes for a rare one), and the caller's records among them are kept by
    primary key: joining `within` in the same query read every match and every live record
    (100,000)."""
    joiner = " && " if operator == "and" else " || "
    tsquery = joiner.join(["plainto_tsquery(%s::regconfig, %s)"] * len(terms))
    config = _search_config()
    params: list = []
    for term in terms:
        params += [config, term]
    sql = (
        f"WITH q AS (SELECT ({tsquery}) AS q) "
        "SELECT e.id, e.object_id, ts_rank(e.title, q.q) * %s + ts_rank(e.body, q.q) "
        f"FROM {_tables()[0]} e, q "
        "WHERE e.content_type_id = ANY(%s) AND (e.title @@ q.q OR e.body @@ q.q) "
        "AND e.id < %s ORDER BY e.id DESC LIMIT %s"
    )
    found: list = []
    below, read = 2**62, 0
    with connection.cursor() as cursor:
        while len(found) < limit and read < WINDOW:
            cursor.execute(sql, [*params, TITLE_WEIGHT, content_types, below, CHUNK])
            chunk = cursor.fetchall()
            read += len(chunk)
            rows = [(object_id, rank) for _id, object_id, rank in chunk]
            if within is not None and rows:
                kept = _kept(within, [object_id for object_id, _ in rows])
                rows = [row for row in rows if str(row[0]) in kept]
            found += rows
            if len(chunk) < CHUNK:
                break
            below = chunk[-1][0]
    return found[:limit]


def _fallback(
    model: type[Model], query: str, limit: int, operator: str, within: QuerySet | None = None
) -> list:  # pragma: no cover
    from wagtail.search.backends import get_search_backend

    queryset = within if within is not None else model._default_manager.all()
    results = get_search_backend().search(query, queryset, operator=operator)
    found = results.annotate_score("_score")[:limit]
    return [(obj.pk, getattr(obj, "_score", 0)) for obj in found]
