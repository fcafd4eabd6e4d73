"""Planner statistics: SQLite has none until `ANALYZE` runs, and without them it plans some
joins badly once tables are large (issue 22: the newest articles read by scanning every page,
the full-text search probing the index once per article). The worker refreshes them daily
(`core/jobs.py`); the demo loader and the data generator refresh them when they finish.
PostgreSQL's autovacuum keeps its own; `ANALYZE` there only brings them up to date sooner.
"""

from __future__ import annotations

from django.db import connection


def analyze() -> None:
    """Refresh the query planner's statistics of every table."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if connection.vendor == "sqlite":
            _small_empty_tables(cursor)


def _small_empty_tables(cursor) -> None:
    """SQLite's ANALYZE writes no statistics for an empty table, and the planner then guesses
    it large: a join with `wagtailcore_pageviewrestriction` (empty on most sites, read by every
    public page list) was planned as a scan of all 100,000 pages probing it. Such tables are
    recorded as holding one row, and the planner reloads the statistics."""
    cursor.execute(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT IN (SELECT tbl FROM sqlite_stat1)"
    )
    empty = [name for (name,) in cursor.fetchall()]
    if not empty:
        return
    cursor.executemany(
        "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (%s, NULL, '1')",
        [(name,) for name in empty],
    )
    cursor.execute("ANALYZE sqlite_schema")
