"""The anonymous page cache and the content version (decision 0019), on real article pages."""

from __future__ import annotations

import re
import time

import pytest
from django.test import Client

from lontar.core import content_version
from lontar.news.tests.helpers import article, news_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.LONTAR_PAGE_CACHE_SECONDS = 1
    return settings


def _token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def test_a_second_anonymous_visitor_is_served_from_the_cache_without_queries(
    page_cache, agency_a, django_assert_num_queries
):
    page = article(news_index(agency_a), "Seleksi CPNS dibuka")
    first = Client().get(page.url)

    with django_assert_num_queries(0):
        second = Client().get(page.url)

    assert first["X-Lontar-Cache"] == "miss" and second["X-Lontar-Cache"] == "hit"
    assert "Seleksi CPNS dibuka" in second.content.decode()
    assert second["Cache-Control"] == "no-cache"
    assert second["ETag"] == first["ETag"]
    assert "Content-Security-Policy" in second


def test_revalidation_answers_304_without_a_body(page_cache, agency_a):
    page = article(news_index(agency_a), "Pengumuman PPPK")
    first = Client().get(page.url)

    by_etag = Client().get(page.url, headers={"if-none-match": first["ETag"]})
    by_date = Client().get(page.url, headers={"if-modified-since": first["Last-Modified"]})
    changed = Client().get(page.url, headers={"if-none-match": '"lain"'})

    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_date.status_code == 304
    assert changed.status_code == 200


def test_an_article_is_one_page_for_every_anonymous_visitor_and_nginx_may_keep_it(
    page_cache, agency_a
):
    """Decision 0021: no token, no cookie, the same bytes for everyone: shared caches keep it."""
    page = article(news_index(agency_a), "Jadwal ujian")
    first = Client(enforce_csrf_checks=True).get(page.url)
    second = Client(enforce_csrf_checks=True).get(page.url)

    assert first.cookies == {} and second.cookies == {}
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert first.content == second.content
    assert second["Cache-Control"] == "no-cache"
    expires = int(second["X-Accel-Expires"].removeprefix("@"))
    assert time.time() - 1 <= expires <= time.time() + 1  # never past the page cache's second


def test_a_cached_article_forms_post_from_the_same_origin_and_not_from_another(
    page_cache, agency_a
):
    page = article(news_index(agency_a), "Jadwal ujian")
    visitor = Client(enforce_csrf_checks=True)
    assert visitor.get(page.url)["X-Lontar-Cache"] in {"hit", "miss"}

    switched = visitor.post(
        "/i18n/setlang/",
        {"language": "en", "next": page.url},
        headers={"sec-fetch-site": "same-origin"},
    )
    english = visitor.get(page.url)
    forged = Client(enforce_csrf_checks=True).post(
        "/i18n/setlang/",
        {"language": "en", "next": "/"},
        headers={"origin": "https://jahat.example"},
    )

    assert switched.status_code == 302 and switched.cookies["lontar_bahasa"].value == "en"
    assert english.headers["Content-Language"] == "en"
    assert forged.status_code == 403 and "lontar_bahasa" not in forged.cookies
    assert "tidak dikirim dari situs kami" in forged.content.decode()


def test_staff_and_citizens_with_a_session_never_get_a_cached_page(
    page_cache, agency_a, writer, settings
):
    page = article(news_index(agency_a), "Berita untuk semua")
    Client().get(page.url)
    staff = Client()
    staff.force_login(writer)
    tracker = Client()
    session = tracker.session
    session["ppid_tracked"] = [1]
    session.save()
    tracker.cookies[settings.SESSION_COOKIE_NAME] = session.session_key

    for visitor in (staff, tracker):
        response = visitor.get(page.url)
        assert "X-Lontar-Cache" not in response


def test_a_published_change_shows_within_two_seconds(page_cache, agency_a):
    page = article(news_index(agency_a), "Judul lama")
    Client().get(page.url)
    page.title = "Judul baru"
    revision = page.save_revision()
    revision.publish()

    deadline = time.monotonic() + 2
    while "Judul baru" not in Client().get(page.url).content.decode():
        assert time.monotonic() < deadline, "the change did not show within 2 s"
        time.sleep(0.1)


def test_publishing_bumps_the_content_version_and_likes_do_not(agency_a, client):
    index = news_index(agency_a)
    before = content_version.current()
    page = article(index, "Terbit")
    after_publish = content_version.current()
    client.post(f"/berita/suka/{page.pk}/", {"suka": "1"})

    assert after_publish > before
    assert content_version.current() == after_publish


def test_related_articles_follow_a_publish_at_once(agency_a, client):
    index = news_index(agency_a)
    page = article(index, "Utama", tags=("cpns",))
    client.get(page.url)  # caches the extras: no related article yet
    article(index, "Terkait", tags=("cpns",))

    related = client.get(page.url).context["related"]

    assert [p.title for p in related] == ["Terkait"]


def test_a_partner_key_or_a_range_request_bypasses_the_cache(page_cache, agency_a):
    page = article(news_index(agency_a), "Data terbuka")
    Client().get(page.url)

    with_key = Client().get(page.url, headers={"x-api-key": "kunci-mitra"})
    with_range = Client().get(page.url, headers={"range": "bytes=0-10"})

    assert "X-Lontar-Cache" not in with_key
    assert "X-Lontar-Cache" not in with_range
