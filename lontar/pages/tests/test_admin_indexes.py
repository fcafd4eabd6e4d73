"""Issue 22: the indexes of pages/migrations/0004 exist on both databases (which the planners
use on the large data set, not on a test's few pages: measured with bench/data_size.py)."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_admin_indexes_of_the_page_tree_exist():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert constraints["scale_page_revised"]["columns"] == [
        "latest_revision_created_at",
        "depth",
    ]
    assert constraints["scale_page_roots"]["columns"] == ["path"]
