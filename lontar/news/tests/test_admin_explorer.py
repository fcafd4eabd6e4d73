"""The admin's listing of a news index (Wagtail's page explorer): what staff see stays
Wagtail's, and its queries do not grow with the articles (issue 22, pages/admin_explorer.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from lontar.news.models import NewsArticlePage
from lontar.news.tests.helpers import article, news_index

pytestmark = pytest.mark.django_db


def _index_with(agency, count: int):
    index = news_index(agency)
    start = timezone.now() - timedelta(days=count)
    for n in range(count):
        page = article(index, f"Berita {n:02d}", on=date(2026, 1, 1) + timedelta(days=n))
        # Edited in creation order, one day apart: the listing shows the newest edit first.
        Page.objects.filter(pk=page.pk).update(latest_revision_created_at=start + timedelta(n))
    return index


def _titles(response) -> list[str]:
    return [page.title for page in response.context["object_list"]]


@pytest.mark.parametrize("count", [5, 55])
def test_listing_queries_do_not_grow_with_articles(
    client, platform_admin, agency_a, django_assert_max_num_queries, count
):
    index = _index_with(agency_a, count)
    client.force_login(platform_admin)
    url = f"/admin/pages/{index.pk}/"
    client.get(url)  # the session's first admin request reads more
    with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(36):
        response = client.get(url)
    assert response.status_code == 200
    # The count is the index's own number of children, not a COUNT over them.
    assert not [q for q in queries if "COUNT(" in q["sql"] and "wagtailcore_page" in q["sql"]]
    assert response.context["items_count"] == count
    newest_first = [f"Berita {n:02d}" for n in reversed(range(count))]
    assert _titles(response) == newest_first[:50]
    if count > 50:
        assert _titles(client.get(url, {"p": 2})) == newest_first[50:]


def test_filters_search_and_order_stay_wagtails(client, platform_admin, agency_a, writer):
    index = _index_with(agency_a, 3)
    NewsArticlePage.objects.filter(title="Berita 01").update(owner=writer)
    client.force_login(platform_admin)
    url = f"/admin/pages/{index.pk}/"
    response = client.get(url)
    owners = {user.pk for user in response.context["filters"].form.fields["owner"].queryset}
    assert writer.pk in owners
    assert set(Page.objects.values_list("owner", flat=True)) - {None} == owners
    # Filtering by owner lists that owner's pages, counted by the database.
    filtered = client.get(url, {"owner": writer.pk})
    assert _titles(filtered) == ["Berita 01"]
    assert filtered.context["items_count"] == 1
    # A search, and an explicit order, as Wagtail does them.
    assert _titles(client.get(url, {"ordering": "title"})) == [
        "Berita 00",
        "Berita 01",
        "Berita 02",
    ]
    # The "Page type" filter of Wagtail's generic listing is still offered.
    assert "content_type" in response.context["filters"].filters


def test_an_agency_editor_sees_the_same_count(client, editor, agency_a):
    index = _index_with(agency_a, 4)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{index.pk}/")
    assert response.status_code == 200
    assert response.context["items_count"] == 4
    assert len(_titles(response)) == 4


def test_anonymous_visitors_are_sent_to_sign_in(client, agency_a):
    index = news_index(agency_a)
    response = client.get(f"/admin/pages/{index.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
