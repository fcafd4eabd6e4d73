"""The dataset listing in the admin: what staff see, in a number of queries that does not grow
with the datasets (issue 22)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lontar.opendata.tests.helpers import make_dataset

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_opendata_dataset:list"


def _titles(response) -> list[str]:
    return [row.title for row in response.context["object_list"]]


@pytest.mark.parametrize("count", [5, 50])
def test_listing_queries_do_not_grow_with_datasets(
    client, platform_admin, agency_a, agency_b, django_assert_max_num_queries, count
):
    for n in range(count):
        make_dataset(agency_a if n % 2 else agency_b, slug=f"data-{n:02d}", title=f"Data {n:02d}")
    client.force_login(platform_admin)
    client.get(reverse(LIST))  # the session's first admin request reads more
    # The same budget at 5 rows and at a full page: no query per row for its agency.
    with django_assert_max_num_queries(14):
        response = client.get(reverse(LIST))
    shown = min(count, 20)
    assert _titles(response) == [f"Data {n:02d}" for n in range(shown)]  # by title
    html = response.content.decode()
    assert "BKD-A" in html or agency_a.name in html
    assert agency_b.name in html or "DINAS-B" in html


def test_listing_filters_by_visibility_and_agency_scope(client, agency_admin_a, agency_a, agency_b):
    make_dataset(agency_a, slug="publik-a", title="Publik A")
    make_dataset(agency_a, slug="mitra-a", title="Mitra A", visibility="mitra")
    make_dataset(agency_b, slug="publik-b", title="Publik B")
    client.force_login(agency_admin_a)
    assert _titles(client.get(reverse(LIST))) == ["Mitra A", "Publik A"]
    filtered = client.get(reverse(LIST), {"visibility": "mitra"})
    assert _titles(filtered) == ["Mitra A"]
