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
