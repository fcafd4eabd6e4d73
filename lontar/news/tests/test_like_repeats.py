"""A double click on "Suka" (or a retried POST) likes once; it does not like and take back."""

from __future__ import annotations

import re

import pytest

from lontar.news.models import ArticleLike
from lontar.news.tests.test_likes import JSON, _fresh_rate_limits, like_url, page, visitor

pytestmark = pytest.mark.django_db
__all__ = ["_fresh_rate_limits", "page"]  # fixtures used here


def test_the_like_button_says_which_state_it_wants(page):
    client = visitor()
    assert 'name="suka" value="1"' in client.get(page.url).content.decode()
    client.post(like_url(page), {"suka": "1"})
    assert 'name="suka" value="0"' in client.get(page.url).content.decode()


def test_a_double_click_on_like_counts_once(page):
    client = visitor()
    first = client.post(like_url(page), {"suka": "1"}, **JSON)
    second = client.post(like_url(page), {"suka": "1"}, **JSON)
    assert first.json() == second.json() == {"count": 1, "liked": True}
    assert ArticleLike.objects.filter(article=page).count() == 1


def test_a_double_click_before_the_cookie_arrived_still_counts_once(page):
    # Both POSTs of the double click leave before the first answer sets the visitor cookie;
    # they carry the same form (its key), which is what makes them one visitor.
    shown = visitor().get(page.url).content.decode()
    form = {
        "suka": "1",
        "submission_key": re.search(r'name="submission_key" value="([^"]+)"', shown)[1],
    }
    first = visitor().post(like_url(page), form, **JSON)
    second_browser_state = visitor()
    second = second_browser_state.post(like_url(page), form, **JSON)
    assert first.json() == second.json() == {"count": 1, "liked": True}
    # The cookie of the answer the browser kept now names the like: the next click unlikes.
    after = second_browser_state.post(like_url(page), {"suka": "0"}, **JSON)
    assert after.json() == {"count": 0, "liked": False}


def test_a_double_click_on_unlike_takes_the_like_back_once(page):
    client = visitor()
    client.post(like_url(page), {"suka": "1"})
    assert client.post(like_url(page), {"suka": "0"}, **JSON).json()["count"] == 0
    assert client.post(like_url(page), {"suka": "0"}, **JSON).json() == {
        "count": 0,
        "liked": False,
    }
