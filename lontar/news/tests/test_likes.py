"""'Anda suka berita ini?': one like per visitor, second click takes it back, abuse cases."""

import pytest
from django.core.cache import cache
from django.test import Client

from lontar.news import likes
from lontar.news.models import ArticleLike
from lontar.news.tests.helpers import article, news_index

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def page(agency_a):
    return article(news_index(agency_a), "Berita disukai")


def visitor(ip="203.0.113.7", agent=BROWSER, **kwargs):
    return Client(REMOTE_ADDR=ip, HTTP_USER_AGENT=agent, **kwargs)


def like_url(page):
    return f"/berita/suka/{page.pk}/"


def test_like_without_javascript_posts_and_redirects_back(page):
    client = visitor()
    response = client.post(like_url(page))
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}#suka"
    assert ArticleLike.objects.filter(article=page).count() == 1
    html = client.get(page.url).content.decode()
    assert 'aria-pressed="true"' in html and "Batal suka" in html


def test_like_with_javascript_answers_json_without_reload(page):
    response = visitor().post(like_url(page), **JSON)
    assert response.json() == {"count": 1, "liked": True}


def test_second_click_takes_the_like_back(page):
    client = visitor()
    assert client.post(like_url(page), **JSON).json() == {"count": 1, "liked": True}
    assert client.post(like_url(page), **JSON).json() == {"count": 0, "liked": False}
    assert client.post(like_url(page), **JSON).json() == {"count": 1, "liked": True}


def test_two_visitors_count_twice(page):
    visitor(ip="203.0.113.1").post(like_url(page))
    response = visitor(ip="203.0.113.2").post(like_url(page), **JSON)
    assert response.json() == {"count": 2, "liked": True}


def test_two_people_behind_one_address_both_like(page):
    """An office or a carrier's NAT: same address, same phone model, two people (issue 17)."""
    first = visitor()
    first.post(like_url(page))
    second = visitor()
    html = second.get(page.url).content.decode()
    assert 'aria-pressed="false"' in html and 'name="suka" value="1"' in html
    assert second.post(like_url(page), {"suka": "1"}, **JSON).json() == {"count": 2, "liked": True}
    # The first person's like is still theirs.
    assert first.post(like_url(page), {"suka": "0"}, **JSON).json() == {"count": 1, "liked": False}


def test_a_visitor_without_cookie_asking_to_unlike_changes_nothing(page):
    visitor().post(like_url(page))
    assert visitor().post(like_url(page), {"suka": "0"}, **JSON).json() == {
        "count": 1,
        "liked": False,
    }


def test_dropping_the_cookie_again_and_again_is_capped(page, monkeypatch):
    monkeypatch.setattr(likes, "FINGERPRINT_CAP", 3)
    monkeypatch.setattr(likes, "RATE_LIMIT", 100)
    for _ in range(5):
        visitor().post(like_url(page))
    assert ArticleLike.objects.filter(article=page).count() == 3


def test_a_forged_cookie_is_ignored(page):
    client = visitor()
    client.cookies[likes.COOKIE_NAME] = "tebakan:palsu"
    client.post(like_url(page))
    assert likes.visitor_key("tebakan:palsu") not in ArticleLike.objects.values_list(
        "visitor", flat=True
    )


def test_the_raw_ip_is_never_stored(page):
    visitor(ip="198.51.100.23").post(like_url(page))
    row = ArticleLike.objects.get()
    stored = " ".join(str(value) for value in row.__dict__.values())
    assert "198.51.100.23" not in stored
    assert len(row.fingerprint) == 64


def test_fingerprint_salt_changes_every_day(page, rf, time_machine):
    request = rf.post("/", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT=BROWSER)
    time_machine.move_to("2026-03-02 10:00 +08:00")
    today = likes.fingerprint(request)
    time_machine.move_to("2026-03-03 10:00 +08:00")
    assert likes.fingerprint(request) != today


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
    ],
)
def test_crawlers_never_count(page, agent):
    response = visitor(agent=agent).post(like_url(page), **JSON)
    assert response.status_code == 200
    assert response.json() == {"count": 0, "liked": False}
    assert not ArticleLike.objects.exists()


def test_head_and_get_never_count(page):
    client = visitor()
    assert client.head(like_url(page)).status_code == 405
    assert client.get(like_url(page)).status_code == 405
    assert client.head(page.url).status_code == 200
    assert not ArticleLike.objects.exists()


def test_csrf_is_required(page):
    client = visitor(enforce_csrf_checks=True)
    assert client.post(like_url(page)).status_code == 403
    client.get(page.url)
    token = client.cookies["csrftoken"].value
    assert client.post(like_url(page), {"csrfmiddlewaretoken": token}).status_code == 302
    assert ArticleLike.objects.count() == 1


def test_toggles_are_rate_limited(page):
    client = visitor()
    statuses = [client.post(like_url(page), **JSON).status_code for _ in range(likes.RATE_LIMIT)]
    assert set(statuses) == {200}
    assert client.post(like_url(page), **JSON).status_code == 429
    assert visitor(ip="203.0.113.99").post(like_url(page), **JSON).status_code == 200


def test_drafts_and_other_agencies_articles_cannot_be_liked(agency_a, agency_b):
    draft = article(news_index(agency_a), "Draf", publish=False)
    other = article(news_index(agency_b), "Milik B")
    assert visitor().post(like_url(draft)).status_code == 404
    assert visitor().post(like_url(other)).status_code == 404
    assert visitor(HTTP_HOST="dinas-b.localhost").post(like_url(other)).status_code == 302


def test_like_cookie_is_signed_http_only_and_long_lived(page):
    response = visitor().post(like_url(page))
    cookie = response.cookies[likes.COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == likes.COOKIE_MAX_AGE
    assert ":" in cookie.value  # value:signature


def test_behind_a_trusted_proxy_visitors_are_told_apart_by_their_own_address(page, settings):
    settings.LONTAR_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    visitor(ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.1").post(like_url(page))
    response = visitor(ip=proxy, HTTP_X_FORWARDED_FOR="203.0.113.2").post(like_url(page), **JSON)
    assert response.json()["count"] == 2
