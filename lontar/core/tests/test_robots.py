"""Search results and citizens' unmoderated pages are kept out of search engines (issue 19)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from lontar.core.robots import NOINDEX_VIEWS
from lontar.qna.models import Status
from lontar.qna.tests.helpers import make_question

pytestmark = pytest.mark.django_db

META = '<meta name="robots" content="noindex">'


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.mark.parametrize(
    "url",
    [
        "/cari/",
        "/cari/?q=judi+online",
        "/tanya-jawab/?q=slot+gacor",
        "/ppid/lacak/",
        "/tanya-jawab/tanya/",
    ],
)
def test_search_results_and_tracking_pages_are_not_indexed(agency_a, url):
    response = Client().get(url)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert META in response.content.decode()


def test_a_question_tracking_page_is_not_indexed_even_when_not_found(agency_a):
    response = Client().get("/tanya-jawab/lacak/tidak-ada/")
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("url", ["/ppid/", "/tanya-jawab/", "/ppid/register/"])
def test_ordinary_pages_stay_indexable(agency_a, url):
    response = Client().get(url)
    assert response.status_code == 200
    assert "X-Robots-Tag" not in response
    assert META not in response.content.decode()


def test_every_listed_view_exists():
    from django.urls import reverse

    kwargs = {
        "ppid:tracked-file": {"kind": "x"},
        "ppid:tracked-document": {"kind": "x", "pk": 1},
        "qna:track": {"token": "x"},
        "survey:questionnaire": {"unit_slug": "x"},
        "survey:thanks": {"unit_slug": "x"},
    }
    for name in NOINDEX_VIEWS:
        assert reverse(name, kwargs=kwargs.get(name))


def test_links_in_citizens_text_are_never_made_clickable(agency_a):
    # Q&A text comes from citizens: it is shown as plain text, so a spammer's URL is no link
    # (were it ever linked, it would need rel="ugc nofollow").
    question = make_question(
        agency_a,
        text="Lihat https://spam.example/slot untuk info",
        answer_text="Jawaban www.spam.example",
        status=Status.PUBLISHED,
    )
    html = Client().get(question.get_absolute_url()).content.decode()
    assert "https://spam.example/slot" in html
    assert 'href="https://spam.example' not in html
    assert 'href="http://www.spam.example' not in html
