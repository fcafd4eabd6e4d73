import pytest
from django.core.management import call_command

from lontar.news.models import NewsArticlePage

# Each loads the whole demo (a minute on two cores): `make test-extended` runs them; the
# browser tests of `make test` load the same demo and walk its pages.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_demo_news_is_written_by_several_bkd_writers_and_loads_once(client):
    call_command("load_demo")
    bkd = NewsArticlePage.objects.live().filter(url_path__contains="/berita/", source__isnull=False)
    count = NewsArticlePage.objects.count()
    assert count >= 35
    call_command("load_demo")
    assert NewsArticlePage.objects.count() == count

    home = client.get("/").content.decode()
    assert 'href="/berita/"' in home
    index = client.get("/berita/")
    assert index.context["articles"].paginator.count >= 30
    authors = {a.author.user.username for a in bkd if a.author and "bkd" in a.author.user.username}
    assert len(authors) >= 4
    assert NewsArticlePage.objects.exclude(hero_image=None).count() >= 5
    assert client.get("/berita/", HTTP_HOST="diskominfo.localhost").status_code == 200
    assert client.get("/penulis/").context["authors"].count() >= 4
