"""The questionnaire keeps its CSRF token on a cached page: each visitor's own, kept by no proxy."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _token(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]


def test_each_visitor_of_a_cached_questionnaire_gets_a_token_of_their_own(settings, period_a):
    settings.LONTAR_PAGE_CACHE_SECONDS = 1
    url = f"/survei/{period_a.unit.slug}/"
    Client().get(url)  # fills the page cache
    visitor = Client(enforce_csrf_checks=True)
    other = Client(enforce_csrf_checks=True)

    cached = visitor.get(url)
    token, other_token = _token(cached), _token(other.get(url))
    refused = visitor.post(url, {"csrfmiddlewaretoken": "x" * 64})

    assert cached["X-Lontar-Cache"] == "hit"
    assert "__lontar_csrf_token__" not in cached.content.decode()
    assert token != other_token
    # nginx must keep none of it: the body holds this visitor's token.
    assert cached["Cache-Control"] == "private, no-cache"
    assert cached["X-Accel-Expires"] == "0"
    assert refused.status_code == 403
