"""PostgreSQL: one model's newest matches in the stored `tsvector` columns of the index.

Wagtail's GIN indexes on `title` and `body` answer "which entries hold this word" for every model
at once and not "the newest ones": a bitmap of every match is built before any is sorted
(100,000 articles for a common word), and the planner, which cannot know that a word common in
one model is rare in another, walked whole models. Migration `search/0001` adds a B-tree
`(content_type_id, id)` and a GIN index over each entry's words plus a word for its content type
(`ct<id>`, TYPED below), so a read is one of two bounded kinds:

1. the model's newest SCAN entries, walked along the B-tree and tested one by one, stopping at
   the LIMIT: a word the model often holds is done here, whatever the size of the archive;
2. if they held too few matches, the older matches of the model, found by the typed GIN index
   as one intersection of the word's and the content type's posting lists (a word the model
   rarely holds costs its few matches, not the model's entries nor other models' matches).

Title and body are matched as one text (every word of the query in either), as on SQLite.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection
from django.db.models import QuerySet

SCAN = 500  # the model's newest entries tested before its older matches are asked for
# Each entry's words and its content type's word; the same expression as the index's.
TYPED = (
    "(to_tsvector('simple'::regconfig, 'ct' || {e}.content_type_id::text) "
    "|| COALESCE({e}.title, ''::tsvector) || COALESCE({e}.body, ''::tsvector))"
)
WORDS = "(COALESCE({e}.title, ''::tsvector) || COALESCE({e}.body, ''::tsvector))"
RANK = (
    "ts_rank(COALESCE({e}.title, ''::tsvector), {q}) * %s "
    "+ ts_rank(COALESCE({e}.body, ''::tsvector), {q})"
)


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
    config: str,
    title_weight: float,
) -> tuple[list[tuple[str, float]], dict[str, tuple], bool]:
    """([(object_id, rank)], values of the caller's records, more may exist): the model's
    newest `limit` matches among the caller's records (`within`), read `limit` at a time, then
    `chunk` (a caller whose records are rare among the model's: one agency among sixty), at
    most `window` matches in all. `kept` picks the caller's records among a read's object ids
    (one query by primary key)."""
    from lontar.search.candidates import entries_table

    entries = entries_table()
    joiner = " && " if operator == "and" else " || "
    tsquery = "(" + joiner.join(["plainto_tsquery(%s::regconfig, %s)"] * len(terms)) + ")"
    words: list = []
    for term in terms:
        words += [config, term]
    kinds = " | ".join(f"ct{int(pk)}" for pk in content_types)
    # One type as a range of one value, ordered by the index's own key: with `= %s` the planner
    # drops the constant column from the order and, thinking a model that holds most entries
    # has them everywhere, walked the primary key backwards past every newer entry of the
    # other models (26,000 before the newest 500 articles, at 200,000 requests).
    if len(content_types) == 1:
        of_model, order = "content_type_id BETWEEN %s AND %s", "content_type_id DESC, id DESC"
        types: list = [content_types[0], content_types[0]]
    else:
        of_model, order, types = "content_type_id = ANY(%s)", "id DESC", [list(content_types)]
    newest_entries = f"SELECT {{columns}} FROM {entries} WHERE {of_model} ORDER BY {order} LIMIT %s"
    rank = RANK.format(e="s", q=tsquery)
    # One word, or any word: in the title or in the body, tested without joining the two
    # (most of the entries walked do not match; joining them costs a copy each).
    if len(terms) == 1 or operator != "and":
        matches = f"(s.title @@ {tsquery} OR s.body @@ {tsquery})"
        match_words = [*words, *words]
    else:
        matches = f"{WORDS.format(e='s')} @@ {tsquery}"
        match_words = words
    # 1. (0, id, object id, rank) of the first `limit` matches among the model's newest SCAN
    # entries, then (1, lowest id of those entries, NULL, how many there are).
    first = (
        f"SELECT 0, s.id, s.object_id, {rank} FROM "
        f"({newest_entries.format(columns='id, object_id, title, body')}) s "
        f"WHERE {matches} ORDER BY s.id DESC LIMIT %s"
    )
    # The query's lexemes: none (a word the configuration drops) matches nothing, and the
    # second read, whose query adds the content type's word, would match every entry.
    first = (
        f"({first}) UNION ALL SELECT 1, min(id), numnode({tsquery})::text, count(*) "
        f"FROM ({newest_entries.format(columns='id')}) t"
    )
    first_params = [
        *[*words, title_weight, *words, *types, SCAN, *match_words, limit],
        *[*words, *types, SCAN],
    ]
    # 2. (id, object id, rank) of the newest matches of the model below an id, through the
    # typed GIN index (materialized: never a walk of the entries below).
    rest = (
        f"WITH m AS MATERIALIZED (SELECT id FROM {entries} e WHERE {TYPED.format(e='e')} "
        f"@@ ({tsquery} && to_tsquery('simple', %s)) AND e.id < %s) "
        f"SELECT s.id, s.object_id, {rank} FROM "
        "(SELECT id FROM m ORDER BY id DESC LIMIT %s) t "
        f"JOIN {entries} s ON s.id = t.id ORDER BY s.id DESC"
    )
    values: dict[str, tuple] = {}

    def keep(rows: list) -> list[tuple[str, float]]:
        chosen = [(str(object_id), rank) for _id, object_id, rank in rows]
        if within is not None and chosen:
            found = kept(within, [object_id for object_id, _ in chosen])
            values.update(found)
            chosen = [row for row in chosen if row[0] in found]
        return chosen

    more = False
    with connection.cursor() as cursor:
        cursor.execute(first, first_params)
        results = cursor.fetchall()
        rows = sorted((row[1:] for row in results if row[0] == 0), reverse=True)
        floor, lexemes, scanned = next(row[1:] for row in results if row[0] == 1)
        read, found = len(rows), keep(rows)
        if len(rows) == limit:
            below = rows[-1][0]  # cut at its LIMIT: go on below the last match
        elif scanned == SCAN and int(lexemes or 0) > 0:
            below = floor
        else:
            below = None  # the whole model was read, or nothing can match
        size = limit  # as much as the first read: on one agency's site, all it needs
        while below is not None and len(found) < limit:
            if read >= window:
                more = True
                break
            cursor.execute(rest, [*words, kinds, below, *words, title_weight, *words, size])
            rows = cursor.fetchall()
            read += len(rows)
            found += keep(rows)
            below = rows[-1][0] if len(rows) == size else None
            size = chunk
    return found[:limit], values, more
