"""Issue 22: the public register pages by the (agency, received_at) index — the page's ids
first, then their rows — in a number of queries that does not grow with the requests."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lontar.ppid.tests.helpers import make_request

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


def _requests(agency, count: int, start: int = 0) -> list:
    first = datetime(2025, 12, 1, 9, tzinfo=WITA)
    return [
        make_request(agency, received_at=first + timedelta(days=3 * n))[0]
        for n in range(start, start + count)
    ]


def _queries(client, path: str) -> int:
    client.get(path)  # warm the navigation cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_register_costs_the_same_queries_at_n_and_3n_requests(client, agency_a):
    made = _requests(agency_a, 10)
    small = _queries(client, "/ppid/register/")
    made += _requests(agency_a, 20, start=10)
    assert _queries(client, "/ppid/register/") == small
    assert _queries(client, "/ppid/register/?halaman=2") == small
    # Newest first; page 2 holds the five oldest, in order, and nothing of page 1.
    page_two = client.get("/ppid/register/?halaman=2").content.decode()
    oldest = [r.number for r in made[:5]]
    positions = [page_two.index(number) for number in reversed(oldest)]
    assert positions == sorted(positions)
    assert made[-1].number not in page_two
    # The year filter offers the years that gave numbers (both), and still filters.
    page = client.get("/ppid/register/?tahun=2025").content.decode()
    assert 'value="2025"' in page and 'value="2026"' in page
    assert made[0].number in page and made[-1].number not in page


def test_junk_register_parameters_are_refused_in_indonesian(client, agency_a):
    for query in ("halaman=dua", "halaman=0", "tahun=duaribu", "status=apa"):
        response = client.get(f"/ppid/register/?{query}")
        assert response.status_code == 400, query
