"""The writer's dashboard has a "Tulis berita" button that opens a new article (issue 17)."""

import pytest

from lontar.news.tests.helpers import news_index

pytestmark = pytest.mark.django_db


def test_writer_dashboard_offers_write_news(client, agency_a, writer):
    index = news_index(agency_a)
    client.force_login(writer)
    html = client.get("/admin/").content.decode()
    add_url = f"/admin/pages/add/news/newsarticlepage/{index.pk}/"
    assert "Tulis berita" in html and add_url in html
    assert client.get(add_url).status_code == 200


def test_no_button_without_a_news_index(client, agency_a, writer):
    client.force_login(writer)
    assert "Tulis berita" not in client.get("/admin/").content.decode()
