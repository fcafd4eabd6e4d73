"""Issue 22: the PPID queue is ordered by due date in the database and paged, in a number of
queries that does not grow with the open requests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lontar.ppid import selectors
from lontar.ppid.tests.helpers import make_request

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture
def officer_client(client, ppid_officer_a):
    client.force_login(ppid_officer_a)
    return client


def _requests(agency, days) -> list:
    return [
        make_request(agency, received_at=datetime(2026, 11, day, 10, tzinfo=WITA))[0]
        for day in days
    ]


def _queries(client, path: str) -> int:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_queue_pages_by_due_date_in_the_same_queries(officer_client, agency_a, monkeypatch):
    monkeypatch.setattr(selectors, "QUEUE_PAGE_SIZE", 3)
    url = reverse("ppid_admin_queue")
    with time_machine.travel(datetime(2026, 11, 20, 10, tzinfo=WITA), tick=False):
        made = _requests(agency_a, (9, 2, 5, 3))
        small = _queries(officer_client, url)
        made += _requests(agency_a, (10, 4, 6, 11, 12, 13, 16, 17))
        assert _queries(officer_client, url) == small
        assert _queries(officer_client, f"{url}?halaman=4") == small
        pages = [officer_client.get(f"{url}?halaman={n}").context["rows"] for n in (1, 2, 3, 4)]
    shown = [row.request for page in pages for row in page]
    assert [len(page) for page in pages] == [3, 3, 3, 3]
    assert shown == sorted(made, key=lambda r: (r.current_due, r.received_at))


def test_junk_queue_pages_are_refused(officer_client, agency_a):
    assert officer_client.get(reverse("ppid_admin_queue") + "?halaman=x").status_code == 400
