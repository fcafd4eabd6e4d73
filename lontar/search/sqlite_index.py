"""SQLite: one model's newest matches through the typed FTS5 index (`search_typed_fts`).

Wagtail's FTS5 table holds every model's entries in one rowid space, so a model's matches are
interleaved with the others' (in a generated archive the 100,000 articles sit between the first
and the last regulation): reading "the newest matches of this model" walked other models'
matches. Migration `search/0001_scale_typed_fts` adds a second FTS5 index over the same entries
(external content: no text stored twice) whose `content_type_id` column is indexed as a word,
so the model is one more term of the MATCH: FTS5 walks the intersection of the posting lists
backwards (newest first) and stops at the LIMIT, whatever the size of the archive or the number
of other models' matches.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection
from django.db.models import QuerySet

TABLE = "search_typed_fts"
_available: dict[str, bool] = {}


def available() -> bool:
    """Whether the typed index exists (migrated with FTS5; not under `--no-migrations`)."""
    name = str(connection.settings_dict.get("NAME"))
    if name not in _available:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [TABLE]
            )
            _available[name] = cursor.fetchone() is not None
    return _available[name]


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def match(content_types: Sequence[int], terms: Sequence[str], operator: str = "or") -> str:
    """The MATCH expression: one of the content types, and the terms in the title or body
    (each term quoted: literal)."""
    joiner = " AND " if operator == "and" else " OR "
    kinds = " OR ".join(_quoted(str(pk)) for pk in content_types)
    words = joiner.join(_quoted(term) for term in terms)
    return f"({{content_type_id}} : ({kinds})) AND ({{title body}} : ({words}))"


def newest(
    content_types: Sequence[int],
    terms: Sequence[str],
    operator: str,
    limit: int,
    within: QuerySet | None,
    *,
    window: int,
    chunk: int,
    kept,
) -> tuple[list[tuple[str, int]], dict[str, tuple], bool]:
    """([(object_id, terms in its title)], values of the caller's records, more may exist):
    the model's newest `limit` matches among the caller's records (`within`).

    The first read asks for `limit` matches (on one agency's site all are the agency's), later
    ones `chunk` at a time, at most `window` matches in all: a caller whose records are rare
    among the model's (one agency among sixty) costs a bounded number of reads. `kept` picks
    the caller's records among a chunk's object ids (one query by primary key)."""
    from lontar.search.candidates import entries_table

    entries = entries_table()
    expression = match(content_types, terms, operator)
    chosen: list[tuple[int, str]] = []  # (entry id, object id), newest first
    values: dict[str, tuple] = {}
    below, read, size, more = 2**62, 0, limit, False
    with connection.cursor() as cursor:
        while len(chosen) < limit:
            if read >= window:
                more = True
                break
            # The entry's object id is in the first bytes of its row: its text is not read.
            cursor.execute(
                f"SELECT e.id, e.object_id FROM {TABLE} f JOIN {entries} e ON e.id = f.rowid "
                f"WHERE {TABLE} MATCH %s AND f.rowid < %s ORDER BY f.rowid DESC LIMIT %s",
                [expression, below, size],
            )
            rows = cursor.fetchall()
            read += len(rows)
            last = rows[-1][0] if rows else None
            exhausted = len(rows) < size
            if within is not None and rows:
                found = kept(within, [object_id for _, object_id in rows])
                values.update(found)
                rows = [(pk, object_id) for pk, object_id in rows if object_id in found]
            chosen += rows
            if exhausted or last is None:
                break
            below, size = last, chunk
        chosen = chosen[:limit]
        in_title = _in_title(cursor, content_types, terms, operator, chosen)
    return [(object_id, in_title.get(pk, 0)) for pk, object_id in chosen], values, more


def _in_title(
    cursor,
    content_types: Sequence[int],
    terms: Sequence[str],
    operator: str,
    chosen: list[tuple[int, str]],
) -> dict[int, int]:
    """How many of the terms each chosen entry has in its title: one FTS5 query over the
    chosen entries' rowid range (never the entries' rows, which hold the whole text)."""
    if not chosen:
        return {}
    ids = {pk for pk, _ in chosen}
    low, high = min(ids), max(ids)
    expression = match(content_types, terms, operator)
    one = f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid BETWEEN %s AND %s"
    params: list = []
    for term in terms:
        params += [f"({expression}) AND ({{title}} : {_quoted(term)})", low, high]
    cursor.execute(" UNION ALL ".join([one] * len(terms)), params)
    counts: dict[int, int] = {}
    for (rowid,) in cursor.fetchall():
        if rowid in ids:
            counts[rowid] = counts.get(rowid, 0) + 1
    return counts
