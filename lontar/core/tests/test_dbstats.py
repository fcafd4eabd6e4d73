"""Planner statistics (core/dbstats.py): an empty table must not be planned as a large one."""

from __future__ import annotations

import pytest
from django.db import connection

from lontar.core import dbstats

pytestmark = pytest.mark.django_db

RESTRICTED_PAGES = (
    "SELECT r.id FROM wagtailcore_pageviewrestriction r "
    "INNER JOIN wagtailcore_page p ON r.page_id = p.id"
)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_the_empty_restriction_table_is_read_first_not_every_page(agency_a):
    # Every `.public()` page listing reads the view restrictions with their pages. Without
    # statistics for the empty restriction table SQLite guessed it large and scanned every
    # page to probe it (100,000 articles: 20–50 ms per listing).
    dbstats.analyze()
    with connection.cursor() as cursor:
        # The statistics of a site with 100,000 pages, as ANALYZE would have written them.
        cursor.execute(
            "UPDATE sqlite_stat1 SET stat = CASE WHEN idx IS NULL THEN '100000' "
            "ELSE '100000 1' END WHERE tbl = 'wagtailcore_page'"
        )
        cursor.execute("ANALYZE sqlite_schema")
        cursor.execute(f"EXPLAIN QUERY PLAN {RESTRICTED_PAGES}")
        plan = [row[-1] for row in cursor.fetchall()]
    assert plan[0].startswith("SCAN r"), plan
