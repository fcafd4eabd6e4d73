"""Issue 22: the DIP lists every published regulation, a page at a time, in a number of
queries that does not grow with the number of regulations."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lontar.regulations.tests.helpers import make_document

pytestmark = pytest.mark.django_db


def _documents(agency, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        make_document(agency, number=str(1000 + n), title=f"Aturan {n:03}", is_published=True)


def _queries(client, path: str) -> int:
    client.get(path)  # warm the navigation cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_the_dip_pages_regulations_in_the_same_queries_at_n_and_3n(client, agency_a):
    _documents(agency_a, 20)
    small = _queries(client, "/ppid/dip/")
    _documents(agency_a, 40, start=20)
    assert _queries(client, "/ppid/dip/") == small
    first = client.get("/ppid/dip/").content.decode()
    second = client.get("/ppid/dip/?halaman=2").content.decode()
    assert first.count("Pergub Nomor") + second.count("Pergub Nomor") == 60
    assert first.count("Pergub Nomor") >= 45  # 50 rows a page, a few of other sources
    assert "<td>51</td>" in second and "<td>51</td>" not in first  # numbered across pages
    assert "/regulasi/" in first and 'rel="next"' in first and 'rel="prev"' in second
    # The downloads stay whole: every regulation, whatever page the visitor was on.
    link = 'href="/ppid/dip.xlsx?"'
    assert link in second


def test_junk_page_numbers_are_refused_in_indonesian(client, agency_a):
    response = client.get("/ppid/dip/?halaman=dua")
    assert response.status_code == 400
    assert "halaman" in response.content.decode()


def test_a_keyword_and_a_category_are_applied_in_the_database_across_every_page(client, agency_a):
    _documents(agency_a, 60)
    everything = client.get("/ppid/dip/").content.decode()
    total = int(re.search(r"<caption>(\d+) informasi", everything).group(1))
    assert total >= 64  # the 60 regulations and the PPID's own registers
    found = client.get("/ppid/dip/", {"q": "aturan 05"}).content.decode()
    assert "<caption>10 informasi" in found  # Aturan 050–059, case aside
    assert found.count("Pergub Nomor") == 10 and "Register keberatan" not in found
    # Grouped under a heading per category and source, hand-kept items first.
    assert "Setiap saat · Peraturan, keputusan, dan kebijakan (JDIH)" in found
    periodic = client.get("/ppid/dip/", {"kategori": "berkala"}).content.decode()
    assert "Pergub Nomor" not in periodic
