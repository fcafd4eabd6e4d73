"""Forms on cached pages post without a token; the browser's Sec-Fetch-Site or Origin decides
(decision 0021). Each guarded form is tried as a visitor, an attacker's page and an old browser."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client

from lontar.news.models import ArticleLike
from lontar.news.tests.helpers import article, news_index
from lontar.pages.models import StandardPage
from lontar.qna.models import Status
from lontar.qna.tests.helpers import make_question
from lontar.survey.models import PageFeedback

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
SAME_ORIGIN = {"sec-fetch-site": "same-origin"}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def _visitor(ip: str = "203.0.113.7") -> Client:
    return Client(enforce_csrf_checks=True, REMOTE_ADDR=ip, HTTP_USER_AGENT=BROWSER)


def _form_key(html: str, action: str) -> str:
    form = html[html.index(f'action="{action}"') :]
    return re.search(r'name="submission_key" value="([^"]+)"', form)[1]


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "same-origin"},
        {"origin": "http://localhost"},
        {"sec-fetch-site": "none"},
    ],
)
def test_a_like_from_this_site_counts(agency_a, headers):
    page = article(news_index(agency_a), "Berita disukai")

    response = _visitor().post(f"/berita/suka/{page.pk}/", {"suka": "1"}, headers=headers)

    assert response.status_code == 302
    assert ArticleLike.objects.filter(article=page).count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"origin": "https://jahat.example"},
        {"origin": "null"},
        # Sec-Fetch-Site wins over a forged-looking Origin: only browsers send it.
        {"sec-fetch-site": "cross-site", "origin": "http://localhost"},
    ],
)
def test_a_like_sent_by_another_site_is_refused_and_changes_nothing(agency_a, headers):
    page = article(news_index(agency_a), "Berita disukai")

    response = _visitor().post(f"/berita/suka/{page.pk}/", {"suka": "1"}, headers=headers)

    assert response.status_code == 403
    assert "tidak dikirim dari situs kami" in response.content.decode()
    assert "csrfmiddlewaretoken" not in response.content.decode()  # nothing to click through
    assert not ArticleLike.objects.exists()


def test_an_old_browser_confirms_once_and_keeps_what_it_chose(agency_a):
    """No Sec-Fetch-Site, no Origin, no token: a page with the same fields and a token."""
    page = StandardPage.objects.get(slug="profil", path__startswith=agency_a.site.root_page.path)
    old = _visitor()
    posted = {"helpful": "tidak", "comment": "Jadwal layanan belum ada."}

    asked = old.post(f"/survei/umpan-balik/{page.pk}/", posted)
    html = asked.content.decode()
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
    confirmed = old.post(f"/survei/umpan-balik/{page.pk}/", fields)

    assert asked.status_code == 403 and asked["Cache-Control"] == "no-store"
    assert "Konfirmasi pengiriman" in html
    assert fields["comment"] == "Jadwal layanan belum ada." and fields["helpful"] == "tidak"
    assert confirmed.status_code == 302
    feedback = PageFeedback.objects.get()
    assert feedback.comment == "Jadwal layanan belum ada." and feedback.helpful is False


def test_the_language_switch_from_another_site_is_refused(agency_a):
    switched = _visitor().post(
        "/i18n/setlang/", {"language": "en", "next": "/"}, headers={"origin": "https://x.example"}
    )
    own = _visitor().post("/i18n/setlang/", {"language": "en", "next": "/"}, headers=SAME_ORIGIN)

    assert switched.status_code == 403 and "lontar_bahasa" not in switched.cookies
    assert own.status_code == 302 and own.cookies["lontar_bahasa"].value == "en"


def test_two_visitors_of_one_cached_page_both_count_and_a_double_click_counts_once(
    agency_a, settings
):
    """A cached page hands every visitor the same form key for a second."""
    settings.LONTAR_PAGE_CACHE_SECONDS = 1
    page = article(news_index(agency_a), "Berita disukai")
    profile = StandardPage.objects.get(slug="profil", path__startswith=agency_a.site.root_page.path)
    first, second = _visitor("203.0.113.7"), _visitor("198.51.100.20")
    like_key = _form_key(first.get(page.url).content.decode(), f"/berita/suka/{page.pk}/")
    assert like_key == _form_key(second.get(page.url).content.decode(), f"/berita/suka/{page.pk}/")
    feedback_url = f"/survei/umpan-balik/{profile.pk}/"
    feedback_key = _form_key(first.get("/profil/").content.decode(), feedback_url)
    assert feedback_key == _form_key(second.get("/profil/").content.decode(), feedback_url)

    for client in (first, first, second):  # the first visitor double-clicks
        client.post(
            f"/berita/suka/{page.pk}/",
            {"suka": "1", "submission_key": like_key},
            headers=SAME_ORIGIN,
        )
        client.post(
            feedback_url,
            {"helpful": "ya", "submission_key": feedback_key},
            headers=SAME_ORIGIN,
        )

    assert ArticleLike.objects.filter(article=page).count() == 2
    assert PageFeedback.objects.filter(page=profile).count() == 2


def test_a_qna_vote_from_another_site_is_refused(agency_a):
    question = make_question(agency_a, status=Status.PUBLISHED, answer_text="Lewat SIASN.")

    forged = _visitor().post(
        f"/tanya-jawab/{question.pk}/umpan-balik/",
        {"membantu": "ya"},
        headers={"sec-fetch-site": "cross-site"},
    )
    own = _visitor().post(
        f"/tanya-jawab/{question.pk}/umpan-balik/", {"membantu": "ya"}, headers=SAME_ORIGIN
    )

    question.refresh_from_db()
    assert forged.status_code == 403
    assert own.status_code == 302
    assert question.helpful_yes == 1
