"""The home page's first screen lists the latest news (issue 17), fresh after each publish."""

import pytest

from lontar.news.tests.helpers import article, news_index

pytestmark = pytest.mark.django_db


def test_home_page_lists_the_newest_articles_with_local_paths(client, agency_a):
    index = news_index(agency_a)
    first = article(index, "Layanan kenaikan pangkat daring")
    html = client.get("/").content.decode()
    assert "Berita terbaru" in html and f'href="{first.url}"' in html
    assert 'href="http' not in html.split('class="latest-list"')[1].split("</ul>")[0]

    later = article(index, "Jadwal seleksi terbuka diumumkan")
    assert later.title in client.get("/").content.decode()


def test_main_services_are_on_the_home_page(client, agency_a):
    html = client.get("/").content.decode()
    for path in ("/ppid/permohonan/baru/", "/ppid/lacak/", "/tanya-jawab/tanya/", "/survei/"):
        assert f'href="{path}"' in html
    assert 'href="/regulasi/"' in html and 'href="/data/"' in html
    assert 'role="search"' in html and 'action="/cari/"' in html
